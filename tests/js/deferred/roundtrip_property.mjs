// Property test of the value crossing: random values (seeded, so reproducible) go to a
// worker and back and must come back deeply equal, with shared references and cycles kept.
// PROTOJS_FUZZ_CASES raises the count for a longer run.
import { randomValue, equal } from './_roundtrip_lib.mjs';
const CASES = Number(process.env.PROTOJS_FUZZ_CASES || 300);
let seed = Number(process.env.PROTOJS_FUZZ_SEED || 12345);
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
let failures = 0;
const echo = (v) => v;
for (let c = 0; c < CASES; c++) {
  const pool = [];
  const value = randomValue(rnd, 0, pool);
  // close some cycles
  if (pool.length > 1 && rnd() < 0.5) { const o = pool[Math.floor(rnd() * pool.length)]; if (Array.isArray(o)) o.push(pool[Math.floor(rnd() * pool.length)]); }
  const back = await new Deferred(echo, value);
  if (!equal(value, back)) {
    failures++;
    if (failures <= 3) console.log('MISMATCH at case', c);
  }
}
console.log(`${CASES} cases, ${failures} mismatches`);
