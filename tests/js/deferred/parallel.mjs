// Proof of real parallelism: two tasks wait for each other through a SharedArrayBuffer.
// Run one after the other, the first would wait in vain and time out.
const sab = new SharedArrayBuffer(8);
const flags = new Int32Array(sab);
const meet = (sab, me, other) => {
  const f = new Int32Array(sab);
  Atomics.store(f, me, 1);
  Atomics.notify(f, me);
  const deadline = Date.now() + 5000;
  while (Atomics.load(f, other) === 0) {
    if (Date.now() > deadline) return 'timed out waiting for the other task';
    Atomics.wait(f, other, 0, 100);
  }
  return 'met';
};
const results = await Promise.all([new Deferred(meet, sab, 0, 1), new Deferred(meet, sab, 1, 0)]);
console.log(results, Array.from(flags));
// the memory is shared: a worker's writes are visible on the main thread
await new Deferred((s) => { new Int32Array(s)[0] = 42; }, sab);
console.log(flags[0]);
