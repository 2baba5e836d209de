// A Deferred's prototype comes from new.target, as for any constructor: subclasses,
// Reflect.construct with another new.target, and a new.target whose `prototype` changes
// between calls (protojs caches only a prototype that can never change).
class Timed extends Deferred {
  label() { return 'timed'; }
}
const t = new Timed((x) => x * 2, 21);
console.log(t instanceof Timed, t instanceof Deferred, t instanceof Promise, t.label(), await t);
const d = new Deferred((x) => x + 1, 1);
console.log(Object.getPrototypeOf(d) === Deferred.prototype, await d);

function Other() {}
Other.prototype = Object.create(Deferred.prototype, { tag: { value: 'first' } });
const a = Reflect.construct(Deferred, [() => 'a'], Other);
console.log(a.tag, await a);
Other.prototype = Object.create(Deferred.prototype, { tag: { value: 'second' } });
const b = Reflect.construct(Deferred, [() => 'b'], Other);
console.log(b.tag, await b);

// A new.target whose prototype is not an object: the realm's Promise.prototype.
function Plain() {}
Plain.prototype = 42;
const c = Reflect.construct(Deferred, [() => 'c'], Plain);
console.log(Object.getPrototypeOf(c) === Promise.prototype, await c);
// Alternating constructors keep their own prototypes.
const mixed = [new Timed(() => 1), new Deferred(() => 2), new Timed(() => 3)];
console.log(mixed.map((m) => m instanceof Timed).join(','), (await Promise.all(mixed)).join(','));
