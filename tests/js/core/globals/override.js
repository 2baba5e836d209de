// Builtin globals can be replaced by user code.
globalThis.atob = 'replaced atob';
console.log(atob);
btoa = function () { return 'replaced btoa'; };
console.log(btoa('x'));
const realConsole = console;
globalThis.console = { log: () => realConsole.log('custom console.log') };
console.log('ignored');
globalThis.console = realConsole;
var performance = { now: () => 42 };
console.log(performance.now());
setTimeout = (f) => f('my setTimeout');
setTimeout((m) => console.log(m));
delete globalThis.TextEncoder;
console.log('after delete:', typeof TextEncoder);
