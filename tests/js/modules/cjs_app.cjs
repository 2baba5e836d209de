// CommonJS: require of relative files, extensionless names, JSON, directories, node_modules
// packages found by walking up (main, index.js, exports map), builtins, cycles with
// partial exports, require.resolve, require.cache, and Node's errors. The app is
// _app/cjs_main.js (inside _app/ so that bare names find _app/node_modules).
console.log('main module:', require.main === module, module.id);
const result = require('./_app/cjs_main');
console.log('result:', result);
console.log('children:', module.children.map((m) => require('path').basename(m.filename)));
