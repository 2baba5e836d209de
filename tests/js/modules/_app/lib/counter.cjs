// CommonJS imported from ES modules: default = module.exports, named exports detected.
let count = 0;
exports.increment = () => ++count;
exports.label = 'counter';
module.exports.kind = 'cjs';
console.log('counter.cjs evaluated');
