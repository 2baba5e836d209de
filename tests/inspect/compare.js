// Compares src/builtins/js/inspect.js with Node's own util.inspect/util.format
// over a corpus of values. Node is the oracle.
//
//   node tests/inspect/compare.js            run the corpus, list failures
//   node tests/inspect/compare.js --fallback also run it with a host that lacks
//                                            kind/promiseState (brand-check
//                                            fallback; informational only)
//   node tests/inspect/compare.js --qjs PATH also run portable_cases.js under
//                                            the reference QuickJS interpreter
//                                            (frame lines of errors ignored)
//
// inspect.js runs on QuickJS, where err.stack holds only the frame lines. To
// compare what users see, every error is printed by Node first (V8 stack:
// "Name: message\n    at ..."), then its stack is rewritten to the QuickJS shape
// (frames only, trailing newline) before inspect.js prints it.
'use strict';

const fs = require('fs');
const path = require('path');
const util = require('util');
const vm = require('vm');

const { types } = util;
const source = fs.readFileSync(path.join(__dirname, '../../src/builtins/js/inspect.js'), 'utf8');
const factory = vm.runInThisContext(source, { filename: 'inspect.js' });

// ---------------------------------------------------------------------------
// host stub: what protojs's Rust side reports, derived from util.types.

const promiseStates = new WeakMap();
const P = {
  resolved(value) {
    const p = Promise.resolve(value);
    promiseStates.set(p, ['fulfilled', value]);
    return p;
  },
  rejected(reason) {
    const p = Promise.reject(reason);
    p.catch(() => {});
    promiseStates.set(p, ['rejected', reason]);
    return p;
  },
  pending() {
    const p = new Promise(() => {});
    promiseStates.set(p, ['pending']);
    return p;
  },
};

function isWeakRef(v) {
  try {
    WeakRef.prototype.deref.call(v);
    return true;
  } catch {
    return false;
  }
}

function kind(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return 'NotObject';
  if (types.isProxy(v)) return 'Proxy';
  if (typeof v === 'function') {
    if (v.name.startsWith('bound ') && !Object.prototype.hasOwnProperty.call(v, 'prototype') &&
        /\[native code\]/.test(Function.prototype.toString.call(v))) {
      return 'BoundFunction';
    }
    return /^function \w*\(\) \{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(v)) ?
      'NativeFunction' : 'JsFunction';
  }
  if (Array.isArray(v)) return 'Array';
  if (types.isNativeError(v)) return 'Error';
  if (types.isSymbolObject(v)) return 'SymbolBox';
  if (types.isBoxedPrimitive(v)) return 'Boxed';
  if (types.isDate(v)) return 'Date';
  if (types.isRegExp(v)) return 'RegExp';
  if (types.isMap(v)) return 'Map';
  if (types.isSet(v)) return 'Set';
  if (types.isWeakMap(v) || types.isWeakSet(v) || isWeakRef(v)) return 'Weak';
  if (types.isArrayBuffer(v)) return 'ArrayBuffer';
  if (types.isSharedArrayBuffer(v)) return 'SharedArrayBuffer';
  if (types.isTypedArray(v)) return 'TypedArray';
  if (types.isDataView(v)) return 'DataView';
  if (types.isPromise(v)) return 'Promise';
  if (types.isArgumentsObject(v)) return 'Arguments';
  if (types.isGeneratorObject(v)) return 'Generator';
  if (types.isModuleNamespaceObject(v)) return 'ModuleNamespace';
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null ? 'Plain' : 'Other';
}

const host = {
  kind,
  promiseState: (p) => promiseStates.get(p) || ['pending'],
};
const ours = factory(host);

// ---------------------------------------------------------------------------
// QuickJS-shaped error stacks

const V8_FRAME_START = '\n    at ';

// Rewrites the stack of every error reachable from `root` to frames only.
function qjsify(root) {
  const seen = new Set();
  const visit = (v) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
    if (types.isProxy(v)) return;
    seen.add(v);
    if (types.isNativeError(v) || v instanceof Error) {
      const desc = Object.getOwnPropertyDescriptor(v, 'stack');
      if (desc && typeof desc.value === 'string') {
        const at = desc.value.indexOf(V8_FRAME_START);
        if (at !== -1) {
          Object.defineProperty(v, 'stack', { ...desc, value: `${desc.value.slice(at + 1)}\n` });
        } else if (/^\w*(Error)?(: [^\n]*)?$/.test(desc.value)) {
          Object.defineProperty(v, 'stack', { ...desc, value: '' });
        }
      }
    }
    if (types.isMap(v)) for (const [k, x] of Map.prototype.entries.call(v)) { visit(k); visit(x); }
    if (types.isSet(v)) for (const x of Set.prototype.values.call(v)) visit(x);
    if (types.isPromise(v) && promiseStates.has(v)) visit(promiseStates.get(v)[1]);
    for (const key of Reflect.ownKeys(v)) {
      const desc = Object.getOwnPropertyDescriptor(v, key);
      if (desc && 'value' in desc) visit(desc.value);
    }
  };
  visit(root);
}

