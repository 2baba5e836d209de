// Globals of Deferred worker threads: `require` (with `module`, `exports`, `__filename`,
// `__dirname`) relative to the working directory, as Node gives code run with -e, so a task
// can load what it needs: `new Deferred(() => require('fs').readFileSync(f, 'utf8'))`.
(function (host) {
  'use strict';
  host.require('cjs').defineEvalGlobals('[worker]');
  return { require: globalThis.require };
})
