// util.inspect / util.format for protojs, in plain JavaScript.
//
// The layout rules (line breaking, array grouping, quoting, error headers,
// circular markers, ...) follow Node v20's lib/internal/util/inspect.js
// (MIT License, Copyright Node.js contributors and Joyent, Inc.) so that
// console.log prints exactly what Node prints. tests/inspect/compare.js checks
// this against Node itself.
//
// This file is evaluated as a script; its completion value is a function that
// takes the engine `host` object and returns { inspect, format,
// formatWithOptions }. From `host` it uses only:
//   host.kind(v)          engine class of an object ('Map', 'Proxy', ...);
//                         when missing, plain-JS brand checks are used instead
//                         (proxies, bound functions, generators are then not
//                         told apart).
//   host.promiseState(p)  ['pending'] | ['fulfilled', v] | ['rejected', e];
//                         when missing, promises print `Promise { <unknown> }`.
//
// Deliberately not supported (differences from Node):
// - colors: accepted and ignored, output is never styled.
// - showProxy: proxies are inspected through their traps (Node reads the
//   target without running traps); a revoked proxy prints <Revoked Proxy>, a
//   trap that throws prints <Inspection threw (message)>. Proxies of Map, Set,
//   Date, ... print as plain objects (brand checks do not see through them).
// - Map/Set iterators, WeakMap/WeakSet contents (even with showHidden) cannot
//   be previewed without the engine: iterators print like plain objects
//   (`Object [Map Iterator] {}`), weak collections as `<items unknown>`.
// - Errors: QuickJS keeps only the frame lines in err.stack, so the
//   "Name: message" header is rebuilt from the current name/message when the
//   error is printed (V8 fixes it when .stack is first read). With showHidden
//   the raw `[stack]` property shows QuickJS's frames-only text.
// - The constructor name V8 remembers for objects whose prototype was set to
//   null (`[Foo: null prototype]`) is unknown here: such objects print with
//   their engine class name (`[Object: null prototype]`).
// - String widths (array grouping only) approximate ICU's East Asian Width
//   data with Node's non-ICU ranges plus \p{Emoji_Presentation}.
// - URL objects and External values get no special treatment.
// - Engine facts show through: QuickJS gives bound functions Function.prototype
//   as prototype (Node prints `[Function: bound f] AsyncFunction` for a bound
//   async function, protojs `[Function: bound f]`), and its functions have no
//   own `arguments`/`caller`, visible with showHidden / `%o`.
(function (host) {
  'use strict';

  host = host || {};

  // ---------------------------------------------------------------------------
  // Captured builtins. Printing must keep working when user code patches
  // prototypes, and brand-checking getters double as type tests.

  const uncurryThis = (fn) => Function.prototype.call.bind(fn);
  const getter = (proto, key) => uncurryThis(Object.getOwnPropertyDescriptor(proto, key).get);

  const ArrayIsArray = Array.isArray;
  const JSONStringify = JSON.stringify;
  const MathMax = Math.max;
  const MathMin = Math.min;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
  const ObjectGetOwnPropertySymbols = Object.getOwnPropertySymbols;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectIs = Object.is;
  const ObjectKeys = Object.keys;
  const ReflectOwnKeys = Reflect.ownKeys;
  const ObjectPrototypeHasOwnProperty = uncurryThis(Object.prototype.hasOwnProperty);
  const ObjectPrototypePropertyIsEnumerable = uncurryThis(Object.prototype.propertyIsEnumerable);
  const ObjectPrototypeToString = uncurryThis(Object.prototype.toString);
  const FunctionPrototypeToString = uncurryThis(Function.prototype.toString);
  const FunctionPrototypeSymbolHasInstance = uncurryThis(Function.prototype[Symbol.hasInstance]);
  const ErrorPrototypeToString = uncurryThis(Error.prototype.toString);
  const DatePrototypeGetTime = uncurryThis(Date.prototype.getTime);
  const DatePrototypeToISOString = uncurryThis(Date.prototype.toISOString);
  const DatePrototypeToString = uncurryThis(Date.prototype.toString);
  const RegExpPrototypeToString = uncurryThis(RegExp.prototype.toString);
  const RegExpPrototypeGetSource = getter(RegExp.prototype, 'source');
  const SymbolPrototypeToString = uncurryThis(Symbol.prototype.toString);
  const SymbolPrototypeValueOf = uncurryThis(Symbol.prototype.valueOf);
  const NumberPrototypeValueOf = uncurryThis(Number.prototype.valueOf);
  const StringPrototypeValueOf = uncurryThis(String.prototype.valueOf);
  const BooleanPrototypeValueOf = uncurryThis(Boolean.prototype.valueOf);
  const BigIntPrototypeValueOf = uncurryThis(BigInt.prototype.valueOf);
  const MapPrototypeGetSize = getter(Map.prototype, 'size');
  const MapPrototypeEntries = uncurryThis(Map.prototype.entries);
  const SetPrototypeGetSize = getter(Set.prototype, 'size');
  const SetPrototypeValues = uncurryThis(Set.prototype.values);
  const WeakMapPrototypeHas = uncurryThis(WeakMap.prototype.has);
  const WeakSetPrototypeHas = uncurryThis(WeakSet.prototype.has);
  const ArrayBufferPrototypeGetByteLength = getter(ArrayBuffer.prototype, 'byteLength');
  const SharedArrayBufferPrototypeGetByteLength = typeof SharedArrayBuffer === 'function' ?
    getter(SharedArrayBuffer.prototype, 'byteLength') : undefined;
  const DataViewPrototypeGetBuffer = getter(DataView.prototype, 'buffer');
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const TypedArrayPrototypeGetSymbolToStringTag = getter(TypedArrayPrototype, Symbol.toStringTag);
  const TypedArrayPrototypeGetLength = getter(TypedArrayPrototype, 'length');

  const AsyncFunctionPrototype = ObjectGetPrototypeOf(async function () {});
  const GeneratorFunctionPrototype = ObjectGetPrototypeOf(function* () {});
  const AsyncGeneratorFunctionPrototype = ObjectGetPrototypeOf(async function* () {});

  const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

  // Constructors whose prototypes end the search for user-defined prototype
  // properties and whose toString counts as built-in for `%s` (Node's rule:
  // capitalised global names).
  const builtInObjects = new Set(
    ObjectGetOwnPropertyNames(globalThis).filter((name) => /^[A-Z][a-zA-Z0-9]+$/.test(name)),
  );

  // ---------------------------------------------------------------------------
  // Engine facts: what kind of object a value is. host.kind knows the internal
  // class; the brand checks below are the fallback and also tell apart the
  // sub-types host.kind groups together ('Boxed', 'Weak', 'TypedArray').

  const passes = (check, value, arg) => {
    try {
      check(value, arg);
      return true;
    } catch {
      return false;
    }
  };

  function guessKind(value) {
    let isArray;
    try {
      isArray = ArrayIsArray(value);
    } catch {
      return 'RevokedProxy';
    }
    if (isArray) return 'Array';
    if (typeof value === 'function') return 'JsFunction';
    if (passes(MapPrototypeGetSize, value)) return 'Map';
    if (passes(SetPrototypeGetSize, value)) return 'Set';
    if (weakType(value) !== undefined) return 'Weak';
    if (passes(DatePrototypeGetTime, value)) return 'Date';
    if (passes(RegExpPrototypeGetSource, value) && value !== RegExp.prototype) return 'RegExp';
    if (TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined) return 'TypedArray';
    if (passes(ArrayBufferPrototypeGetByteLength, value)) return 'ArrayBuffer';
    if (SharedArrayBufferPrototypeGetByteLength !== undefined &&
        passes(SharedArrayBufferPrototypeGetByteLength, value)) {
      return 'SharedArrayBuffer';
    }
    if (passes(DataViewPrototypeGetBuffer, value)) return 'DataView';
    if (passes(SymbolPrototypeValueOf, value)) return 'SymbolBox';
    if (boxedType(value) !== undefined) return 'Boxed';
    switch (ObjectPrototypeToString(value)) {
      case '[object Error]': return 'Error';
      case '[object Arguments]': return 'Arguments';
      case '[object Module]':
        if (ObjectGetPrototypeOf(value) === null) return 'ModuleNamespace';
    }
    if (value instanceof Promise) return 'Promise';
    return 'Other';
  }

  const kindOf = typeof host.kind === 'function' ? (value) => host.kind(value) : guessKind;

  function boxedType(value) {
    if (passes(NumberPrototypeValueOf, value)) return 'Number';
    if (passes(StringPrototypeValueOf, value)) return 'String';
    if (passes(BooleanPrototypeValueOf, value)) return 'Boolean';
    if (passes(BigIntPrototypeValueOf, value)) return 'BigInt';
    if (passes(SymbolPrototypeValueOf, value)) return 'Symbol';
    return undefined;
  }

  function weakType(value) {
    if (passes(WeakMapPrototypeHas, value, {})) return 'WeakMap';
    if (passes(WeakSetPrototypeHas, value, {})) return 'WeakSet';
    if (typeof WeakRef === 'function' && passes(uncurryThis(WeakRef.prototype.deref), value)) {
      return 'WeakRef';
    }
    return undefined;
  }

  // The class name the engine gives an object regardless of its prototype
  // chain (V8's GetConstructorName), used for null-prototype objects.
  function internalConstructorName(value) {
    const kind = kindOf(value);
    switch (kind) {
      case 'Array': case 'Error': case 'Date': case 'RegExp': case 'Map': case 'Set':
      case 'ArrayBuffer': case 'SharedArrayBuffer': case 'DataView': case 'Promise':
        return kind;
      case 'TypedArray': return TypedArrayPrototypeGetSymbolToStringTag(value);
      case 'Boxed': case 'SymbolBox': return boxedType(value);
      case 'Weak': return weakType(value);
      case 'JsFunction': case 'NativeFunction': case 'BoundFunction': return 'Function';
      default: return 'Object';
    }
  }

  // Unknown without host.promiseState, or for proxies of promises.
  function promiseState(promise) {
    try {
      return host.promiseState(promise);
    } catch {
      return ['unknown'];
    }
  }

  const isError = (value, kind) => kind === 'Error' || value instanceof Error;

  function isStackOverflowError(err) {
    return err != null && (err.name === 'RangeError' || err.name === 'InternalError') &&
      /^(?:Maximum call stack size exceeded|stack overflow)/.test(err.message);
  }

  // ---------------------------------------------------------------------------
  // Options

  const inspectDefaultOptions = Object.seal({
    showHidden: false,
    depth: 2,
    colors: false,
    customInspect: true,
    showProxy: false,
    maxArrayLength: 100,
    maxStringLength: 10000,
    breakLength: 80,
    compact: 3,
    sorted: false,
    getters: false,
    numericSeparator: false,
  });

  const kObjectType = 0;
  const kArrayType = 1;
  const kArrayExtrasType = 2;

  // Output is never coloured. `stylize` (replaceable through the options, as
  // in Node) is still applied to every styled token and handed to custom
  // inspectors.
  const stylizeNoColor = (str) => str;

  function inspect(value, opts) {
    const ctx = {
      budget: {},
      indentationLvl: 0,
      seen: [],
      currentDepth: 0,
      stylize: stylizeNoColor,
      ...inspectDefaultOptions,
    };
    if (arguments.length > 1) {
      // Legacy signature: inspect(value, showHidden, depth, colors).
      if (arguments.length > 2 && arguments[2] !== undefined) {
        ctx.depth = arguments[2];
      }
      if (typeof opts === 'boolean') {
        ctx.showHidden = opts;
      } else if (opts) {
        for (const key of ObjectKeys(opts)) {
          if (ObjectPrototypeHasOwnProperty(inspectDefaultOptions, key) || key === 'stylize') {
            ctx[key] = opts[key];
          } else if (ctx.userOptions === undefined) {
            // Passed through to custom inspectors untouched.
            ctx.userOptions = opts;
          }
        }
      }
    }
    ctx.colors = false;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspectSymbol;
  Object.defineProperty(inspect, 'defaultOptions', {
    get() {
      return inspectDefaultOptions;
    },
    set(options) {
      if (options === null || typeof options !== 'object') {
        throw invalidArgType('options', options);
      }
      Object.assign(inspectDefaultOptions, options);
    },
  });

  // The options object handed to custom inspectors.
  function getUserOptions(ctx, isCrossContext) {
    const ret = {
      stylize: ctx.stylize,
      showHidden: ctx.showHidden,
      depth: ctx.depth,
      colors: ctx.colors,
      customInspect: ctx.customInspect,
      showProxy: ctx.showProxy,
      maxArrayLength: ctx.maxArrayLength,
      maxStringLength: ctx.maxStringLength,
      breakLength: ctx.breakLength,
      compact: ctx.compact,
      sorted: ctx.sorted,
      getters: ctx.getters,
      numericSeparator: ctx.numericSeparator,
      ...ctx.userOptions,
    };
    // Objects outside Object's realm (null prototypes, proxies) get an options
    // object without prototype or non-primitive members, as in Node.
    if (isCrossContext) {
      Object.setPrototypeOf(ret, null);
      for (const key of ObjectKeys(ret)) {
        if ((typeof ret[key] === 'object' || typeof ret[key] === 'function') && ret[key] !== null) {
          delete ret[key];
        }
      }
      ret.stylize = Object.setPrototypeOf((value) => value, null);
    }
    return ret;
  }

  // Node's ERR_INVALID_ARG_TYPE error for an "object" parameter.
  function invalidArgType(name, value) {
    const err = new TypeError(
      `The "${name}" argument must be of type object. Received ${describeReceived(value)}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    return err;
  }

  function describeReceived(value) {
    if (value === null || value === undefined) return `${value}`;
    switch (typeof value) {
      case 'bigint': return `type bigint (${value}n)`;
      case 'number': return `type number (${ObjectIs(value, -0) ? '-0' : value})`;
      case 'boolean': return `type boolean (${value})`;
      case 'symbol': return `type symbol (${String(value)})`;
      case 'function': return `function ${value.name}`;
      case 'object':
        if (value.constructor && 'name' in value.constructor) {
          return `an instance of ${value.constructor.name}`;
        }
        return inspect(value, { depth: -1 });
      default: {
        const text = value.length > 28 ? `${value.slice(0, 25)}...` : value;
        return `type string (${text.includes("'") ? JSONStringify(text) : `'${text}'`})`;
      }
    }
  }

  // ---------------------------------------------------------------------------
  // Strings and other primitives

  /* eslint-disable no-control-regex */
  const strEscapeSequencesRegExp = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const strEscapeSequencesReplacer = /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  const strEscapeSequencesRegExpSingle = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const strEscapeSequencesReplacerSingle = /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  /* eslint-enable no-control-regex */

  const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  const numberRegExp = /^(0|[1-9][0-9]*)$/;
  const kMinLineLength = 16;

  // Escapes for control characters, the single quote and the backslash,
  // indexed by char code; empty entries are printed as-is.
  const meta = [
    '\\x00', '\\x01', '\\x02', '\\x03', '\\x04', '\\x05', '\\x06', '\\x07',
    '\\b', '\\t', '\\n', '\\x0B', '\\f', '\\r', '\\x0E', '\\x0F',
    '\\x10', '\\x11', '\\x12', '\\x13', '\\x14', '\\x15', '\\x16', '\\x17',
    '\\x18', '\\x19', '\\x1A', '\\x1B', '\\x1C', '\\x1D', '\\x1E', '\\x1F',
    '', '', '', '', '', '', '', "\\'", '', '', '', '', '', '', '', '',
    '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '',
    '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '',
    '', '', '', '', '', '', '', '', '', '', '', '', '\\\\', '', '', '',
    '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '',
    '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '\\x7F',
    '\\x80', '\\x81', '\\x82', '\\x83', '\\x84', '\\x85', '\\x86', '\\x87',
    '\\x88', '\\x89', '\\x8A', '\\x8B', '\\x8C', '\\x8D', '\\x8E', '\\x8F',
    '\\x90', '\\x91', '\\x92', '\\x93', '\\x94', '\\x95', '\\x96', '\\x97',
    '\\x98', '\\x99', '\\x9A', '\\x9B', '\\x9C', '\\x9D', '\\x9E', '\\x9F',
  ];

  function escapeFn(str) {
    const charCode = str.charCodeAt(0);
    return meta.length > charCode ? meta[charCode] : `\\u${charCode.toString(16)}`;
  }

  function addQuotes(str, quotes) {
    if (quotes === -1) return `"${str}"`;
    if (quotes === -2) return `\`${str}\``;
    return `'${str}'`;
  }

  // Quote a string: single quotes unless the string contains one, then double
  // quotes, then backticks; escape control characters and lone surrogates.
  function strEscape(str) {
    let escapeTest = strEscapeSequencesRegExp;
    let escapeReplace = strEscapeSequencesReplacer;
    let singleQuote = 39;
    if (str.includes("'")) {
      if (!str.includes('"')) {
        singleQuote = -1;
      } else if (!str.includes('`') && !str.includes('${')) {
        singleQuote = -2;
      }
      if (singleQuote !== 39) {
        escapeTest = strEscapeSequencesRegExpSingle;
        escapeReplace = strEscapeSequencesReplacerSingle;
      }
    }
    if (!escapeTest.test(str)) return addQuotes(str, singleQuote);
    if (str.length > 100) {
      return addQuotes(str.replace(escapeReplace, escapeFn), singleQuote);
    }
    let result = '';
    let last = 0;
    for (let i = 0; i < str.length; i++) {
      const point = str.charCodeAt(i);
      if (point === singleQuote || point === 92 || point < 32 || (point > 126 && point < 160)) {
        result += `${str.slice(last, i)}${meta[point]}`;
        last = i + 1;
      } else if (point >= 0xd800 && point <= 0xdfff) {
        if (point <= 0xdbff && i + 1 < str.length) {
          const next = str.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            i++;
            continue;
          }
        }
        result += `${str.slice(last, i)}\\u${point.toString(16)}`;
        last = i + 1;
      }
    }
    if (last !== str.length) result += str.slice(last);
    return addQuotes(result, singleQuote);
  }

  function addNumericSeparator(integerString) {
    let result = '';
    let i = integerString.length;
    const start = integerString[0] === '-' ? 1 : 0;
    for (; i >= start + 4; i -= 3) {
      result = `_${integerString.slice(i - 3, i)}${result}`;
    }
    return i === integerString.length ? integerString : `${integerString.slice(0, i)}${result}`;
  }

  function addNumericSeparatorEnd(integerString) {
    let result = '';
    let i = 0;
    for (; i < integerString.length - 3; i += 3) {
      result += `${integerString.slice(i, i + 3)}_`;
    }
    return i === 0 ? integerString : `${result}${integerString.slice(i)}`;
  }

  function formatNumber(fn, number, numericSeparator) {
    if (!numericSeparator) {
      // `${-0}` is '0'.
      if (ObjectIs(number, -0)) return fn('-0', 'number');
      return fn(`${number}`, 'number');
    }
    const numberString = String(number);
    if (Math.trunc(number) === number) {
      if (!Number.isFinite(number) || numberString.includes('e')) {
        return fn(numberString, 'number');
      }
      return fn(addNumericSeparator(numberString), 'number');
    }
    if (Number.isNaN(number)) return fn(numberString, 'number');
    const decimalIndex = numberString.indexOf('.');
    return fn(`${addNumericSeparator(numberString.slice(0, decimalIndex))}.${
      addNumericSeparatorEnd(numberString.slice(decimalIndex + 1))}`, 'number');
  }

  function formatBigInt(fn, bigint, numericSeparator) {
    const string = String(bigint);
    return fn(`${numericSeparator ? addNumericSeparator(string) : string}n`, 'bigint');
  }

  function formatPrimitive(fn, value, ctx) {
    if (typeof value === 'string') {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      // Long multi-line strings are split after each newline into
      // 'line\n' + 'line' pieces.
      if (ctx.compact !== true &&
          value.length > kMinLineLength &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        return value.split(/(?<=\n)/)
          .map((line) => fn(strEscape(line), 'string'))
          .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
      }
      return fn(strEscape(value), 'string') + trailer;
    }
    if (typeof value === 'number') return formatNumber(fn, value, ctx.numericSeparator);
    if (typeof value === 'bigint') return formatBigInt(fn, value, ctx.numericSeparator);
    if (typeof value === 'boolean') return fn(`${value}`, 'boolean');
    if (typeof value === 'undefined') return fn('undefined', 'undefined');
    return fn(SymbolPrototypeToString(value), 'symbol');
  }

  // Display width of a string, approximating the ICU rule Node uses: East
  // Asian wide/full-width and emoji-presentation code points count 2, marks,
  // control and format characters 0 (the soft hyphen excepted), others 1.
  const zeroWidthRegExp = /^[\p{Mn}\p{Me}\p{Cc}\p{Cf}\p{Emoji_Modifier}]$/u;
  const emojiPresentationRegExp = /^\p{Emoji_Presentation}$/u;

  function getStringWidth(str) {
    let width = 0;
    for (let i = 0; i < str.length; i++) {
      const code = str.charCodeAt(i);
      if (code >= 127) {
        for (const char of str.slice(i).normalize('NFC')) {
          const point = char.codePointAt(0);
          if (isFullWidthCodePoint(point) || emojiPresentationRegExp.test(char)) {
            width += 2;
          } else if (point === 0xad || !zeroWidthRegExp.test(char)) {
            width++;
          }
        }
        break;
      }
      width += code >= 32 ? 1 : 0;
    }
    return width;
  }

  function isFullWidthCodePoint(code) {
    return code >= 0x1100 && (
      code <= 0x115f ||
      code === 0x2329 || code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x20000 && code <= 0x3fffd)
    );
  }

  // ---------------------------------------------------------------------------
  // Constructor names, prefixes and keys

  const isInstanceof = (object, proto) => {
    try {
      return object instanceof proto;
    } catch {
      return false;
    }
  };

  // Object.prototype and Function.prototype are recognised even when their
  // `constructor` property was tampered with.
  const wellKnownPrototypes = new Map([
    [Object.prototype, { name: 'Object', constructor: Object }],
    [Function.prototype, { name: 'Function', constructor: Function }],
  ]);

  // Name of the first constructor up the prototype chain that `obj` is an
  // instance of; null for null-prototype objects. With showHidden, collects
  // user-defined prototype properties into `protoProps`.
  function getConstructorName(obj, ctx, recurseTimes, protoProps) {
    let firstProto;
    const tmp = obj;
    while (obj) {
      const wellKnown = wellKnownPrototypes.get(obj);
      if (wellKnown !== undefined && FunctionPrototypeSymbolHasInstance(wellKnown.constructor, tmp)) {
        if (protoProps !== undefined && firstProto !== obj) {
          addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
        }
        return wellKnown.name;
      }
      const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
      if (descriptor !== undefined &&
          typeof descriptor.value === 'function' &&
          descriptor.value.name !== '' &&
          isInstanceof(tmp, descriptor.value)) {
        if (protoProps !== undefined &&
            (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
          addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
        }
        return String(descriptor.value.name);
      }
      obj = ObjectGetPrototypeOf(obj);
      if (firstProto === undefined) firstProto = obj;
    }
    if (firstProto === null) return null;

    const res = internalConstructorName(tmp);
    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      return `${res} <Complex prototype>`;
    }
    const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
    if (protoConstr === null) {
      return `${res} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
    }
    return `${res} <${protoConstr}>`;
  }

  // Adds the non-function properties of up to three user-defined prototype
  // layers to `output` (showHidden only).
  function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
    let depth = 0;
    let keys;
    let keySet;
    do {
      if (depth !== 0 || main === obj) {
        obj = ObjectGetPrototypeOf(obj);
        if (obj === null) return;
        const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
        if (descriptor !== undefined &&
            typeof descriptor.value === 'function' &&
            builtInObjects.has(descriptor.value.name)) {
          return;
        }
      }
      if (depth === 0) {
        keySet = new Set();
      } else {
        keys.forEach((key) => keySet.add(key));
      }
      keys = ReflectOwnKeys(obj);
      ctx.seen.push(main);
      for (const key of keys) {
        if (key === 'constructor' ||
            ObjectPrototypeHasOwnProperty(main, key) ||
            (depth !== 0 && keySet.has(key))) {
          continue;
        }
        const desc = ObjectGetOwnPropertyDescriptor(obj, key);
        if (typeof desc.value === 'function') continue;
        output.push(formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main));
      }
      ctx.seen.pop();
    } while (++depth !== 3);
  }

  function getPrefix(constructor, tag, fallback, size = '') {
    if (constructor === null) {
      if (tag !== '' && fallback !== tag) {
        return `[${fallback}${size}: null prototype] [${tag}] `;
      }
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== '' && constructor !== tag) {
      return `${constructor}${size} [${tag}] `;
    }
    return `${constructor}${size} `;
  }

  function getCtxStyle(value, constructor, tag) {
    let fallback = '';
    if (constructor === null) {
      fallback = internalConstructorName(value);
      if (fallback === tag) fallback = 'Object';
    }
    return getPrefix(constructor, tag, fallback);
  }

  // Own enumerable keys (all own keys with showHidden), symbols last.
  function getKeys(value, showHidden, kind) {
    let keys;
    const symbols = ObjectGetOwnPropertySymbols(value);
    if (showHidden) {
      keys = ObjectGetOwnPropertyNames(value);
      if (symbols.length !== 0) keys.push(...symbols);
    } else {
      try {
        keys = ObjectKeys(value);
      } catch (err) {
        // Namespaces of unevaluated modules throw on [[Get]].
        if (kind !== 'ModuleNamespace') throw err;
        keys = ObjectGetOwnPropertyNames(value);
      }
      if (symbols.length !== 0) {
        keys.push(...symbols.filter((key) => ObjectPrototypePropertyIsEnumerable(value, key)));
      }
    }
    return keys;
  }

  const isArrayIndexKey = (key) =>
    typeof key === 'string' && numberRegExp.test(key) && +key < 2 ** 32 - 1;

  // Keys of arrays and typed arrays other than their indices.
  function getOwnNonIndexProperties(value, showHidden, length) {
    const keys = ReflectOwnKeys(value);
    // Index keys come first, in ascending order: when the last index is
    // present, the first `length` keys are exactly the indices.
    const start = length > 0 && keys[length - 1] === `${length - 1}` ? length : 0;
    const result = [];
    for (let i = start; i < keys.length; i++) {
      const key = keys[i];
      if (!isArrayIndexKey(key) && (showHidden || ObjectPrototypePropertyIsEnumerable(value, key))) {
        result.push(key);
      }
    }
    return result;
  }

  // ---------------------------------------------------------------------------
  // Entry point for any value

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== 'object' && typeof value !== 'function') {
      return formatPrimitive(ctx.stylize, value, ctx);
    }
    if (value === null) return ctx.stylize('null', 'null');

    const kind = kindOf(value);
    // The target of a proxy is out of reach: inspect through the traps, which
    // may throw, with the type the brand checks see.
    const targetKind = kind === 'Proxy' ? guessKind(value) : kind;
    if (targetKind === 'RevokedProxy') return ctx.stylize('<Revoked Proxy>', 'special');
    if (kind !== 'Proxy') return formatObject(ctx, value, recurseTimes, typedArray, kind);

    const { indentationLvl, currentDepth } = ctx;
    const seenLength = ctx.seen.length;
    try {
      return formatObject(ctx, value, recurseTimes, typedArray, targetKind);
    } catch (err) {
      ctx.indentationLvl = indentationLvl;
      ctx.currentDepth = currentDepth;
      ctx.seen.length = seenLength;
      return ctx.stylize(`<Inspection threw (${safeMessage(err)})>`, 'special');
    }
  }

  function safeMessage(err) {
    try {
      return String(err !== null && typeof err === 'object' ? err.message : err);
    } catch {
      return 'unknown error';
    }
  }

  function formatObject(ctx, value, recurseTimes, typedArray, kind) {
    if (ctx.customInspect) {
      const maybeCustom = value[customInspectSymbol];
      if (typeof maybeCustom === 'function' &&
          maybeCustom !== inspect &&
          // Prototype objects carrying the method are printed normally.
          !(value.constructor && value.constructor.prototype === value)) {
        const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
        const isCrossContext = kindOf(value) === 'Proxy' || !(value instanceof Object);
        const ret = maybeCustom.call(value, depth, getUserOptions(ctx, isCrossContext), inspect);
        if (ret !== value) {
          if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
          return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
        }
      }
    }

    if (ctx.seen.includes(value)) {
      let index = 1;
      if (ctx.circular === undefined) {
        ctx.circular = new Map();
        ctx.circular.set(value, index);
      } else {
        index = ctx.circular.get(value);
        if (index === undefined) {
          index = ctx.circular.size + 1;
          ctx.circular.set(value, index);
        }
      }
      return ctx.stylize(`[Circular *${index}]`, 'special');
    }

    return formatRaw(ctx, value, recurseTimes, typedArray, kind);
  }

  function formatRaw(ctx, value, recurseTimes, typedArray, kind) {
    let keys;
    let protoProps;
    if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) {
      protoProps = [];
    }
    const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
    if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

    // Only show a Symbol.toStringTag that is not already printed as a key.
    let tag = value[Symbol.toStringTag];
    if (typeof tag !== 'string' ||
        (tag !== '' &&
         (ctx.showHidden ? ObjectPrototypeHasOwnProperty : ObjectPrototypePropertyIsEnumerable)(
           value, Symbol.toStringTag))) {
      tag = '';
    }

    let base = '';
    let formatter = getEmptyFormatArray;
    let braces;
    let noIterator = true;
    let extrasType = kObjectType;

    // Iterable types first; everything is checked for null-prototype objects
    // as their type cannot be told from the constructor.
    if (Symbol.iterator in value || constructor === null) {
      noIterator = false;
      if (kind === 'Array') {
        const prefix = (constructor !== 'Array' || tag !== '') ?
          getPrefix(constructor, tag, 'Array', `(${value.length})`) : '';
        keys = getOwnNonIndexProperties(value, ctx.showHidden, value.length);
        braces = [`${prefix}[`, ']'];
        if (value.length === 0 && keys.length === 0 && protoProps === undefined) {
          return `${braces[0]}]`;
        }
        extrasType = kArrayExtrasType;
        formatter = formatArray;
      } else if (kind === 'Set') {
        const size = SetPrototypeGetSize(value);
        const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
        keys = getKeys(value, ctx.showHidden, kind);
        formatter = formatSet;
        if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
        braces = [`${prefix}{`, '}'];
      } else if (kind === 'Map') {
        const size = MapPrototypeGetSize(value);
        const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
        keys = getKeys(value, ctx.showHidden, kind);
        formatter = formatMap;
        if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
        braces = [`${prefix}{`, '}'];
      } else if (kind === 'TypedArray') {
        const size = TypedArrayPrototypeGetLength(value);
        keys = getOwnNonIndexProperties(value, ctx.showHidden, size);
        const fallback = constructor === null ? TypedArrayPrototypeGetSymbolToStringTag(value) : '';
        const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
        braces = [`${prefix}[`, ']'];
        if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
        formatter = formatTypedArray;
        extrasType = kArrayExtrasType;
      } else {
        noIterator = true;
      }
    }
    if (noIterator) {
      keys = getKeys(value, ctx.showHidden, kind);
      braces = ['{', '}'];
      if (typeof value === 'function') {
        base = getFunctionBase(value, constructor, tag, kind);
        if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'special');
      } else if (constructor === 'Object') {
        if (kind === 'Arguments') {
          braces[0] = '[Arguments] {';
        } else if (tag !== '') {
          braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
        }
        if (keys.length === 0 && protoProps === undefined) return `${braces[0]}}`;
      } else if (kind === 'RegExp') {
        base = RegExpPrototypeToString(constructor !== null ? value : new RegExp(value));
        const prefix = getPrefix(constructor, tag, 'RegExp');
        if (prefix !== 'RegExp ') base = `${prefix}${base}`;
        if ((keys.length === 0 && protoProps === undefined) ||
            (recurseTimes > ctx.depth && ctx.depth !== null)) {
          return ctx.stylize(base, 'regexp');
        }
      } else if (kind === 'Date') {
        base = Number.isNaN(DatePrototypeGetTime(value)) ?
          DatePrototypeToString(value) :
          DatePrototypeToISOString(value);
        const prefix = getPrefix(constructor, tag, 'Date');
        if (prefix !== 'Date ') base = `${prefix}${base}`;
        if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, 'date');
      } else if (isError(value, kind)) {
        base = formatError(value, constructor, tag, ctx, keys);
        if (keys.length === 0 && protoProps === undefined) return base;
      } else if (kind === 'ArrayBuffer' || kind === 'SharedArrayBuffer') {
        const prefix = getPrefix(constructor, tag, kind);
        if (typedArray === undefined) {
          formatter = formatArrayBuffer;
        } else if (keys.length === 0 && protoProps === undefined) {
          return `${prefix}{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
        }
        braces[0] = `${prefix}{`;
        keys.unshift('byteLength');
      } else if (kind === 'DataView') {
        braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
        // .buffer goes last, it is not a primitive like the others.
        keys.unshift('byteLength', 'byteOffset', 'buffer');
      } else if (kind === 'Promise') {
        braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
        formatter = formatPromise;
      } else if (kind === 'Weak' && weakType(value) !== 'WeakRef') {
        braces[0] = `${getPrefix(constructor, tag, weakType(value))}{`;
        formatter = formatWeakCollection;
      } else if (kind === 'ModuleNamespace') {
        braces[0] = `${getPrefix(constructor, tag, 'Module')}{`;
        formatter = formatNamespaceObject.bind(null, keys);
      } else if (kind === 'Boxed' || kind === 'SymbolBox') {
        base = getBoxedBase(value, ctx, keys, constructor, tag);
        if (keys.length === 0 && protoProps === undefined) return base;
      } else {
        if (keys.length === 0 && protoProps === undefined) {
          return `${getCtxStyle(value, constructor, tag)}{}`;
        }
        braces[0] = `${getCtxStyle(value, constructor, tag)}{`;
      }
    }

    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      let constructorName = getCtxStyle(value, constructor, tag).slice(0, -1);
      if (constructor !== null) constructorName = `[${constructorName}]`;
      return ctx.stylize(constructorName, 'special');
    }
    recurseTimes += 1;

    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    const indentationLvl = ctx.indentationLvl;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (let i = 0; i < keys.length; i++) {
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
      if (protoProps !== undefined) output.push(...protoProps);
    } catch (err) {
      if (!isStackOverflowError(err)) throw err;
      ctx.seen.pop();
      ctx.indentationLvl = indentationLvl;
      const constructorName = getCtxStyle(value, constructor, tag).slice(0, -1);
      return ctx.stylize(`[${constructorName}: Inspection interrupted ` +
        'prematurely. Maximum call stack size exceeded.]', 'special');
    }
    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = ctx.stylize(`<ref *${index}>`, 'special');
        if (ctx.compact !== true) {
          base = base === '' ? reference : `${reference} ${base}`;
        } else {
          braces[0] = `${reference} ${braces[0]}`;
        }
      }
    }
    ctx.seen.pop();

    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) {
        output.sort(comparator);
      } else if (keys.length > 1) {
        // Only the named properties after the elements are sorted.
        const sorted = output.slice(output.length - keys.length).sort(comparator);
        output.splice(output.length - keys.length, keys.length, ...sorted);
      }
    }

    const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
    // Stop descending once the output gets huge, as Node does.
    const newLength = (ctx.budget[ctx.indentationLvl] || 0) + res.length;
    ctx.budget[ctx.indentationLvl] = newLength;
    if (newLength > 2 ** 27) ctx.depth = -1;
    return res;
  }

  function getEmptyFormatArray() {
    return [];
  }

  // ---------------------------------------------------------------------------
  // Functions, boxed primitives

  function getFunctionBase(value, constructor, tag, kind) {
    let stringified = '';
    try {
      stringified = FunctionPrototypeToString(value);
    } catch {
      // Some callable proxies cannot be stringified; they are not classes.
    }
    if (stringified.startsWith('class') && stringified.endsWith('}')) {
      const slice = stringified.slice(5, -1);
      const bracketIndex = slice.indexOf('{');
      if (bracketIndex !== -1 &&
          (!slice.slice(0, bracketIndex).includes('(') ||
           // Slow path to guarantee that it is indeed a class.
           /^(\s+[^(]*?)\s*{/.test(slice.replace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, '')))) {
        return getClassBase(value, constructor, tag);
      }
    }
    let type = 'Function';
    if (kind !== 'BoundFunction') {
      const proto = ObjectGetPrototypeOf(value);
      if (proto === GeneratorFunctionPrototype) type = 'GeneratorFunction';
      else if (proto === AsyncFunctionPrototype) type = 'AsyncFunction';
      else if (proto === AsyncGeneratorFunctionPrototype) type = 'AsyncGeneratorFunction';
    }
    let base = `[${type}`;
    if (constructor === null) base += ' (null prototype)';
    if (value.name === '') {
      base += ' (anonymous)';
    } else {
      base += `: ${value.name}`;
    }
    base += ']';
    if (constructor !== type && constructor !== null) base += ` ${constructor}`;
    if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
    return base;
  }

  function getClassBase(value, constructor, tag) {
    const hasName = ObjectPrototypeHasOwnProperty(value, 'name');
    const name = (hasName && value.name) || '(anonymous)';
    let base = `class ${name}`;
    if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
    if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
    if (constructor !== null) {
      const superName = ObjectGetPrototypeOf(value).name;
      if (superName) base += ` extends ${superName}`;
    } else {
      base += ' extends [null prototype]';
    }
    return `[${base}]`;
  }

  const boxedValueOf = {
    Number: NumberPrototypeValueOf,
    String: StringPrototypeValueOf,
    Boolean: BooleanPrototypeValueOf,
    BigInt: BigIntPrototypeValueOf,
    Symbol: SymbolPrototypeValueOf,
  };

  function getBoxedBase(value, ctx, keys, constructor, tag) {
    const type = boxedType(value);
    const primitive = boxedValueOf[type](value);
    if (type === 'String') {
      // The index keys of boxed strings only repeat the string.
      keys.splice(0, primitive.length);
    }
    let base = `[${type}`;
    if (type !== constructor) {
      base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
    }
    base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
    if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
    if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
    return ctx.stylize(base, type.toLowerCase());
  }

  // ---------------------------------------------------------------------------
  // Errors. QuickJS's err.stack holds only "    at ..." frame lines; the
  // "Name: message" header V8 puts first is rebuilt here so the rest of Node's
  // logic (name/constructor fix-ups, message detection) applies unchanged.

  function getStackString(error) {
    const stack = error.stack;
    if (!stack) return ErrorPrototypeToString(error);
    const text = String(stack);
    if (text.startsWith('    at ')) {
      return `${ErrorPrototypeToString(error)}\n${text.replace(/\n+$/, '')}`;
    }
    return text;
  }

  // Finds the longest run (more than three lines) of identical frames in `a`
  // and `b`.
  function identicalSequenceRange(a, b) {
    for (let i = 0; i < a.length - 3; i++) {
      const pos = b.indexOf(a[i]);
      if (pos !== -1) {
        const rest = b.length - pos;
        if (rest > 3) {
          let len = 1;
          const maxLen = MathMin(a.length - i, rest);
          while (maxLen > len && a[i + len] === b[pos + len]) len++;
          if (len > 3) return { len, offset: i };
        }
      }
    }
    return { len: 0, offset: 0 };
  }

  // Frame lines, with those repeated from the cause's stack collapsed.
  function getStackFrames(ctx, err, stack) {
    const frames = stack.split('\n');
    let cause;
    try {
      ({ cause } = err);
    } catch {
      // A throwing `cause` getter is ignored.
    }
    if (cause != null && isError(cause, kindOf(cause))) {
      const causeStack = getStackString(cause);
      const causeStackStart = causeStack.indexOf('\n    at');
      if (causeStackStart !== -1) {
        const causeFrames = causeStack.slice(causeStackStart + 1).split('\n');
        const { len, offset } = identicalSequenceRange(frames, causeFrames);
        if (len > 0) {
          const skipped = len - 2;
          const msg = `    ... ${skipped} lines matching cause stack trace ...`;
          frames.splice(offset + 1, skipped, ctx.stylize(msg, 'undefined'));
        }
      }
    }
    return frames;
  }

  // Makes the header name the constructor: `class Foo extends Error` prints
  // `Foo [Error]: msg`, null-prototype errors `[Error: null prototype]: msg`.
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    if (constructor === null ||
        (name.endsWith('Error') &&
         stack.startsWith(name) &&
         (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
      let fallback = 'Error';
      if (constructor === null) {
        const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/.exec(stack) ||
          /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (start && start[1]) || '';
        len = fallback.length;
        fallback = fallback || 'Error';
      }
      const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
      if (name !== prefix) {
        if (prefix.includes(name)) {
          stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
        } else {
          stack = `${prefix} [${name}]${stack.slice(len)}`;
        }
      }
    }
    return stack;
  }

  // name/message/stack own properties already visible in the stack are not
  // listed again.
  function removeDuplicateErrorKeys(ctx, keys, err, stack) {
    if (!ctx.showHidden && keys.length !== 0) {
      for (const name of ['name', 'message', 'stack']) {
        const index = keys.indexOf(name);
        if (index !== -1 && stack.includes(err[name])) keys.splice(index, 1);
      }
    }
  }

  function formatError(err, constructor, tag, ctx, keys) {
    const name = err.name != null ? String(err.name) : 'Error';
    let stack = getStackString(err);
    removeDuplicateErrorKeys(ctx, keys, err, stack);
    if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) {
      keys.push('cause');
    }
    // AggregateError
    if (ArrayIsArray(err.errors) && (keys.length === 0 || !keys.includes('errors'))) {
      keys.push('errors');
    }
    stack = improveStack(stack, constructor, name, tag);

    // Ignore the error message if it is contained in the stack.
    let pos = (err.message && stack.indexOf(err.message)) || -1;
    if (pos !== -1) pos += err.message.length;
    // Without frames the error is wrapped in brackets.
    const stackStart = stack.indexOf('\n    at', pos);
    if (stackStart === -1) {
      stack = `[${stack}]`;
    } else {
      const lines = getStackFrames(ctx, err, stack.slice(stackStart + 1));
      stack = `${stack.slice(0, stackStart)}\n${lines.join('\n')}`;
    }
    if (ctx.indentationLvl !== 0) {
      stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
    }
    return stack;
  }

  // ---------------------------------------------------------------------------
  // Element formatters: each returns the list of entries inside the braces.

  const remainingText = (remaining) => `... ${remaining} more item${remaining > 1 ? 's' : ''}`;

  function formatArray(ctx, value, recurseTimes) {
    const valLen = value.length;
    const len = MathMin(MathMax(0, ctx.maxArrayLength), valLen);
    const remaining = valLen - len;
    const output = [];
    for (let i = 0; i < len; i++) {
      if (!ObjectPrototypeHasOwnProperty(value, i)) {
        return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
      }
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (remaining > 0) output.push(remainingText(remaining));
    return output;
  }

  // Sparse arrays: runs of holes print as `<N empty items>`.
  function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
    const keys = ObjectKeys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      const tmp = +key;
      if (tmp > 2 ** 32 - 2) break;
      if (`${index}` !== key) {
        if (!numberRegExp.test(key)) break;
        const emptyItems = tmp - index;
        output.push(ctx.stylize(`<${emptyItems} empty item${emptyItems > 1 ? 's' : ''}>`, 'undefined'));
        index = tmp;
        if (output.length === maxLength) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) {
        output.push(ctx.stylize(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`, 'undefined'));
      }
    } else if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function formatTypedArray(ctx, value, recurseTimes) {
    const length = TypedArrayPrototypeGetLength(value);
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = new Array(maxLength);
    const elementFormatter = length > 0 && typeof value[0] === 'number' ? formatNumber : formatBigInt;
    for (let i = 0; i < maxLength; ++i) {
      output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
    }
    if (remaining > 0) output[maxLength] = remainingText(remaining);
    if (ctx.showHidden) {
      // All but BYTES_PER_ELEMENT are prototype getters; .buffer goes last.
      ctx.indentationLvl += 2;
      for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
        output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    let bytes;
    try {
      bytes = new Uint8Array(value);
    } catch {
      return [ctx.stylize('(detached)', 'special')];
    }
    const shown = MathMin(ctx.maxArrayLength, bytes.length);
    let str = '';
    for (let i = 0; i < shown; i++) {
      str += `${i === 0 ? '' : ' '}${bytes[i].toString(16).padStart(2, '0')}`;
    }
    const remaining = bytes.length - ctx.maxArrayLength;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return [`${ctx.stylize('[Uint8Contents]', 'special')}: <${str}>`];
  }

  function formatSet(ctx, value, recurseTimes) {
    const length = SetPrototypeGetSize(value);
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const v of SetPrototypeValues(value)) {
      if (i >= maxLength) break;
      output.push(formatValue(ctx, v, recurseTimes));
      i++;
    }
    if (remaining > 0) output.push(remainingText(remaining));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(ctx, value, recurseTimes) {
    const length = MapPrototypeGetSize(value);
    const maxLength = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const { 0: k, 1: v } of MapPrototypeEntries(value)) {
      if (i >= maxLength) break;
      output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
      i++;
    }
    if (remaining > 0) output.push(remainingText(remaining));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatWeakCollection(ctx) {
    return [ctx.stylize('<items unknown>', 'special')];
  }

  function formatPromise(ctx, value, recurseTimes) {
    const { 0: state, 1: result } = promiseState(value);
    if (state === 'pending' || state === 'unknown') {
      return [ctx.stylize(`<${state}>`, 'special')];
    }
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, result, recurseTimes);
    ctx.indentationLvl -= 2;
    return [state === 'rejected' ? `${ctx.stylize('<rejected>', 'special')} ${str}` : str];
  }

  // Module namespaces: bindings still in their TDZ print as <uninitialized>.
  function formatNamespaceObject(keys, ctx, value, recurseTimes) {
    const output = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      try {
        output[i] = formatProperty(ctx, value, recurseTimes, keys[i], kObjectType);
      } catch (err) {
        if (!(err instanceof ReferenceError)) throw err;
        // Format a stand-in property to get the key and layout right.
        const tmp = { [keys[i]]: '' };
        output[i] = formatProperty(ctx, tmp, recurseTimes, keys[i], kObjectType);
        const pos = output[i].lastIndexOf(' ');
        output[i] = output[i].slice(0, pos + 1) + ctx.stylize('<uninitialized>', 'special');
      }
    }
    // Prevents formatRaw from printing the keys a second time.
    keys.length = 0;
    return output;
  }

  // ---------------------------------------------------------------------------
  // Properties

  function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
    let name;
    let str;
    let extra = ' ';
    desc = desc || ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
      ctx.indentationLvl += diff;
      str = formatValue(ctx, desc.value, recurseTimes);
      if (diff === 3 && ctx.breakLength < getStringWidth(str)) {
        extra = `\n${' '.repeat(ctx.indentationLvl)}`;
      }
      ctx.indentationLvl -= diff;
    } else if (desc.get !== undefined) {
      const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
      const s = ctx.stylize;
      const sp = 'special';
      if (ctx.getters && (ctx.getters === true ||
            (ctx.getters === 'get' && desc.set === undefined) ||
            (ctx.getters === 'set' && desc.set !== undefined))) {
        try {
          const tmp = desc.get.call(original);
          ctx.indentationLvl += 2;
          if (tmp === null) {
            str = `${s(`[${label}:`, sp)} ${s('null', 'null')}${s(']', sp)}`;
          } else if (typeof tmp === 'object') {
            str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
          } else {
            str = `${s(`[${label}:`, sp)} ${formatPrimitive(s, tmp, ctx)}${s(']', sp)}`;
          }
          ctx.indentationLvl -= 2;
        } catch (err) {
          str = `${s(`[${label}:`, sp)} <Inspection threw (${err.message})>${s(']', sp)}`;
        }
      } else {
        str = ctx.stylize(`[${label}]`, sp);
      }
    } else if (desc.set !== undefined) {
      str = ctx.stylize('[Setter]', 'special');
    } else {
      str = ctx.stylize('undefined', 'undefined');
    }
    if (type === kArrayType) return str;
    if (typeof key === 'symbol') {
      name = `[${ctx.stylize(SymbolPrototypeToString(key).replace(strEscapeSequencesReplacer, escapeFn), 'symbol')}]`;
    } else if (key === '__proto__') {
      name = "['__proto__']";
    } else if (desc.enumerable === false) {
      name = `[${key.replace(strEscapeSequencesReplacer, escapeFn)}]`;
    } else if (keyStrRegExp.test(key)) {
      name = ctx.stylize(key, 'name');
    } else {
      name = ctx.stylize(strEscape(key), 'string');
    }
    return `${name}:${extra}${str}`;
  }

  // ---------------------------------------------------------------------------
  // Layout

  // Lays out long arrays of short entries in aligned columns (numbers padded
  // on the left, everything else on the right).
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) {
      // The "... n more items" entry is not grouped.
      outputLength--;
    }
    const separatorSpace = 2; // ", "
    const dataLen = new Array(outputLength);
    for (let i = 0; i < outputLength; i++) {
      const len = getStringWidth(output[i]);
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    // Group only if three entries fit next to each other and no entry is much
    // longer than the others.
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      const approxCharHeights = 2.5;
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
      const columns = MathMin(
        // Aim for a roughly square block, characters being ~2.5 times as high
        // as wide.
        Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const tmp = [];
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineMaxLength = 0;
        for (let j = i; j < output.length; j += columns) {
          if (dataLen[j] > lineMaxLength) lineMaxLength = dataLen[j];
        }
        maxLineLength.push(lineMaxLength + separatorSpace);
      }
      let padStart = true;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
            padStart = false;
            break;
          }
        }
      }
      for (let i = 0; i < outputLength; i += columns) {
        const max = MathMin(i + columns, outputLength);
        let str = '';
        let j = i;
        for (; j < max - 1; j++) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
          str += padStart ? `${output[j]}, `.padStart(padding, ' ') : `${output[j]}, `.padEnd(padding, ' ');
        }
        if (padStart) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
          str += output[j].padStart(padding, ' ');
        } else {
          str += output[j];
        }
        tmp.push(str);
      }
      if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
      output = tmp;
    }
    return output;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    // Entries are separated by at least a comma and, with compact mode off, a
    // space.
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      totalLength += output[i].length;
      if (totalLength > ctx.breakLength) return false;
    }
    // Do not line up properties on the same line if `base` contains newlines.
    return base === '' || !base.includes('\n');
  }

  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
        const entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) {
          output = groupArrayElements(ctx, output, value);
        }
        // Put up to `compact` inner levels on one line if they fit in
        // breakLength (with 10 columns of slack), unless grouped above.
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joinedOutput = output.join(', ');
            if (!joinedOutput.includes('\n')) {
              return `${base ? `${base} ` : ''}${braces[0]} ${joinedOutput} ${braces[1]}`;
            }
          }
        }
      }
      const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
      return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${
        output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
    }
    // compact === true: Node's legacy layout.
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
    }
    const indentation = ' '.repeat(ctx.indentationLvl);
    // A long opening brace ("Set {") pushes the first entry to the next line.
    const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
    return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
  }

  // ---------------------------------------------------------------------------
  // format / formatWithOptions

  // Whether `%s` should inspect the object rather than call its toString: true
  // unless a user-defined toString or Symbol.toPrimitive is found.
  function hasBuiltInToString(value) {
    try {
      let hasOwnToString = ObjectPrototypeHasOwnProperty;
      let hasOwnToPrimitive = ObjectPrototypeHasOwnProperty;
      if (typeof value.toString !== 'function') {
        if (typeof value[Symbol.toPrimitive] !== 'function') return true;
        if (ObjectPrototypeHasOwnProperty(value, Symbol.toPrimitive)) return false;
        hasOwnToString = returnFalse;
      } else if (ObjectPrototypeHasOwnProperty(value, 'toString')) {
        return false;
      } else if (typeof value[Symbol.toPrimitive] !== 'function') {
        hasOwnToPrimitive = returnFalse;
      } else if (ObjectPrototypeHasOwnProperty(value, Symbol.toPrimitive)) {
        return false;
      }
      let pointer = value;
      do {
        pointer = ObjectGetPrototypeOf(pointer);
      } while (!hasOwnToString(pointer, 'toString') &&
               !hasOwnToPrimitive(pointer, Symbol.toPrimitive));
      const descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
      return descriptor !== undefined &&
        typeof descriptor.value === 'function' &&
        builtInObjects.has(descriptor.value.name);
    } catch {
      // Revoked or throwing proxies.
      return true;
    }
  }

  function returnFalse() {
    return false;
  }

  const firstErrorLine = (error) => String(error.message).split('\n', 1)[0];
  let circularErrorMessage;

  // JSON.stringify for %j, with `[Circular]` for cyclic values. The engine's
  // cycle error message is learnt once by provoking it.
  function tryStringify(arg) {
    try {
      return JSONStringify(arg);
    } catch (err) {
      if (circularErrorMessage === undefined) {
        try {
          const a = {};
          a.a = a;
          JSONStringify(a);
        } catch (circularError) {
          circularErrorMessage = firstErrorLine(circularError);
        }
      }
      if (err.name === 'TypeError' && firstErrorLine(err) === circularErrorMessage) {
        return '[Circular]';
      }
      throw err;
    }
  }

  const numericSeparatorOf = (options) =>
    (options && options.numericSeparator) ?? inspectDefaultOptions.numericSeparator;
  const formatNumberNoColor = (number, options) =>
    formatNumber(stylizeNoColor, number, numericSeparatorOf(options));
  const formatBigIntNoColor = (bigint, options) =>
    formatBigInt(stylizeNoColor, bigint, numericSeparatorOf(options));

  function format(...args) {
    return formatWithOptionsInternal(undefined, args);
  }

  function formatWithOptions(inspectOptions, ...args) {
    if (inspectOptions === null || typeof inspectOptions !== 'object') {
      throw invalidArgType('inspectOptions', inspectOptions);
    }
    return formatWithOptionsInternal(inspectOptions, args);
  }

  function formatWithOptionsInternal(inspectOptions, args) {
    const first = args[0];
    let a = 0;
    let str = '';
    let join = '';

    if (typeof first === 'string') {
      if (args.length === 1) return first;
      let tempStr;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue; // '%'
        const nextChar = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (nextChar) {
            case 115: { // 's'
              const tempArg = args[++a];
              if (typeof tempArg === 'number') {
                tempStr = formatNumberNoColor(tempArg, inspectOptions);
              } else if (typeof tempArg === 'bigint') {
                tempStr = formatBigIntNoColor(tempArg, inspectOptions);
              } else if (typeof tempArg !== 'object' || tempArg === null || !hasBuiltInToString(tempArg)) {
                tempStr = String(tempArg);
              } else {
                tempStr = inspect(tempArg, { ...inspectOptions, compact: 3, colors: false, depth: 0 });
              }
              break;
            }
            case 106: // 'j'
              tempStr = tryStringify(args[++a]);
              break;
            case 100: { // 'd'
              const tempNum = args[++a];
              if (typeof tempNum === 'bigint') {
                tempStr = formatBigIntNoColor(tempNum, inspectOptions);
              } else if (typeof tempNum === 'symbol') {
                tempStr = 'NaN';
              } else {
                tempStr = formatNumberNoColor(Number(tempNum), inspectOptions);
              }
              break;
            }
            case 79: // 'O'
              tempStr = inspect(args[++a], inspectOptions);
              break;
            case 111: // 'o'
              tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 });
              break;
            case 105: { // 'i'
              const tempInteger = args[++a];
              if (typeof tempInteger === 'bigint') {
                tempStr = formatBigIntNoColor(tempInteger, inspectOptions);
              } else if (typeof tempInteger === 'symbol') {
                tempStr = 'NaN';
              } else {
                tempStr = formatNumberNoColor(Number.parseInt(tempInteger), inspectOptions);
              }
              break;
            }
            case 102: { // 'f'
              const tempFloat = args[++a];
              tempStr = typeof tempFloat === 'symbol' ?
                'NaN' : formatNumberNoColor(Number.parseFloat(tempFloat), inspectOptions);
              break;
            }
            case 99: // 'c'
              a += 1;
              tempStr = '';
              break;
            case 37: // '%'
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default: // Not a placeholder.
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (nextChar === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }

    // Remaining arguments: strings as-is, everything else inspected.
    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== 'string' ? inspect(value, inspectOptions) : value;
      join = ' ';
      a++;
    }
    return str;
  }

  return { inspect, format, formatWithOptions };
})