// ---------------------------------------------------------------------------
// Corpus. Values are built by thunks so every case gets fresh objects.

const cases = [];
// Differences we accept (see the header of inspect.js); reported, not counted.
const known = [];

const I = (name, make, opts) => cases.push({ name, make: () => [make()], kind: 'inspect', opts });
const F = (name, make) => cases.push({ name, make, kind: 'format' });
const FO = (name, opts, make) => cases.push({ name, make, kind: 'formatWithOptions', opts });
const KNOWN = (name, make, opts) => known.push({ name, make: () => [make()], kind: 'inspect', opts });

// --- primitives
I('string', () => 'hello');
I('empty string', () => '');
I('string with single quote', () => "it's");
I('string with both quotes', () => 'it\'s "x"');
I('string with all quotes', () => 'it\'s "x" `y`');
I('string with quotes and ${', () => 'it\'s "x" ${y}');
I('string escapes', () => 'a\nb\tc\\d\x00\x1b\x7f\x85');
I('string unicode', () => 'héllo wörld ✓ 😀 日本語');
I('lone surrogates', () => 'a\ud800b\udc00c');
I('long string', () => 'x'.repeat(200));
I('long multiline string', () => 'first line of text\nsecond line of text\nthird line of text that is long\nend');
I('short multiline string', () => 'a\nb');
I('long string with escapes > 100', () => `${'ab\n'.repeat(60)}'`);
I('integer', () => 42);
I('negative zero', () => -0);
I('float', () => 3.14159);
I('NaN', () => NaN);
I('Infinity', () => Infinity);
I('-Infinity', () => -Infinity);
I('big exponent', () => 1e21);
I('small exponent', () => 5e-7);
I('bigint', () => 10n);
I('negative bigint', () => -12345678901234567890n);
I('symbol', () => Symbol('x'));
I('symbol no description', () => Symbol());
I('symbol empty description', () => Symbol(''));
I('well-known symbol', () => Symbol.iterator);
I('symbol with newline', () => Symbol('a\nb'));
I('undefined', () => undefined);
I('null', () => null);
I('true', () => true);
I('false', () => false);
I('numericSeparator int', () => 1234567.891, { numericSeparator: true });
I('numericSeparator bigint', () => 123456789n, { numericSeparator: true });
I('maxStringLength', () => 'abcdefghij', { maxStringLength: 4 });
I('maxStringLength 1 more', () => 'abcde', { maxStringLength: 4 });

