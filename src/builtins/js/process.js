// process: the subset of Node's process object that scripts use.
(function (host) {
  'use strict';
  function hrtime(prev) {
    const ns = host.hrtimeNs();
    let sec = Number(ns / 1000000000n), nsec = Number(ns % 1000000000n);
    if (prev) {
      sec -= prev[0];
      nsec -= prev[1];
      if (nsec < 0) { sec -= 1; nsec += 1e9; }
    }
    return [sec, nsec];
  }
  hrtime.bigint = () => host.hrtimeNs();

  function stream(fd) {
    return {
      fd,
      isTTY: host.isatty(fd),
      write(chunk, encoding, cb) {
        host.write(fd, typeof chunk === 'string' ? chunk : host.utf8Decode(chunk, false));
        if (typeof encoding === 'function') cb = encoding;
        if (typeof cb === 'function') host.nextTick(cb);
        return true;
      },
    };
  }

  // process.env stores strings only, as in Node: assigned values are converted.
  function envProxy(env) {
    return new Proxy(env, {
      set(target, key, value) { target[key] = String(value); return true; },
      defineProperty(target, key, desc) {
        if ('value' in desc) desc = { ...desc, value: String(desc.value) };
        return Reflect.defineProperty(target, key, desc);
      },
    });
  }

  const listeners = new Map();
  const process = {
    title: 'protojs',
    version: 'v' + host.version,
    versions: { protojs: host.version, quickjs: host.quickjsVersion },
    argv: host.argv,
    argv0: 'protojs',
    execArgv: [],
    execPath: host.execPath,
    env: envProxy(host.env),
    pid: host.pid,
    platform: host.platform,
    arch: host.arch,
    exitCode: undefined,
    exit(code) {
      host.exit(code === undefined ? process.exitCode : code);
    },
    cwd: () => host.cwd(),
    chdir: (d) => host.chdir(d),
    hrtime,
    uptime: () => host.now() / 1000,
    memoryUsage: Object.assign(() => host.memoryUsage(), { rss: () => host.memoryUsage().rss }),
    nextTick: (cb, ...args) => host.nextTick(cb, ...args),
    stdout: stream(1),
    stderr: stream(2),
    on(ev, fn) { (listeners.get(ev) || listeners.set(ev, []).get(ev)).push(fn); return process; },
    once(ev, fn) { return process.on(ev, fn); },
    off(ev, fn) { const l = listeners.get(ev); if (l) l.splice(l.indexOf(fn) >>> 0, 1); return process; },
    emitWarning(msg) { host.write(2, `(protojs:${host.pid}) Warning: ${msg}\n`); },
  };
  process.addListener = process.on;
  process.removeListener = process.off;
  Object.defineProperty(process, Symbol.toStringTag, { value: 'process' });
  return { process };
})
