// The body of cjs_app.cjs (inside _app/ so that bare names find _app/node_modules).
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
console.log('module:', module.id === __filename ? 'id is the filename' : 'id differs', rel(module.filename), module.loaded, require.main === module);
console.log('__filename/__dirname:', path.basename(__filename), path.basename(__dirname));
console.log('this is module.exports:', this === module.exports);

// relative, extensionless, .json, directories (package.json main, index.js)
console.log(require('./lib/counter.cjs').label);
console.log(require('./config').features, require('./config.json') === require('./config'));
console.log(require('./dir_main'), '|', require('./dir_index'), '|', require('./dir_index/'));

// node_modules: package.json main, index.js, exports map ("require" condition, subpath)
console.log(require('greet').loud('cjs'), require('legacy'), require('@demo/dual').flavor, require('@demo/dual/feature'));
console.log(require('./nested/deep/file'));

// builtins, bare and node: prefixed
console.log(require('fs') === require('node:fs'), typeof require('fs/promises').readFile, require('events') === require('node:events').EventEmitter);
console.log(require('process') === process, require('buffer').Buffer === Buffer, require('node:path').sep);

// cycles: b sees a's partial exports
const a = require('./cjs_cycle/a');
console.log('a done:', a.done);

// require.resolve and require.cache
console.log(rel(require.resolve('./dir_main')), require.resolve('fs'), require.resolve('node:fs'), rel(require.resolve('greet')));
const key = require.resolve('./lib/counter.cjs');
const c1 = require(key);
c1.increment();
console.log('cached:', require.cache[key].exports === c1, require(key).increment());
delete require.cache[key];
console.log('reloaded after delete:', require(key) !== c1, require(key).increment());
console.log('cache keys are absolute paths:', Object.keys(require.cache).every((k) => path.isAbsolute(k)));

// a module that throws is not cached
try { require('./lib/throws'); } catch (e) { console.log('throws:', e.message); }
console.log('not cached after throwing:', require.cache[require.resolve('./lib/throws')]);

// misses
for (const id of ['./missing', 'no-such-package', 'greet/missing', '@demo/dual/internal/x']) {
  try { require(id); } catch (e) { console.log(e.code, JSON.stringify(e.message.replace(__dirname, '<app>').replace(path.dirname(__dirname), '<tests>'))); }
}
try { require(''); } catch (e) { console.log(e.code, e.message); }
try { require(42); } catch (e) { console.log(e.code, e.message); }
module.exports = 'main exports';
