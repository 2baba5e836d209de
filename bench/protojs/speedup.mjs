// Speedup: CALLS x fib(N) on the worker pool versus the same calls on the main thread.
// Usage: protojs --workers 2 bench/protojs/speedup.mjs [N] [CALLS] [REPS]
// Prints one JSON line: {"workload":"speedup","serial_ms":..,"parallel_ms":..,"speedup":..}
import { fib, measureSpeedup } from '../common/speedup.mjs';
const N = Number(process.argv[2] ?? 27);
const CALLS = Number(process.argv[3] ?? 8);
const REPS = Number(process.argv[4] ?? 3);
// Warm-up: start the pool and compile fib on every worker, and warm the main thread.
await Promise.all(Array.from({ length: 2 * Deferred.poolSize }, () => new Deferred(fib, N)));
fib(N);
const parallel = (n, calls) => Promise.all(Array.from({ length: calls }, () => new Deferred(fib, n)));
console.log(JSON.stringify(await measureSpeedup(N, CALLS, REPS, parallel)));
