// One million trivial tasks in waves of 10,000: every result correct, RSS flat.
const WAVES = Number(process.env.WAVES || 100), WAVE = 10000;
const add = (a, b) => a + b;
let wrong = 0;
const rss = [];
for (let w = 0; w < WAVES; w++) {
  const base = w * WAVE;
  const results = await Promise.all(Array.from({ length: WAVE }, (_, i) => new Deferred(add, base + i, 1)));
  for (let i = 0; i < WAVE; i++) if (results[i] !== base + i + 1) wrong++;
  if (w === 9 || w === WAVES - 1) rss.push(process.memoryUsage().rss);
}
const growth = rss[1] - rss[0];
console.log(`${WAVES * WAVE} tasks, ${wrong} wrong`);
console.log(`rss after wave 10: ${(rss[0] / 1048576).toFixed(1)} MiB, after the last: ${(rss[1] / 1048576).toFixed(1)} MiB`);
// flat: the last 90% of the tasks may not grow the process by more than 16 MiB
console.log(growth < 16 * 1048576 ? 'rss flat' : `RSS GREW by ${(growth / 1048576).toFixed(1)} MiB`);
const s = Deferred.stats();
console.log(s.queued, s.running, s.completed === WAVES * WAVE);
