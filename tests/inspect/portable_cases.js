// Cases that run unchanged on Node and on QuickJS (plain JavaScript, no host
// APIs). compare.js prints them with Node's util.inspect/format for the
// expected text and with inspect.js under the reference `qjs` interpreter
// (qjs_driver.js) for the actual text, so engine differences (function source
// text, error stacks, property order, ...) show up.
//
// The completion value is the list of cases: [kind, name, make, opts] where
// kind is 'inspect' (make returns the value) or 'format' (make returns the
// argument list).
(function () {
  'use strict';
  const custom = Symbol.for('nodejs.util.inspect.custom');
  const cases = [];
  const I = (name, make, opts) => cases.push(['inspect', name, make, opts]);
  const F = (name, make) => cases.push(['format', name, make]);

  // Numbers and strings
  I('numbers', () => [0, -0, 0.1 + 0.2, 5e-324, 2 ** 53, 1e21, 123e-20, -1.5, NaN, -Infinity]);
  I('bigints', () => [0n, -1n, 2n ** 64n]);
  I('strings', () => ['plain', "it's", 'say "hi"', 'a\nb', '\x00\x7f\x9f', 'ü€😀', '\ud83d']);
  I('long multiline', () => ({ s: 'one two three four five\nsix seven eight nine ten\neleven twelve thirteen' }));
  I('symbols', () => [Symbol('a'), Symbol(), Symbol.for('reg'), Symbol.asyncIterator]);
  I('symbol keys', () => ({ [Symbol('k')]: 1, [Symbol.toPrimitive]: 2 }));

  // Arrays and objects
  I('sparse', () => [1, , , 4, , ]); // eslint-disable-line no-sparse-arrays
  I('grouped numbers', () => Array.from({ length: 40 }, (_, i) => i * 7 - 50));
  I('grouped strings', () => Array.from({ length: 12 }, (_, i) => `s${'x'.repeat(i % 4)}`));
  I('101 items', () => Array.from({ length: 101 }, () => 0));
  I('deep', () => ({ l1: { l2: { l3: { l4: 1 } } }, arr: [[[[1]]]] }));
  I('wide', () => ({ alpha: 'aaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccc', d: 1 }));
  I('quoted keys', () => ({ 'a-b': 1, 'c d': 2, 3: 3, valid_key: 4 }));
  I('circular', () => { const o = { name: 'o' }; o.self = o; o.list = [o]; return o; });
  I('null proto', () => Object.assign(Object.create(null), { x: 1 }));
  I('class instance', () => { class Point { constructor() { this.x = 1; this.y = 2; } } return new Point(); });
  I('toStringTag', () => { class Tagged { get [Symbol.toStringTag]() { return 'T'; } } return new Tagged(); });
  I('getters', () => ({ get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} }));
  I('getters on', () => ({ get g() { return 1; } }), { getters: true });
  I('showHidden object', () => Object.defineProperty({}, 'h', { value: 1 }), { showHidden: true });
  I('sorted', () => ({ b: 1, a: 2 }), { sorted: true });
  I('compact false', () => ({ a: [1] }), { compact: false });
  I('depth 0', () => ({ a: { b: 1 } }), { depth: 0 });
  I('arguments', () => (function () { return arguments; })('a', 'b')); // eslint-disable-line prefer-rest-params
  I('custom inspect', () => ({ inner: { [custom](depth, options, inspect) { return `C(${depth}) ${inspect([1], options)}`; } } }));
  I('Math', () => Math);

  // Functions
  I('functions', () => [function f() {}, function () {}, () => {}, async function af() {}, async () => {},
    function* g() {}, async function* ag() {}]); // eslint-disable-line func-names
  I('methods', () => { const o = { m() {}, async am() {}, *gm() {}, get x() { return 1; } }; return [o.m, o.am, o.gm]; });
  I('classes', () => { class A {} class B extends A {} return [A, B, class {}, class extends B {}]; });
  I('class with static', () => { class S { static n = 1; static m() {} } return S; });
  I('class with comments', () => [class /* a */ K /* b */ extends Object /* c */ {}]);
  I('function props', () => Object.assign(function fp() {}, { p: 1 }));
  I('native and bound', () => [Math.max, Array.prototype.push, function b() {}.bind(null)]);

  // Built-in objects
  I('dates', () => [new Date(0), new Date(NaN), new Date(Date.UTC(2024, 1, 29, 12))]);
  I('regexps', () => [/a/g, /[/]\//imsuy, new RegExp('x\ny'), new RegExp('')]);
  I('regexp with prop', () => Object.assign(/p/, { extra: 1 }));
  I('maps and sets', () => [new Map([['k', { v: 1 }]]), new Set(['a', 1]), new Map(), new Set()]);
  I('weak', () => [new WeakMap(), new WeakSet(), new WeakRef({})]);
  I('boxed', () => [Object(1), Object('str'), Object(true), Object(2n), Object(Symbol('b'))]);
  I('typed arrays', () => [new Uint8Array([1, 2]), new Float32Array([0.5]), new BigUint64Array([3n]), new Int8Array(0)]);
  I('typed array grouped', () => Uint16Array.from({ length: 30 }, (_, i) => i * 999));
  I('array buffers', () => [new Uint8Array([10, 255]).buffer, new ArrayBuffer(0)]);
  I('data view', () => new DataView(new ArrayBuffer(3)));
  I('generator object', () => (function* gen() {})());
  I('map subclass', () => { class M extends Map {} return new M([[1, 1]]); });
  I('array subclass', () => { class L extends Array {} return L.of(1, 2); });

  // Errors (frame lines are engine-specific and compared with frames removed)
  I('error', () => new Error('boom'));
  I('error types', () => [new TypeError('t'), new RangeError('r'), new SyntaxError('s'), new EvalError('e'), new URIError('u')]);
  I('error no message', () => new Error());
  I('error subclass', () => { class DbError extends Error {} return new DbError('db'); });
  I('error named subclass', () => { class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError'; } } return new NamedError('n'); });
  I('error props', () => Object.assign(new Error('p'), { code: 'E_CODE' }));
  I('error cause', () => new Error('outer', { cause: new Error('inner') }));
  I('error primitive cause', () => new Error('outer', { cause: 42 }));
  I('aggregate', () => new AggregateError([new Error('one')], 'agg'));
  I('thrown error', () => { try { undefined.prop; } catch (e) { return e.name; } });
  I('error nested', () => ({ deep: { err: new RangeError('nested') } }));
  I('error renamed', () => { const e = new Error('r'); e.name = 'Renamed'; return e; });

  // format
  F('format placeholders', () => ['%s|%d|%i|%f|%j|%%|%c|%O', 'str', 42.5, 42.5, '1.5', { a: 1 }, 'css', { b: [1] }]);
  F('format %o', () => ['%o', { a: 1 }]);
  F('format %s objects', () => ['%s %s %s', { a: { b: 1 } }, [1, [2]], new Error('e').name]);
  F('format %j circular', () => { const c = {}; c.c = c; return ['%j', c]; });
  F('format extra args', () => ['x', 1, 'y', { z: 1 }, null]);
  F('format non-string first', () => [1, 'a', [2]]);
  F('format toString class', () => { class T { toString() { return 'TT'; } } return ['%s', new T()]; });

  return cases;
})()
