// Promise.all over Deferreds takes a fast path (a marker per element instead of a
// resolve-element function and a job). It must be unobservable: this script runs under node
// too, where task() is a promise settled from a timer as a Deferred is settled from a
// completion, and the expected output is node's.
const isProtojs = typeof Deferred === 'function';
const log = (...a) => console.log(...a);
function task(v, fail = false) {
  if (isProtojs) {
    return new Deferred((v, fail) => {
      if (fail) throw new TypeError('task ' + v + ' failed');
      return v;
    }, v, fail);
  }
  return new Promise((res, rej) => setTimeout(() => (fail ? rej(new TypeError('task ' + v + ' failed')) : res(v)), 1));
}

// Order of every job around one element: reactions added before and after Promise.all, and
// the jobs those reactions queue, interleave exactly as with a resolve-element function.
{
  const d = task(1);
  d.then(() => { log('then before all'); Promise.resolve().then(() => log('job from then before')); });
  const all = Promise.all([d]);
  all.then((v) => log('all fulfilled', v));
  d.then(() => { log('then after all'); Promise.resolve().then(() => log('job from then after')); });
  await all;
  log('await all resumed');
}
{
  const d = task('r', true);
  d.catch(() => { log('catch before all'); Promise.resolve().then(() => log('job from catch before')); });
  const all = Promise.all([d]);
  all.catch((e) => log('all rejected', e.name, e.message));
  d.catch(() => log('catch after all'));
  await all.catch(() => {});
  log('await rejected all resumed');
}
// Microtask ticks between the element settling and the result settling.
{
  const d = task(2);
  const ticks = [];
  await d;
  const d2 = task(3);
  Promise.all([d2]).then(() => ticks.push('all'));
  d2.then(() => Promise.resolve().then(() => ticks.push('a')).then(() => ticks.push('b')).then(() => ticks.push('c')));
  await new Promise((r) => setTimeout(r, 50));
  log('ticks', ticks.join(' '));
}
// Results in array order whatever the completion order; the same element twice.
{
  const ds = Array.from({ length: 2000 }, (_, i) => task(i));
  const rs = await Promise.all(ds);
  log('2000 results in order', rs.length, rs.every((v, i) => v === i));
  const d = task('twice');
  log('same element twice', await Promise.all([d, d, task('other')]));
}
// The first rejection wins; later fulfilments change nothing; no element is unhandled.
{
  const all = Promise.all([task(1), task('x', true), task(3), task('y', true)]);
  const e = await all.catch((e) => e);
  log('rejected with', e.constructor.name, e.message.startsWith('task '));
}
// Mixed arrays and settled Deferreds take the general path, with the same results.
{
  const d = task('settled');
  await d;
  log('mixed', await Promise.all([task('a'), Promise.resolve('b'), 'c', d]));
  log('empty', await Promise.all([]));
}
// A patched `then` on an element is observed, as the algorithm requires.
{
  const d = task('patched');
  d.then = function (a, b) { log('custom then called'); return Promise.prototype.then.call(this, a, b); };
  log('patched', await Promise.all([d]));
}
// A cancelled Deferred rejects the result (protojs only: node has no cancel).
{
  if (isProtojs) {
    const d = new Deferred(() => { const end = Date.now() + 200; while (Date.now() < end); return 'late'; });
    const all = Promise.all([d, task('ok')]);
    d.cancel('stop');
    const e = await all.catch((e) => e);
    log('cancelled element', e.name);
  } else {
    log('cancelled element', 'AbortError');
  }
}
// The slot a Deferred carries is invisible.
{
  const d = task('keys');
  log('own keys', Reflect.ownKeys(d).length, Object.getOwnPropertySymbols(d).length, JSON.stringify(Object.getOwnPropertyDescriptors(d)));
  await d;
}
// A replaced Promise[Symbol.species] is read once per element (by `then`), as the
// algorithm requires: the fast paths step aside.
{
  const original = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
  let reads = 0;
  Object.defineProperty(Promise, Symbol.species, { get() { reads++; return Promise; }, configurable: true });
  const all = Promise.all([task('s1'), task('s2')]);
  log('species reads', reads, await all);
  Object.defineProperty(Promise, Symbol.species, original);
}
