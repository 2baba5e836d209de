// Throughput, node + piscina (2 threads). Usage: node piscina_throughput.mjs [N] [WARMUP]
import { makePool } from './piscina_common.mjs';
const N = Number(process.argv[2] ?? 100000);
const WARMUP = Number(process.argv[3] ?? 2000);
const pool = makePool(2);
const add = { name: 'add' };
async function batch(n) {
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = pool.run({ a: i, b: 1 }, add);
  const rs = await Promise.all(ps);
  for (let i = 0; i < n; i++) if (rs[i] !== i + 1) throw new Error('bad result at ' + i);
}
await batch(WARMUP);
const t0 = performance.now();
await batch(N);
const ms = performance.now() - t0;
console.log(JSON.stringify({ workload: 'throughput', tasks: N, ms, tasks_per_s: N / (ms / 1000) }));
await pool.destroy();
