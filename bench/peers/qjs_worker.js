// Worker module for the qjs os.Worker peer: answers each message {id, op, args} with
// {id, r}. Run by qjs_*.js through `new os.Worker("./qjs_worker.js")`.
import * as os from "os";

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
const ops = {
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

const parent = os.Worker.parent;
parent.onmessage = (e) => {
  const { id, op, args } = e.data;
  parent.postMessage({ id, r: ops[op](...args) });
};
