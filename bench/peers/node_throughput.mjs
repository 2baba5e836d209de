// Throughput, node worker_threads. Usage: node node_throughput.mjs [N] [WARMUP]
import { makePool } from './node_pool.mjs';
const N = Number(process.argv[2] ?? 100000);
const WARMUP = Number(process.argv[3] ?? 2000);
const pool = makePool(2);
async function batch(n) {
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = pool.run('add', i, 1);
  const rs = await Promise.all(ps);
  for (let i = 0; i < n; i++) if (rs[i] !== i + 1) throw new Error('bad result at ' + i);
}
await batch(WARMUP);
const t0 = performance.now();
await batch(N);
const ms = performance.now() - t0;
console.log(JSON.stringify({ workload: 'throughput', tasks: N, ms, tasks_per_s: N / (ms / 1000) }));
await pool.close();
