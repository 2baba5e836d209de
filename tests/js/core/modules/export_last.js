// A .js file that uses export anywhere (not just first) is an ES module.
console.log('strict:', (function () { return this; })() === undefined);
console.log('top-level this:', typeof this);
export {};
