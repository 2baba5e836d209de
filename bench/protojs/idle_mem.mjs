// Idle memory of the pool: make every worker run a task at the same time (a barrier on a
// SharedArrayBuffer, so each of the N tasks must be on its own worker), let the pool go
// idle, then report this process's RSS.
// Usage: protojs --workers N bench/protojs/idle_mem.mjs
// Prints one JSON line: {"workload":"idle_mem","workers":N,"all_ran":bool,"rss":bytes}
const W = Deferred.poolSize;
const sab = new SharedArrayBuffer(4);
// Arrives at the barrier, then waits (at most 2 s) until all W tasks have arrived.
const barrier = (sab, n) => {
  const a = new Int32Array(sab);
  Atomics.add(a, 0, 1);
  const end = Date.now() + 2000;
  for (let v; (v = Atomics.load(a, 0)) < n && Date.now() < end; ) Atomics.wait(a, 0, v, 10);
  return Atomics.load(a, 0) >= n;
};
const ran = await Promise.all(Array.from({ length: W }, () => new Deferred(barrier, sab, W)));
await new Promise((r) => setTimeout(r, 300));
console.log(JSON.stringify({ workload: 'idle_mem', workers: W, all_ran: ran.every(Boolean), rss: process.memoryUsage().rss }));
