// util: inspect/format (the same inspector as console), promisify, callbackify, inherits,
// deprecate, isDeepStrictEqual, types.
import util, { inspect, format, promisify, types } from 'node:util';
console.log(util.inspect === inspect, typeof util.format, inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }), inspect('str'), inspect(new Map([[1, 2]])));
console.log(format('%s=%d %j', 'x', 42, { y: 1 }, 'extra'), format('%o', [1]), format(1, 2));
console.log(inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
const add = promisify((a, b, cb) => setTimeout(() => cb(null, a + b), 1));
console.log('promisify:', await add(2, 3));
const fails = promisify((cb) => cb(new Error('nope')));
await fails().catch((e) => console.log('promisify rejects:', e.message));
function custom() {}
custom[promisify.custom] = () => Promise.resolve('custom');
console.log(await promisify(custom)(), promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
const cbified = util.callbackify(async (x) => x * 2);
await new Promise((r) => cbified(21, (err, v) => { console.log('callbackify:', err, v); r(); }));
function Animal() {}
Animal.prototype.speak = function () { return 'sound'; };
function Dog() {}
util.inherits(Dog, Animal);
console.log('inherits:', new Dog().speak(), Dog.super_ === Animal, new Dog() instanceof Animal);
console.log('deep equal:', util.isDeepStrictEqual({ a: [1, { b: 2 }], m: new Map([[1, new Set([2])]]) }, { a: [1, { b: 2 }], m: new Map([[1, new Set([2])]]) }),
  util.isDeepStrictEqual([1], ['1']), util.isDeepStrictEqual({ a: 1 }, { a: 1, b: undefined }), util.isDeepStrictEqual(new Date(5), new Date(5)), util.isDeepStrictEqual(NaN, NaN));
console.log('types:', types.isPromise(Promise.resolve()), types.isDate(new Date()), types.isRegExp(/x/), types.isMap(new Map()),
  types.isSet(new Set()), types.isTypedArray(new Uint8Array()), types.isUint8Array(Buffer.alloc(1)), types.isAsyncFunction(async () => {}),
  types.isGeneratorFunction(function* () {}), types.isNativeError(new TypeError()), types.isArrayBuffer(new ArrayBuffer(1)), types.isProxy(new Proxy({}, {})));
console.log('legacy:', util.isArray([]), util.isString('s'), util.isFunction(() => {}), util.isPrimitive(null), util.isBuffer(Buffer.alloc(0)));
const old = util.deprecate(() => 'still works', 'old() is deprecated', 'DEP0999');
console.log(old(), old());
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[0m'), util.toUSVString('a\ud800b'));
try { promisify(42); } catch (e) { console.log(e.code, e.message); }
