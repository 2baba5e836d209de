// Values cross with structured-clone semantics, both ways (argument in, result out).
const echo = (v) => v;
const roundTrip = (v) => new Deferred(echo, v);

const cases = {
  undefined: undefined, null: null, true: true, int: 42, float: 3.5, negZero: -0, nan: NaN,
  inf: -Infinity, big: 12345678901234567890n, negBig: -5n, str: 'héllo ✓ 𝄞', empty: '',
  lone: '\ud800x', date: new Date(Date.UTC(2020, 1, 29, 12)),
};
for (const [k, v] of Object.entries(cases)) {
  const r = await roundTrip(v);
  console.log(k, Object.is(r, v) || (v instanceof Date && r.getTime() === v.getTime()), typeof r);
}
console.log(await roundTrip({ a: 1, b: [1, 'x', { c: null }], d: { e: { f: [true] } } }));
const re = /ab+c/gi;
re.lastIndex = 2;
const r2 = await roundTrip(re);
console.log(r2 instanceof RegExp, r2.source, r2.flags, r2.lastIndex);
const m = await roundTrip(new Map([['k', 1], [{ o: 1 }, new Set([1, 2])]]));
console.log(m instanceof Map, m.size, m.get('k'), [...m.keys()][1], [...m.values()][1] instanceof Set);
const s = await roundTrip(new Set(['a', 1, 2n]));
console.log(s instanceof Set, [...s]);
const e = await roundTrip(new TypeError('bad', { cause: new RangeError('inner') }));
console.log(e instanceof TypeError, e.name, e.message, e.cause instanceof RangeError, e.cause.message);
const buf = new Uint8Array([1, 2, 3, 250]);
const u8 = await roundTrip(buf);
console.log(u8 instanceof Uint8Array, u8, u8.buffer !== buf.buffer);
console.log(await roundTrip(new Float64Array([1.5, -2])), await roundTrip(new BigInt64Array([7n])));
const ab = await roundTrip(new Uint16Array([1, 2]).buffer);
console.log(ab instanceof ArrayBuffer, ab.byteLength, new Uint16Array(ab)[1]);
const dv = await roundTrip(new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2));
console.log(dv instanceof DataView, dv.byteOffset, dv.byteLength, dv.getUint8(0));
const boxed = await roundTrip([new Number(3), new String('s'), new Boolean(false)]);
console.log(boxed.map((b) => typeof b), boxed.map((b) => b.valueOf()));
// cycles and shared references survive, including through Maps
const cyc = { name: 'root' };
cyc.self = cyc;
const shared = { n: 1 };
cyc.pair = [shared, shared];
cyc.map = new Map([['back', cyc]]);
const c2 = await roundTrip(cyc);
console.log(c2.self === c2, c2.pair[0] === c2.pair[1], c2.map.get('back') === c2, c2 !== cyc);
// class instances arrive as plain objects (structured clone drops prototypes)
class Point { constructor(x, y) { this.x = x; this.y = y; } norm() { return 0; } }
const p = await roundTrip(new Point(1, 2));
console.log(p instanceof Point, p, typeof p.norm);
// results are built in the worker
const made = await new Deferred(() => ({ m: new Map([[1, 'one']]), d: new Date(0), r: /x/y, e: new SyntaxError('s') }));
console.log(made.m.get(1), made.d.toISOString(), String(made.r), made.e instanceof SyntaxError);
// structuredClone uses the same encoder
const sc = structuredClone({ s: new Set([1]), at: new Date(5) });
console.log(sc.s.has(1), sc.at.getTime());
