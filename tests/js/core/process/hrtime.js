const t0 = process.hrtime();
console.log('hrtime() shape:', Array.isArray(t0), t0.length, t0.every(Number.isInteger), t0[1] >= 0 && t0[1] < 1e9);
const b0 = process.hrtime.bigint();
console.log('hrtime.bigint() type:', typeof b0);
let prevB = b0, prevP = performance.now(), prevH = t0, monotonic = true;
for (let i = 0; i < 2000; i++) {
  const b = process.hrtime.bigint();
  const p = performance.now();
  const h = process.hrtime();
  if (b < prevB || p < prevP || h[0] < prevH[0] || (h[0] === prevH[0] && h[1] < prevH[1])) monotonic = false;
  prevB = b;
  prevP = p;
  prevH = h;
}
console.log('monotonic:', monotonic);
const start = Date.now();
while (Date.now() - start < 15) { /* busy wait */ }
const d = process.hrtime(t0);
console.log('hrtime(prev) is a valid difference:', d[0] >= 0 && d[1] >= 0 && d[1] < 1e9);
console.log('hrtime(prev) measured the wait:', d[0] * 1e9 + d[1] >= 14e6 && d[0] < 10);
const db = process.hrtime.bigint() - b0;
console.log('bigint difference measured the wait:', db >= 14000000n && db < 10000000000n);
console.log('performance.now():', typeof performance.now(), performance.now() > 0);
console.log('timeOrigin + now() is about Date.now():', Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000);
