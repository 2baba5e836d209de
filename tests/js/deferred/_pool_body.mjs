// Shared by pool_many.mjs and pool_one.mjs: pool sizes far from the core count, and tasks
// submitted from callbacks while draining.
const square = (x) => x * x;
const results = await Promise.all(Array.from({ length: 500 }, (_, i) => new Deferred(square, i)));
console.log(Deferred.poolSize, results.every((v, i) => v === i * i));
// chains: each settled task submits the next from its .then callback
let chained = 0;
function step(n) {
  return new Deferred((x) => x + 1, n).then((v) => {
    chained++;
    return v < 200 ? step(v) : v;
  });
}
console.log(await Promise.all([step(0), step(100)]), chained);
// Deferreds nobody awaits or keeps: they still run, settle, and free what they hold
for (let i = 0; i < 200; i++) new Deferred((x) => ({ big: 'x'.repeat(1000), x }), i);
console.log('dropped ok');
