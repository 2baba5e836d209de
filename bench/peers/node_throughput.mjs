// Throughput, node worker_threads. Usage: node node_throughput.mjs [N] [WARMUP]
import { makePool } from './node_pool.mjs';
import { measureThroughput } from '../common/tasks.mjs';
const N = Number(process.argv[2] ?? 100000);
const WARMUP = Number(process.argv[3] ?? 2000);
const pool = makePool(2);
console.log(JSON.stringify(await measureThroughput(N, WARMUP, (i) => pool.run('add', i, 1))));
await pool.close();
