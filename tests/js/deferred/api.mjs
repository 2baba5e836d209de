// Deferred's shape: a Promise subclass whose derived promises are ordinary promises.
const d = new Deferred((a, b) => a + b, 1, 2);
console.log(d instanceof Promise, d instanceof Deferred);
const t = d.then((v) => v * 10);
console.log(t instanceof Deferred, t instanceof Promise);
console.log(await t, await d);
console.log(await d.finally(() => console.log('finally ran')));
console.log(typeof Deferred.poolSize, Deferred.poolSize);
console.log('this is undefined in the task:', await new Deferred(function () { 'use strict'; return this === undefined; }));
console.log(await Deferred.resolve(5), await Promise.all([new Deferred(() => 1), 2]));
try { new Deferred(42); } catch (e) { console.log(e.name + ': ' + e.message); }
// an async function: its settled value resolves the Deferred
console.log(await new Deferred(async (ms) => { await new Promise((r) => setTimeout(r, ms)); return 'waited'; }, 5));
// method syntax, arrow, declaration, async method
const o = { twice(x) { return 2 * x; }, async later(x) { return x + 1; } };
function decl(x) { return x - 1; }
console.log(await new Deferred(o.twice, 4), await new Deferred(o.later, 4), await new Deferred(decl, 4), await new Deferred((x) => x ** 2, 4));
