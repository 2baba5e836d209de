// console.assert writes to stderr only when the assertion fails, and never throws.
console.assert(true, 'never shown');
console.assert(1 === 1);
console.assert('non-empty', 'never shown either');
console.assert(false);
console.assert(0, 'failed %s #%d', 'check', 2);
console.assert('', 'x', 'y');
console.assert(null, { a: 1 });
const r = console.assert(false, 'returns');
console.log('assert returned', r);
console.log('done');
