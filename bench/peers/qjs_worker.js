// Worker module for the qjs os.Worker peer: answers each message {id, op, args} with
// {id, r}. Run by qjs_*.js through `new os.Worker("./qjs_worker.js")`.
import * as os from "os";
import { ops } from "../common/ops.mjs";

const parent = os.Worker.parent;
parent.onmessage = (e) => {
  const { id, op, args } = e.data;
  parent.postMessage({ id, r: ops[op](...args) });
};
