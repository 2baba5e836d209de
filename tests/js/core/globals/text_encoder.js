// Each check is independent: one that throws prints the error and the others still run.
function show(label, f) {
  let out;
  try {
    out = f();
  } catch (e) {
    out = `threw ${e && e.name}`;
  }
  console.log(`${label}:`, out);
}
const enc = new TextEncoder();
const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join(' ');
show('encoding', () => enc.encoding);
show('ascii', () => hex(enc.encode('abc')));
show('length', () => enc.encode('abc').length);
show('2-byte', () => hex(enc.encode('é')));
show('3-byte', () => hex(enc.encode('€')));
show('4-byte', () => hex(enc.encode('😀')));
show('mixed', () => hex(enc.encode('aé€😀')));
show('empty', () => [enc.encode('').length, enc.encode().length].join(' '));
show('NUL', () => hex(enc.encode('a\0b')));
show('lone surrogates -> U+FFFD', () => hex(enc.encode('\ud800x\udc00')));
show('is a Uint8Array', () => enc.encode('x') instanceof Uint8Array);
show('owns its buffer', () => enc.encode('xyz').buffer.byteLength);
show('non-string input', () => hex(enc.encode(12)) + ' / ' + hex(enc.encode(null)));
const dest = new Uint8Array(5);
show('encodeInto (a partial character is not written)', () => JSON.stringify(enc.encodeInto('a€😀', dest)) + ' ' + hex(dest));
const big = new Uint8Array(16);
show('encodeInto (room to spare)', () => JSON.stringify(enc.encodeInto('héllo', big)) + ' ' + hex(big.subarray(0, 6)));
show('encodeInto (surrogate pair counts 2 read)', () => JSON.stringify(enc.encodeInto('😀', new Uint8Array(4))));
