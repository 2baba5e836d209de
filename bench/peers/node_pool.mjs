// A minimal pool over node worker_threads: W workers, tasks dealt round-robin, one message
// per task, a Map of pending promises keyed by task id. Shared by the node_*.mjs benchmarks.
import { Worker } from 'node:worker_threads';

export function makePool(W) {
  const pending = new Map();
  let next = 0;
  const workers = [];
  for (let i = 0; i < W; i++) {
    const w = new Worker(new URL('./node_worker.mjs', import.meta.url));
    w.on('message', ({ id, r }) => {
      const resolve = pending.get(id);
      pending.delete(id);
      resolve(r);
    });
    w.on('error', (e) => { console.error(e); process.exit(1); });
    workers.push(w);
  }
  function run(op, ...args) {
    const id = next++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      workers[id % W].postMessage({ id, op, args });
    });
  }
  function close() {
    return Promise.all(workers.map((w) => w.terminate()));
  }
  return { run, close };
}
