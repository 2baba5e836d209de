// buffer: Node's Buffer, a Uint8Array subclass, for the bytes fs returns and takes.
// Encodings: utf8, hex, base64, base64url, latin1 (binary), ascii, utf16le (ucs2).
(function (host) {
  'use strict';
  const customInspect = Symbol.for('nodejs.util.inspect.custom');
  const kMaxLength = 2 ** 32;

  const { codedError, received } = host.require('errors');

  function normalizeEncoding(enc) {
    if (enc === undefined || enc === null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
    switch (String(enc).toLowerCase()) {
      case 'utf8': case 'utf-8': return 'utf8';
      case 'hex': return 'hex';
      case 'base64': return 'base64';
      case 'base64url': return 'base64url';
      case 'latin1': case 'binary': return 'latin1';
      case 'ascii': return 'ascii';
      case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
      default: return undefined;
    }
  }

  function encodingOf(enc) {
    const e = normalizeEncoding(enc);
    if (e === undefined) throw codedError(TypeError, `Unknown encoding: ${enc}`, 'ERR_UNKNOWN_ENCODING');
    return e;
  }

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const B64_VALUES = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) {
    B64_VALUES[B64.charCodeAt(i)] = i;
    B64_VALUES[B64URL.charCodeAt(i)] = i;
  }
  const HEX = [];
  for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));

  function hexValue(c) {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 97 && c <= 102) return c - 87;
    if (c >= 65 && c <= 70) return c - 55;
    return -1;
  }

  // string -> Uint8Array in `enc`
  function encode(str, enc) {
    switch (enc) {
      case 'utf8':
        return host.utf8Encode(str);
      case 'hex': {
        const n = str.length >>> 1;
        const out = new Uint8Array(n);
        let i = 0;
        for (; i < n; i++) {
          const hi = hexValue(str.charCodeAt(i * 2)), lo = hexValue(str.charCodeAt(i * 2 + 1));
          if (hi < 0 || lo < 0) break;
          out[i] = (hi << 4) | lo;
        }
        return i === n ? out : out.subarray(0, i);
      }
      case 'base64':
      case 'base64url': {
        const out = new Uint8Array(((str.length * 3) >>> 2) + 3);
        let n = 0, acc = 0, bits = 0;
        for (let i = 0; i < str.length; i++) {
          const c = str.charCodeAt(i);
          if (c === 61) break; // '='
          const v = c < 128 ? B64_VALUES[c] : -1;
          if (v < 0) continue;
          acc = (acc << 6) | v;
          bits += 6;
          if (bits >= 8) {
            bits -= 8;
            out[n++] = (acc >> bits) & 255;
          }
        }
        return out.subarray(0, n);
      }
      case 'latin1':
      case 'ascii': {
        const out = new Uint8Array(str.length);
        for (let i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 255;
        return out;
      }
      case 'utf16le': {
        const out = new Uint8Array(str.length * 2);
        for (let i = 0; i < str.length; i++) {
          const c = str.charCodeAt(i);
          out[i * 2] = c & 255;
          out[i * 2 + 1] = c >> 8;
        }
        return out;
      }
    }
  }

  // bytes [start, end) of a Uint8Array -> string in `enc`
  function decode(bytes, enc, start, end) {
    const view = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
    switch (enc) {
      case 'utf8':
        return host.utf8Decode(view, false);
      case 'hex': {
        let s = '';
        for (let i = 0; i < view.length; i++) s += HEX[view[i]];
        return s;
      }
      case 'base64':
      case 'base64url': {
        const alphabet = enc === 'base64' ? B64 : B64URL;
        let s = '';
        let i = 0;
        for (; i + 2 < view.length; i += 3) {
          const n = (view[i] << 16) | (view[i + 1] << 8) | view[i + 2];
          s += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63];
        }
        const rest = view.length - i;
        if (rest > 0) {
          const n = (view[i] << 16) | (rest > 1 ? view[i + 1] << 8 : 0);
          s += alphabet[n >> 18] + alphabet[(n >> 12) & 63];
          if (rest > 1) s += alphabet[(n >> 6) & 63];
          if (enc === 'base64') s += rest > 1 ? '=' : '==';
        }
        return s;
      }
      case 'latin1':
      case 'ascii': {
        const mask = enc === 'ascii' ? 127 : 255;
        let s = '';
        for (let i = 0; i < view.length; i += 4096) {
          const chunk = view.subarray(i, i + 4096);
          s += String.fromCharCode.apply(null, mask === 255 ? chunk : Array.from(chunk, (b) => b & mask));
        }
        return s;
      }
      case 'utf16le': {
        let s = '';
        for (let i = 0; i + 1 < view.length; i += 2) s += String.fromCharCode(view[i] | (view[i + 1] << 8));
        return s;
      }
    }
  }

  class Buffer extends Uint8Array {
    static from(value, encodingOrOffset, length) {
      if (typeof value === 'string') return fromBytes(encode(value, encodingOf(encodingOrOffset)));
      if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) {
        const offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
        if (offset > value.byteLength) throw codedError(RangeError, '"offset" is outside of buffer bounds', 'ERR_BUFFER_OUT_OF_BOUNDS');
        const len = length === undefined ? value.byteLength - offset : +length || 0;
        if (offset + len > value.byteLength) throw codedError(RangeError, '"length" is outside of buffer bounds', 'ERR_BUFFER_OUT_OF_BOUNDS');
        return new Buffer(value, offset, len);
      }
      if (ArrayBuffer.isView(value)) {
        if (value instanceof Uint8Array) return fromBytes(Uint8Array.prototype.slice.call(value));
        const out = Buffer.alloc(value.length);
        for (let i = 0; i < value.length; i++) out[i] = Number(value[i]) & 255;
        return out;
      }
      if (value !== null && typeof value === 'object') {
        if (value.type === 'Buffer' && Array.isArray(value.data)) return fromArrayLike(value.data);
        if (typeof value.length === 'number' || Array.isArray(value)) return fromArrayLike(value);
        const prim = typeof value[Symbol.toPrimitive] === 'function' ? value[Symbol.toPrimitive]('string')
          : typeof value.valueOf === 'function' ? value.valueOf() : value;
        if (prim !== value && prim !== null && (typeof prim === 'string' || typeof prim === 'object')) {
          return Buffer.from(prim, encodingOrOffset, length);
        }
      }
      throw codedError(TypeError, 'The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.' + received(value), 'ERR_INVALID_ARG_TYPE');
    }

    static alloc(size, fill, encoding) {
      checkSize(size);
      const b = new Buffer(size);
      if (fill !== undefined && fill !== 0 && size > 0) b.fill(fill, 0, size, encoding);
      return b;
    }

    static allocUnsafe(size) {
      checkSize(size);
      return new Buffer(size);
    }

    static allocUnsafeSlow(size) {
      return Buffer.allocUnsafe(size);
    }

    static isBuffer(b) {
      return b instanceof Buffer;
    }

    static isEncoding(enc) {
      return typeof enc === 'string' && enc.length > 0 && normalizeEncoding(enc) !== undefined;
    }

    static byteLength(value, encoding) {
      if (typeof value !== 'string') {
        if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
        throw codedError(TypeError, 'The "string" argument must be of type string or an instance of Buffer or ArrayBuffer.' + received(value), 'ERR_INVALID_ARG_TYPE');
      }
      const enc = normalizeEncoding(encoding) || 'utf8';
      if (enc === 'utf8') return host.utf8Encode(value).length;
      if (enc === 'utf16le') return value.length * 2;
      if (enc === 'latin1' || enc === 'ascii') return value.length;
      return encode(value, enc).length;
    }

    static concat(list, totalLength) {
      if (!Array.isArray(list)) {
        throw codedError(TypeError, 'The "list" argument must be an instance of Array.' + received(list), 'ERR_INVALID_ARG_TYPE');
      }
      if (totalLength === undefined) totalLength = list.reduce((n, b) => n + b.length, 0);
      const out = Buffer.alloc(totalLength);
      let pos = 0;
      for (let i = 0; i < list.length; i++) {
        const b = list[i];
        if (!(b instanceof Uint8Array)) {
          throw codedError(TypeError, `The "list[${i}]" argument must be an instance of Buffer or Uint8Array.` + received(b), 'ERR_INVALID_ARG_TYPE');
        }
        if (pos >= totalLength) break;
        const part = b.length > totalLength - pos ? b.subarray(0, totalLength - pos) : b;
        out.set(part, pos);
        pos += part.length;
      }
      return out;
    }

    static compare(a, b) {
      return compareBytes(a, b);
    }

    toString(encoding, start, end) {
      if (arguments.length === 0) return host.utf8Decode(this, false);
      const enc = encodingOf(encoding);
      start = start === undefined ? 0 : Math.max(0, start | 0);
      end = end === undefined ? this.length : Math.min(this.length, end | 0);
      if (end <= start) return '';
      return decode(this, enc, start, end);
    }

    toLocaleString(encoding, start, end) {
      return this.toString(encoding, start, end);
    }

    toJSON() {
      return { type: 'Buffer', data: Array.from(this) };
    }

    equals(other) {
      if (!(other instanceof Uint8Array)) {
        throw codedError(TypeError, 'The "otherBuffer" argument must be an instance of Buffer or Uint8Array.' + received(other), 'ERR_INVALID_ARG_TYPE');
      }
      return compareBytes(this, other) === 0;
    }

    compare(target, targetStart = 0, targetEnd = target.length, sourceStart = 0, sourceEnd = this.length) {
      return compareBytes(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
    }

    slice(start, end) {
      return this.subarray(start, end);
    }

    write(string, offset, length, encoding) {
      if (typeof offset === 'string') {
        encoding = offset;
        offset = 0;
        length = undefined;
      } else if (typeof length === 'string') {
        encoding = length;
        length = undefined;
      }
      offset = offset === undefined ? 0 : offset >>> 0;
      const bytes = encode(String(string), encodingOf(encoding));
      const n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length >>> 0);
      this.set(bytes.subarray(0, n), offset);
      return n;
    }

    fill(value, offset, end, encoding) {
      if (typeof offset === 'string') {
        encoding = offset;
        offset = 0;
        end = this.length;
      } else if (typeof end === 'string') {
        encoding = end;
        end = this.length;
      }
      offset = offset === undefined ? 0 : offset;
      end = end === undefined ? this.length : end;
      if (typeof value === 'number' || typeof value === 'boolean') return super.fill(Number(value) & 255, offset, end);
      const bytes = typeof value === 'string' ? encode(value, encodingOf(encoding)) : value;
      if (bytes.length === 0) return super.fill(0, offset, end);
      for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
      return this;
    }

    copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
      const src = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + target.length - targetStart));
      target.set(src, targetStart);
      return src.length;
    }

    indexOf(value, byteOffset = 0, encoding) {
      return search(this, value, byteOffset, encoding);
    }

    includes(value, byteOffset = 0, encoding) {
      return search(this, value, byteOffset, encoding) !== -1;
    }

    [customInspect]() {
      const max = 50;
      let s = '';
      for (let i = 0; i < Math.min(max, this.length); i++) s += ' ' + HEX[this[i]];
      if (this.length > max) s += ` ... ${this.length - max} more byte${this.length - max > 1 ? 's' : ''}`;
      return `<${this.constructor.name}${s || ' '}>`;
    }
  }

  // Number readers/writers through a DataView over the same memory.
  const numbers = [
    ['Int8', 1], ['UInt8', 1], ['Int16', 2], ['UInt16', 2], ['Int32', 4], ['UInt32', 4],
    ['Float', 4], ['Double', 8], ['BigInt64', 8], ['BigUInt64', 8],
  ];
  const dvName = { Int8: 'Int8', UInt8: 'Uint8', Int16: 'Int16', UInt16: 'Uint16', Int32: 'Int32', UInt32: 'Uint32', Float: 'Float32', Double: 'Float64', BigInt64: 'BigInt64', BigUInt64: 'BigUint64' };
  function view(b) {
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  function checkOffset(b, offset, size) {
    if (offset === undefined) offset = 0;
    if (typeof offset !== 'number' || offset !== Math.floor(offset) || offset < 0 || offset + size > b.length) {
      throw codedError(RangeError, `The value of "offset" is out of range. It must be >= 0 and <= ${b.length - size}. Received ${offset}`, 'ERR_OUT_OF_RANGE');
    }
    return offset;
  }
  for (const [name, size] of numbers) {
    const get = DataView.prototype['get' + dvName[name]];
    const set = DataView.prototype['set' + dvName[name]];
    const suffixes = size === 1 ? [''] : ['LE', 'BE'];
    for (const suffix of suffixes) {
      const little = suffix === 'LE';
      Buffer.prototype[`read${name}${suffix}`] = function (offset) {
        return get.call(view(this), checkOffset(this, offset, size), little);
      };
      Buffer.prototype[`write${name}${suffix}`] = function (value, offset) {
        offset = checkOffset(this, offset, size);
        set.call(view(this), offset, value, little);
        return offset + size;
      };
      if (name.startsWith('UInt')) {
        Buffer.prototype[`readUint${name.slice(4)}${suffix}`] = Buffer.prototype[`read${name}${suffix}`];
        Buffer.prototype[`writeUint${name.slice(4)}${suffix}`] = Buffer.prototype[`write${name}${suffix}`];
      }
    }
  }

  function checkSize(size) {
    if (typeof size !== 'number') {
      throw codedError(TypeError, 'The "size" argument must be of type number.' + received(size), 'ERR_INVALID_ARG_TYPE');
    }
    if (!(size >= 0 && size <= kMaxLength)) {
      throw codedError(RangeError, `The value of "size" is out of range. It must be >= 0 && <= ${kMaxLength}. Received ${size}`, 'ERR_OUT_OF_RANGE');
    }
  }

  function fromBytes(u8) {
    return new Buffer(u8.buffer, u8.byteOffset, u8.length);
  }

  function fromArrayLike(a) {
    const b = new Buffer(a.length >>> 0);
    for (let i = 0; i < b.length; i++) b[i] = Number(a[i]) & 255;
    return b;
  }

  function compareBytes(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  }

  function search(hay, value, from, encoding) {
    if (typeof value === 'number') return Uint8Array.prototype.indexOf.call(hay, value & 255, from);
    const needle = typeof value === 'string' ? encode(value, encodingOf(encoding)) : value;
    if (from < 0) from = Math.max(0, hay.length + from);
    outer: for (let i = from; i + needle.length <= hay.length; i++) {
      for (let j = 0; j < needle.length; j++) {
        if (hay[i + j] !== needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  Buffer.poolSize = 8192;
  const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: (1 << 29) - 24 };
  const buffer = {
    Buffer,
    kMaxLength,
    kStringMaxLength: constants.MAX_STRING_LENGTH,
    constants,
    INSPECT_MAX_BYTES: 50,
    atob: (s) => globalThis.atob(s),
    btoa: (s) => globalThis.btoa(s),
  };
  return { Buffer, buffer, encode, decode, normalizeEncoding };
})
