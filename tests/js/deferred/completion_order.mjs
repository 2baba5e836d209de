// Completions reach the main thread in batches, but each is delivered like a separate event:
// a microtask checkpoint follows every settlement and every onProgress call (as node runs
// one after each worker message). With one worker, completions arrive in submission order.
const out = [];
const ds = Array.from({ length: 6 }, (_, i) => new Deferred((i) => i, i));
ds.forEach((d, i) => d.then(() => { out.push('a' + i); queueMicrotask(() => out.push('b' + i)); }));
await Promise.all(ds);
console.log(out.join(' '));

const log = [];
const d = Deferred.spawn(() => { for (let i = 0; i < 4; i++) Deferred.progress(i); return 'done'; }, {
  onProgress(v) { log.push('progress ' + v); queueMicrotask(() => log.push('microtask ' + v)); },
});
d.then((v) => log.push('settled ' + v));
await d;
await null;
console.log(log.join(', '));
