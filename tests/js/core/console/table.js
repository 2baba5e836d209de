console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([1, 'two', { three: 3 }]);
console.table({ r1: { c1: 1 }, r2: { c2: 2 } });
console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']);
console.table('not tabular');
console.table(42);
console.table([]);
console.table([[1, 2], [3, 4]]);
