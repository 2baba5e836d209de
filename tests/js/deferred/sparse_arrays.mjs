// Arrays with holes, a length beyond their elements, or named properties keep them across a
// transfer, as structured clone does (expected output: node's structuredClone). A sparse
// array costs its entries, not its length.
const isProtojs = typeof Deferred === 'function';
const send = (v) => (isProtojs ? new Deferred((x) => x, v) : Promise.resolve(structuredClone(v)));
const show = (label, v) => console.log(label, v, Array.isArray(v) ? [v.length, Object.keys(v).join(',')] : '');

const holes = [1, , 3];
const trailing = [1, 2]; trailing.length = 5;
const named = [1, 2]; named.extra = 'kept';
const sparse = []; sparse[1e8] = 'far';
const cyclic = [, 'x']; cyclic[2] = cyclic;
const inMap = new Map([['k', [, , 'in a map']]]);
const nested = { list: [{ a: [, 1] }, , [2, , 4]] };
const shared = [, 'shared'];
const twice = { a: shared, b: shared };

for (const [label, v] of Object.entries({ holes, trailing, named, nested })) show(label, structuredClone(v));
const s = structuredClone(sparse);
console.log('sparse', s.length, Object.keys(s), s[1e8]);
const c = structuredClone(cyclic);
console.log('cyclic', c.length, 0 in c, c[1], c[2] === c);
console.log('in a map', structuredClone(inMap).get('k'));
const t = structuredClone(twice);
console.log('shared', t.a === t.b, t.a);

// The same values through a task, both ways.
show('task holes', await send(holes));
show('task trailing', await send(trailing));
show('task named', await send(named));
const ts = await send(sparse);
console.log('task sparse', ts.length, Object.keys(ts), ts[1e8]);
const tc = await send(cyclic);
console.log('task cyclic', tc.length, 0 in tc, tc[1], tc[2] === tc);
console.log('task nested', JSON.stringify(Object.keys((await send(nested)).list)), (await send(nested)).list[2]);
const made = isProtojs ? await new Deferred(() => { const a = [1, , 3]; a.tag = 't'; return a; }) : Object.assign([1, , 3], { tag: 't' });
show('made in a task', made);

// Named keys that look like numbers stay names; an own "__proto__" stays a property.
const zero = [1, 2]; zero['01'] = 'name';
const big = [1, 2]; big['99999999999999999999'] = 'name';
const proto = [1, 2];
Object.defineProperty(proto, '__proto__', { value: { evil: 1 }, enumerable: true, writable: true, configurable: true });
const obj = JSON.parse('{"__proto__": {"evil": 1}}'); obj.list = [1, , 3];
for (const [label, v] of Object.entries({ zero, big, proto, obj })) {
  const c = structuredClone(v);
  console.log(label, Object.keys(c), Array.isArray(c), Object.getPrototypeOf(c) === Object.getPrototypeOf(v), c.evil);
  const t = await send(v);
  console.log('task', label, Object.keys(t), Array.isArray(t), Object.getPrototypeOf(t) === Object.getPrototypeOf(v), t.evil);
}
// Frozen, sealed and out-of-order arrays are dense: copied whole, as plain arrays.
const frozen = Object.freeze([1, 2, 3]);
const sealed = Object.seal([4, 5]);
const backwards = []; for (let i = 2; i >= 0; i--) backwards[i] = i;
const hidden = [7, 8]; Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false }); hidden[Symbol('s')] = 2;
for (const [label, v] of Object.entries({ frozen, sealed, backwards, hidden })) {
  const t = await send(v);
  console.log(label, t, Object.isFrozen(t), Object.keys(t));
}
