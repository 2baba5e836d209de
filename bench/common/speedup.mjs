// The speedup workload, the same for every system: REPS alternations of CALLS x fib(N) on
// the main thread and through `parallel(N, CALLS)` (the system's pool), the best of each
// kept. Returns the JSON record the harness reads. Imported by protojs/speedup.mjs and
// peers/*_speedup.* (qjs, node and piscina all load ES modules).
export function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

export async function measureSpeedup(N, CALLS, REPS, parallel) {
  let serial_ms = Infinity, parallel_ms = Infinity, serial, results;
  for (let rep = 0; rep < REPS; rep++) {
    let t = performance.now();
    serial = [];
    for (let i = 0; i < CALLS; i++) serial.push(fib(N));
    serial_ms = Math.min(serial_ms, performance.now() - t);
    t = performance.now();
    results = await parallel(N, CALLS);
    parallel_ms = Math.min(parallel_ms, performance.now() - t);
  }
  if (!results.every((v, i) => v === serial[i])) throw new Error('results differ');
  return { workload: 'speedup', n: N, calls: CALLS, reps: REPS, serial_ms, parallel_ms, speedup: serial_ms / parallel_ms };
}
