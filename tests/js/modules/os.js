// os: the values are machine-specific, so this checks their shape and agreement with the
// environment.
const os = require('os');
console.log(os.EOL === '\n', os.platform(), os.type(), os.endianness(), os.devNull);
console.log(os.arch() === process.arch, os.platform() === process.platform);
console.log(typeof os.hostname(), os.hostname().length > 0);
console.log(os.homedir() === process.env.HOME, os.tmpdir());
const cpus = os.cpus();
console.log(Array.isArray(cpus), cpus.length > 0, cpus.length === os.availableParallelism() || cpus.length >= os.availableParallelism());
console.log(typeof cpus[0].model, typeof cpus[0].speed, Object.keys(cpus[0].times).join(','));
console.log(os.totalmem() > 0, os.freemem() > 0, os.freemem() <= os.totalmem());
console.log(os.uptime() > 0, os.loadavg().length, typeof os.release(), os.constants.signals.SIGTERM);
const u = os.userInfo();
console.log(typeof u.username, u.uid === process.getuid?.() || typeof u.uid === 'number', Object.keys(u).join(','));
