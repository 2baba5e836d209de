// 100,000 rejected tasks and 100,000 cancellations: every promise settles with the right
// error, nothing is left queued, memory does not grow.
const N = 100000, WAVE = 10000;
let wrong = 0;
const rss = [];
for (let w = 0; w < N / WAVE; w++) {
  const settled = await Promise.allSettled(Array.from({ length: WAVE }, (_, i) => new Deferred((i) => { throw new RangeError('no ' + i); }, i)));
  settled.forEach((r, i) => {
    if (r.status !== 'rejected' || !(r.reason instanceof RangeError) || r.reason.message !== 'no ' + i) wrong++;
  });
  if (w === 1 || w === N / WAVE - 1) rss.push(process.memoryUsage().rss);
}
console.log('rejected:', N, 'wrong:', wrong);
// cancellations: submit a wave, cancel it all at once (most are still queued)
let cancelled = 0, ran = 0, badErr = 0;
for (let w = 0; w < N / WAVE; w++) {
  const ds = Array.from({ length: WAVE }, (_, i) => new Deferred((x) => x, i));
  for (const d of ds) if (d.cancel()) cancelled++;
  const settled = await Promise.allSettled(ds);
  // A turn of the event loop, as a program doing anything else would take: completions of
  // tasks that had finished before cancel() reached them wait in the queue until then.
  await new Promise((r) => setImmediate(r));
  for (const r of settled) {
    if (r.status === 'fulfilled') ran++;
    else if (r.reason.name !== 'AbortError') badErr++;
  }
  if (w === 1 || w === N / WAVE - 1) rss.push(process.memoryUsage().rss);
}
console.log('cancel() calls that cancelled + tasks that had already finished:', cancelled + ran === N, 'bad errors:', badErr);
const s = Deferred.stats();
console.log('left queued:', s.queued, 'running:', s.running, 'cancelled counted:', s.cancelled === cancelled);
// Both phases are flat in RSS: wave 2 and the last wave of each end at the same RSS
// (±8 MiB; 100,000 tasks leaking 100 bytes each would be 9.5 MiB). Without the turn of the
// event loop above, the cancellation phase would hold every finished task's outcome until
// the script ends (~100 bytes each).
const grew = Math.max(rss[1] - rss[0], rss[3] - rss[2]);
if (process.env.SHOW_RSS) console.log(rss.map((r) => (r / 1048576).toFixed(1)));
console.log(grew < 8 * 1048576 ? 'rss flat' : `RSS GREW by ${(grew / 1048576).toFixed(1)} MiB`);
// the pool still works
console.log(await new Deferred(() => 'alive'));
