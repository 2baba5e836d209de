// import.meta: url, filename, dirname and resolve (Node 20.11+).
import { basename } from 'node:path';
console.log(import.meta.url.startsWith('file:///'), import.meta.url.endsWith('/modules/import_meta.mjs'));
console.log(basename(import.meta.filename), basename(import.meta.dirname));
console.log(import.meta.resolve('./_app/lib/math.mjs').endsWith('/modules/_app/lib/math.mjs'));
console.log(import.meta.resolve('node:fs'), import.meta.resolve('fs'));
console.log(Object.keys(import.meta).sort().join(','));
