#!/usr/bin/env protojs
// Comments and a shebang line before `export` do not hide it.
/* block
   comment */
export const answer = 42;
console.log('module:', typeof this, answer);
