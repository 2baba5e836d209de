// Throughput, node + piscina (2 threads). Usage: node piscina_throughput.mjs [N] [WARMUP]
import { makePool } from './piscina_common.mjs';
import { measureThroughput } from '../common/tasks.mjs';
const N = Number(process.argv[2] ?? 100000);
const WARMUP = Number(process.argv[3] ?? 2000);
const pool = makePool(2);
const add = { name: 'add' };
console.log(JSON.stringify(await measureThroughput(N, WARMUP, (i) => pool.run({ a: i, b: 1 }, add))));
await pool.destroy();
