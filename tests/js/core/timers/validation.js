// Scheduling something that is not a function throws a TypeError synchronously.
function tryIt(name, f) {
  try {
    f();
    console.log(name, 'did not throw');
  } catch (e) {
    console.log(name, e instanceof TypeError ? 'TypeError' : e);
  }
}
tryIt('setTimeout(string)', () => setTimeout('console.log(1)', 1));
tryIt('setTimeout()', () => setTimeout());
tryIt('setInterval(null)', () => setInterval(null, 1));
tryIt('setImmediate(1)', () => setImmediate(1));
tryIt('queueMicrotask({})', () => queueMicrotask({}));
tryIt('process.nextTick(undefined)', () => process.nextTick(undefined));
console.log('typeof setTimeout:', typeof setTimeout, setTimeout.name, setTimeout.length >= 1);