// --- arrays
I('empty array', () => []);
I('small array', () => [1, 2, 3]);
I('mixed array', () => [1, 'two', null, undefined, true, 3n, Symbol('s')]);
I('nested arrays', () => [[1, [2, [3, [4, [5]]]]]]);
I('holes middle', () => [1, , 3]); // eslint-disable-line no-sparse-arrays
I('holes only', () => [, , ]); // eslint-disable-line no-sparse-arrays
I('new Array(5)', () => new Array(5));
I('holes trailing', () => [1, 2, , , ]); // eslint-disable-line no-sparse-arrays
I('holes and props', () => { const a = [1, , 3]; a.x = 1; return a; }); // eslint-disable-line no-sparse-arrays
I('sparse huge', () => { const a = []; a[1000] = 1; a[5] = 2; return a; });
I('array extra props', () => Object.assign([1, 2], { foo: 'bar', [Symbol('s')]: 1 }));
I('array 7 numbers', () => [1, 2, 3, 4, 5, 6, 7]);
I('array 30 numbers', () => Array.from({ length: 30 }, (_, i) => i));
I('array 100 numbers', () => Array.from({ length: 100 }, (_, i) => i * 3));
I('array 101 items', () => Array.from({ length: 101 }, (_, i) => i));
I('array 1000 numbers', () => Array.from({ length: 1000 }, (_, i) => i));
I('array mixed widths', () => [1, 22, 333, 4444, 55555, 666666, 7777777, 88888888, 1, 2, 3, 4]);
I('array negative floats', () => Array.from({ length: 20 }, (_, i) => (i - 10) / 3));
I('array short strings', () => 'abcdefghijklmnopqrstuvwxyz'.split(''));
I('array words', () => 'the quick brown fox jumps over the lazy dog and keeps running far away'.split(' '));
I('array long strings', () => Array.from({ length: 8 }, (_, i) => `string number ${i} `.repeat(3)));
I('array bigints', () => Array.from({ length: 12 }, (_, i) => BigInt(i) ** 5n));
I('array of objects', () => Array.from({ length: 4 }, (_, i) => ({ id: i, name: `n${i}` })));
I('array of many objects', () => Array.from({ length: 10 }, (_, i) => ({ id: i })));
I('array nested in object grouping', () => ({ data: Array.from({ length: 26 }, (_, i) => i * i) }));
I('array maxArrayLength', () => [1, 2, 3, 4, 5], { maxArrayLength: 2 });
I('array maxArrayLength 0', () => [1, 2, 3], { maxArrayLength: 0 });
I('array of arrays', () => [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]]);
I('array subclass', () => { class MyArr extends Array {} return MyArr.from([1, 2]); });
I('array with null proto', () => Object.setPrototypeOf([1, 2], null));
I('array emoji grouping', () => ['😀', '😁', '😂', '🤣', '😃', '😄', '😅', '😆']);
I('array cjk grouping', () => ['日本', '中文', '한국', 'abc', 'de', 'f', 'ghij', 'k']);
I('array combining marks grouping', () => ['e\u0301', 'a\u0308b', 'n\u0303', 'x', 'yy', 'zzz', '\u00ad', 'q']);
I('array zwj emoji grouping', () => ['👨‍👩‍👧', '👍🏽', '🇫🇷', 'ab', 'c', 'd', 'e', 'f']);
I('array ambiguous width grouping', () => ['±', '§', '°', '×', 'ä', 'ö', 'ü', 'ß', 'Ω']);
I('array fullwidth forms grouping', () => ['ＡＢ', 'ｶﾀｶﾅ', 'ひらがな', '漢字', '１２', 'x', 'y', 'z']);
I('array misc symbols grouping', () => ['☀', '☔', '⚡', '⌚', '✅', '❤', '★', '♥']);
I('array undefined entries', () => [undefined, undefined, null, null, 1, 2, 3, 4]);
I('array length 6 no grouping', () => [100000, 200000, 300000, 400000, 500000, 600000]);

// --- objects
I('empty object', () => ({}));
I('simple object', () => ({ a: 1, b: 'x' }));
I('quoted keys', () => ({ 'a-b': 1, '1a': 2, '': 3, 'with space': 4, 'it\'s': 5, $ok: 6, _ok: 7 }));
I('numeric keys', () => ({ 1: 'a', 20: 'b', x: 'c' }));
I('symbol keys', () => ({ [Symbol('s')]: 1, [Symbol()]: 2, [Symbol.iterator]: 3 }));
I('__proto__ key', () => JSON.parse('{"__proto__": 1, "a": 2}'));
I('nested depth', () => ({ a: { b: { c: { d: 1 } } } }));
I('nested arrays depth', () => ({ a: [[[[1]]]] }));
I('depth 0', () => ({ a: { b: 1 }, c: [1] }), { depth: 0 });
I('depth null', () => ({ a: { b: { c: { d: { e: 1 } } } } }), { depth: null });
I('depth Infinity', () => ({ a: { b: { c: { d: { e: 1 } } } } }), { depth: Infinity });
I('depth -1', () => ({ a: 1 }), { depth: -1 });
I('wide object', () => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`key${i}`, `value${i}`])));
I('object many keys', () => Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])));
I('object 76 chars', () => ({ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccc: 'dddddddddddddddd', ee: 12 }));
I('object long string value', () => ({ text: 'lorem ipsum '.repeat(10) }));
I('object multiline string value', () => ({ text: 'line one is here\nline two is here\nline three is here\nline four is here' }));
I('object short multiline', () => ({ s: 'a\nb' }));
I('nested wrapping', () => ({
  user: { name: 'Alice Wonderland', email: 'alice@example.com', roles: ['admin', 'editor', 'viewer'] },
  settings: { theme: 'dark', notifications: { email: true, sms: false, push: true } },
}));
I('compact levels', () => ({ a: { b: { c: {} } }, x: [{ y: [1] }] }));
I('getters', () => ({ get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {} }));
I('getters option', () => ({ get a() { return 1; }, get o() { return { x: 1 }; }, get n() { return null; }, get t() { throw new Error('no'); } }), { getters: true });
I('getters get only', () => ({ get a() { return 1; }, get b() { return 2; }, set b(v) {} }), { getters: 'get' });
I('getters set only', () => ({ get a() { return 1; }, get b() { return 2; }, set b(v) {} }), { getters: 'set' });
I('non-enumerable hidden', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false }));
I('showHidden object', () => Object.defineProperty({ a: 1 }, 'hidden', { value: 2, enumerable: false }), { showHidden: true });
I('showHidden array', () => [1, 2], { showHidden: true });
I('undefined value', () => ({ a: undefined }));
I('class instance', () => { class A { constructor() { this.x = 1; } } return new A(); });
I('empty class instance', () => { class Empty {} return new Empty(); });
I('class instance depth', () => { class Node1 { constructor(n) { this.next = n; } } return new Node1(new Node1(new Node1(new Node1(null)))); });
I('null prototype', () => Object.assign(Object.create(null), { a: 1 }));
I('empty null prototype', () => Object.create(null));
I('null proto chain', () => Object.create(Object.create(null)));
I('null proto chain with keys', () => Object.assign(Object.create(Object.assign(Object.create(null), { p: 1 })), { a: 1 }));
I('constructor overridden', () => ({ constructor: 'nope', a: 1 }));
I('anonymous class instance', () => new (class {})());
I('Object.create proto', () => Object.create({ inherited: 1 }));
I('sorted', () => ({ c: 3, a: 1, b: 2 }), { sorted: true });
I('sorted comparator', () => ({ c: 3, a: 1, b: 2 }), { sorted: (x, y) => (x < y ? 1 : -1) });
I('sorted array props', () => Object.assign([3, 1], { z: 1, y: 2 }), { sorted: true });
I('compact false', () => ({ a: 1, b: [1, 2], c: { d: 'x' } }), { compact: false });
I('compact true', () => ({ a: 1, b: [1, 2], c: { d: 'x' } }), { compact: true });
I('compact true long', () => ({ data: Array.from({ length: 40 }, (_, i) => `item${i}`), obj: { aaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbbbbbb: 'ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc' } }), { compact: true });
I('compact 1', () => ({ a: { b: 1 }, c: 2 }), { compact: 1 });
I('breakLength Infinity', () => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`key${i}`, i])), { breakLength: Infinity });
I('breakLength 20', () => ({ a: 1, b: 2, c: 3, d: 4, e: 5 }), { breakLength: 20 });
I('legacy args', () => ({ a: { b: { c: { d: {} } } } }));

