var topLevelVar = 1;
function topLevelFn() {}
module.exports = { sloppy: (function () { return this !== undefined; })(), leaked: typeof globalThis.topLevelVar + "/" + typeof globalThis.topLevelFn };
