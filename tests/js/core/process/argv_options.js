// protojs options before the script are not script arguments.
console.log('script args:', JSON.stringify(process.argv.slice(2)));
console.log('argv[1] ends with the script name:', process.argv[1].endsWith('/argv_options.js'));