// --- circular
I('circular self', () => { const o = { a: 1 }; o.self = o; return o; });
I('circular nested', () => { const o = { x: { y: {} } }; o.x.y.back = o; return o; });
I('circular two refs', () => { const a = { name: 'a' }; const b = { name: 'b', a }; a.b = b; b.self = b; return { a, b }; });
I('circular array', () => { const a = [1]; a.push(a); return a; });
I('circular map', () => { const m = new Map(); m.set('me', m); return m; });
I('circular in array inside object', () => { const o = { list: [] }; o.list.push(o, { o }); return o; });
I('same object twice (not circular)', () => { const s = { v: 1 }; return { a: s, b: s }; });

// --- Map / Set
I('empty map', () => new Map());
I('map', () => new Map([['a', 1], ['b', 2]]));
I('map object keys', () => new Map([[{ k: 1 }, [1, 2]], [['x'], new Set([1])]]));
I('map nested', () => new Map([['a', { b: { c: { d: 1 } } }]]));
I('map long', () => new Map(Array.from({ length: 10 }, (_, i) => [`key number ${i}`, { value: i }])));
I('map 101', () => new Map(Array.from({ length: 101 }, (_, i) => [i, i])));
I('empty set', () => new Set());
I('set', () => new Set([1, 2]));
I('set strings', () => new Set(['apple', 'banana', 'cherry']));
I('set 30 numbers', () => new Set(Array.from({ length: 30 }, (_, i) => i)));
I('set extra prop', () => Object.assign(new Set([1]), { extra: true }));
I('map subclass', () => { class MyMap extends Map {} return new MyMap([[1, 2]]); });
I('set null proto', () => Object.setPrototypeOf(new Set([1]), null));
I('map in depth', () => ({ a: { b: { m: new Map([[1, 2]]) } } }));
I('set maxArrayLength', () => new Set([1, 2, 3]), { maxArrayLength: 1 });

// --- Date / RegExp
I('date', () => new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 678)));
I('invalid date', () => new Date(NaN));
I('date with prop', () => Object.assign(new Date(0), { tz: 'UTC' }));
I('date subclass', () => { class MyDate extends Date {} return new MyDate(0); });
I('date in object', () => ({ when: new Date(86400000) }));
I('regexp', () => /a/g);
I('regexp flags', () => /x[a-z]+\d/gimsuy);
I('regexp slash', () => new RegExp('a/b'));
I('regexp with prop', () => Object.assign(/re/, { extra: 1 }));
I('regexp subclass', () => { class MyRe extends RegExp {} return new MyRe('z', 'i'); });
I('regexp deep', () => ({ a: { b: { c: Object.assign(/deep/, { p: 1 }) } } }));

