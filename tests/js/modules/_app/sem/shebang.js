#!/usr/bin/env node
"use strict";
module.exports = { strict: (function () { return this === undefined; })(), line: /shebang\.js:(\d+)/.exec(new Error().stack)[1] };
