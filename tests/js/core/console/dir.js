const nested = { a: { b: { c: { d: 1 } } } };
console.dir(nested);
console.dir(nested, { depth: 0 });
console.dir(nested, { depth: null });
console.dir('str');
console.dir(42);
console.dir([1, 'two', [3]]);
// console.dir ignores custom inspect functions (customInspect: false)
const custom = { z: 1, [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM'; } };
console.log(custom);
console.dir(custom);
