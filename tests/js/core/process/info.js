console.log('platform:', process.platform);
console.log('arch is a Node arch name:', ['x64', 'arm64', 'ia32', 'arm', 's390x', 'ppc64', 'riscv64', 'loong64'].includes(process.arch));
console.log('pid:', Number.isInteger(process.pid) && process.pid > 0);
console.log('version:', typeof process.version, /^v\d+\.\d+\.\d+/.test(process.version));
console.log('versions:', typeof process.versions === 'object' && Object.values(process.versions).every((v) => typeof v === 'string'));
console.log('title:', typeof process.title);
console.log('toString:', Object.prototype.toString.call(process));
console.log('uptime:', typeof process.uptime(), process.uptime() >= 0 && process.uptime() < 60);
console.log('same object every time:', process === globalThis.process);
