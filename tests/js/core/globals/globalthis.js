// A .js file without import/export is a classic script: `this` is the global object and
// top-level `var` creates global properties. (Node runs .js as CommonJS, so this file's
// expectations are written by hand.)
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
