// .cjs is always run as a classic (sloppy) script.
var await = 'await is an identifier in scripts';
console.log(await);
implicitGlobal = 'assigning an undeclared variable works in sloppy mode';
console.log(implicitGlobal);
console.log('not strict:', (function () { return this; })() !== undefined);
const s = 'import x from "y"; export {}';
console.log('module syntax inside a string is just text:', s.length > 0);
