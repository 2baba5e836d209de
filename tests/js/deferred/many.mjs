// 20,000 tasks, all correct.
const N = 20000;
const results = await Promise.all(Array.from({ length: N }, (_, i) => new Deferred((x) => x * 2 + 1, i)));
let bad = 0;
results.forEach((v, i) => { if (v !== i * 2 + 1) bad++; });
console.log(results.length, 'results,', bad, 'wrong');
const s = Deferred.stats();
console.log(s.completed, s.failed, s.queued, s.running);
