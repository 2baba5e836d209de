export {};
// A .js file that starts with export is run as an ES module.
console.log('strict:', (function () { return this; })() === undefined);
console.log('top-level this:', typeof this);
await null;
console.log('top-level await works');
