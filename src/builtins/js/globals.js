// Small web-platform globals: performance, TextEncoder/TextDecoder, atob/btoa, structuredClone.
(function (host) {
  'use strict';
  const timeOrigin = Date.now() - host.now();
  const performance = {
    now: () => host.now(),
    timeOrigin,
    toJSON() { return { timeOrigin }; },
  };

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return host.utf8Encode(String(input)); }
    encodeInto(src, dest) {
      const str = String(src);
      let read = 0, written = 0;
      for (const ch of str) {
        const cp = ch.codePointAt(0);
        const len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (written + len > dest.length) break;
        dest.set(host.utf8Encode(ch), written);
        written += len;
        read += ch.length;
      }
      return { read, written };
    }
  }

  // Bytes viewed as a Uint8Array, whatever view or buffer they come in.
  function bytesOf(input) {
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    if (input instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) return new Uint8Array(input);
    throw new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView');
  }

  // Length of the longest prefix of `b` that does not end inside a UTF-8 sequence.
  function completePrefix(b) {
    let i = b.length;
    for (let back = 1; back <= 3 && i - back >= 0; back++) {
      const c = b[i - back];
      if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      return need > back ? i - back : i;
    }
    return i;
  }

  class TextDecoder {
    #fatal;
    #ignoreBOM;
    #pending = null; // bytes of a character split across stream chunks
    #seenStart = false;
    constructor(label = 'utf-8', options = {}) {
      const l = String(label).trim().toLowerCase();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') {
        throw new RangeError(`The "${label}" encoding is not supported`);
      }
      this.#fatal = !!options.fatal;
      this.#ignoreBOM = !!options.ignoreBOM;
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input, options = {}) {
      let bytes = input === undefined ? new Uint8Array(0) : bytesOf(input);
      if (this.#pending) {
        const joined = new Uint8Array(this.#pending.length + bytes.length);
        joined.set(this.#pending);
        joined.set(bytes, this.#pending.length);
        bytes = joined;
        this.#pending = null;
      }
      if (options && options.stream) {
        const cut = completePrefix(bytes);
        if (cut < bytes.length) this.#pending = bytes.slice(cut);
        bytes = bytes.subarray(0, cut);
      }
      let s = host.utf8Decode(bytes, this.#fatal);
      if (!this.#ignoreBOM && !this.#seenStart && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.#seenStart = !!(options && options.stream);
      return s;
    }
  }

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  function invalidChar(name) {
    const e = new Error('Invalid character');
    e.name = 'InvalidCharacterError';
    return e;
  }
  function btoa(input) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    const s = String(input);
    let out = '';
    for (let i = 0; i < s.length; i += 3) {
      const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
      if (a > 255 || b > 255 || c > 255) throw invalidChar();
      const n = (a << 16) | ((b || 0) << 8) | (c || 0);
      out += B64[n >> 18] + B64[(n >> 12) & 63] +
        (i + 1 < s.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < s.length ? B64[n & 63] : '=');
    }
    return out;
  }
  function atob(input) {
    if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
    let s = String(input).replace(/[\t\n\f\r ]/g, '');
    if (s.length % 4 === 0) s = s.replace(/==?$/, '');
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) throw invalidChar();
    let out = '', bits = 0, acc = 0;
    for (const ch of s) {
      acc = (acc << 6) | B64.indexOf(ch);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += String.fromCharCode((acc >> bits) & 255);
      }
    }
    return out;
  }

  function structuredClone(value) {
    if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
    return host.structuredClone(value);
  }

  return { performance, TextEncoder, TextDecoder, atob, btoa, structuredClone };
})
