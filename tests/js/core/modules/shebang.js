#!/usr/bin/env protojs
console.log('a shebang line is ignored');
