// Pending Deferreds postpone garbage collection by what they hold (GC credit), but cyclic
// garbage made while thousands of them are pending is still collected: the heap stays
// bounded instead of growing with the garbage.
const sab = new SharedArrayBuffer(4);
const gate = new Int32Array(sab);
// Tasks that wait until the main thread opens the gate: they stay pending meanwhile.
const ds = Array.from({ length: 5000 }, () => new Deferred((s) => {
  const g = new Int32Array(s);
  while (Atomics.load(g, 0) === 0) Atomics.wait(g, 0, 0, 50);
  return 1;
}, sab));
const all = Promise.all(ds);
let peak = 0;
for (let round = 0; round < 40; round++) {
  // ~5 MB of cycles per round, 200 MB in all: unreachable as soon as the round ends.
  for (let i = 0; i < 20000; i++) {
    const a = { payload: new Array(16).fill(i) };
    const b = { a };
    a.b = b;
  }
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}
Atomics.store(gate, 0, 1);
Atomics.notify(gate, 0);
const rs = await all;
console.log('tasks', rs.length, rs.every((v) => v === 1));
console.log('heap stayed under 64 MB while 200 MB of cycles were made:', peak < 64 * 1024 * 1024);
