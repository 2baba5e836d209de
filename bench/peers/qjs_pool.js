// A minimal pool over qjs os.Worker: W workers, tasks dealt round-robin, one message per
// task, a Map of pending promises keyed by task id. Shared by the qjs_*.js benchmarks.
import * as os from "os";

export function makePool(W) {
  const pending = new Map();
  let next = 0;
  const workers = [];
  for (let i = 0; i < W; i++) {
    const w = new os.Worker("./qjs_worker.js");
    w.onmessage = (e) => {
      const { id, r } = e.data;
      const resolve = pending.get(id);
      pending.delete(id);
      resolve(r);
    };
    workers.push(w);
  }
  function run(op, ...args) {
    const id = next++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      workers[id % W].postMessage({ id, op, args });
    });
  }
  // Dropping the message handlers lets the process exit.
  function close() {
    for (const w of workers) w.onmessage = null;
  }
  return { run, close };
}
