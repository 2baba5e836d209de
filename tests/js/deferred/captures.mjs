// Closures work by value: captured variables are copied when the Deferred is created.
const rate = 3;
const table = { a: 1, b: [2, 3] };
const list = [10, 20, 30];
const square = (x) => x * x;
function sumSquares(xs) { return xs.reduce((s, x) => s + square(x), 0); }
console.log(await new Deferred(() => rate * 2));
console.log(await new Deferred(() => table.a + table.b[1]));
console.log(await new Deferred(() => sumSquares(list)));
// a helper that itself captures a variable
const offset = 100;
const shift = (x) => x + offset;
console.log(await new Deferred((x) => shift(x) * rate, 1));
// values are copied when the Deferred is created, not when it runs
let counter = 1;
const early = new Deferred(() => counter);
counter = 2;
console.log(await early, await new Deferred(() => counter));
// mutations in the worker are not seen by the main thread
const shared = { hits: 0 };
console.log(await new Deferred(() => { shared.hits += 1; return shared.hits; }), shared.hits);
// closures from a function scope and recursion through a captured helper
function makeTask(base) {
  const fact = (n) => (n <= 1 ? base : n * fact(n - 1));
  return (n) => fact(n);
}
console.log(await new Deferred(makeTask(1), 10));
// builtins are not captured: they exist in the worker
console.log(await new Deferred(() => Math.max(...[1, 5, 3]) + JSON.stringify({ ok: true }).length));
// how functions are placed in the worker's wrapper: declarations, renamed helpers,
// expressions that name themselves, two helpers declaring the same inner name
const twice = function inner(x) { return x * 2; };
const thrice = function inner(x) { return x * 3; };
console.log(await new Deferred((x) => twice(x) + thrice(x), 1));
console.log(await new Deferred(function countdown(n) { return n === 0 ? 'done' : countdown(n - 1); }, 5));
async function asyncDecl(x) { return x + 1; }
function* gen() { yield 1; }
console.log(await new Deferred(asyncDecl, 1), await new Deferred(() => [...gen()]));
// fresh closures of one literal share compiled code but not their captured values
const makers = [1, 2, 3].map((k) => () => k * 10);
console.log(await Promise.all(makers.map((f) => new Deferred(f))));
