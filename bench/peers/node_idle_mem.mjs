// Idle memory, node worker_threads: all W workers run a task at once (a barrier on a
// SharedArrayBuffer), go idle; report RSS.
// Usage: node node_idle_mem.mjs W
import { makePool } from './node_pool.mjs';
const W = Number(process.argv[2] ?? 1);
const pool = makePool(W);
const sab = new SharedArrayBuffer(4);
const ran = await Promise.all(Array.from({ length: W }, () => pool.run('barrier', sab, W)));
await new Promise((r) => setTimeout(r, 300));
console.log(JSON.stringify({ workload: 'idle_mem', workers: W, all_ran: ran.every(Boolean), rss: process.memoryUsage().rss }));
await pool.close();