// --- functions
I('named function', () => function f() {});
I('anonymous function', () => function () {}); // eslint-disable-line func-names
I('arrow function', () => { const arrow = () => {}; return arrow; });
I('anonymous arrow', () => [() => {}][0]);
I('async function', () => async function af() {});
I('generator function', () => function* g() {});
I('async generator function', () => async function* ag() {});
I('async arrow', () => { const aa = async () => {}; return aa; });
I('class', () => class A {});
I('class extends', () => { class A {} return class B extends A {}; });
I('anonymous class', () => [class {}][0]);
I('class extends anonymous expression', () => class C extends (class {}) {});
I('class with comment before brace', () => class /* c */ D /* e */ {});
I('function with props', () => Object.assign(function withProps() {}, { a: 1 }));
I('class with static props', () => { class S { static x = 1; } return S; });
I('bound function', () => function orig() {}.bind(null));
I('native function', () => Math.max);
I('method', () => ({ m() {} }).m);
I('function null proto', () => Object.setPrototypeOf(function np() {}, null));
I('class extends null', () => class X extends null {});
I('functions in object', () => ({ f() {}, g: () => 1, h: class {}, i: async () => {} }));
I('function with toStringTag', () => Object.defineProperty(function tagged() {}, Symbol.toStringTag, { value: 'Tag' }));

// --- errors
I('error', () => new Error('boom'));
I('type error', () => new TypeError('bad type'));
I('range error', () => new RangeError('out of range'));
I('error empty message', () => new Error());
I('error multiline message', () => new Error('line1\nline2'));
I('error subclass', () => { class MyError extends Error {} return new MyError('mine'); });
I('error subclass with name', () => { class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } } return new ValidationError('invalid'); });
I('error subclass name getter', () => { class E4 extends Error { get name() { return 'E4'; } } return new E4('z'); });
I('error name not ending in Error', () => { const e = new Error('m'); e.name = 'Custom'; return e; });
I('error extra props', () => Object.assign(new Error('boom'), { code: 'E_X', errno: 7 }));
I('error with cause', () => new Error('outer', { cause: new Error('inner') }));
I('error with string cause', () => new Error('outer', { cause: 'just a string' }));
I('error with undefined cause', () => new Error('outer', { cause: undefined }));
I('aggregate error', () => new AggregateError([new Error('a'), new TypeError('b')], 'many'));
I('error empty stack', () => { const e = new Error('no stack'); e.stack = ''; return e; });
I('error in object', () => ({ err: new Error('nested') }));
I('error in array', () => [new Error('in array')]);
I('error at depth', () => ({ a: { b: { c: new Error('deep') } } }));
I('error null prototype', () => Object.setPrototypeOf(new Error('np'), null));
I('error custom stack string', () => { const e = new Error('x'); e.stack = 'custom stack text'; return e; });
I('error deep frames', () => { const f1 = () => f2(); const f2 = () => f3(); const f3 = () => new Error('deep frames'); return f1(); });
I('error message changed', () => { const e = new Error('before'); e.message = 'after'; return e; });
I('error with enumerable message', () => Object.assign(new Error('x'), { message: 'x' }));
I('error non-error cause object', () => new Error('outer', { cause: { code: 1 } }));
I('error cause chain', () => {
  const make = (depth) => (depth === 0 ? new Error('root') : new Error(`level ${depth}`, { cause: make(depth - 1) }));
  return make(2);
});
I('error subclass in object with code', () => { class HttpError extends Error {} return { e: Object.assign(new HttpError('404'), { status: 404 }) }; });
I('error from throw', () => { try { null.x; } catch (e) { return e; } });
I('error with toStringTag', () => Object.defineProperty(new Error('t'), Symbol.toStringTag, { value: 'Tagged' }));
I('error name undefined', () => { const e = new Error('u'); e.name = undefined; return e; });

