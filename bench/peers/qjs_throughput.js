// Throughput, qjs + os.Worker. Usage: qjs qjs_throughput.js [N] [WARMUP]
import { makePool } from "./qjs_pool.js";
const N = Number(scriptArgs[1] ?? 100000);
const WARMUP = Number(scriptArgs[2] ?? 2000);
const pool = makePool(2);
async function batch(n) {
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = pool.run("add", i, 1);
  const rs = await Promise.all(ps);
  for (let i = 0; i < n; i++) if (rs[i] !== i + 1) throw new Error("bad result at " + i);
}
await batch(WARMUP);
const t0 = performance.now();
await batch(N);
const ms = performance.now() - t0;
console.log(JSON.stringify({ workload: "throughput", tasks: N, ms, tasks_per_s: N / (ms / 1000) }));
pool.close();
