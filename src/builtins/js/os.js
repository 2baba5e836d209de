// os: facts about the machine (Linux), from host.osInfo (src/builtins/os.rs).
(function (host) {
  'use strict';
  const env = host.env;

  function uname() {
    return host.osInfo('uname');
  }

  const signals = {
    SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8,
    SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
    SIGCHLD: 17, SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
    SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29,
    SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  };

  const os = {
    EOL: '\n',
    devNull: '/dev/null',
    constants: Object.freeze({ signals: Object.freeze(signals) }),
    arch: () => host.arch,
    availableParallelism: () => host.osInfo('parallelism'),
    cpus: () => host.osInfo('cpus'),
    endianness: () => (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE'),
    freemem: () => host.osInfo('memory')[1],
    totalmem: () => host.osInfo('memory')[0],
    homedir: () => env.HOME || (host.osInfo('user') || {}).homedir || '/',
    hostname: () => host.osInfo('hostname'),
    loadavg: () => host.osInfo('loadavg'),
    platform: () => host.platform,
    release: () => uname()[1],
    version: () => uname()[2],
    machine: () => uname()[3],
    type: () => uname()[0],
    uptime: () => host.osInfo('uptime'),
    tmpdir() {
      let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
      if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
      return path;
    },
    userInfo() {
      const info = host.osInfo('user');
      if (!info) {
        const e = new Error('A system error occurred: uv_os_get_passwd returned ENOENT (no such file or directory)');
        e.code = 'ERR_SYSTEM_ERROR';
        throw e;
      }
      return Object.assign(Object.create(null), info);
    },
  };
  return { os };
})
