// A timer never fires before its delay has elapsed.
const start = Date.now();
const p0 = performance.now();
setTimeout(() => {
  const d = Date.now() - start;
  const pd = performance.now() - p0;
  console.log('50ms timer:', d >= 49 && pd >= 49 ? 'not early' : `too early (${d}ms, ${pd}ms)`);
}, 50);
setTimeout(() => {
  const d = Date.now() - start;
  console.log('100ms timer:', d >= 99 ? 'not early' : `too early (${d}ms)`);
}, 100);
