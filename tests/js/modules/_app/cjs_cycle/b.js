const a = require('./a');
console.log('in b: a is partial, a.done =', a.done, 'a.name =', a.name);
exports.done = true;
