// Round-trip latency, node worker_threads. Usage: node node_roundtrip.mjs [N] [WARMUP]
import { makePool } from './node_pool.mjs';
import { measureRoundtrip } from '../common/tasks.mjs';
const N = Number(process.argv[2] ?? 2000);
const WARMUP = Number(process.argv[3] ?? 200);
const pool = makePool(2);
console.log(JSON.stringify(await measureRoundtrip(N, WARMUP, (i) => pool.run('add', i, 1))));
await pool.close();
