// Speedup, qjs + os.Worker: CALLS x fib(N) on 2 workers vs on the main thread.
// Usage: qjs qjs_speedup.js [N] [CALLS] [REPS]
import { makePool, fib } from "./qjs_pool.js";
const N = Number(scriptArgs[1] ?? 27);
const CALLS = Number(scriptArgs[2] ?? 8);
const REPS = Number(scriptArgs[3] ?? 3);
const pool = makePool(2);
await Promise.all(Array.from({ length: 4 }, () => pool.run("fib", N)));
fib(N);
// REPS alternations of the serial and the parallel run; the best of each is kept.
let serial_ms = Infinity, parallel_ms = Infinity, serial, parallel;
for (let rep = 0; rep < REPS; rep++) {
  let t = performance.now();
  serial = [];
  for (let i = 0; i < CALLS; i++) serial.push(fib(N));
  serial_ms = Math.min(serial_ms, performance.now() - t);
  t = performance.now();
  parallel = await Promise.all(Array.from({ length: CALLS }, () => pool.run("fib", N)));
  parallel_ms = Math.min(parallel_ms, performance.now() - t);
}
if (!parallel.every((v, i) => v === serial[i])) throw new Error("results differ");
console.log(JSON.stringify({ workload: "speedup", n: N, calls: CALLS, reps: REPS, serial_ms, parallel_ms, speedup: serial_ms / parallel_ms }));
pool.close();
