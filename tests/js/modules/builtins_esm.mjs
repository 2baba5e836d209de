// Builtin modules from ES modules: default export is the module object, its enumerable
// properties are named exports; bare names and the node: prefix are one module.
import { createRequire } from 'module';
import { setTimeout as sleep, setImmediate as tick } from 'timers/promises';
import timers from 'node:timers';
import proc, { argv } from 'process';
import { EOL, platform } from 'os';
import { Buffer as B } from 'buffer';
import * as pathNs from 'path';
import * as pathNs2 from 'node:path';
import { types } from 'util';
import { promises as fsp } from 'fs';
import fspDirect from 'fs/promises';
console.log(proc === process, argv === process.argv, JSON.stringify(EOL), platform() === process.platform, B === Buffer);
console.log(pathNs === pathNs2, pathNs.default.join === pathNs.join, typeof pathNs.resolve);
console.log(types.isDate(new Date()), fsp === fspDirect, typeof timers.setTimeout);
const require = createRequire(import.meta.url);
console.log(require('./_app/dir_index'), require('./_app/config.json').name);
console.log(await sleep(2, 'slept'), await tick('ticked'));
try {
  await import('node:no-such-builtin');
} catch (e) {
  console.log(e.code);
}
