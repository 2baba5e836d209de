// Round-trip latency, node + piscina (2 threads). Usage: node piscina_roundtrip.mjs [N] [WARMUP]
import { makePool } from './piscina_common.mjs';
const N = Number(process.argv[2] ?? 2000);
const WARMUP = Number(process.argv[3] ?? 200);
const pool = makePool(2);
const add = { name: 'add' };
for (let i = 0; i < WARMUP; i++) if ((await pool.run({ a: i, b: 1 }, add)) !== i + 1) throw new Error('bad result');
const t0 = performance.now();
for (let i = 0; i < N; i++) if ((await pool.run({ a: i, b: 1 }, add)) !== i + 1) throw new Error('bad result');
const ms = performance.now() - t0;
console.log(JSON.stringify({ workload: 'roundtrip', tasks: N, ms, us_per_task: (ms * 1000) / N }));
await pool.destroy();
