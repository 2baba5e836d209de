// Run with: cargo run --release -- examples/parallel.mjs
// Eight CPU-bound calls, first one after another on the main thread, then as Deferred
// tasks spread over the worker pool.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

const N = 27;
const calls = 8;

let t = performance.now();
const serial = [];
for (let i = 0; i < calls; i++) serial.push(fib(N));
const serialMs = performance.now() - t;

t = performance.now();
const parallel = await Promise.all(Array.from({ length: calls }, () => new Deferred(fib, N)));
const parallelMs = performance.now() - t;

const same = parallel.every((v, i) => v === serial[i]);
console.log(`fib(${N}) x ${calls}: ${parallel[0]} each, results ${same ? 'match' : 'DIFFER'}`);
console.log(`main thread: ${serialMs.toFixed(0)} ms`);
console.log(`Deferred on ${Deferred.poolSize} workers: ${parallelMs.toFixed(0)} ms (speedup ${(serialMs / parallelMs).toFixed(2)}x)`);

// Errors thrown in a worker arrive with their class, message and the worker's stack.
try {
  await new Deferred((x) => {
    if (x < 0) throw new RangeError(`negative input: ${x}`);
  }, -1);
} catch (e) {
  console.log(`caught ${e.name}: ${e.message} (instanceof RangeError: ${e instanceof RangeError})`);
}
if (!same) process.exitCode = 1;
