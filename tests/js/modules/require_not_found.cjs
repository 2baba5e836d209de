// An uncaught require miss: Node's message with the require stack, exit 1.
console.log('before');
require('./_app/no-such-file');
console.log('NOT REACHED');
