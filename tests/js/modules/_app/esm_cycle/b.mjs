import { a } from './a.mjs';
export const b = 'b';
export function readA() { return a; }
console.log('b.mjs body runs first; a is', (() => { try { return a; } catch (e) { return e.name; } })());
