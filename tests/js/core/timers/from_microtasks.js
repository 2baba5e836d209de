// Timers created inside nextTicks and microtasks fire in creation order.
const log = (s) => console.log(s);
Promise.resolve().then(() => setTimeout(() => log('timeout from promise'), 0));
process.nextTick(() => setTimeout(() => log('timeout from nextTick'), 0));
queueMicrotask(() => setTimeout(() => log('timeout from queueMicrotask'), 0));
setTimeout(() => log('timeout from main'), 0);

// Then (each step started by the previous one, so the order is deterministic):
setTimeout(() => {
  // a promise job of a timer callback: its immediate runs before its setTimeout(0)
  Promise.resolve().then(() => {
    setTimeout(() => {
      log('timeout from a promise inside a timer');
      step3();
    }, 0);
    setImmediate(() => log('immediate from a promise inside a timer'));
  });
}, 20);

function step3() {
  // an immediate's promise job can queue another immediate: it runs on the next turn
  setImmediate(() => {
    Promise.resolve().then(() => setImmediate(() => log('immediate from a promise inside an immediate')));
    log('immediate inside timer');
  });
}
