// decode(chunk, { stream: true }) keeps an incomplete sequence for the next call.
const dec = new TextDecoder();
const euro = new Uint8Array([0xe2, 0x82, 0xac]); // '€'
let out = dec.decode(euro.subarray(0, 1), { stream: true });
out += dec.decode(euro.subarray(1, 2), { stream: true });
out += dec.decode(euro.subarray(2), { stream: true });
out += dec.decode();
console.log(JSON.stringify(out));
// An incomplete sequence left at the end of the stream becomes one U+FFFD.
console.log(JSON.stringify(dec.decode(euro.subarray(0, 2), { stream: true }) + dec.decode()));
// Split in the middle of a 4-byte character.
const smile = new Uint8Array([0xf0, 0x9f, 0x98, 0x80, 0x21]); // '😀!'
console.log(JSON.stringify(dec.decode(smile.subarray(0, 3), { stream: true }) + dec.decode(smile.subarray(3))));
