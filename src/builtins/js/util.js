// util: inspect/format (the same inspector console uses), promisify, callbackify,
// inherits, deprecate, isDeepStrictEqual, types, debuglog and the legacy is* checks.
(function (host) {
  'use strict';
  const { inspect, format, formatWithOptions } = host.require('inspect');
  const kind = (v) => host.kind(v);
  const toString = (v) => Object.prototype.toString.call(v);
  const customPromisify = Symbol.for('nodejs.util.promisify.custom');

  function codedError(Ctor, message, code) {
    const e = new Ctor(message);
    e.code = code;
    return e;
  }

  function checkFunction(fn, name) {
    if (typeof fn !== 'function') {
      const got = fn === null || fn === undefined ? ` Received ${fn}`
        : typeof fn === 'object' ? ` Received an instance of ${(fn.constructor && fn.constructor.name) || 'Object'}`
          : ` Received type ${typeof fn} (${typeof fn === 'string' ? `'${fn}'` : String(fn)})`;
      throw codedError(TypeError, `The "${name}" argument must be of type function.` + got, 'ERR_INVALID_ARG_TYPE');
    }
  }

  function promisify(original) {
    checkFunction(original, 'original');
    if (original[customPromisify]) {
      const fn = original[customPromisify];
      checkFunction(fn, 'util.promisify.custom');
      return Object.defineProperty(fn, customPromisify, { value: fn, configurable: true });
    }
    function fn(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [...args, (err, ...values) => {
          if (err) return reject(err);
          resolve(values[0]);
        }]);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, customPromisify, { value: fn, configurable: true });
    return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = customPromisify;

  function callbackify(original) {
    checkFunction(original, 'original');
    function callbackified(...args) {
      const cb = args.pop();
      checkFunction(cb, 'last argument');
      Reflect.apply(original, this, args).then(
        (v) => host.nextTick(cb, null, v),
        (err) => {
          if (!err) {
            const e = codedError(Error, 'Promise was rejected with a falsy value', 'ERR_FALSY_VALUE_REJECTION');
            e.reason = err;
            err = e;
          }
          host.nextTick(cb, err);
        },
      );
    }
    Object.defineProperties(callbackified, Object.getOwnPropertyDescriptors(original));
    return callbackified;
  }

  function inherits(ctor, superCtor) {
    checkFunction(ctor, 'ctor');
    checkFunction(superCtor, 'superCtor');
    if (superCtor.prototype === undefined) {
      throw codedError(TypeError, 'The "superCtor.prototype" property must be of type object. Received undefined', 'ERR_INVALID_ARG_TYPE');
    }
    Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  const warned = new Set();
  function deprecate(fn, msg, code) {
    checkFunction(fn, 'fn');
    function deprecated(...args) {
      const key = code || msg;
      if (!warned.has(key)) {
        warned.add(key);
        host.write(2, `(protojs:${host.pid}) ${code ? `[${code}] ` : ''}DeprecationWarning: ${msg}\n`);
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  function debuglog(section) {
    const enabled = new RegExp(`(^|,)\\s*(${String(host.env.NODE_DEBUG || '').split(',').map((s) => s.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')).filter(Boolean).join('|') || '(?!)'})\\s*(,|$)`, 'i').test(section);
    const log = enabled
      ? (...args) => host.write(2, `${section.toUpperCase()} ${host.pid}: ${format(...args)}\n`)
      : () => {};
    log.enabled = enabled;
    return log;
  }

  const typedArrayTag = (v) => (kind(v) === 'TypedArray' ? toString(v).slice(8, -1) : undefined);
  const types = {
    isDate: (v) => kind(v) === 'Date',
    isRegExp: (v) => kind(v) === 'RegExp',
    isMap: (v) => kind(v) === 'Map',
    isSet: (v) => kind(v) === 'Set',
    isWeakMap: (v) => kind(v) === 'Weak' && toString(v) === '[object WeakMap]',
    isWeakSet: (v) => kind(v) === 'Weak' && toString(v) === '[object WeakSet]',
    isPromise: (v) => kind(v) === 'Promise',
    isProxy: (v) => kind(v) === 'Proxy',
    isNativeError: (v) => kind(v) === 'Error',
    isArrayBuffer: (v) => kind(v) === 'ArrayBuffer',
    isSharedArrayBuffer: (v) => kind(v) === 'SharedArrayBuffer',
    isAnyArrayBuffer: (v) => kind(v) === 'ArrayBuffer' || kind(v) === 'SharedArrayBuffer',
    isDataView: (v) => kind(v) === 'DataView',
    isTypedArray: (v) => kind(v) === 'TypedArray',
    isArrayBufferView: (v) => kind(v) === 'TypedArray' || kind(v) === 'DataView',
    isUint8Array: (v) => typedArrayTag(v) === 'Uint8Array',
    isUint8ClampedArray: (v) => typedArrayTag(v) === 'Uint8ClampedArray',
    isUint16Array: (v) => typedArrayTag(v) === 'Uint16Array',
    isUint32Array: (v) => typedArrayTag(v) === 'Uint32Array',
    isInt8Array: (v) => typedArrayTag(v) === 'Int8Array',
    isInt16Array: (v) => typedArrayTag(v) === 'Int16Array',
    isInt32Array: (v) => typedArrayTag(v) === 'Int32Array',
    isFloat32Array: (v) => typedArrayTag(v) === 'Float32Array',
    isFloat64Array: (v) => typedArrayTag(v) === 'Float64Array',
    isBigInt64Array: (v) => typedArrayTag(v) === 'BigInt64Array',
    isBigUint64Array: (v) => typedArrayTag(v) === 'BigUint64Array',
    isArgumentsObject: (v) => kind(v) === 'Arguments',
    isGeneratorObject: (v) => kind(v) === 'Generator',
    isModuleNamespaceObject: (v) => kind(v) === 'ModuleNamespace',
    isBoxedPrimitive: (v) => kind(v) === 'Boxed' || kind(v) === 'SymbolBox',
    isNumberObject: (v) => kind(v) === 'Boxed' && toString(v) === '[object Number]',
    isStringObject: (v) => kind(v) === 'Boxed' && toString(v) === '[object String]',
    isBooleanObject: (v) => kind(v) === 'Boxed' && toString(v) === '[object Boolean]',
    isBigIntObject: (v) => kind(v) === 'Boxed' && toString(v) === '[object BigInt]',
    isSymbolObject: (v) => kind(v) === 'SymbolBox',
    isAsyncFunction: (v) => typeof v === 'function' && /^Async(Generator)?Function$/.test(toString(v).slice(8, -1)),
    isGeneratorFunction: (v) => typeof v === 'function' && /^(Async)?GeneratorFunction$/.test(toString(v).slice(8, -1)),
    isMapIterator: (v) => toString(v) === '[object Map Iterator]',
    isSetIterator: (v) => toString(v) === '[object Set Iterator]',
    isExternal: () => false,
    isKeyObject: () => false,
    isCryptoKey: () => false,
  };

  // Node's strict deep equality (assert.deepStrictEqual's rules).
  function isDeepStrictEqual(a, b, memo) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (toString(a) !== toString(b)) return false;
    memo = memo || new Map();
    const seen = memo.get(a);
    if (seen !== undefined && seen.has(b)) return true;
    if (seen === undefined) memo.set(a, new Set([b]));
    else seen.add(b);
    const k = kind(a);
    if (k === 'Date' && a.getTime() !== b.getTime()) return false;
    if (k === 'RegExp' && (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex)) return false;
    if (k === 'Error' && (a.message !== b.message || a.name !== b.name)) return false;
    if (k === 'Boxed' && !Object.is(a.valueOf(), b.valueOf())) return false;
    if (k === 'TypedArray' || k === 'DataView' || k === 'ArrayBuffer') {
      const x = new Uint8Array(a.buffer || a, a.byteOffset || 0, a.byteLength);
      const y = new Uint8Array(b.buffer || b, b.byteOffset || 0, b.byteLength);
      if (x.length !== y.length) return false;
      if (k === 'TypedArray' && !/Big|Float/.test(toString(a))) {
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      } else if (k === 'TypedArray') {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
      } else {
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      }
    }
    if (k === 'Map') {
      if (a.size !== b.size) return false;
      for (const [key, v] of a) {
        if (!b.has(key) || !isDeepStrictEqual(v, b.get(key), memo)) return false;
      }
    }
    if (k === 'Set') {
      if (a.size !== b.size) return false;
      outer: for (const v of a) {
        if (b.has(v)) continue;
        if (typeof v !== 'object' || v === null) return false;
        for (const w of b) if (isDeepStrictEqual(v, w, memo)) continue outer;
        return false;
      }
    }
    const keysA = Object.keys(a).concat(Object.getOwnPropertySymbols(a).filter((s) => Object.prototype.propertyIsEnumerable.call(a, s)));
    const keysB = Object.keys(b).concat(Object.getOwnPropertySymbols(b).filter((s) => Object.prototype.propertyIsEnumerable.call(b, s)));
    if (keysA.length !== keysB.length) return false;
    for (const key of keysA) {
      if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false;
      if (!isDeepStrictEqual(a[key], b[key], memo)) return false;
    }
    return true;
  }

  function stripVTControlCharacters(str) {
    // eslint-disable-next-line no-control-regex
    return String(str).replace(/[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g, '');
  }

  function toUSVString(s) {
    return String(s).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (m, pre) => (pre === undefined ? '\uFFFD' : pre + '\uFFFD'));
  }

  const util = {
    callbackify,
    debug: debuglog,
    debuglog,
    deprecate,
    format,
    formatWithOptions,
    inherits,
    inspect,
    isArray: Array.isArray,
    isBoolean: (v) => typeof v === 'boolean',
    isBuffer: (v) => host.require('buffer').Buffer.isBuffer(v),
    isDeepStrictEqual: (a, b) => isDeepStrictEqual(a, b),
    isNull: (v) => v === null,
    isNullOrUndefined: (v) => v === null || v === undefined,
    isNumber: (v) => typeof v === 'number',
    isString: (v) => typeof v === 'string',
    isSymbol: (v) => typeof v === 'symbol',
    isUndefined: (v) => v === undefined,
    isRegExp: types.isRegExp,
    isObject: (v) => v !== null && typeof v === 'object',
    isDate: types.isDate,
    isError: (v) => kind(v) === 'Error' || v instanceof Error,
    isFunction: (v) => typeof v === 'function',
    isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
    promisify,
    stripVTControlCharacters,
    toUSVString,
    types,
    get TextDecoder() { return globalThis.TextDecoder; },
    get TextEncoder() { return globalThis.TextEncoder; },
  };
  return { util, types };
})
