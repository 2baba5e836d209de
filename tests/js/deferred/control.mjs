// Deferred control: timeout, cancel (running and queued), AbortSignal, progress, limits.
const spin = () => { for (;;) {} };
const t0 = Date.now();

const timedOut = await Deferred.spawn(spin, { timeout: 50 }).catch((e) => e);
console.log('timeout:', timedOut.name, timedOut instanceof Error, Date.now() - t0 < 3000);

// cancel() while running: both workers spin, a third task waits in the queue
const a = new Deferred(spin);
const b = new Deferred(spin);
await new Promise((r) => setTimeout(r, 50));
const queued = new Deferred(() => 'never runs');
console.log('cancel queued:', queued.cancel(), await queued.catch((e) => e.name));
console.log('cancel running:', a.cancel('enough'), await a.catch((e) => `${e.name}: ${e.message}`));
const ac = new AbortController();
const c = Deferred.spawn(spin, { signal: ac.signal });
setTimeout(() => ac.abort(), 20);
console.log('b.cancel:', b.cancel(), await b.catch((e) => e.name));
console.log('abort signal:', await c.catch((e) => e.name));
console.log('cancel after settle:', a.cancel(), queued.cancel());
console.log('pre-aborted:', await Deferred.spawn(() => 1, { signal: AbortSignal.abort() }).catch((e) => e.name));
console.log('signal timeout:', await Deferred.spawn(spin, { signal: AbortSignal.timeout(30) }).catch((e) => e.name));

// the pool still answers after all that
console.log('still serving:', await new Deferred((x) => x + 1, 41));

// progress values arrive in order, before the result
const seen = [];
const result = await Deferred.spawn((n) => {
  for (let i = 0; i < n; i++) Deferred.progress({ step: i });
  return 'done';
}, { args: [5], onProgress: (v) => seen.push(v.step) });
console.log('progress:', seen, result);

// memory limit: the task rejects with a RangeError, the next task runs
const oom = await Deferred.spawn(() => { const a = []; for (;;) a.push(new Array(1e4).fill(1)); }, { memoryLimit: 16 << 20 }).catch((e) => e);
console.log('memory:', oom.name, /memory/.test(oom.message));
console.log('after oom:', await new Deferred(() => 'ok'));

// deep recursion rejects with a RangeError and never crashes
const deep = await new Deferred(function down(n) { return down(n + 1) + 1; }, 0).catch((e) => e);
console.log('recursion:', deep.name, /stack/i.test(deep.message));

// worker-side timers let async tasks wait; a timeout covers waiting too
console.log('worker timer:', await new Deferred(() => new Promise((r) => setTimeout(() => r('tick'), 10))));
const slow = await Deferred.spawn(() => new Promise((r) => setTimeout(r, 10000)), { timeout: 30 }).catch((e) => e.name);
console.log('timeout while waiting:', slow);
// cancelling a task that waits on its own timer
const waiting = new Deferred(() => new Promise((r) => setTimeout(r, 10000)));
setTimeout(() => waiting.cancel(), 20);
console.log('cancel waiting:', await waiting.catch((e) => e.name));

const s = Deferred.stats();
console.log('stats keys:', Object.keys(s).join(','));
console.log('stats:', s.workers, s.queued, s.running, s.cancelled >= 5, s.failed >= 3);
console.log('total time bounded:', Date.now() - t0 < 8000);
