// process.argv is [execPath, absolute script path, ...script args].
const argv = process.argv;
console.log('length:', argv.length);
console.log('is an array of strings:', Array.isArray(argv) && argv.every((a) => typeof a === 'string'));
console.log('argv[0] is execPath:', argv[0] === process.execPath);
console.log('execPath is absolute:', process.execPath.startsWith('/'));
console.log('argv[1] is the absolute script path:', argv[1] === process.cwd() + '/argv.js');
console.log('script args:', JSON.stringify(argv.slice(2)));
console.log('execArgv:', JSON.stringify(process.execArgv));
