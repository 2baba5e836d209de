// Large values: a 100 MB string and a 100 MB ArrayBuffer cross correctly; a value over the
// documented limit (512 MiB encoded) is refused with a RangeError before anything is queued.
const MB = 1 << 20;
const s = await new Deferred((n) => 'x'.repeat(n) + 'END', 100 * MB);
console.log('string', s.length === 100 * MB + 3, s.endsWith('END'));
const buf = await new Deferred((n) => { const b = new Uint8Array(n); b[n - 1] = 7; return b.buffer; }, 100 * MB);
console.log('buffer', buf.byteLength === 100 * MB, new Uint8Array(buf)[100 * MB - 1]);
try {
  new Deferred((b) => b.byteLength, new ArrayBuffer(600 * MB));
  console.log('no error');
} catch (e) {
  console.log(e.name, /too large/.test(e.message));
}
const r = await new Deferred((n) => new ArrayBuffer(n), 600 * MB).catch((e) => e);
console.log('result', r.name, /too large/.test(r.message));
console.log(Deferred.stats().queued);
