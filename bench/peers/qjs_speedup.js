// Speedup, qjs + os.Worker: CALLS x fib(N) on 2 workers vs on the main thread.
// Usage: qjs qjs_speedup.js [N] [CALLS] [REPS]
import { makePool } from "./qjs_pool.js";
import { fib, measureSpeedup } from "../common/speedup.mjs";
const N = Number(scriptArgs[1] ?? 27);
const CALLS = Number(scriptArgs[2] ?? 8);
const REPS = Number(scriptArgs[3] ?? 3);
const pool = makePool(2);
await Promise.all(Array.from({ length: 4 }, () => pool.run("fib", N)));
fib(N);
const parallel = (n, calls) => Promise.all(Array.from({ length: calls }, () => pool.run("fib", n)));
console.log(JSON.stringify(await measureSpeedup(N, CALLS, REPS, parallel)));
pool.close();
