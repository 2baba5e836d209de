// Throughput: N trivial tasks submitted at once, then Promise.all.
// Usage: protojs --workers 2 bench/protojs/throughput.mjs [N] [WARMUP] [hoisted]
// By default each task passes a fresh arrow function, `new Deferred((a, b) => a + b, i, 1)`,
// as the workload says; `hoisted` passes one function object defined once (for
// profiling: it shows what a per-function-object code cache would save).
// Prints one JSON line: {"workload":"throughput","tasks":N,"ms":..,"tasks_per_s":..}
const N = Number(process.argv[2] ?? 100000);
const WARMUP = Number(process.argv[3] ?? 2000);
const HOISTED = process.argv[4] === 'hoisted';
const add = (a, b) => a + b;
const task = HOISTED ? (i) => new Deferred(add, i, 1) : (i) => new Deferred((a, b) => a + b, i, 1);

async function batch(n) {
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = task(i);
  const rs = await Promise.all(ps);
  for (let i = 0; i < n; i++) if (rs[i] !== i + 1) throw new Error('bad result at ' + i);
}

await batch(WARMUP); // pool start, first compiles
const t0 = performance.now();
await batch(N);
const ms = performance.now() - t0;
console.log(JSON.stringify({ workload: 'throughput', hoisted: HOISTED, tasks: N, ms, tasks_per_s: N / (ms / 1000) }));
