// util.inspect / util.format / util.formatWithOptions for protojs.
//
// Output is meant to match Node's util module character for character; the
// code is written from Node's observable behaviour only.
//
// How it works, in two passes:
//
//   1. describe(): walks the value once and turns it into a small document
//      tree. Leaves are finished text; "boxes" are containers (objects,
//      arrays, maps, ...) holding a list of rows. Everything that depends on
//      the value itself (depth limit, cycles, getters, custom inspectors) is
//      settled here.
//   2. render(): turns the tree into text. Everything that depends on where a
//      part ends up (indentation, line breaking, column grouping of arrays,
//      splitting of long strings) is settled here.
//
// The file is a script whose completion value is a factory taking the host
// object ({ kind(v), promiseState(p) }, both optional) and returning
// { inspect, format, formatWithOptions }.
(function (host) {
  'use strict';

  // ===========================================================================
  // Intrinsics captured up front (user code may patch globals later).

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
  const objToString = (v) => Object.prototype.toString.call(v);
  const fnSource = (f) => { try { return Function.prototype.toString.call(f); } catch { return ''; } };
  const getProto = Object.getPrototypeOf;
  const ownDesc = Object.getOwnPropertyDescriptor;
  const TypedArrayProto = getProto(Uint8Array.prototype);
  const typedArrayTagGetter = ownDesc(TypedArrayProto, Symbol.toStringTag).get;
  const AsyncFunctionProto = getProto(async function () {});
  const GeneratorFunctionProto = getProto(function* () {});
  const AsyncGeneratorFunctionProto = getProto(async function* () {});
  const customSymbol = Symbol.for('nodejs.util.inspect.custom');

  // Constructor names of global built-ins (used by format's %s to decide
  // whether a toString is user-defined).
  const builtinCtorNames = new Set();
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (/^[A-Z][a-zA-Z0-9]+$/.test(name)) {
      const d = ownDesc(globalThis, name);
      if (d && typeof d.value === 'function') builtinCtorNames.add(name);
    }
  }

  // ===========================================================================
  // Options

  const defaults = {
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
  };

  const ansi = {
    bold: [1, 22], italic: [3, 23], underline: [4, 24], inverse: [7, 27],
    white: [37, 39], grey: [90, 39], black: [30, 39], blue: [34, 39], cyan: [36, 39],
    green: [32, 39], magenta: [35, 39], red: [31, 39], yellow: [33, 39],
  };
  const styleOf = {
    special: 'cyan', number: 'yellow', bigint: 'yellow', boolean: 'yellow', undefined: 'grey',
    null: 'bold', string: 'green', symbol: 'green', date: 'magenta', regexp: 'red', module: 'underline',
  };
  const plainStyle = (s) => s;
  function colorStyle(s, type) {
    const c = ansi[styleOf[type]];
    return c ? `\u001b[${c[0]}m${s}\u001b[${c[1]}m` : s;
  }

  // Settings for one top-level inspect() call.
  function makeSettings(opts) {
    const cfg = Object.assign({}, defaults);
    cfg.stylize = plainStyle;
    cfg.userOptions = undefined;
    if (opts) {
      for (const key of Object.keys(opts)) {
        if (hasOwn(defaults, key) || key === 'stylize') cfg[key] = opts[key];
        else if (cfg.userOptions === undefined) cfg.userOptions = opts;
      }
    }
    if (cfg.colors) cfg.stylize = colorStyle;
    if (cfg.maxArrayLength === null) cfg.maxArrayLength = Infinity;
    if (cfg.maxStringLength === null) cfg.maxStringLength = Infinity;
    cfg.seen = [];          // objects on the current path (cycle detection)
    cfg.refs = new Map();   // object -> reference number for <ref *N>
    cfg.lastBoxLevel = 0;   // level of the most recently opened non-empty box
    return cfg;
  }

  // The options object handed to custom inspectors.
  function optionsForCustom(cfg, foreign) {
    const out = {
      stylize: cfg.stylize,
      showHidden: cfg.showHidden, depth: cfg.depth, colors: cfg.colors,
      customInspect: cfg.customInspect, showProxy: cfg.showProxy,
      maxArrayLength: cfg.maxArrayLength, maxStringLength: cfg.maxStringLength,
      breakLength: cfg.breakLength, compact: cfg.compact, sorted: cfg.sorted,
      getters: cfg.getters, numericSeparator: cfg.numericSeparator,
    };
    if (cfg.userOptions) Object.assign(out, cfg.userOptions);
    if (foreign) {
      // The receiver may come from elsewhere: hand it a prototype-less copy.
      const bare = Object.create(null);
      Object.assign(bare, out);
      const styl = cfg.stylize;
      bare.stylize = Object.setPrototypeOf((v, type) => styl(String(v), type), null);
      return bare;
    }
    return out;
  }

  // ===========================================================================
  // Primitive text

  const CONTROL_NAMES = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 39: "\\'", 92: '\\\\' };
  const hex2 = (n) => n.toString(16).toUpperCase().padStart(2, '0');

  // Quotes a string the way Node does: single quotes unless the text holds
  // single quotes, then double quotes, then backticks.
  function quote(str) {
    let q = "'";
    if (str.includes("'")) {
      if (!str.includes('"')) q = '"';
      else if (!str.includes('`') && !str.includes('${')) q = '`';
    }
    let out = '';
    let plainFrom = 0;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      let rep;
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        rep = CONTROL_NAMES[c] || `\\x${hex2(c)}`;
      } else if (c === 92 || (c === 39 && q === "'")) {
        rep = CONTROL_NAMES[c];
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const next = str.charCodeAt(i + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) { i++; continue; }
        rep = `\\u${c.toString(16)}`;
      } else {
        continue;
      }
      out += str.slice(plainFrom, i) + rep;
      plainFrom = i + 1;
    }
    return q + out + str.slice(plainFrom) + q;
  }

  // Escapes (without quoting) a key shown in brackets.
  function escapeBare(str) {
    const quoted = quote(str);
    return quoted.slice(1, -1);
  }

  function groupDigits(intText) {
    const neg = intText[0] === '-';
    let digits = neg ? intText.slice(1) : intText;
    let out = '';
    while (digits.length > 3) {
      out = `_${digits.slice(-3)}${out}`;
      digits = digits.slice(0, -3);
    }
    return (neg ? '-' : '') + digits + out;
  }

  function groupFraction(frac) {
    let out = '';
    for (let i = 0; i < frac.length; i += 3) out += (i ? '_' : '') + frac.slice(i, i + 3);
    return out;
  }

  function numberText(n, separators) {
    if (!separators) return Object.is(n, -0) ? '-0' : `${n}`;
    // (with separators Node prints -0 as plain 0)
    const text = `${n}`;
    if (!Number.isFinite(n) || text.includes('e')) return text;
    const whole = Math.trunc(n);
    const wholeText = n < 0 && whole === 0 ? '-0' : `${whole}`;
    if (whole === n) return groupDigits(wholeText);
    return `${groupDigits(wholeText)}.${groupFraction(text.slice(text.indexOf('.') + 1))}`;
  }

  function bigintText(n, separators) {
    const text = `${n}`;
    return `${separators ? groupDigits(text) : text}n`;
  }

  function symbolText(sym) {
    return Symbol.prototype.toString.call(sym);
  }

  // Text for any primitive other than strings (strings need layout info).
  function primitiveLeaf(cfg, v) {
    switch (typeof v) {
      case 'number': return cfg.stylize(numberText(v, cfg.numericSeparator), 'number');
      case 'bigint': return cfg.stylize(bigintText(v, cfg.numericSeparator), 'bigint');
      case 'boolean': return cfg.stylize(`${v}`, 'boolean');
      case 'undefined': return cfg.stylize('undefined', 'undefined');
      case 'symbol': return cfg.stylize(symbolText(v), 'symbol');
      default: return cfg.stylize('null', 'null');
    }
  }

  // ===========================================================================
  // Display width (for column grouping): wide East Asian characters and most
  // emoji take two columns, combining marks and control characters none.

  function isWide(cp) {
    return cp >= 0x1100 && (
      cp <= 0x115f || cp === 0x2329 || cp === 0x232a ||
      (cp >= 0x231a && cp <= 0x231b) || (cp >= 0x23e9 && cp <= 0x23ec) || cp === 0x23f0 || cp === 0x23f3 ||
      (cp >= 0x25fd && cp <= 0x25fe) || (cp >= 0x2614 && cp <= 0x2615) || (cp >= 0x2648 && cp <= 0x2653) ||
      cp === 0x267f || cp === 0x2693 || cp === 0x26a1 || (cp >= 0x26aa && cp <= 0x26ab) ||
      (cp >= 0x26bd && cp <= 0x26be) || (cp >= 0x26c4 && cp <= 0x26c5) || cp === 0x26ce || cp === 0x26d4 ||
      cp === 0x26ea || (cp >= 0x26f2 && cp <= 0x26f3) || cp === 0x26f5 || cp === 0x26fa || cp === 0x26fd ||
      cp === 0x2705 || (cp >= 0x270a && cp <= 0x270b) || cp === 0x2728 || cp === 0x274c || cp === 0x274e ||
      (cp >= 0x2753 && cp <= 0x2755) || cp === 0x2757 || (cp >= 0x2795 && cp <= 0x2797) || cp === 0x27b0 ||
      cp === 0x27bf || (cp >= 0x2b1b && cp <= 0x2b1c) || cp === 0x2b50 || cp === 0x2b55 ||
      (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x3247) ||
      (cp >= 0x3250 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0xa4c6) ||
      (cp >= 0xa960 && cp <= 0xa97c) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19) ||
      (cp >= 0xfe30 && cp <= 0xfe6b) || (cp >= 0xff01 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x16fe0 && cp <= 0x18cd5) || (cp >= 0x1b000 && cp <= 0x1b2fb) ||
      (cp >= 0x1f004 && cp <= 0x1f004) || cp === 0x1f0cf || cp === 0x1f18e || (cp >= 0x1f191 && cp <= 0x1f19a) ||
      (cp >= 0x1f1e6 && cp <= 0x1f1ff) ||
      (cp >= 0x1f200 && cp <= 0x1f251) || (cp >= 0x1f300 && cp <= 0x1f320) || (cp >= 0x1f32d && cp <= 0x1f335) ||
      (cp >= 0x1f337 && cp <= 0x1f37c) || (cp >= 0x1f37e && cp <= 0x1f393) || (cp >= 0x1f3a0 && cp <= 0x1f3ca) ||
      (cp >= 0x1f3cf && cp <= 0x1f3d3) || (cp >= 0x1f3e0 && cp <= 0x1f3f0) || cp === 0x1f3f4 ||
      (cp >= 0x1f3f8 && cp <= 0x1f43e) || cp === 0x1f440 || (cp >= 0x1f442 && cp <= 0x1f4fc) ||
      (cp >= 0x1f4ff && cp <= 0x1f53d) || (cp >= 0x1f54b && cp <= 0x1f54e) || (cp >= 0x1f550 && cp <= 0x1f567) ||
      cp === 0x1f57a || (cp >= 0x1f595 && cp <= 0x1f596) || cp === 0x1f5a4 || (cp >= 0x1f5fb && cp <= 0x1f64f) ||
      (cp >= 0x1f680 && cp <= 0x1f6c5) || cp === 0x1f6cc || (cp >= 0x1f6d0 && cp <= 0x1f6d2) ||
      (cp >= 0x1f6d5 && cp <= 0x1f6d7) || (cp >= 0x1f6dc && cp <= 0x1f6df) || (cp >= 0x1f6eb && cp <= 0x1f6ec) ||
      (cp >= 0x1f6f4 && cp <= 0x1f6fc) || (cp >= 0x1f7e0 && cp <= 0x1f7eb) || cp === 0x1f7f0 ||
      (cp >= 0x1f90c && cp <= 0x1f93a) || (cp >= 0x1f93c && cp <= 0x1f945) || (cp >= 0x1f947 && cp <= 0x1f9ff) ||
      (cp >= 0x1fa70 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd));
  }

  function isZeroWidth(cp) {
    return cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x300 && cp <= 0x36f) ||
      (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x20d0 && cp <= 0x20ff) ||
      (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f) ||
      (cp >= 0xe0100 && cp <= 0xe01ef);
  }

  function displayWidth(text) {
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '').normalize('NFC');
    let w = 0;
    for (const ch of plain) {
      const cp = ch.codePointAt(0);
      if (isWide(cp)) w += 2;
      else if (!isZeroWidth(cp)) w += 1;
    }
    return w;
  }

  // ===========================================================================
  // Classifying objects

  function tryCall(fn, v) {
    try { fn.call(v); return true; } catch { return false; }
  }
  const getterOf = (proto, name) => ownDesc(proto, name).get;

  // Brand checks used when the host cannot tell us (or for proxy targets).
  function guessKind(v) {
    if (typeof v === 'function') {
      const src = fnSource(v);
      if (/^function [\w$]*\(\) \{\s*\[native code\]\s*\}$/.test(src)) {
        return typeof v.name === 'string' && v.name.startsWith('bound ') && !hasOwn(v, 'prototype') ? 'BoundFunction' : 'NativeFunction';
      }
      return 'JsFunction';
    }
    try {
      if (Array.isArray(v)) return 'Array';
    } catch {
      return 'Proxy'; // revoked
    }
    if (tryCall(Map.prototype.has, v)) return 'Map';
    if (tryCall(Set.prototype.has, v)) return 'Set';
    if (tryCall(WeakMap.prototype.has, v) || tryCall(WeakSet.prototype.has, v)) return 'Weak';
    if (typeof WeakRef === 'function' && tryCall(WeakRef.prototype.deref, v)) return 'Weak';
    if (tryCall(Date.prototype.getTime, v)) return 'Date';
    if (tryCall(getterOf(RegExp.prototype, 'flags'), v) && tryCall(RegExp.prototype.exec.bind(v, ''), v)) return 'RegExp';
    if (tryCall(getterOf(ArrayBuffer.prototype, 'byteLength'), v)) return 'ArrayBuffer';
    if (typeof SharedArrayBuffer === 'function' && tryCall(getterOf(SharedArrayBuffer.prototype, 'byteLength'), v)) return 'SharedArrayBuffer';
    if (typedArrayTagGetter.call(v) !== undefined) return 'TypedArray';
    if (tryCall(getterOf(DataView.prototype, 'byteLength'), v)) return 'DataView';
    if (tryCall(Symbol.prototype.valueOf, v)) return 'SymbolBox';
    if (tryCall(Number.prototype.valueOf, v) || tryCall(String.prototype.valueOf, v) ||
        tryCall(Boolean.prototype.valueOf, v) || tryCall(BigInt.prototype.valueOf, v)) return 'Boxed';
    const builtinTag = objToString(v);
    if (builtinTag === '[object Error]' || v instanceof Error) return 'Error';
    if (builtinTag === '[object Promise]') return 'Promise';
    if (builtinTag === '[object Arguments]') return 'Arguments';
    if (builtinTag === '[object Generator]') return 'Generator';
    if (builtinTag === '[object Module]') return 'ModuleNamespace';
    const proto = getProto(v);
    return proto === Object.prototype || proto === null ? 'Plain' : 'Other';
  }

  function kindOf(v) {
    if (host && typeof host.kind === 'function') {
      const k = host.kind(v);
      if (typeof k === 'string') return k;
    }
    return guessKind(v);
  }

  // Name of the nearest constructor on the prototype chain that the value
  // really is an instance of; null when the chain ends without one.
  function constructorName(v, cfg, level) {
    let obj = v;
    let first;
    while (obj !== null && obj !== undefined) {
      let d;
      try { d = ownDesc(obj, 'constructor'); } catch { d = undefined; }
      if (d && typeof d.value === 'function' && d.value.name !== '') {
        let ok = false;
        try { ok = v instanceof d.value; } catch { ok = false; }
        if (ok) return String(d.value.name);
      }
      try { obj = getProto(obj); } catch { return null; }
      if (first === undefined) first = obj;
    }
    if (first === null || first === undefined || cfg === undefined) return null;
    // The chain has prototypes of its own but no constructor: show the first.
    if (cfg.depth !== null && level > cfg.depth) return 'Object <Complex prototype>';
    const opts = {};
    for (const k of Object.keys(defaults)) opts[k] = cfg[k];
    opts.customInspect = false;
    opts.depth = -1;
    return `Object <${inspect(first, opts)}>`;
  }

  function tagFor(cfg, v) {
    let tag;
    try { tag = v[Symbol.toStringTag]; } catch { tag = undefined; }
    if (typeof tag !== 'string' || tag === '') return '';
    // Own tags that are listed as keys anyway are not repeated in the head.
    const listed = cfg.showHidden ? hasOwn(v, Symbol.toStringTag) : isEnumerable(v, Symbol.toStringTag);
    return listed ? '' : tag;
  }

  // "Name(size) [tag] " style prefix; `fallback` names null-prototype objects.
  function headOf(ctor, tag, fallback, size = '') {
    if (ctor === null) {
      if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== '' && ctor !== tag) return `${ctor}${size} [${tag}] `;
    return `${ctor}${size} `;
  }

  const isIndexKey = (k) => typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k) && +k < 4294967295;

  // Own keys to list: enumerable string keys and enumerable symbols (all own
  // keys with showHidden).
  function listKeys(cfg, v, skipIndices) {
    let keys;
    if (cfg.showHidden) {
      keys = Reflect.ownKeys(v);
    } else {
      keys = Object.keys(v);
      for (const s of Object.getOwnPropertySymbols(v)) if (isEnumerable(v, s)) keys.push(s);
    }
    return skipIndices ? keys.filter((k) => !isIndexKey(k)) : keys;
  }

  // ===========================================================================
  // Document parts
  //
  //   { t: 'text', s }          finished text
  //   { t: 'string', s, more }  string primitive (may be split over lines)
  //   { t: 'lines', s }         multi-line text whose later lines follow the
  //                             indentation of where it is placed
  //   { t: 'box', ... }         container, see newBox()
  //
  // A box row is an array of pieces: strings and parts. Parts inside a row are
  // rendered two columns deeper than the box.

  const text = (s) => ({ t: 'text', s });

  function newBox(cfg, level, open, close) {
    return {
      t: 'box',
      open, close,
      base: null,         // part shown before the brace (function, error, ...)
      ref: '',            // "<ref *N>" marker when something points back here
      rows: [],
      level,
      lastLevel: level,   // level of the last box opened inside (see render)
      arrayish: false,    // rows are array elements: eligible for columns
      values: null,       // the array (to right-align numeric columns)
      sortFrom: -1,       // rows from here are sorted when `sorted` is set
      propRows: false,    // rows are "key: value" of a plain object
    };
  }

  // ===========================================================================
  // Pass 1: describe a value

  // `ofTypedArray`: an ArrayBuffer shown as the buffer of a typed array
  // (only its byteLength is listed).
  function describe(cfg, v, level, ofTypedArray) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      if (typeof v === 'string') return describeString(cfg, v);
      return text(primitiveLeaf(cfg, v));
    }

    let kind = kindOf(v);
    let foreign = false;
    if (kind === 'Proxy') {
      try { Array.isArray(v); } catch { return text(cfg.stylize('<Revoked Proxy>', 'special')); }
      foreign = true;
      kind = guessKind(v);
    }

    if (cfg.customInspect) {
      let hook;
      try { hook = v[customSymbol]; } catch { hook = undefined; }
      if (typeof hook === 'function' && hook !== inspect && !isOwnPrototype(v)) {
        const depthLeft = cfg.depth === null ? null : cfg.depth - level;
        const isForeign = foreign || !(v instanceof Object);
        const result = hook.call(v, depthLeft, optionsForCustom(cfg, isForeign), inspect);
        if (result !== v) {
          if (typeof result !== 'string') return describe(cfg, result, level);
          return { t: 'lines', s: result };
        }
      }
    }

    if (cfg.seen.includes(v)) {
      let n = cfg.refs.get(v);
      if (n === undefined) {
        n = cfg.refs.size + 1;
        cfg.refs.set(v, n);
      }
      return text(cfg.stylize(`[Circular *${n}]`, 'special'));
    }

    return describeObject(cfg, v, kind, level, ofTypedArray);
  }

  function isOwnPrototype(v) {
    try {
      const c = v.constructor;
      return !!c && c.prototype === v;
    } catch {
      return false;
    }
  }

  function describeString(cfg, s) {
    let more = '';
    if (s.length > cfg.maxStringLength) {
      const left = s.length - cfg.maxStringLength;
      s = s.slice(0, cfg.maxStringLength);
      more = `... ${left} more character${left > 1 ? 's' : ''}`;
    }
    return { t: 'string', s, more };
  }

  // Builds the box for an object. Sections below fill in what differs per
  // kind: the head/braces, the leading rows, and which own keys follow.
  function describeObject(cfg, v, kind, level, ofTypedArray) {
    const ctor = constructorName(v, cfg, level);
    const tag = tagFor(cfg, v);
    let keys;
    let open = '{';
    let close = '}';
    let base = null;        // part before the braces
    let lead = null;        // function filling the leading rows
    let arrayish = false;
    let values = null;

    switch (kind) {
      case 'Array': {
        keys = listKeys(cfg, v, true);
        const head = ctor !== 'Array' || tag !== '' ? headOf(ctor, tag, 'Array', `(${v.length})`) : '';
        open = `${head}[`;
        close = ']';
        arrayish = true;
        values = v;
        if (v.length === 0 && keys.length === 0) return text(`${open}]`);
        lead = (box) => arrayRows(cfg, box, v, level);
        break;
      }
      case 'Arguments': {
        // Node lists an arguments object by its keys, like a plain object.
        keys = listKeys(cfg, v, false);
        open = '[Arguments] {';
        if (keys.length === 0) return text(`${open}}`);
        break;
      }
      case 'TypedArray': {
        keys = listKeys(cfg, v, true);
        const len = v.length;
        const fallback = typedArrayTagGetter.call(v);
        open = `${headOf(ctor, tag, fallback, `(${len})`)}[`;
        close = ']';
        arrayish = true;
        values = v;
        if (len === 0 && keys.length === 0 && !cfg.showHidden) return text(`${open}]`);
        lead = (box) => typedRows(cfg, box, v, level);
        break;
      }
      case 'Set': {
        keys = listKeys(cfg, v, false);
        const size = sizeOf(Set, v);
        open = `${headOf(ctor, tag, 'Set', `(${size})`)}{`;
        if (size === 0 && keys.length === 0) return text(`${open}}`);
        lead = (box) => setRows(cfg, box, v, level);
        break;
      }
      case 'Map': {
        keys = listKeys(cfg, v, false);
        const size = sizeOf(Map, v);
        open = `${headOf(ctor, tag, 'Map', `(${size})`)}{`;
        if (size === 0 && keys.length === 0) return text(`${open}}`);
        lead = (box) => mapRows(cfg, box, v, level);
        break;
      }
      case 'JsFunction': case 'NativeFunction': case 'BoundFunction': {
        keys = listKeys(cfg, v, false);
        base = text(cfg.stylize(functionHead(v, ctor, tag), 'special'));
        if (keys.length === 0) return base;
        break;
      }
      case 'Error': {
        keys = listKeys(cfg, v, false);
        const stack = errorStack(v);
        keys = hideErrorKeys(v, keys, stack.text);
        if (!keys.includes('cause') && hasOwn(v, 'cause') && !isEnumerable(v, 'cause')) keys.push('cause');
        let errors;
        try { errors = v.errors; } catch { errors = undefined; }
        if (Array.isArray(errors) && hasOwn(v, 'errors') && !keys.includes('errors')) keys.push('errors');
        base = { t: 'lines', s: errorText(cfg, v, ctor, tag, stack) };
        if (keys.length === 0) return base;
        break;
      }
      case 'RegExp': {
        keys = listKeys(cfg, v, false);
        let s = RegExp.prototype.toString.call(ctor !== null ? v : new RegExp(v));
        const head = headOf(ctor, tag, 'RegExp');
        if (head !== 'RegExp ') s = head + s;
        base = text(cfg.stylize(s, 'regexp'));
        if (keys.length === 0 || (level > cfg.depth && cfg.depth !== null)) return base;
        break;
      }
      case 'Date': {
        keys = listKeys(cfg, v, false);
        const t = Date.prototype.getTime.call(v);
        let s = Number.isNaN(t) ? 'Invalid Date' : Date.prototype.toISOString.call(v);
        const head = headOf(ctor, tag, 'Date');
        if (head !== 'Date ') s = head + s;
        base = text(cfg.stylize(s, 'date'));
        if (keys.length === 0) return base;
        break;
      }
      case 'Boxed': case 'SymbolBox': {
        const r = boxedHead(cfg, v, ctor, tag);
        keys = listKeys(cfg, v, r.stringLike);
        if (r.stringLike && cfg.showHidden) keys = keys.filter((k) => k !== 'length');
        if (keys.length === 0) return text(cfg.stylize(r.s, r.type));
        base = text(cfg.stylize(r.s, r.type));
        break;
      }
      case 'Weak': {
        keys = listKeys(cfg, v, false);
        const which = tryCall(WeakMap.prototype.has, v) ? 'WeakMap' : tryCall(WeakSet.prototype.has, v) ? 'WeakSet' : null;
        if (which === null) { // WeakRef: an ordinary object to Node
          open = `${headOf(ctor, tag, 'WeakRef')}{`;
          if (keys.length === 0) return text(`${open}}`);
          break;
        }
        open = `${headOf(ctor, tag, which)}{`;
        lead = (box) => box.rows.push([cfg.stylize('<items unknown>', 'special')]);
        break;
      }
      case 'ArrayBuffer': case 'SharedArrayBuffer': {
        keys = listKeys(cfg, v, false);
        open = `${headOf(ctor, tag, kind)}{`;
        if (ofTypedArray) {
          lead = (box) => box.rows.push(['byteLength: ', describe(cfg, v.byteLength, level + 1)]);
          break;
        }
        lead = (box) => bufferRows(cfg, box, v, kind, level);
        break;
      }
      case 'DataView': {
        keys = listKeys(cfg, v, false);
        open = `${headOf(ctor, tag, 'DataView')}{`;
        lead = (box) => {
          for (const name of ['byteLength', 'byteOffset', 'buffer']) {
            box.rows.push([`${name}: `, describe(cfg, v[name], level + 1)]);
          }
        };
        break;
      }
      case 'Promise': {
        keys = listKeys(cfg, v, false);
        open = `${headOf(ctor, tag, 'Promise')}{`;
        lead = (box) => promiseRows(cfg, box, v, level);
        break;
      }
      case 'Generator': {
        keys = listKeys(cfg, v, false);
        open = `${headOf(ctor, tag, 'Object')}{`;
        if (keys.length === 0) return text(`${open}}`);
        break;
      }
      case 'ModuleNamespace': {
        keys = Reflect.ownKeys(v);
        open = `${headOf(ctor, tag, 'Module')}{`;
        if (keys.length === 0) return text(`${open}}`);
        break;
      }
      default: {
        keys = listKeys(cfg, v, false);
        // Plain objects get bare braces; anything else is named.
        if (ctor !== 'Object' || tag !== '') open = `${headOf(ctor, tag, 'Object')}{`;
        if (keys.length === 0) return text(`${open}}`);
      }
    }

    // Too deep: just name it.
    if (cfg.depth !== null && level > cfg.depth) {
      let name = headOf(ctor, tag, kindFallbackName(kind, v)).slice(0, -1);
      if (ctor !== null) name = `[${name}]`;
      return text(cfg.stylize(name, 'special'));
    }

    const box = newBox(cfg, level, open, close);
    box.base = base;
    box.arrayish = arrayish;
    box.values = values;
    box.propRows = !arrayish;

    cfg.seen.push(v);
    cfg.lastBoxLevel = level;
    try {
      if (lead !== null) lead(box);
      box.sortFrom = arrayish ? box.rows.length : 0;
      for (const key of keys) box.rows.push(propertyRow(cfg, v, key, level, arrayish));
    } finally {
      cfg.seen.pop();
    }
    box.lastLevel = cfg.lastBoxLevel;

    const n = cfg.refs.get(v);
    if (n !== undefined) box.ref = cfg.stylize(`<ref *${n}>`, 'special');
    return box;
  }

  function kindFallbackName(kind, v) {
    switch (kind) {
      case 'Array': return 'Array';
      case 'Map': return 'Map';
      case 'Set': return 'Set';
      case 'TypedArray': return typedArrayTagGetter.call(v);
      case 'Promise': return 'Promise';
      default: return 'Object';
    }
  }

  function sizeOf(C, v) {
    return ownDesc(C.prototype, 'size').get.call(v);
  }

  // --- rows of the various containers --------------------------------------

  const moreItems = (n) => `... ${n} more item${n > 1 ? 's' : ''}`;
  const emptyItems = (cfg, n) => cfg.stylize(`<${n} empty item${n > 1 ? 's' : ''}>`, 'undefined');

  function arrayRows(cfg, box, arr, level) {
    const len = arr.length;
    const limit = Math.min(Math.max(0, cfg.maxArrayLength), len);
    let i = 0;
    // Rows count against the limit; a run of holes is one row.
    while (i < len && box.rows.length < limit) {
      if (hasOwn(arr, i)) {
        box.rows.push([describe(cfg, arr[i], level + 1)]);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < len && !hasOwn(arr, j)) {
        // Skip over big sparse gaps without probing each index.
        j++;
        if (j - i > 1024) { j = nextOwnIndex(arr, j, len); break; }
      }
      box.rows.push([emptyItems(cfg, j - i)]);
      i = j;
    }
    if (i < len) {
      box.rows.push([moreItems(len - i)]);
    }
  }

  function nextOwnIndex(arr, from, len) {
    let best = len;
    for (const k of Object.keys(arr)) {
      if (isIndexKey(k) && +k >= from && +k < best) best = +k;
    }
    return best;
  }

  function typedRows(cfg, box, ta, level) {
    const len = ta.length;
    const limit = Math.min(Math.max(0, cfg.maxArrayLength), len);
    for (let i = 0; i < limit; i++) {
      const x = ta[i];
      box.rows.push([typeof x === 'bigint' ? cfg.stylize(bigintText(x, cfg.numericSeparator), 'bigint') :
        cfg.stylize(numberText(x, cfg.numericSeparator), 'number')]);
    }
    if (len > limit) {
      box.rows.push([moreItems(len - limit)]);
    }
    if (cfg.showHidden) {
      for (const name of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
        box.rows.push([`[${name}]: `, describe(cfg, ta[name], level + 1, name === 'buffer')]);
      }
    }
  }

  function setRows(cfg, box, set, level) {
    const limit = Math.max(0, cfg.maxArrayLength);
    let count = 0;
    for (const x of Set.prototype.values.call(set)) {
      if (count >= limit) break;
      box.rows.push([describe(cfg, x, level + 1)]);
      count++;
    }
    const size = sizeOf(Set, set);
    if (size > count) box.rows.push([moreItems(size - count)]);
  }

  function mapRows(cfg, box, map, level) {
    const limit = Math.max(0, cfg.maxArrayLength);
    let count = 0;
    for (const [k, x] of Map.prototype.entries.call(map)) {
      if (count >= limit) break;
      box.rows.push([describe(cfg, k, level + 1), ' => ', describe(cfg, x, level + 1)]);
      count++;
    }
    const size = sizeOf(Map, map);
    if (size > count) box.rows.push([moreItems(size - count)]);
  }

  function bufferRows(cfg, box, buf, kind, level) {
    let bytes;
    try { bytes = new Uint8Array(buf); } catch { bytes = null; }
    if (bytes === null) {
      box.rows.push([cfg.stylize('(detached)', 'special')]);
    } else {
      const shown = Math.min(bytes.length, Math.max(0, cfg.maxArrayLength));
      let hexText = '';
      for (let i = 0; i < shown; i++) hexText += (i ? ' ' : '') + bytes[i].toString(16).padStart(2, '0');
      const rest = bytes.length - shown;
      if (rest > 0) hexText += ` ... ${rest} more byte${rest > 1 ? 's' : ''}`;
      box.rows.push([`${cfg.stylize('[Uint8Contents]', 'special')}: <${hexText}>`]);
    }
    box.rows.push(['byteLength: ', describe(cfg, bytes === null ? 0 : buf.byteLength, level + 1)]);
  }

  function promiseRows(cfg, box, p, level) {
    const state = host && typeof host.promiseState === 'function' ? host.promiseState(p) : ['pending'];
    if (state[0] === 'pending') box.rows.push([cfg.stylize('<pending>', 'special')]);
    else if (state[0] === 'rejected') box.rows.push([`${cfg.stylize('<rejected>', 'special')} `, describe(cfg, state[1], level + 1)]);
    else box.rows.push([describe(cfg, state[1], level + 1)]);
  }

  // A "key: value" row (or "[key]: value" for hidden keys and symbols).
  function propertyRow(cfg, obj, key, level, inArray) {
    let d;
    try {
      d = ownDesc(obj, key);
      if (d === undefined) d = { value: obj[key], enumerable: true };
    } catch {
      // e.g. a module namespace binding still in its temporal dead zone
      d = null;
    }
    let name;
    if (typeof key === 'symbol') name = `[${cfg.stylize(escapeBare(symbolText(key)), 'symbol')}]`;
    else if (key === '__proto__') name = "['__proto__']";
    else if (d !== null && d.enumerable === false) name = `[${escapeBare(key)}]`;
    else if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key)) name = cfg.stylize(key, 'name');
    else name = cfg.stylize(quote(key), 'string');
    if (d === null) return [`${name}: ${cfg.stylize('<uninitialized>', 'special')}`];

    if (d.value !== undefined || !('get' in d)) {
      const row = [`${name}: `, describe(cfg, d.value, level + 1)];
      row.objectProp = !inArray;
      return row;
    }
    const label = d.get !== undefined ? (d.set !== undefined ? 'Getter/Setter' : 'Getter') : (d.set !== undefined ? 'Setter' : 'undefined');
    const wanted = cfg.getters && d.get !== undefined &&
      (cfg.getters === true || (cfg.getters === 'get' && d.set === undefined) || (cfg.getters === 'set' && d.set !== undefined));
    if (!wanted) return [`${name}: ${cfg.stylize(`[${label}]`, 'special')}`];
    let got;
    try {
      got = d.get.call(obj);
    } catch (err) {
      return [`${name}: ${cfg.stylize(`[${label}:`, 'special')} <Inspection threw (${err && err.message})>${cfg.stylize(']', 'special')}`];
    }
    if (got === null) return [`${name}: ${cfg.stylize(`[${label}:`, 'special')} ${cfg.stylize('null', 'null')}${cfg.stylize(']', 'special')}`];
    if (typeof got === 'object' || typeof got === 'function') {
      return [`${name}: ${cfg.stylize(`[${label}]`, 'special')} `, describe(cfg, got, level + 1)];
    }
    return [`${name}: ${cfg.stylize(`[${label}:`, 'special')} `, describe(cfg, got, level + 1), cfg.stylize(']', 'special')];
  }

  // --- heads of functions, boxed primitives and errors ----------------------

  function functionHead(fn, ctor, tag) {
    const src = fnSource(fn);
    const brace = src.indexOf('{');
    if (src.startsWith('class') && src.endsWith('}') && brace !== -1 && !src.slice(5, brace).includes('(')) {
      const name = (hasOwn(fn, 'name') && fn.name) || '(anonymous)';
      let s = `class ${name}`;
      if (ctor !== 'Function' && ctor !== null) s += ` [${ctor}]`;
      if (tag !== '' && ctor !== tag) s += ` [${tag}]`;
      if (ctor !== null) {
        const parent = getProto(fn);
        const parentName = parent && parent.name;
        if (parentName) s += ` extends ${parentName}`;
      } else {
        s += ' extends [null prototype]';
      }
      return `[${s}]`;
    }
    const proto = getProto(fn);
    let type = 'Function';
    if (proto === AsyncFunctionProto) type = 'AsyncFunction';
    else if (proto === GeneratorFunctionProto) type = 'GeneratorFunction';
    else if (proto === AsyncGeneratorFunctionProto) type = 'AsyncGeneratorFunction';
    else if (proto === null) {
      const gen = /^(async\s+)?function\s*\*/.test(src);
      const asy = /^async[\s(]/.test(src);
      type = `${asy ? 'Async' : ''}${gen ? 'Generator' : ''}Function`;
    }
    let s = `[${type}`;
    if (ctor === null) s += ' (null prototype)';
    const name = fn.name;
    if (name === '' || typeof name !== 'string') s += ' (anonymous)';
    else s += `: ${name}`;
    s += ']';
    if (ctor !== type && ctor !== null) s += ` [${ctor}]`;
    if (tag !== '' && ctor !== tag) s += ` [${tag}]`;
    return s;
  }

  function boxedHead(cfg, v, ctor, tag) {
    let type;
    let inner;
    let stringLike = false;
    const noStyle = Object.assign({}, cfg, { stylize: plainStyle });
    if (tryCall(Number.prototype.valueOf, v)) { type = 'Number'; inner = primitiveLeaf(noStyle, Number.prototype.valueOf.call(v)); }
    else if (tryCall(String.prototype.valueOf, v)) { type = 'String'; inner = quote(String.prototype.valueOf.call(v)); stringLike = true; }
    else if (tryCall(Boolean.prototype.valueOf, v)) { type = 'Boolean'; inner = `${Boolean.prototype.valueOf.call(v)}`; }
    else if (tryCall(BigInt.prototype.valueOf, v)) { type = 'BigInt'; inner = bigintText(BigInt.prototype.valueOf.call(v), cfg.numericSeparator); }
    else { type = 'Symbol'; inner = symbolText(Symbol.prototype.valueOf.call(v)); }
    let s = `[${type}`;
    if (type !== ctor) s += ctor === null ? ' (null prototype)' : ` (${ctor})`;
    s += `: ${inner}]`;
    if (tag !== '' && tag !== ctor) s += ` [${tag}]`;
    return { s, type: type.toLowerCase(), stringLike };
  }

  // --- errors -----------------------------------------------------------------
  //
  // QuickJS keeps only the frame lines in `stack`; the "Name: message" line is
  // rebuilt from the error itself. A stack that is not made of frames was set
  // by user code and is shown as is.

  const FRAME_LINE = /^\s*at\s/;

  function errorHeader(err) {
    let name;
    let msg;
    try { name = err.name; } catch { name = undefined; }
    try { msg = err.message; } catch { msg = undefined; }
    name = name === undefined ? 'Error' : String(name);
    msg = msg === undefined ? '' : String(msg);
    if (name === '') return msg;
    if (msg === '') return name;
    return `${name}: ${msg}`;
  }

  // Returns { text, frames } where frames are the "    at ..." lines.
  function errorStack(err) {
    let raw;
    try { raw = err.stack; } catch { raw = undefined; }
    const header = errorHeader(err);
    if (raw === undefined || raw === null || raw === '') return { text: header, frames: [] };
    raw = String(raw);
    const lines = raw.replace(/\n+$/, '').split('\n');
    if (lines.every((l) => FRAME_LINE.test(l))) {
      const frames = lines.map((l) => `    ${l.trim()}`);
      return { text: `${header}\n${frames.join('\n')}`, frames };
    }
    const frames = lines.filter((l) => FRAME_LINE.test(l));
    return { text: raw, frames };
  }

  // name/message/stack that the stack text already shows are not listed.
  function hideErrorKeys(err, keys, stackText) {
    return keys.filter((k) => {
      if (k !== 'name' && k !== 'message' && k !== 'stack') return true;
      let val;
      try { val = err[k]; } catch { return true; }
      return !(typeof val === 'string' && stackText.includes(val));
    });
  }

  function errorText(cfg, err, ctor, tag, stack) {
    let s = stack.text;
    let name;
    try { name = err.name; } catch { name = undefined; }
    name = name != null ? String(name) : 'Error';

    // Make the first line name the real class when the error's name does not.
    let nameLen = name.length;
    if (ctor === null || (name.endsWith('Error') && s.startsWith(name) &&
        (s.length === nameLen || s[nameLen] === ':' || s[nameLen] === '\n'))) {
      let fallback = 'Error';
      if (ctor === null) {
        const m = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(s) || /^([a-z_A-Z0-9-]*Error)$/.exec(s);
        fallback = (m && m[1]) || '';
        nameLen = fallback.length;
        fallback = fallback || 'Error';
      }
      const head = headOf(ctor, tag, fallback).slice(0, -1);
      if (name !== head) {
        if (head.includes(name)) s = nameLen === 0 ? `${head}: ${s}` : head + s.slice(nameLen);
        else s = `${head} [${name}]${s.slice(nameLen)}`;
      }
    }

    // Find where the frames start (after the message, which may hold "at").
    let msg;
    try { msg = err.message; } catch { msg = undefined; }
    let from = (msg && s.indexOf(msg)) || -1;
    if (from !== -1) from += msg.length;
    const framesAt = s.indexOf('\n    at', from);
    if (framesAt === -1) return `[${s}]`;
    const head = s.slice(0, framesAt);
    const frames = s.slice(framesAt + 1).split('\n');
    collapseCauseFrames(cfg, err, frames);
    return `${head}\n${frames.join('\n')}`;
  }

  // Frames shared with the cause's stack are folded into one line.
  function collapseCauseFrames(cfg, err, frames) {
    let cause;
    try { cause = err.cause; } catch { return; }
    if (cause === null || typeof cause !== 'object' || kindOf(cause) !== 'Error') return;
    const causeFrames = errorStack(cause).frames;
    if (causeFrames.length === 0) return;
    const run = longestSharedRun(frames, causeFrames);
    if (run.len > 0) {
      const skipped = run.len - 2;
      frames.splice(run.at + 1, skipped, cfg.stylize(`    ... ${skipped} lines matching cause stack trace ...`, 'undefined'));
    }
  }

  function longestSharedRun(a, b) {
    for (let i = 0; i < a.length - 3; i++) {
      const pos = b.indexOf(a[i]);
      if (pos === -1) continue;
      const rest = b.length - pos;
      if (rest <= 3) continue;
      let len = 1;
      const max = Math.min(a.length - i, rest);
      while (max > len && a[i + len] === b[pos + len]) len++;
      if (len > 3) return { len, at: i };
    }
    return { len: 0, at: 0 };
  }

  // ===========================================================================
  // Pass 2: render parts to text

  const spaces = (n) => ' '.repeat(n);

  function render(cfg, part, indent) {
    switch (part.t) {
      case 'text': return part.s;
      case 'lines': return indent === 0 ? part.s : part.s.split('\n').join(`\n${spaces(indent)}`);
      case 'string': return renderString(cfg, part, indent);
      default: return renderBox(cfg, part, indent);
    }
  }

  // Long strings are cut after each newline and joined with " +".
  function renderString(cfg, part, indent) {
    const s = part.s;
    if (cfg.compact !== true && s.length > 16 && s.length > cfg.breakLength - indent - 4) {
      const pieces = s.split(/(?<=\n)/);
      return pieces.map((p) => cfg.stylize(quote(p), 'string')).join(` +\n${spaces(indent + 2)}`) + part.more;
    }
    return cfg.stylize(quote(s), 'string') + part.more;
  }

  function renderRow(cfg, row, indent, objectBox) {
    // In compact=true mode object properties sit one column further in, and
    // a value too wide for a line starts on its own line.
    const wide = cfg.compact === true && objectBox && row.objectProp;
    const inner = indent + (wide ? 3 : 2);
    let out = '';
    for (const piece of row) {
      if (typeof piece === 'string') { out += piece; continue; }
      const s = render(cfg, piece, inner);
      if (wide && cfg.breakLength < displayWidth(s) && out.endsWith(': ')) {
        out = `${out.slice(0, -1)}\n${spaces(inner)}`;
      }
      out += s;
    }
    return out;
  }

  function renderBox(cfg, box, indent) {
    let rows = box.rows.map((r) => renderRow(cfg, r, indent, box.propRows));
    if (cfg.sorted) {
      const cmp = cfg.sorted === true ? undefined : cfg.sorted;
      if (box.sortFrom === 0) rows.sort(cmp);
      else if (rows.length - box.sortFrom > 1) rows = rows.slice(0, box.sortFrom).concat(rows.slice(box.sortFrom).sort(cmp));
    }

    let base = box.base ? render(cfg, box.base, indent) : '';
    let open = box.open;
    if (box.ref) {
      if (cfg.compact !== true) base = base === '' ? box.ref : `${box.ref} ${base}`;
      else open = `${box.ref} ${open}`;
    }

    if (cfg.compact !== true) {
      if (typeof cfg.compact === 'number' && cfg.compact >= 1) {
        const count = rows.length;
        if (box.arrayish && count > 6) rows = arrangeColumns(cfg, rows, box, indent);
        // Boxes with few levels of boxes inside may share one line.
        if (box.lastLevel - box.level < cfg.compact && count === rows.length) {
          const start = rows.length + indent + open.length + base.length + 10;
          if (fitsOnLine(cfg, rows, start, base)) {
            const joined = rows.join(', ');
            if (!joined.includes('\n')) return `${base ? `${base} ` : ''}${open} ${joined} ${box.close}`;
          }
        }
      }
      const nl = `\n${spaces(indent)}`;
      return `${base ? `${base} ` : ''}${open}${nl}  ${rows.join(`,${nl}  `)}${nl}${box.close}`;
    }

    // compact === true: fill lines, closing brace on the last one.
    if (fitsOnLine(cfg, rows, 0, base)) return `${open}${base ? ` ${base}` : ''} ${rows.join(', ')} ${box.close}`;
    const pad = spaces(indent);
    const lead = base === '' && open.length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${pad}  `;
    return `${open}${lead}${rows.join(`,\n${pad}  `)} ${box.close}`;
  }

  function fitsOnLine(cfg, rows, start, base) {
    let total = rows.length + start;
    if (total + rows.length > cfg.breakLength) return false;
    for (const r of rows) {
      total += cfg.colors ? r.replace(/\u001b\[[0-9;]*m/g, '').length : r.length; // eslint-disable-line no-control-regex
      if (total > cfg.breakLength) return false;
    }
    return base === '' || !base.includes('\n');
  }

  // Lays out many short array elements in aligned columns. The column count
  // grows with the square root of the entry count, bounded by the line width.
  function arrangeColumns(cfg, rows, box, indent) {
    // A trailing "... more items" row stays out of the columns.
    let count = rows.length;
    if (cfg.maxArrayLength < rows.length) count--;
    const gap = 2;
    const widths = new Array(count);
    let total = 0;
    let widest = 0;
    for (let i = 0; i < count; i++) {
      const w = displayWidth(rows[i]);
      widths[i] = w;
      total += w + gap;
      if (w > widest) widest = w;
    }
    const cell = widest + gap;
    if (!(cell * 3 + indent < cfg.breakLength && (total / cell > 5 || widest <= 6))) return rows;

    const bias = Math.sqrt(cell - total / rows.length);
    const biased = Math.max(cell - 3 - bias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(2.5 * biased * count) / biased),
      Math.floor((cfg.breakLength - indent) / cell),
      cfg.compact * 4,
      15,
    );
    if (columns <= 1) return rows;

    const colWidth = [];
    for (let c = 0; c < columns; c++) {
      let w = 0;
      for (let j = c; j < rows.length; j += columns) if (widths[j] > w) w = widths[j];
      colWidth.push(w + gap);
    }
    // Numbers are right-aligned, anything else left-aligned.
    let rightAlign = true;
    if (box.values) {
      for (let i = 0; i < rows.length; i++) {
        const x = box.values[i];
        if (typeof x !== 'number' && typeof x !== 'bigint') { rightAlign = false; break; }
      }
    }
    const out = [];
    for (let i = 0; i < count; i += columns) {
      const end = Math.min(i + columns, count);
      let line = '';
      let j = i;
      for (; j < end - 1; j++) {
        const target = colWidth[j - i] + rows[j].length - widths[j];
        const cellText = `${rows[j]}, `;
        line += rightAlign ? cellText.padStart(target, ' ') : cellText.padEnd(target, ' ');
      }
      if (rightAlign) line += rows[j].padStart(colWidth[j - i] + rows[j].length - widths[j] - gap, ' ');
      else line += rows[j];
      out.push(line);
    }
    if (count < rows.length) out.push(rows[count]);
    return out;
  }

  // ===========================================================================
  // Public API

  function inspect(value, opts) {
    let options = opts;
    if (typeof opts !== 'object' || opts === null) {
      // Legacy signature: inspect(value, showHidden, depth, colors).
      options = {};
      if (arguments.length > 1 && typeof opts === 'boolean') options.showHidden = opts;
      if (arguments.length > 2) options.depth = arguments[2];
      if (arguments.length > 3) options.colors = arguments[3];
    }
    const cfg = makeSettings(options);
    const doc = describe(cfg, value, 0);
    return render(cfg, doc, 0);
  }
  inspect.custom = customSymbol;
  inspect.defaultOptions = defaults;

  // --- format -------------------------------------------------------------------

  // %s of an object: a user-defined toString wins, otherwise inspect.
  function usesBuiltinToString(v) {
    let obj = v;
    if (kindOf(v) === 'Proxy') {
      try { Array.isArray(v); } catch { return true; }
    }
    let ts;
    try { ts = obj.toString; } catch { return true; }
    if (typeof ts !== 'function') return true;
    // A user-defined Symbol.toPrimitive or toString decides the text.
    let prim;
    try { prim = obj[Symbol.toPrimitive]; } catch { prim = undefined; }
    if (typeof prim === 'function' && !ownerIsBuiltin(obj, Symbol.toPrimitive)) return false;
    return ownerIsBuiltin(obj, 'toString');
  }

  // Whether the object on v's chain that owns `key` belongs to a built-in.
  function ownerIsBuiltin(v, key) {
    if (hasOwn(v, key)) return false;
    let p = v;
    do { p = getProto(p); } while (p !== null && !hasOwn(p, key));
    if (p === null) return true;
    const d = ownDesc(p, 'constructor');
    return d !== undefined && typeof d.value === 'function' && builtinCtorNames.has(d.value.name);
  }

  function jsonText(v) {
    try {
      return `${JSON.stringify(v)}`;
    } catch (err) {
      const m = err && String(err.message);
      if (m && /circular/i.test(m)) return '[Circular]';
      throw err;
    }
  }

  function formatList(opts, args) {
    const first = args[0];
    let out = '';
    let used = 0;
    if (typeof first === 'string') {
      if (args.length === 1) return first;
      let last = 0;
      used = 1;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue; // '%'
        const code = first[++i];
        if (used !== args.length) {
          let piece;
          switch (code) {
            case 's': {
              const a = args[used];
              if (typeof a === 'number') piece = numberText(a, opts.numericSeparator);
              else if (typeof a === 'bigint') piece = bigintText(a, opts.numericSeparator);
              else if (typeof a !== 'object' || a === null || !usesBuiltinToString(a)) piece = String(a);
              else piece = inspect(a, Object.assign({}, opts, { depth: 0, colors: false, compact: 3 }));
              break;
            }
            case 'j': piece = jsonText(args[used]); break;
            case 'd': {
              const a = args[used];
              if (typeof a === 'bigint') piece = bigintText(a, opts.numericSeparator);
              else if (typeof a === 'symbol') piece = 'NaN';
              else piece = numberText(Number(a), opts.numericSeparator);
              break;
            }
            case 'O': piece = inspect(args[used], opts); break;
            case 'o': piece = inspect(args[used], Object.assign({}, opts, { showHidden: true, showProxy: true, depth: 4 })); break;
            case 'i': {
              const a = args[used];
              if (typeof a === 'bigint') piece = bigintText(a, opts.numericSeparator);
              else if (typeof a === 'symbol') piece = 'NaN';
              else piece = numberText(Number.parseInt(a), opts.numericSeparator);
              break;
            }
            case 'f': {
              const a = args[used];
              piece = typeof a === 'symbol' ? 'NaN' : numberText(Number.parseFloat(a), opts.numericSeparator);
              break;
            }
            case 'c': piece = ''; break;
            case '%': out += first.slice(last, i); last = i + 1; continue;
            default: continue;
          }
          if (last !== i - 1) out += first.slice(last, i - 1);
          out += piece;
          last = i + 1;
          used++;
        } else if (code === '%') {
          out += first.slice(last, i);
          last = i + 1;
        }
      }
      if (last !== 0) {
        used = used || 1;
        if (last < first.length) out += first.slice(last);
      } else {
        out = first;
      }
      if (used === 0) used = 1;
    }
    while (used < args.length) {
      const a = args[used];
      out += `${used > 0 ? ' ' : ''}${typeof a === 'string' ? a : inspect(a, opts)}`;
      used++;
    }
    return out;
  }

  function describeReceived(v) {
    if (v == null) return ` Received ${v}`;
    if (typeof v === 'function') return ` Received function ${v.name}`;
    if (typeof v === 'object') {
      const c = constructorName(v);
      return c ? ` Received an instance of ${c}` : ` Received ${inspect(v, { depth: -1 })}`;
    }
    let shown;
    if (typeof v === 'string') {
      shown = inspect(v.length > 28 ? `${v.slice(0, 25)}...` : v, { colors: false });
    } else {
      shown = inspect(v, { colors: false });
      if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
    }
    return ` Received type ${typeof v} (${shown})`;
  }

  function formatWithOptions(inspectOptions, ...args) {
    if (typeof inspectOptions !== 'object' || inspectOptions === null) {
      const err = new TypeError(`The "inspectOptions" argument must be of type object.${describeReceived(inspectOptions)}`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    return formatList(inspectOptions, args);
  }

  function format(...args) {
    return formatList({}, args);
  }

  return { inspect, format, formatWithOptions };
})