// --- binary data
I('Uint8Array', () => new Uint8Array([1, 2, 3]));
I('empty Uint8Array', () => new Uint8Array(0));
I('Float64Array', () => new Float64Array([1.5, -0, NaN]));
I('Int16Array 30', () => Int16Array.from({ length: 30 }, (_, i) => i * 100 - 1500));
I('BigInt64Array', () => new BigInt64Array([1n, -2n]));
I('Uint8Array 150', () => new Uint8Array(150));
I('typed array extra prop', () => Object.assign(new Uint8Array(2), { x: 1 }));
I('typed array showHidden', () => new Uint8Array(3), { showHidden: true });
I('ArrayBuffer', () => new Uint8Array([1, 2]).buffer);
I('empty ArrayBuffer', () => new ArrayBuffer(0));
I('ArrayBuffer 200', () => new ArrayBuffer(200));
I('SharedArrayBuffer', () => new SharedArrayBuffer(3));
I('detached ArrayBuffer', () => { const ab = new ArrayBuffer(4); structuredClone(ab, { transfer: [ab] }); return ab; });
I('DataView', () => new DataView(new ArrayBuffer(4), 1, 2));
I('typed array in object', () => ({ bytes: new Uint8Array([255, 0, 127]) }));

// --- promises
I('promise resolved', () => P.resolved(1));
I('promise pending', () => P.pending());
I('promise rejected', () => P.rejected(new Error('nope')));
I('promise rejected value', () => P.rejected(42));
I('promise object value', () => P.resolved({ a: [1, 2] }));
I('promise in object', () => ({ p: P.resolved('x'), q: P.pending() }));
I('promise with prop', () => Object.assign(P.resolved(undefined), { tag: 1 }));

// --- boxed primitives
I('boxed number', () => new Number(3)); // eslint-disable-line no-new-wrappers
I('boxed -0', () => new Number(-0)); // eslint-disable-line no-new-wrappers
I('boxed string', () => new String('x')); // eslint-disable-line no-new-wrappers
I('boxed string prop', () => Object.assign(new String('ab'), { extra: 1 })); // eslint-disable-line no-new-wrappers
I('boxed boolean', () => new Boolean(false)); // eslint-disable-line no-new-wrappers
I('boxed bigint', () => Object(5n));
I('boxed symbol', () => Object(Symbol('sym')));
I('boxed in array', () => [Object(1), Object('s')]);

// --- weak collections
I('WeakMap', () => new WeakMap());
I('WeakSet', () => new WeakSet());
I('WeakRef', () => new WeakRef({}));
I('weak in array', () => [new WeakMap(), new WeakSet()]);

