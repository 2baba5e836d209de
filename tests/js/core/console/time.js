console.time();
console.time('t1');
const start = Date.now();
while (Date.now() - start < 5) { /* busy wait a few ms */ }
console.timeLog('t1', 'extra', 42);
console.timeEnd('t1');
console.timeEnd();
console.timeEnd('t1'); // already ended: a warning on stderr
console.timeLog('nope');
console.log('done');
