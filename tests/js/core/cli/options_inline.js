// --opt=value forms are accepted before the script; everything after it is the script's.
console.log(JSON.stringify(process.argv.slice(2)));
