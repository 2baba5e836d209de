// Speedup, node + piscina (2 threads): CALLS x fib(N) on the pool vs on the main thread.
// Usage: node piscina_speedup.mjs [N] [CALLS] [REPS]
import { makePool } from './piscina_common.mjs';
import { fib, measureSpeedup } from '../common/speedup.mjs';
const N = Number(process.argv[2] ?? 27);
const CALLS = Number(process.argv[3] ?? 8);
const REPS = Number(process.argv[4] ?? 3);
const pool = makePool(2);
const fibTask = { name: 'fib' };
await Promise.all(Array.from({ length: 4 }, () => pool.run(N, fibTask)));
fib(N);
const parallel = (n, calls) => Promise.all(Array.from({ length: calls }, () => pool.run(n, fibTask)));
console.log(JSON.stringify(await measureSpeedup(N, CALLS, REPS, parallel)));
await pool.destroy();
