// Round-trip latency, node worker_threads. Usage: node node_roundtrip.mjs [N] [WARMUP]
import { makePool } from './node_pool.mjs';
const N = Number(process.argv[2] ?? 2000);
const WARMUP = Number(process.argv[3] ?? 200);
const pool = makePool(2);
for (let i = 0; i < WARMUP; i++) if ((await pool.run('add', i, 1)) !== i + 1) throw new Error('bad result');
const t0 = performance.now();
for (let i = 0; i < N; i++) if ((await pool.run('add', i, 1)) !== i + 1) throw new Error('bad result');
const ms = performance.now() - t0;
console.log(JSON.stringify({ workload: 'roundtrip', tasks: N, ms, us_per_task: (ms * 1000) / N }));
await pool.close();
