// path (POSIX), compared with Node on the usual edge cases.
const path = require('path');
console.log(path.sep, path.delimiter, path.posix === path, require('path/posix') === path);
const cases = {
  join: [['a', 'b', '../c'], ['/a/', '/b/'], ['', ''], ['a', '', 'b'], ['.', 'x/'], []],
  normalize: [['/a//b/./c/..'], ['a/../../b'], ['./'], [''], ['//a'], ['a/b/'], ['/..']],
  resolve: [['/a/b', './c'], ['/a/b', '/c', 'd'], ['/x', '..', '..', 'y'], ['/a/', 'b/']],
  dirname: [['/a/b/c'], ['/a/b/c/'], ['a'], ['/'], [''], ['//a'], ['a/b']],
  basename: [['/a/b/c.txt'], ['/a/b/c.txt', '.txt'], ['/a/b/'], ['c.txt', 'c.txt'], ['.bashrc'], ['a/b.js', 'js']],
  extname: [['a.js'], ['a.tar.gz'], ['.bashrc'], ['a.'], ['a'], ['a.b/c'], ['..'], ['a..']],
  relative: [['/a/b/c', '/a/d'], ['/a', '/a/b/c'], ['/a/b', '/a/b'], ['/a/b', '/'], ['/', '/x']],
  isAbsolute: [['/a'], ['a'], ['']],
  parse: [['/home/u/file.txt'], ['file'], ['/'], ['./a.b.c'], ['.hidden']],
  format: [[{ dir: '/x', base: 'y.js' }], [{ root: '/', name: 'f', ext: 'txt' }], [{ name: 'n', ext: '.e' }], [{ root: '/', dir: '/', base: 'z' }]],
};
for (const [fn, list] of Object.entries(cases)) {
  for (const args of list) console.log(`${fn}(${args.map((a) => JSON.stringify(a)).join(', ')}) =`, path[fn](...args));
}
console.log(path.resolve('x') === process.cwd() + '/x', path.resolve() === process.cwd(), path.relative('', 'a'));
for (const bad of [() => path.join('a', 1), () => path.basename(null), () => path.format(null)]) {
  try { bad(); } catch (e) { console.log(e.name, e.code, e.message); }
}
