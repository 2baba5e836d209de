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
const dec = new TextDecoder();
const bytes = (...b) => new Uint8Array(b);
show('encoding', () => [dec.encoding, dec.fatal, dec.ignoreBOM].join(' '));
show('ascii', () => dec.decode(bytes(0x61, 0x62, 0x63)));
show('multi-byte', () => dec.decode(bytes(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)));
show('round trip', () => dec.decode(new TextEncoder().encode('héllo wörld €😀')) === 'héllo wörld €😀');
show('no input', () => JSON.stringify(dec.decode()));
show('BOM is stripped', () => JSON.stringify(dec.decode(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69))));
show('only the first BOM is stripped', () => dec.decode(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x68)).charCodeAt(0).toString(16));
show('ignoreBOM keeps it', () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69)).charCodeAt(0).toString(16));
show('invalid byte -> U+FFFD', () => JSON.stringify(dec.decode(bytes(0x61, 0xff, 0x62))));
show('truncated sequence -> U+FFFD', () => JSON.stringify(dec.decode(bytes(0x61, 0xe2, 0x82))));
show('encoded surrogate -> U+FFFD each byte', () => JSON.stringify(dec.decode(bytes(0xed, 0xa0, 0x80))));
const fatal = new TextDecoder('utf-8', { fatal: true });
show('fatal', () => fatal.fatal);
show('fatal on invalid input', () => fatal.decode(bytes(0x61, 0xff)));
show('fatal on a truncated sequence', () => fatal.decode(bytes(0xe2, 0x82)));
show('fatal decodes valid input', () => fatal.decode(bytes(0xc3, 0xa9)));
const ab = new Uint8Array([0x62, 0x75, 0x66, 0x66, 0x65, 0x72]).buffer; // "buffer"
show('ArrayBuffer', () => dec.decode(ab));
show('DataView', () => dec.decode(new DataView(ab, 1, 3)));
show('subarray', () => dec.decode(new Uint8Array([0x30, 0x31, 0x32, 0x33, 0x34, 0x35]).subarray(2, 5)));
show('Uint16Array', () => dec.decode(new Uint16Array([0x6968])));
show('labels', () => [new TextDecoder('UTF8').encoding, new TextDecoder(' utf-8 ').encoding, new TextDecoder('unicode-1-1-utf-8').encoding].join(' '));
show('unknown label', () => new TextDecoder('no-such-encoding'));
show('decoding a string', () => dec.decode('a string'));
