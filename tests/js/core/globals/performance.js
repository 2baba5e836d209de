const a = performance.now();
let b = a;
for (let i = 0; i < 1000; i++) {
  const c = performance.now();
  if (c < b) console.log('NOT MONOTONIC');
  b = c;
}
console.log('number:', typeof a, 'positive:', a > 0, 'sub-millisecond resolution:', !Number.isInteger(a) || !Number.isInteger(b));
console.log('timeOrigin:', typeof performance.timeOrigin, Math.abs(performance.timeOrigin - (Date.now() - performance.now())) < 1000);
console.log('since process start (under 10 s):', a < 10000);
setTimeout(() => console.log('advances with time:', performance.now() - a >= 19), 20);
