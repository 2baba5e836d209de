// Buffer: a Uint8Array subclass (global and require('buffer').Buffer).
const { Buffer: B } = require('buffer');
console.log(B === Buffer, Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype);
const b = Buffer.from('héllo wörld');
console.log(b, b.length, Buffer.byteLength('héllo wörld'), b instanceof Uint8Array);
for (const enc of ['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le']) {
  console.log(enc, JSON.stringify(b.toString(enc)));
}
console.log(Buffer.from('68656c6c6f', 'hex').toString(), Buffer.from('aGVsbG8=', 'base64').toString(), Buffer.from('aGVsbG8', 'base64url').toString());
console.log(Buffer.from('zz12', 'hex'), Buffer.from('a b\nc=', 'base64'), Buffer.from('hi', 'utf16le'), Buffer.from('ÿé', 'latin1'));
console.log(Buffer.from([1, 256, -1, 3.7]), Buffer.from(new Uint8Array([9, 8])), Buffer.from({ length: 2, 0: 5, 1: 6 }));
const ab = new ArrayBuffer(8);
const view = Buffer.from(ab, 2, 4);
view[0] = 42;
console.log('shares the ArrayBuffer:', new Uint8Array(ab)[2], view.length, view.byteOffset);
const copy = Buffer.from(b);
copy[0] = 0;
console.log('Buffer.from(buffer) copies:', b[0]);
console.log(Buffer.alloc(3), Buffer.alloc(5, 'ab'), Buffer.alloc(2, 7), Buffer.allocUnsafe(4).length);
console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('d')]), Buffer.concat([Buffer.from('abc')], 2), Buffer.concat([]));
console.log(Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('x'), Buffer.isEncoding('UTF-8'), Buffer.isEncoding('nope'));
console.log(b.equals(Buffer.from('héllo wörld')), b.equals(copy), Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('b').compare(Buffer.from('a')));
const s = b.slice(1, 3);
s[0] = 0x41;
console.log('slice shares memory:', b.toString('utf8', 0, 4), s instanceof Buffer, b.subarray(0, 2) instanceof Buffer);
console.log(b.indexOf('wö'), b.indexOf(0x6c), b.includes('llo'), b.includes('xyz'), b.toString('utf8', 7));
console.log(JSON.stringify(Buffer.from('ab')), String(Buffer.from('xyz')), Buffer.from('xyz') + '!');
const w = Buffer.alloc(12);
console.log(w.write('hi'), w.write('é', 2), w.writeUInt32BE(0xdeadbeef, 4), w.writeInt16LE(-2, 8), w);
console.log(w.readUInt32BE(4).toString(16), w.readInt16LE(8), w.readUInt8(0), w.readUInt16LE(0));
console.log(Buffer.alloc(60));
console.log([Buffer.from('in an array')], { key: Buffer.from([1]) });
for (const bad of [() => Buffer.from({}), () => Buffer.from('x', 'nope'), () => Buffer.alloc(-1), () => Buffer.alloc('3')]) {
  try { bad(); } catch (e) { console.log(e.name, e.code, e.message); }
}
