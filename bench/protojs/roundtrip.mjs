// Round-trip latency: N trivial tasks, each awaited before the next is submitted.
// Usage: protojs --workers 2 bench/protojs/roundtrip.mjs [N] [WARMUP] [hoisted]
// By default each task passes a fresh arrow function, `new Deferred((a, b) => a + b, i, 1)`,
// as the workload says; `hoisted` passes one function object defined once (for
// profiling: it shows what a per-function-object code cache would save).
// Prints one JSON line: {"workload":"roundtrip","tasks":N,"ms":..,"us_per_task":..}
const N = Number(process.argv[2] ?? 2000);
const WARMUP = Number(process.argv[3] ?? 200);
const HOISTED = process.argv[4] === 'hoisted';
const add = (a, b) => a + b;
const task = HOISTED ? (i) => new Deferred(add, i, 1) : (i) => new Deferred((a, b) => a + b, i, 1);

// Warm-up: the first tasks pay for the pool's start and each worker's first compile.
for (let i = 0; i < WARMUP; i++) {
  if ((await task(i)) !== i + 1) throw new Error('bad result');
}

const t0 = performance.now();
for (let i = 0; i < N; i++) {
  if ((await task(i)) !== i + 1) throw new Error('bad result');
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ workload: 'roundtrip', hoisted: HOISTED, tasks: N, ms, us_per_task: (ms * 1000) / N }));
