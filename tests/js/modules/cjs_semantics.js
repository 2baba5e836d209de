// CommonJS details that programs rely on: the wrapper's scope, `this`, top-level return,
// shebang lines, strict mode per file, exports vs module.exports, createRequire, and the
// `module` builtin.
const sem = (name) => require(`./_app/sem/${name}`);
console.log('shebang + use strict:', sem('shebang'));
console.log('exports alias:', sem('exports_alias'));
const fn = sem('fn_export');
console.log('function export:', fn(), fn.extra, fn.name);
console.log('module scope:', sem('scope'));
const Module = require('module');
console.log('module builtin:', typeof Module.createRequire, Module.builtinModules.includes('fs'), Module.isBuiltin('node:path'), Module.isBuiltin('nope'));
const req = Module.createRequire(__dirname + '/_app/nested/deep/file.js');
console.log('createRequire:', req('greet').greet('createRequire'), req.resolve('../../config.json').endsWith('_app/config.json'));
console.log('module is a Module:', module instanceof Module, typeof module.require, module.require('./_app/dir_index'));
if (module.id === '.') {
  console.log('top-level return ends the module');
  return;
}
console.log('NOT REACHED');
