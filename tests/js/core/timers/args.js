// Extra arguments are passed through to callbacks (one step after another, so the order
// is deterministic).
const steps = [
  (next) => setTimeout((a, b, c) => { console.log('setTimeout', a, b, c); next(); }, 1, 'a', 2, { c: 3 }),
  (next) => setTimeout((...rest) => { console.log('setTimeout without extra args:', rest.length); next(); }, 1),
  (next) => {
    let runs = 0;
    const iv = setInterval((x, y) => {
      console.log('setInterval', x, y);
      if (++runs === 2) {
        clearInterval(iv);
        next();
      }
    }, 1, 'x', ['y']);
  },
  (next) => setImmediate((a, b) => { console.log('setImmediate', a, b); next(); }, 'i', null),
  (next) => process.nextTick((a, b, c) => { console.log('nextTick', a, b, c); next(); }, 1, undefined, 'three'),
  (next) => setTimeout(function () { console.log('arguments.length', arguments.length); next(); }, 1, 1, 2, 3, 4, 5),
];
function next() {
  const step = steps.shift();
  if (step) step(next);
  else console.log('done');
}
next();
