// Speedup, node worker_threads: CALLS x fib(N) on 2 workers vs on the main thread.
// Usage: node node_speedup.mjs [N] [CALLS] [REPS]
import { makePool } from './node_pool.mjs';
import { fib, measureSpeedup } from '../common/speedup.mjs';
const N = Number(process.argv[2] ?? 27);
const CALLS = Number(process.argv[3] ?? 8);
const REPS = Number(process.argv[4] ?? 3);
const pool = makePool(2);
await Promise.all(Array.from({ length: 4 }, () => pool.run('fib', N)));
fib(N);
const parallel = (n, calls) => Promise.all(Array.from({ length: calls }, () => pool.run('fib', n)));
console.log(JSON.stringify(await measureSpeedup(N, CALLS, REPS, parallel)));
await pool.close();
