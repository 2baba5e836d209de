console.table(new Map([['k1', { v: 1 }], ['k2', { v: 2 }]]));
console.table(new Set(['a', 'b']));
