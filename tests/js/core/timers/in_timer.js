// Inside a timer callback, an immediate always runs before a new setTimeout(0), and
// nextTicks and promise jobs run right after the callback.
setTimeout(() => {
  setTimeout(() => console.log('timeout 0 (from timer)'), 0);
  setImmediate(() => console.log('immediate (from timer)'));
  Promise.resolve().then(() => console.log('promise (from timer)'));
  process.nextTick(() => console.log('tick (from timer)'));
  console.log('timer 1');
}, 0);
