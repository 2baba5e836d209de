// Random JS values for the round-trip property test and the AFL fuzz target (fuzz/): every
// choice is drawn from `next()`, a number in [0, 1) (a seeded PRNG, or the fuzzer's bytes).
const pick = (rnd, a) => a[Math.floor(rnd() * a.length)];
const TYPED = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];

export function randomString(rnd) {
  let s = '';
  const n = Math.floor(rnd() * 8);
  for (let i = 0; i < n; i++) {
    const k = rnd();
    s += k < 0.6 ? String.fromCharCode(32 + Math.floor(rnd() * 90))
      : k < 0.75 ? String.fromCharCode(0xd800 + Math.floor(rnd() * 0x800)) // lone surrogates
      : k < 0.9 ? '€😀'[Math.floor(rnd() * 2)] : String.fromCharCode(Math.floor(rnd() * 0xffff));
  }
  return s;
}

export function randomValue(rnd, depth = 0, pool = []) {
  const k = Math.floor(rnd() * (depth > 3 ? 8 : 16));
  switch (k) {
    case 0: return undefined;
    case 1: return null;
    case 2: return rnd() < 0.5;
    case 3: return pick(rnd, [0, -0, 1, -1, 2 ** 31, 2 ** 53, NaN, Infinity, -Infinity, rnd() * 1e6, 1e-300]);
    case 4: return BigInt(Math.floor(rnd() * 1e6)) * (rnd() < 0.5 ? -1n : 1n) * (rnd() < 0.3 ? 2n ** 70n : 1n);
    case 5: case 6: return randomString(rnd);
    case 7: return pool.length && rnd() < 0.5 ? pick(rnd, pool) : new Date(Math.floor(rnd() * 4e12));
    case 8: { const a = []; pool.push(a); const n = Math.floor(rnd() * 5); for (let i = 0; i < n; i++) a.push(randomValue(rnd, depth + 1, pool)); return a; }
    case 9: case 10: { const o = {}; pool.push(o); const n = Math.floor(rnd() * 5); for (let i = 0; i < n; i++) o[randomString(rnd) || 'k' + i] = randomValue(rnd, depth + 1, pool); return o; }
    case 11: { const m = new Map(); pool.push(m); const n = Math.floor(rnd() * 4); for (let i = 0; i < n; i++) m.set(randomValue(rnd, depth + 1, pool), randomValue(rnd, depth + 1, pool)); return m; }
    case 12: { const s = new Set(); pool.push(s); const n = Math.floor(rnd() * 4); for (let i = 0; i < n; i++) s.add(randomValue(rnd, depth + 1, pool)); return s; }
    case 13: { const T = pick(rnd, TYPED); const n = Math.floor(rnd() * 6); const t = new T(n); for (let i = 0; i < n; i++) t[i] = T.name.startsWith('Big') ? BigInt(Math.floor(rnd() * 1000)) : rnd() * 300 - 100; return t; }
    case 14: return pool.length ? pick(rnd, pool) : new RegExp('a+' + Math.floor(rnd() * 9), pick(rnd, ['', 'g', 'gi', 'y']));
    default: { const e = new (pick(rnd, [Error, TypeError, RangeError]))(randomString(rnd)); if (rnd() < 0.3) e.cause = randomValue(rnd, depth + 1, pool); return e; }
  }
}

// Deep equality that also checks the shape of shared references (a -> b mapping is 1:1).
export function equal(a, b, seen = new Map()) {
  if (typeof a !== typeof b) return false;
  if (typeof a !== 'object' || a === null || b === null) return Object.is(a, b);
  if (seen.has(a)) return seen.get(a) === b;
  seen.set(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (a instanceof RegExp) return a.source === b.source && a.flags === b.flags;
  if (a instanceof Error) return a.name === b.name && a.message === b.message && equal(a.cause, b.cause, seen);
  if (ArrayBuffer.isView(a)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  if (a instanceof Map) { const ea = [...a], eb = [...b]; return ea.length === eb.length && ea.every(([k, v], i) => equal(k, eb[i][0], seen) && equal(v, eb[i][1], seen)); }
  if (a instanceof Set) { const ea = [...a], eb = [...b]; return ea.length === eb.length && ea.every((v, i) => equal(v, eb[i], seen)); }
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && equal(a[k], b[k], seen));
}

