// process.nextTick callbacks run before promise jobs; promise jobs and queueMicrotask
// share one FIFO queue.
const log = (s) => console.log(s);
Promise.resolve().then(() => log('promise 1'));
queueMicrotask(() => log('microtask 1'));
process.nextTick(() => log('tick 1'));
Promise.resolve().then(() => log('promise 2'));
process.nextTick((a, b) => log(`tick 2 ${a} ${b}`), 'x', 'y');
queueMicrotask(() => log('microtask 2'));
(async () => {
  log('async fn start (sync)');
  await null;
  log('async fn after await');
})();
log('sync end');
