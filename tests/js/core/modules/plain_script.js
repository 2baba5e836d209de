// A .js file without import/export runs as CommonJS, as in Node: sloppy mode, `this` is
// module.exports, top-level declarations stay local to the module.
implicit = 'sloppy';
console.log(implicit, typeof this, this === module.exports, this === globalThis);
function hoisted() { return 'function declarations stay in the module'; }
console.log(typeof globalThis.hoisted, hoisted());
with ({ w: 'with statement works' }) console.log(w);
var local = 1;
console.log('var is not a global property:', globalThis.local === undefined);
