// Worker for the raw node worker_threads peer: answers each message {id, op, args} with {id, r}.
import { parentPort } from 'node:worker_threads';
import { ops } from '../common/ops.mjs';

parentPort.on('message', ({ id, op, args }) => {
  parentPort.postMessage({ id, r: ops[op](...args) });
});
