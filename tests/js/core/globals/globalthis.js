// The global object as Node shows it to a CommonJS main script (`this` is module.exports).
console.log('globalThis is this:', globalThis === this);
console.log('self-reference:', globalThis.globalThis === globalThis);
var declared = 1;
console.log('var becomes a global property:', globalThis.declared === 1);
globalThis.fromGlobal = 'g';
console.log('global property visible as a name:', fromGlobal);
for (const name of ['console', 'process', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'setImmediate', 'clearImmediate', 'queueMicrotask', 'performance', 'TextEncoder', 'TextDecoder', 'atob', 'btoa']) {
  console.log(name, typeof globalThis[name], Object.getOwnPropertyDescriptor(globalThis, name) ? 'own' : 'missing');
}
console.log('typeof window:', typeof window);
console.log('globalThis property is configurable:', Object.getOwnPropertyDescriptor(globalThis, 'globalThis').configurable);
