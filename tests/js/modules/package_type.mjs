// A package.json "type" decides how its .js files load, as in node: "module" makes a file
// without import/export an ES module, "commonjs" (or no type) a CommonJS one.
await import('./_pkg_type/module/plain.js');
console.log(globalThis.seen);
const cjs = await import('./_pkg_type/commonjs/lib.js');
console.log(cjs.default);
const untyped = await import('./_pkg_type/none/lib.js');
console.log(untyped.default);
