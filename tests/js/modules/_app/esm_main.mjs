// The body of esm_app.mjs: lives inside _app/ so that bare names find _app/node_modules.
import './lib/side.mjs';
import cube, { PI, square } from './lib/math.mjs';
import config from './config.json' with { type: 'json' };
import counter, { increment, label } from './lib/counter.cjs';
import dual, { flavor } from '@demo/dual';
import feature from '@demo/dual/feature';
import greetPkg from './node_modules/greet/lib/index.js';
import path from 'path';
import { join } from 'node:path';
import * as fsNs from 'node:fs';
import { readFileSync } from 'fs';
import { a } from './esm_cycle/a.mjs';

console.log('math:', PI, square(3), cube(2));
console.log('json:', config.name, config.features, config.limits.depth);
console.log('cjs default is module.exports:', counter.label, counter.kind, label, increment(), increment(), counter.increment());
console.log('package:', dual, flavor, feature);
console.log('cjs package from esm:', greetPkg.greet('esm'), greetPkg.version);
console.log('builtins:', path.basename('/x/y.txt'), join('a', 'b'), typeof fsNs.default.readFileSync, fsNs.readFileSync === readFileSync);
console.log('cycle:', a);

const math = await import('./lib/math.mjs');
console.log('dynamic import returns the same module:', math.square === square, math.default === cube);
const cjsNs = await import('./lib/counter.cjs');
console.log('dynamic import of CommonJS:', cjsNs.default === counter, Object.keys(cjsNs).sort().join(','));
const json = await import('./config.json', { with: { type: 'json' } });
console.log('dynamic JSON import:', json.default === config);
await new Promise((r) => setTimeout(r, 5));
console.log('top-level await done');
