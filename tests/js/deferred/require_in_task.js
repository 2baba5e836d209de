// A CommonJS script's tasks can `require` what they need (workers have their own require,
// relative to the working directory); a captured module cannot be copied and the TypeError
// says what to do instead.
const path = require('path');
(async () => {
  console.log('required in the task:', await new Deferred(() => require('path').join('a', 'b')));
  console.log('imported in the task:', await new Deferred(async () => (await import('node:path')).default.basename('/x/y.js')));
  try {
    new Deferred(() => path.join('a'));
  } catch (e) {
    console.log(e.name, /captured variable 'path'/.test(e.message), /require\('x'\) or await import\('x'\)/.test(e.message));
  }
})();
