// The slow path of value transfer (see src/transfer/mod.rs). `prepare` checks a value graph
// for anything that cannot be cloned (throwing a TypeError that names where and why) and
// rewrites the objects QuickJS's writer does not know (Map, Set, RegExp, Error, DataView,
// arrays with holes or named properties) into an envelope it does; `restore` rebuilds them on the other side.
//
// Envelope: { root, rootSpecial, specials: [[kind, payload], ...], fixups: [parent, key, index, ...] }
// A special object is written as a placeholder (null) plus a fixup telling restore where
// the rebuilt object goes, so shared references and cycles through specials survive.
(function (host) {
  'use strict';
  const MAX_DEPTH = 10000;
  const ERROR_CLASSES = {
    Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError,
    AggregateError, InternalError: globalThis.InternalError || Error,
  };
  // kinds the writer handles by itself
  const PASS = new Set(['Date', 'Boxed', 'ArrayBuffer', 'SharedArrayBuffer', 'TypedArray']);
  const REFUSED = {
    JsFunction: 'functions cannot be cloned (pass data instead, or call the function inside the task)',
    NativeFunction: 'functions cannot be cloned',
    BoundFunction: 'functions cannot be cloned',
    Promise: 'a Promise cannot be cloned (await it first and pass its value)',
    Proxy: 'a Proxy cannot be cloned',
    Weak: 'WeakMap, WeakSet and WeakRef cannot be cloned',
    Generator: 'generators cannot be cloned',
    SymbolBox: 'Symbol objects cannot be cloned',
    ModuleNamespace: 'module namespace objects cannot be cloned',
    Other: 'objects of this class cannot be cloned',
  };

  // obj[key] = value as an own data property, whatever setters (or `__proto__`) the
  // prototypes have. Mirrors and payloads have no prototype, so plain assignment is that;
  // rebuilt arrays and errors have theirs.
  function setOwn(obj, key, value) {
    if (Object.getPrototypeOf(obj) === null) {
      obj[key] = value;
    } else {
      Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    }
  }

  // Marks a special object in the mirror graph; private, so user data can never be one.
  class SpecialRef {
    constructor(index) { this.index = index; }
  }

  function describeKey(path, key) {
    return typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
  }

  function prepare(root, what) {
    const specials = [];
    const fixups = [];
    const seen = new Map(); // original object -> its mirror or SpecialRef

    function fail(path, why) {
      const where = path === what ? what : `${what} (at ${path.slice(what.length) || 'top level'})`;
      throw new TypeError(`${where} cannot be sent to a worker: ${why}`);
    }

    function special(v, kind, payloadOf, path, depth) {
      const ref = new SpecialRef(specials.length);
      seen.set(v, ref);
      specials.push(null);
      specials[ref.index] = [kind, payloadOf(path, depth)];
      return ref;
    }

    // Returns the mirror of v, or a SpecialRef for a special object.
    function conv(v, path, depth) {
      const t = typeof v;
      if (t === 'symbol') fail(path, 'symbols cannot be cloned');
      if (t === 'function') fail(path, REFUSED[host.kind(v)] || REFUSED.JsFunction);
      if (v === null || t !== 'object') return v;
      if (depth > MAX_DEPTH) throw new RangeError(`${what} is nested too deeply to be sent to a worker`);
      const prior = seen.get(v);
      if (prior !== undefined) return prior;
      const kind = host.kind(v);
      if (PASS.has(kind)) {
        seen.set(v, v);
        return v;
      }
      if (kind in REFUSED) fail(path, REFUSED[kind]);
      switch (kind) {
        case 'Map':
          return special(v, 'Map', (p, d) => {
            const out = []; // flat: key, value, key, value, ...
            let i = 0;
            for (const [k, val] of Map.prototype.entries.call(v)) {
              out.push(null, null);
              place(out, out.length - 2, k, `${p}.<key ${i}>`, d + 1);
              place(out, out.length - 1, val, `${p}.<value ${i++}>`, d + 1);
            }
            return out;
          }, path, depth);
        case 'Set':
          return special(v, 'Set', (p, d) => {
            const out = [];
            let i = 0;
            for (const val of Set.prototype.values.call(v)) {
              out.push(null);
              place(out, out.length - 1, val, `${p}.<value ${i++}>`, d + 1);
            }
            return out;
          }, path, depth);
        case 'RegExp':
          return special(v, 'RegExp', () => [v.source, v.flags, v.lastIndex], path, depth);
        case 'DataView':
          return special(v, 'DataView', () => [v.buffer, v.byteOffset, v.byteLength], path, depth);
        case 'Error':
          return special(v, 'Error', (p, d) => {
            const payload = Object.create(null);
            const proto = Object.getPrototypeOf(v);
            const ctorName = proto && proto.constructor && proto.constructor.name;
            payload.ctor = Object.prototype.hasOwnProperty.call(ERROR_CLASSES, ctorName) ? ctorName : 'Error';
            payload.name = String(v.name);
            payload.message = String(v.message === undefined ? '' : v.message);
            payload.stack = typeof v.stack === 'string' ? v.stack : '';
            payload.hasCause = Object.prototype.hasOwnProperty.call(v, 'cause');
            payload.cause = null;
            if (payload.hasCause) place(payload, 'cause', v.cause, `${p}.cause`, d + 1);
            payload.errors = null;
            if (Array.isArray(v.errors)) place(payload, 'errors', v.errors, `${p}.errors`, d + 1);
            payload.extra = Object.create(null);
            for (const k of Object.keys(v)) {
              if (k === 'message' || k === 'stack' || k === 'cause' || k === 'name' || k === 'errors') continue;
              place(payload.extra, k, read(v, k, p), describeKey(p, k), d + 1);
            }
            return payload;
          }, path, depth);
      }
      // Plain objects, arrays, arguments, class instances: copied as plain data.
      const isArray = Array.isArray(v);
      const keys = Object.keys(v);
      if (isArray && !isDense(v, keys)) {
        // Holes or named properties, which the writer would lose: [length, key, value, ...]
        // (a[1e9] = 1 is two entries, not a billion).
        return special(v, 'Array', (p, d) => {
          const out = [v.length];
          for (const k of keys) {
            out.push(k, null);
            place(out, out.length - 1, read(v, k, p), describeKey(p, isIndex(k) ? Number(k) : k), d + 1);
          }
          return out;
        }, path, depth);
      }
      const mirror = isArray ? new Array(v.length) : Object.create(null);
      seen.set(v, mirror);
      for (const k of keys) {
        const key = isArray && isIndex(k) ? Number(k) : k;
        place(mirror, key, read(v, k, path), describeKey(path, key), depth + 1);
      }
      return mirror;
    }

    // An array index in canonical form ("01" is a property name, not an index).
    function isIndex(k) {
      return /^(0|[1-9]\d*)$/.test(k) && Number(k) < 4294967295;
    }

    // Every index present and nothing else: Object.keys lists indices first, in order.
    function isDense(a, keys) {
      return keys.length === a.length && (keys.length === 0 || keys[keys.length - 1] === String(a.length - 1));
    }

    function read(obj, k, path) {
      try {
        return obj[k];
      } catch (e) {
        fail(describeKey(path, k), `reading the property threw ${e && e.name ? e.name + ': ' + e.message : String(e)}`);
      }
    }

    // Stores the mirror of v at parent[key], or records a fixup for a special.
    function place(parent, key, v, path, depth) {
      const m = conv(v, path, depth);
      if (m instanceof SpecialRef) {
        setOwn(parent, key, null);
        fixups.push(parent, key, m.index);
      } else {
        setOwn(parent, key, m);
      }
    }

    const top = conv(root, what, 0);
    const rootSpecial = top instanceof SpecialRef ? top.index : -1;
    return { root: rootSpecial >= 0 ? null : top, rootSpecial, specials, fixups };
  }

  function restore(env) {
    const { specials, fixups } = env;
    const objs = specials.map(([kind, p]) => {
      switch (kind) {
        case 'Map': return new Map();
        case 'Set': return new Set();
        case 'RegExp': { const r = new RegExp(p[0], p[1]); r.lastIndex = p[2]; return r; }
        case 'DataView': return new DataView(p[0], p[1], p[2]);
        case 'Array': return new Array(p[0]);
        case 'Error': {
          const Ctor = ERROR_CLASSES[p.ctor] || Error;
          const e = p.ctor === 'AggregateError' ? new Ctor([], p.message) : new Ctor(p.message);
          if (p.message === '') delete e.message;
          return e;
        }
      }
      throw new TypeError('corrupt transfer envelope');
    });
    for (let i = 0; i < fixups.length; i += 3) setOwn(fixups[i], fixups[i + 1], objs[fixups[i + 2]]);
    specials.forEach(([kind, p], i) => {
      const o = objs[i];
      if (kind === 'Map') for (let j = 0; j < p.length; j += 2) o.set(p[j], p[j + 1]);
      else if (kind === 'Array') for (let j = 1; j < p.length; j += 2) setOwn(o, p[j], p[j + 1]);
      else if (kind === 'Set') for (const v of p) o.add(v);
      else if (kind === 'Error') {
        const hidden = (k, v) => Object.defineProperty(o, k, { value: v, writable: true, configurable: true, enumerable: false });
        hidden('stack', p.stack);
        if (o.name !== p.name) hidden('name', p.name);
        if (p.hasCause) hidden('cause', p.cause);
        if (p.errors) hidden('errors', p.errors);
        for (const k of Object.keys(p.extra)) setOwn(o, k, p.extra[k]);
      }
    });
    return env.rootSpecial >= 0 ? objs[env.rootSpecial] : env.root;
  }

  return { prepare, restore };
})
