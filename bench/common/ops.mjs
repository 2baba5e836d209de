// What the message-passing peers' workers compute (qjs os.Worker and node worker_threads):
// each message {id, op, args} is answered with {id, r: ops[op](...args)}.
import { fib } from './speedup.mjs';

export const ops = {
  add: (a, b) => a + b,
  fib,
  // Arrives at the barrier, then waits (at most 2 s) until all n tasks have arrived.
  barrier: (sab, n) => {
    const a = new Int32Array(sab);
    Atomics.add(a, 0, 1);
    const end = Date.now() + 2000;
    for (let v; (v = Atomics.load(a, 0)) < n && Date.now() < end; ) Atomics.wait(a, 0, v, 10);
    return Atomics.load(a, 0) >= n;
  },
};