// --- tags, custom inspect, arguments, proxies, generators
I('toStringTag class', () => { class T { get [Symbol.toStringTag]() { return 'Tagged'; } } return new T(); });
I('toStringTag own enumerable', () => ({ [Symbol.toStringTag]: 'Own', a: 1 }));
I('toStringTag own non-enumerable', () => Object.defineProperty({ a: 1 }, Symbol.toStringTag, { value: 'Hidden' }));
I('toStringTag null proto', () => Object.create(null, { [Symbol.toStringTag]: { value: 'Foo' } }));
I('custom inspect string', () => ({ [util.inspect.custom]() { return 'CUSTOM'; } }));
I('custom inspect object', () => ({ [util.inspect.custom]() { return { replaced: true }; } }));
I('custom inspect depth arg', () => ({ a: { [util.inspect.custom](depth) { return `depth=${depth}`; } } }));
I('custom inspect uses inspect', () => ({ inner: { [util.inspect.custom](depth, options, inspect) { return `Wrapped<${inspect({ x: [1, 2] }, options)}>`; } } }));
I('custom inspect stylize', () => ({ [util.inspect.custom](depth, options) { return options.stylize('styled', 'special'); } }));
I('custom inspect multiline nested', () => ({ a: { b: { [util.inspect.custom]() { return 'line1\nline2'; } } } }));
I('custom inspect returns this', () => { const o = { v: 1, [util.inspect.custom]() { return this; } }; return o; });
I('custom inspect on class', () => { class Money { constructor(v) { this.v = v; } [util.inspect.custom]() { return `$${this.v}`; } } return [new Money(5), new Money(7)]; });
I('custom inspect prototype not used', () => { class K { [util.inspect.custom]() { return 'inst'; } } return K.prototype; });
I('user stylize', () => ({ n: 1, s: 'x', b: Object(1), d: new Date(0), u: undefined, f() {} }), { stylize: (str, type) => `<${type}:${str}>` });
I('user stylize boxed alone', () => Object('boxed'), { stylize: (str, type) => `<${type}:${str}>` });
I('customInspect false', () => ({ [util.inspect.custom]() { return 'CUSTOM'; }, a: 1 }), { customInspect: false });
I('custom inspect user options', () => ({ [util.inspect.custom](d, o) { return `extra=${o.myOption}`; } }), { myOption: 'yes' });
I('custom inspect on proxy', () => new Proxy({ [util.inspect.custom](d, o) { return Object.getPrototypeOf(o) === null ? 'cross' : 'same'; } }, {}));
I('custom inspect null proto', () => Object.assign(Object.create(null), { [util.inspect.custom](d, o) { return `${Object.getPrototypeOf(o)} ${typeof o.stylize}`; } }));
I('arguments', () => (function () { return arguments; })(1, 2)); // eslint-disable-line prefer-rest-params
I('empty arguments', () => (function () { return arguments; })()); // eslint-disable-line prefer-rest-params
I('proxy object', () => new Proxy({ a: 1 }, {}));
I('proxy array', () => new Proxy([1, 2], {}));
I('proxy function', () => new Proxy(function pf() {}, {}));
I('revoked proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; });
I('generator object', () => (function* gen() {})());
I('object with iterator', () => ({ [Symbol.iterator]: null, a: 1 }));
I('globalThis-like Math', () => Math);
I('JSON object', () => JSON);

// --- format
F('format string only', () => ['hello']);
F('format no args', () => []);
F('format %s string', () => ['a %s b', 'x']);
F('format %s number', () => ['%s', 42]);
F('format %s -0', () => ['%s', -0]);
F('format %s bigint', () => ['%s', 5n]);
F('format %s symbol', () => ['%s', Symbol('q')]);
F('format %s null undefined', () => ['%s %s', null, undefined]);
F('format %s object', () => ['%s', { a: { b: { c: 1 } } }]);
F('format %s array', () => ['%s', [1, [2, [3]]]]);
F('format %s class toString', () => { class T { toString() { return 'T!'; } } return ['%s', new T()]; });
F('format %s own toString', () => ['%s', { toString() { return 'own'; } }]);
F('format %s toPrimitive', () => ['%s', { [Symbol.toPrimitive]() { return 'prim'; } }]);
F('format %s error', () => ['%s', new Error('e')]);
F('format %s date', () => ['%s', new Date(0)]);
F('format %s function', () => ['%s', function fn() { return 1; }]);
F('format %s null proto', () => ['%s', Object.create(null)]);
F('format %d', () => ['%d', 42.5]);
F('format %d string', () => ['%d', '42']);
F('format %d bigint', () => ['%d', 7n]);
F('format %d symbol', () => ['%d', Symbol('s')]);
F('format %d object', () => ['%d', {}]);
F('format %d -0', () => ['%d', -0]);
F('format %i', () => ['%i', 42.9]);
F('format %i string', () => ['%i', '0x1f']);
F('format %i bigint', () => ['%i', 9n]);
F('format %f', () => ['%f', '3.5abc']);
F('format %f symbol', () => ['%f', Symbol('s')]);
F('format %j', () => ['%j', { a: [1, 'x'] }]);
F('format %j circular', () => { const o = {}; o.o = o; return ['%j', o]; });
F('format %j undefined', () => ['%j', undefined]);
F('format %o', () => ['%o', { a: [1, { b: 2 }] }]);
F('format %o array', () => ['%o', [1, 2]]);
F('format %O', () => ['%O', { a: { b: { c: { d: 1 } } } }]);
F('format %c', () => ['%cstyled%c text', 'color: red', 'x']);
F('format %%', () => ['100%% sure %s', 'yes']);
F('format %% alone', () => ['%%', 1]);
F('format unknown placeholder', () => ['%x %s', 'a']);
F('format missing args', () => ['%s and %s', 'one']);
F('format extra args', () => ['%s', 'a', 'b', { c: 1 }, [2], 3]);
F('format trailing %', () => ['50%', 1]);
F('format first not string', () => [{ a: 1 }, 'str', 3, null]);
F('format numbers', () => [1, 2, 3]);
F('format strings', () => ['a', 'b', 'c']);
F('format string then object', () => ['obj:', { a: 1, b: [1, 2, 3] }]);
F('format string then error', () => ['failed:', new Error('bad')]);
F('format multi-line object', () => ['data', { long: 'x'.repeat(50), more: 'y'.repeat(50) }]);
F('format no placeholder string args', () => ['a', 'b c']);
F('format percent at end', () => ['%s%', 'x']);
F('format %s with nested array string', () => ['%s', ['a', 'b']]);
F('format %s map', () => ['%s', new Map([[1, { a: 1 }]])]);
F('format only placeholders', () => ['%s%s', 'a', 'b']);
F('format console.log style', () => ['user %s has %d items', 'bob', 3, { extra: true }]);
FO('formatWithOptions depth', { depth: 0 }, () => ['%O', { a: { b: 1 } }]);
FO('formatWithOptions compact', { compact: false }, () => [{ a: 1 }]);
FO('formatWithOptions numericSeparator', { numericSeparator: true }, () => ['%d %i %f %s', 1234567, 7654321, 1234.5678, 1000000]);
FO('formatWithOptions array opts', [], () => ['%s', 'x', { a: 1 }]);
FO('formatWithOptions null throws', null, () => ['x']);
FO('formatWithOptions function throws', function optsFn() {}, () => ['x']);
FO('formatWithOptions long string throws', 'a'.repeat(40), () => ['x']);
FO('formatWithOptions undefined throws', undefined, () => ['x']);
FO('formatWithOptions number throws', 1, () => ['x']);

// --- cases that also run under QuickJS (see --qjs)
const portable = vm.runInThisContext(fs.readFileSync(path.join(__dirname, 'portable_cases.js'), 'utf8'));
for (const [kind, name, make, opts] of portable) {
  if (kind === 'format') F(`portable: ${name}`, make);
  else I(`portable: ${name}`, make, opts);
}

// --- known differences (see inspect.js header); printed, not counted
KNOWN('map iterator', () => new Map([['a', 1]]).entries());
KNOWN('set iterator', () => new Set([1]).values());
KNOWN('proxy of map', () => new Proxy(new Map([[1, 2]]), {}));
KNOWN('proxy with throwing trap', () => new Proxy({ a: 1 }, { ownKeys() { throw new Error('trap'); } }));
KNOWN('null-proto class instance', () => { class Foo {} return Object.setPrototypeOf(new Foo(), null); });
KNOWN('error with showHidden', () => new Error('hidden'), { showHidden: true });
KNOWN('error message mutated after stack read', () => { const e = new Error('before'); void e.stack; e.message = 'after'; return e; });

// ---------------------------------------------------------------------------
// Runner

function render(impl, c, args) {
  try {
    switch (c.kind) {
      case 'inspect': return c.opts === undefined ? impl.inspect(args[0]) : impl.inspect(args[0], c.opts);
      case 'format': return impl.format(...args);
      default: return impl.formatWithOptions(c.opts, ...args);
    }
  } catch (err) {
    return `THREW ${err && err.name}: ${err && err.message}`;
  }
}

function run(list, impls) {
  const results = [];
  for (const c of list) {
    const args = c.make();
    const expected = render(util, c, args);
    qjsify(args);
    results.push({ c, expected, actual: impls.map((impl) => render(impl, c, args)) });
  }
  return results;
}

const fallback = process.argv.includes('--fallback');
const impls = fallback ? [ours, factory({})] : [ours];

const show = (label, r, i) => {
  console.log(`--- ${label}: ${r.c.name}`);
  console.log(`node:\n${r.expected}`);
  console.log(`ours:\n${r.actual[i]}`);
};

const results = run(cases, impls);
const failed = results.filter((r) => r.actual[0] !== r.expected);
for (const r of failed) show('FAIL', r, 0);

const knownResults = run(known, impls);
for (const r of knownResults) {
  if (r.actual[0] !== r.expected) show('known difference', r, 0);
}

if (fallback) {
  const fbFailed = results.filter((r) => r.actual[1] !== r.expected);
  for (const r of fbFailed) show('fallback host differs', r, 1);
  console.log(`fallback host (no kind/promiseState): ${results.length - fbFailed.length} of ${results.length} match`);
}

// Under QuickJS: frame lines differ between engines, so they are dropped from
// both sides; everything else must match.
let qjsFailed = [];
const qjsAt = process.argv.indexOf('--qjs');
if (qjsAt !== -1) {
  const { execFileSync } = require('child_process');
  const stdout = execFileSync(process.argv[qjsAt + 1], ['--std', path.join(__dirname, 'qjs_driver.js'), __dirname],
    { encoding: 'utf8', maxBuffer: 64 << 20 });
  const actual = JSON.parse(stdout);
  const dropFrames = (text) => text
    .replace(/\n *(?:at [^\n]*?|\.\.\. \d+ lines matching cause stack trace \.\.\.)(?= \{$| \{\n|\n|$)/g, '');
  qjsFailed = results.filter((r) => r.c.name.startsWith('portable: ')).filter((r) =>
    dropFrames(actual[r.c.name.slice('portable: '.length)]) !== dropFrames(r.expected));
  for (const r of qjsFailed) {
    console.log(`--- QuickJS FAIL: ${r.c.name}`);
    console.log(`node (frames dropped):\n${dropFrames(r.expected)}`);
    console.log(`qjs (frames dropped):\n${dropFrames(actual[r.c.name.slice('portable: '.length)])}`);
  }
  console.log(`QuickJS: ${portable.length - qjsFailed.length} of ${portable.length} portable cases match`);
}
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exitCode = failed.length === 0 && qjsFailed.length === 0 ? 0 : 1;
