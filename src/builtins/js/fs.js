// fs: Node's file-system API, synchronous, promise (fs.promises / fs/promises) and callback
// forms. Every operation is a native (src/builtins/fs.rs): `host.fsSync(op, ...)` runs it
// now; `host.fsAsync(id, op, ...)` runs it on the I/O thread pool and the event loop later
// calls `complete(id, err, value)` below.
(function (host) {
  'use strict';
  const { Buffer, decode, normalizeEncoding } = host.require('buffer');

  const { codedError, received } = host.require('errors');

  function toPath(p, name = 'path') {
    if (typeof p === 'string') {
      if (p.includes('\u0000')) {
        throw codedError(TypeError, `The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received ${JSON.stringify(p)}`, 'ERR_INVALID_ARG_VALUE');
      }
      return p;
    }
    if (p instanceof Uint8Array) return host.utf8Decode(p, false);
    if (p !== null && typeof p === 'object' && typeof p.href === 'string' && p.protocol === 'file:') {
      return decodeURIComponent(p.pathname);
    }
    throw codedError(TypeError, `The "${name}" argument must be of type string or an instance of Buffer or URL.` + received(p), 'ERR_INVALID_ARG_TYPE');
  }

  function encodingOption(options, fallback) {
    const enc = typeof options === 'string' ? options : options && options.encoding;
    if (enc === undefined || enc === null) return fallback;
    if (enc === 'buffer') return 'buffer';
    if (normalizeEncoding(enc) === undefined) {
      throw codedError(TypeError, `The argument 'encoding' is invalid encoding. Received '${enc}'`, 'ERR_INVALID_ARG_VALUE');
    }
    return normalizeEncoding(enc);
  }

  function dataBytes(data, encoding) {
    if (typeof data === 'string') return encoding && encoding !== 'utf8' ? Buffer.from(data, encoding) : data;
    if (ArrayBuffer.isView(data)) return data;
    throw codedError(TypeError, 'The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.' + received(data), 'ERR_INVALID_ARG_TYPE');
  }

  const S_IFMT = 0o170000;
  class Stats {
    constructor(n) {
      [this.dev, this.mode, this.nlink, this.uid, this.gid, this.rdev, this.blksize, this.ino, this.size, this.blocks,
        this.atimeMs, this.mtimeMs, this.ctimeMs, this.birthtimeMs] = n;
      this.atime = new Date(this.atimeMs);
      this.mtime = new Date(this.mtimeMs);
      this.ctime = new Date(this.ctimeMs);
      this.birthtime = new Date(this.birthtimeMs);
    }
    isFile() { return (this.mode & S_IFMT) === 0o100000; }
    isDirectory() { return (this.mode & S_IFMT) === 0o040000; }
    isSymbolicLink() { return (this.mode & S_IFMT) === 0o120000; }
    isFIFO() { return (this.mode & S_IFMT) === 0o010000; }
    isSocket() { return (this.mode & S_IFMT) === 0o140000; }
    isCharacterDevice() { return (this.mode & S_IFMT) === 0o020000; }
    isBlockDevice() { return (this.mode & S_IFMT) === 0o060000; }
  }

  const kType = Symbol('type');
  class Dirent {
    constructor(name, type, parentPath) {
      this.name = name;
      this.parentPath = parentPath;
      this.path = parentPath;
      this[kType] = type;
    }
    isFile() { return this[kType] === 1; }
    isDirectory() { return this[kType] === 2; }
    isSymbolicLink() { return this[kType] === 3; }
    isFIFO() { return this[kType] === 4; }
    isSocket() { return this[kType] === 5; }
    isCharacterDevice() { return this[kType] === 6; }
    isBlockDevice() { return this[kType] === 7; }
  }

  const bytesToBuffer = (ab) => new Buffer(ab);

  // Each operation: how to turn user arguments into native ones, and the result into what
  // Node returns. `args(...) -> [op, nativeArgs, convert]`.
  const ops = {
    readFile(path, options) {
      const enc = encodingOption(options, 'buffer');
      const p = toPath(path);
      if (enc === 'utf8') return ['readFile', [p, true], (s) => s];
      if (enc === 'buffer') return ['readFile', [p, false], bytesToBuffer];
      return ['readFile', [p, false], (ab) => decode(new Uint8Array(ab), enc, 0, ab.byteLength)];
    },
    writeFile(path, data, options, defaultFlag = 'w') {
      const o = typeof options === 'string' ? { encoding: options } : options || {};
      const bytes = dataBytes(data, encodingOption(o, 'utf8'));
      const mode = o.mode === undefined ? 0o666 : typeof o.mode === 'string' ? parseInt(o.mode, 8) : o.mode;
      return ['writeFile', [toPath(path), bytes, String(o.flag || defaultFlag), mode], () => undefined];
    },
    appendFile(path, data, options) {
      return ops.writeFile(path, data, options, 'a');
    },
    stat(path, options, lstat = false) {
      const throwIfNoEntry = !(options && options.throwIfNoEntry === false);
      return ['stat', [toPath(path), lstat, throwIfNoEntry], (n) => (n === undefined ? undefined : new Stats(n))];
    },
    lstat(path, options) {
      return ops.stat(path, options, true);
    },
    readdir(path, options) {
      const o = typeof options === 'string' ? { encoding: options } : options || {};
      const withTypes = !!o.withFileTypes;
      const enc = encodingOption(o, 'utf8');
      const name = (n) => (enc === 'buffer' ? Buffer.from(n) : n);
      return ['readdir', [toPath(path), withTypes, !!o.recursive],
        withTypes ? (list) => list.map(([n, parent, t]) => new Dirent(name(n), t, parent)) : (list) => list.map(name)];
    },
    mkdir(path, options) {
      const o = typeof options === 'number' || typeof options === 'string' ? { mode: options } : options || {};
      const mode = o.mode === undefined ? 0o777 : typeof o.mode === 'string' ? parseInt(o.mode, 8) : o.mode;
      return ['mkdir', [toPath(path), !!o.recursive, mode], (v) => v];
    },
    rm(path, options) {
      const o = options || {};
      return ['rm', [toPath(path), !!o.recursive, !!o.force], () => undefined];
    },
    rmdir(path, options) {
      return ['rmdir', [toPath(path), !!(options && options.recursive)], () => undefined];
    },
    unlink(path) {
      return ['unlink', [toPath(path)], () => undefined];
    },
    rename(from, to) {
      return ['rename', [toPath(from, 'oldPath'), toPath(to, 'newPath')], () => undefined];
    },
    copyFile(from, to, mode) {
      return ['copyFile', [toPath(from, 'src'), toPath(to, 'dest'), mode | 0], () => undefined];
    },
    realpath(path, options) {
      const enc = encodingOption(options, 'utf8');
      return ['realpath', [toPath(path)], (p) => (enc === 'buffer' ? Buffer.from(p) : p)];
    },
    access(path, mode) {
      return ['access', [toPath(path), mode === undefined ? 0 : mode | 0], () => undefined];
    },
    mkdtemp(prefix) {
      return ['mkdtemp', [toPath(prefix, 'prefix')], (p) => p];
    },
    readlink(path) {
      return ['readlink', [toPath(path)], (p) => p];
    },
    symlink(target, path) {
      return ['symlink', [toPath(target, 'target'), toPath(path)], () => undefined];
    },
    chmod(path, mode) {
      return ['chmod', [toPath(path), typeof mode === 'string' ? parseInt(mode, 8) : mode | 0], () => undefined];
    },
    truncate(path, len) {
      return ['truncate', [toPath(path), len === undefined ? 0 : +len], () => undefined];
    },
  };

  const fs = {};
  const promises = {};
  const pending = new Map();
  let nextId = 1;

  function complete(id, err, value) {
    const p = pending.get(id);
    if (p === undefined) return;
    pending.delete(id);
    if (err !== undefined) {
      p.reject(err);
      return;
    }
    let result;
    try {
      result = p.convert(value);
    } catch (e) {
      p.reject(e);
      return;
    }
    p.resolve(result);
  }

  function callAsync(name, args) {
    return new Promise((resolve, reject) => {
      const [op, nativeArgs, convert] = ops[name](...args);
      const id = nextId++;
      pending.set(id, { resolve, reject, convert });
      host.fsAsync(id, op, ...nativeArgs);
    });
  }

  for (const name of Object.keys(ops)) {
    const sync = {
      [name + 'Sync'](...args) {
        const [op, nativeArgs, convert] = ops[name](...args);
        return convert(host.fsSync(op, ...nativeArgs));
      },
    }[name + 'Sync'];
    fs[name + 'Sync'] = sync;
    promises[name] = { [name]: (...args) => callAsync(name, args) }[name];
    fs[name] = {
      [name](...args) {
        const cb = args.pop();
        if (typeof cb !== 'function') {
          throw codedError(TypeError, 'The "cb" argument must be of type function.' + received(cb), 'ERR_INVALID_ARG_TYPE');
        }
        callAsync(name, args).then((v) => cb(null, v), (e) => cb(e));
      },
    }[name];
  }

  fs.existsSync = function existsSync(path) {
    try {
      return host.fsSync('exists', toPath(path));
    } catch {
      return false;
    }
  };
  fs.exists = function exists(path, cb) {
    let p;
    try {
      p = toPath(path);
    } catch {
      host.nextTick(cb, false);
      return;
    }
    callAsyncRaw('exists', [p]).then(cb, () => cb(false));
  };
  function callAsyncRaw(op, nativeArgs) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, convert: (v) => v });
      host.fsAsync(id, op, ...nativeArgs);
    });
  }

  const constants = Object.freeze({
    F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
    COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4,
    O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024,
    S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFLNK: 0o120000,
  });
  Object.assign(fs, constants);
  fs.constants = constants;
  promises.constants = constants;
  fs.Stats = Stats;
  fs.Dirent = Dirent;
  fs.promises = promises;
  return { fs, promises, complete };
})
