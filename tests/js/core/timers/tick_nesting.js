// A nextTick queued by a nextTick runs before promise jobs; a nextTick queued by a promise
// job runs only after the promise job queue is empty (Node's processTicksAndRejections).
const log = (s) => console.log(s);
Promise.resolve()
  .then(() => {
    log('p1');
    process.nextTick(() => log('tick queued by p1'));
    Promise.resolve().then(() => log('p2 (queued by p1)'));
  })
  .then(() => log('p1.then'));
process.nextTick(() => {
  log('t1');
  Promise.resolve().then(() => log('promise queued by t1'));
  process.nextTick(() => log('t2 (queued by t1)'));
});
queueMicrotask(() => log('qm1'));
log('sync');
