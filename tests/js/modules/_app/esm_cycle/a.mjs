import { b, readA } from './b.mjs';
export const a = 'a';
console.log('a.mjs body: b =', b, '| b sees a =', readA());
