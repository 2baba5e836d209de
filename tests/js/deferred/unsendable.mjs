// What cannot be sent makes `new Deferred` throw a TypeError naming it; nothing is queued.
const attempts = {
  'function argument': () => new Deferred((f) => f(), () => 1),
  'symbol argument': () => new Deferred((s) => s, 1, Symbol('s')),
  'promise argument': () => new Deferred((p) => p, Promise.resolve(1)),
  'WeakMap argument': () => new Deferred((w) => w, new WeakMap()),
  'proxy argument': () => new Deferred((p) => p, new Proxy({}, {})),
  'nested function': () => new Deferred((o) => o, { deep: [{ cb() {} }] }),
  'throwing getter': () => new Deferred((o) => o, { get boom() { throw new Error('getter'); } }),
  'native function': () => new Deferred(Math.max, 1, 2),
  'bound function': () => new Deferred(function f(a) { return a; }.bind(null, 1)),
  'captured native': () => { const pick = Math.min; return new Deferred((a) => pick(a, 1), 2); },
  'captured symbol': () => { const tag = Symbol('t'); return new Deferred(() => tag); },
};
for (const [label, attempt] of Object.entries(attempts)) {
  try {
    attempt();
    console.log(label, '-> no error');
  } catch (e) {
    console.log(label, '->', e.name + ':', e.message);
  }
}
const s = Deferred.stats();
console.log('queued', s.queued, 'running', s.running, 'completed', s.completed);
