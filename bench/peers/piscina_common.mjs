// Loads piscina from bench/.peers/node_modules (installed by bench/run.sh, never committed)
// and makes a pool of `threads` threads over piscina_worker.js.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const peers = process.env.PROTOJS_BENCH_PEERS ?? fileURLToPath(new URL('../.peers/', import.meta.url));
const require = createRequire(peers + '/package.json');
const { Piscina } = require('piscina');

export function makePool(threads) {
  return new Piscina({
    filename: fileURLToPath(new URL('./piscina_worker.js', import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
  });
}
