// Round-trip latency, node + piscina (2 threads). Usage: node piscina_roundtrip.mjs [N] [WARMUP]
import { makePool } from './piscina_common.mjs';
import { measureRoundtrip } from '../common/tasks.mjs';
const N = Number(process.argv[2] ?? 2000);
const WARMUP = Number(process.argv[3] ?? 200);
const pool = makePool(2);
const add = { name: 'add' };
console.log(JSON.stringify(await measureRoundtrip(N, WARMUP, (i) => pool.run({ a: i, b: 1 }, add))));
await pool.destroy();
