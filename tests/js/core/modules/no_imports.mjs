// A module that imports nothing: strict mode, `this` is undefined, top-level bindings are
// module-scoped.
console.log('this at top level:', this);
console.log('strict mode:', (function () { return this; })() === undefined);
var moduleVar = 1;
let moduleLet = 2;
console.log('var is not a global property:', 'moduleVar' in globalThis, typeof moduleLet);
try {
  undeclaredVariable = 1;
  console.log('NOT REACHED');
} catch (e) {
  console.log('assigning an undeclared variable throws:', e.name);
}
console.log('import.meta is an object:', typeof import.meta);
export const exported = 'exports are allowed';
export default function () {}
console.log(exported);
