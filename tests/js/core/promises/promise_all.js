// Promise.all's fast path (plain arrays of genuine promises) and its fallbacks behave as
// Node's Promise.all: results, rejection, order of ticks, thenables, patched then,
// constructor getters, subclasses, iterables, holes. Expected output is node's.
// semantics checks of Promise.all, against node
const log = (...a) => console.log(...a);
(async () => {
  log(await Promise.all([]));
  log(await Promise.all([1, Promise.resolve(2), 3]));
  log(await Promise.all([Promise.resolve('a'), Promise.resolve('b')]));
  log(await Promise.all(new Set([Promise.resolve(1)])));
  log(await Promise.all([Promise.reject(new Error('x')), Promise.resolve(1)]).catch((e) => 'rejected ' + e.message));
  const order = [];
  const p1 = new Promise((r) => setTimeout(() => { order.push(1); r(1); }, 20));
  const p2 = new Promise((r) => setTimeout(() => { order.push(2); r(2); }, 5));
  log(await Promise.all([p1, p2]), order);
  class MyP extends Promise {}
  log(await MyP.all([MyP.resolve(5)]));
  const thenable = { then(r) { r('thenable'); } };
  log(await Promise.all([thenable, Promise.resolve(1)]));
  const patched = Promise.resolve(7);
  patched.then = function (a, b) { log('custom then called'); return Promise.prototype.then.call(this, a, b); };
  log(await Promise.all([patched]));
  const p = Promise.resolve(9);
  Object.defineProperty(p, 'constructor', { get() { log('constructor getter'); return Promise; } });
  log(await Promise.all([p]));
  let ticks = [];
  Promise.all([Promise.resolve(1)]).then(() => ticks.push('all'));
  Promise.resolve().then(() => ticks.push('a')).then(() => ticks.push('b')).then(() => ticks.push('c'));
  await new Promise((r) => setTimeout(r, 10));
  log(ticks);
  const big = await Promise.all(Array.from({ length: 1000 }, (_, i) => Promise.resolve(i)));
  log(big.length, big[999]);
  try { await Promise.all(5); } catch (e) { log(e.constructor.name); }
  const holes = [Promise.resolve(1), , Promise.resolve(3)];
  log(await Promise.all(holes));
})();
