// A throw in the worker rejects with the same class, name, message, and the worker's stack.
const classes = [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError];
for (const C of classes) {
  const e = await new Deferred((name) => {
    function inner() { throw new globalThis[name]('from ' + name); }
    inner();
  }, C.name).catch((e) => e);
  console.log(C.name, e instanceof C, e.constructor === C, e.name, e.message, /at inner \(/.test(e.stack));
}
const agg = await new Deferred(() => { throw new AggregateError([new Error('a'), 1], 'many'); }).catch((e) => e);
console.log(agg instanceof AggregateError, agg.message, agg.errors.length, agg.errors[0].message);
const custom = await new Deferred(() => {
  class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; this.field = 'age'; } }
  throw new ValidationError('too young');
}).catch((e) => e);
console.log(custom instanceof Error, custom.name, custom.message, custom.field);
const ref = await new Deferred(() => notDefinedAnywhere + 1).catch((e) => e);
console.log(ref.name, ref.message);
for (const v of ['x', 42, { a: 1 }, null, undefined]) {
  const got = await new Deferred((v) => { throw v; }, v).catch((e) => e);
  console.log('threw', typeof got, JSON.stringify(got));
}
// a rejected promise from an async task
console.log(await new Deferred(async () => { await null; throw new RangeError('async'); }).catch((e) => `${e.name}: ${e.message}`));
// a result that cannot be sent back rejects with a TypeError
const bad = await new Deferred(() => () => 1).catch((e) => e);
console.log(bad.name, /result/.test(bad.message), /function/.test(bad.message));
// an uncaught rejection of a Deferred is reported like any other (stderr, exit 1)
new Deferred(() => { throw new Error('nobody catches this'); });
