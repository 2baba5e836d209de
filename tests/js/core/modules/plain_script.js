// A .js file without import/export is a classic sloppy-mode script. (Expectations are
// written by hand: Node runs .js files as CommonJS, where `this` is module.exports.)
implicit = 'sloppy';
console.log(implicit, typeof this, this === globalThis);
function hoisted() { return 'function declarations are globals'; }
console.log(globalThis.hoisted());
with ({ w: 'with statement works' }) console.log(w);
console.log(typeof import_meta_is_not_used_here);
