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
      const bytes = host.utf8Encode(String(src));
      let n = Math.min(bytes.length, dest.length);
      // never split a character
      while (n > 0 && n < bytes.length && (bytes[n] & 0xc0) === 0x80) n--;
      dest.set(bytes.subarray(0, n));
      let read = 0;
      for (const ch of String(src)) {
        const len = host.utf8Encode(ch).length;
        if (len > n) break;
        n -= len;
        read += ch.length;
      }
      return { read, written: Math.min(bytes.length, dest.length) - n };
    }
  }

  class TextDecoder {
    #fatal;
    #ignoreBOM;
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
    decode(input) {
      if (input === undefined) return '';
      let s = host.utf8Decode(input, this.#fatal);
      if (!this.#ignoreBOM && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
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
