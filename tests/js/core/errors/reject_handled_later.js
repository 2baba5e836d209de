// A rejection that gets a handler before the microtask queue drains is not reported.
const p1 = Promise.reject(new Error('handled in the same tick'));
p1.catch((e) => console.log('caught:', e.message));

const p2 = Promise.reject(new Error('handled by a later microtask'));
Promise.resolve().then(() => Promise.resolve()).then(() => {
  p2.catch((e) => console.log('caught:', e.message));
});

const p3 = Promise.reject(new Error('handled by a nextTick'));
process.nextTick(() => p3.catch((e) => console.log('caught:', e.message)));

const p4 = Promise.reject(new Error('handled by queueMicrotask'));
queueMicrotask(() => p4.then(null, (e) => console.log('caught:', e.message)));

async function f() {
  throw new Error('async, awaited in try/catch');
}
(async () => {
  try {
    await f();
  } catch (e) {
    console.log('caught:', e.message);
  }
})();

const p5 = Promise.reject(new Error('handled via Promise.allSettled'));
Promise.allSettled([p5]).then((r) => console.log('allSettled:', r[0].status));
setTimeout(() => console.log('timers still run: exit code 0'), 5);
