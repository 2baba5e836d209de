// Speedup: CALLS x fib(N) on the worker pool versus the same calls on the main thread.
// Usage: protojs --workers 2 bench/protojs/speedup.mjs [N] [CALLS] [REPS]
// Prints one JSON line: {"workload":"speedup","serial_ms":..,"parallel_ms":..,"speedup":..}
const N = Number(process.argv[2] ?? 27);
const CALLS = Number(process.argv[3] ?? 8);
const REPS = Number(process.argv[4] ?? 3);
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

// Warm-up: start the pool and compile fib on every worker, and warm the main thread.
await Promise.all(Array.from({ length: 2 * Deferred.poolSize }, () => new Deferred(fib, N)));
fib(N);

// REPS alternations of the serial and the parallel run; the best of each is kept.
let serial_ms = Infinity, parallel_ms = Infinity, serial, parallel;
for (let rep = 0; rep < REPS; rep++) {
  let t = performance.now();
  serial = [];
  for (let i = 0; i < CALLS; i++) serial.push(fib(N));
  serial_ms = Math.min(serial_ms, performance.now() - t);
  t = performance.now();
  parallel = await Promise.all(Array.from({ length: CALLS }, () => new Deferred(fib, N)));
  parallel_ms = Math.min(parallel_ms, performance.now() - t);
}
if (!parallel.every((v, i) => v === serial[i])) throw new Error('results differ');
console.log(JSON.stringify({ workload: 'speedup', n: N, calls: CALLS, reps: REPS, serial_ms, parallel_ms, speedup: serial_ms / parallel_ms }));
