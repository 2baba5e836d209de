// CommonJS modules as Node has them: Module, require (resolve, cache, main), cycles,
// JSON files, and Node's errors. Resolution and compilation are natives (src/modules/):
//   host.cjsResolve(request, fromDir) -> '/abs/file' | 'node:name' | undefined
//   host.cjsCompile(filename, parentFilename) -> the file's wrapper function
//   host.builtinModule(name), host.builtinNames(), host.readSource(filename)
(function (host) {
  'use strict';
  const cache = Object.create(null);
  const parents = new WeakMap();
  let mainModule;

  function dirname(p) {
    const i = p.lastIndexOf('/');
    return i > 0 ? p.slice(0, i) : '/';
  }

  function nodeModulePaths(from) {
    const paths = [];
    for (let dir = from; ; dir = dirname(dir)) {
      if (!dir.endsWith('/node_modules')) paths.push((dir === '/' ? '' : dir) + '/node_modules');
      if (dir === '/') return paths;
    }
  }

  function Module(id = '', parent) {
    this.id = id;
    this.path = id === '' || id === '.' ? '.' : dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    if (parent) {
      parents.set(this, parent);
      parent.children.push(this);
    }
  }
  // As in Node, `constructor` is an accessor, so module objects print as plain objects.
  Object.defineProperty(Module.prototype, 'constructor', { get() { return Module; }, configurable: false });
  Module.prototype.require = function (id) { return load(id, this); };

  function setFile(mod, filename) {
    mod.filename = filename;
    mod.path = dirname(filename);
    mod.paths = nodeModulePaths(mod.path);
  }

  function codedError(Ctor, message, code) {
    const e = new Ctor(message);
    e.code = code;
    return e;
  }

  function describe(v) {
    if (v === null || v === undefined) return ' Received ' + v;
    if (typeof v === 'function') return ` Received function ${v.name}`;
    if (typeof v === 'object') return ' Received an instance of ' + (v.constructor && v.constructor.name || 'Object');
    return ` Received type ${typeof v} (${String(v)})`;
  }

  function checkId(id) {
    if (typeof id !== 'string') {
      throw codedError(TypeError, 'The "id" argument must be of type string.' + describe(id), 'ERR_INVALID_ARG_TYPE');
    }
    if (id === '') {
      throw codedError(TypeError, "The argument 'id' must be a non-empty string. Received ''", 'ERR_INVALID_ARG_VALUE');
    }
  }

  function baseDir(mod) {
    return mod && mod.filename && mod.filename.startsWith('/') ? mod.path : host.cwd();
  }

  function notFound(request, parent) {
    const stack = [];
    for (let m = parent; m; m = parents.get(m)) stack.push(m.filename || m.id);
    let message = `Cannot find module '${request}'`;
    if (stack.length) message += '\nRequire stack:\n- ' + stack.join('\n- ');
    const err = codedError(Error, message, 'MODULE_NOT_FOUND');
    err.requireStack = stack;
    return err;
  }

  function resolveFilename(request, parent) {
    checkId(request);
    const found = host.cjsResolve(request, baseDir(parent));
    if (found === undefined) throw notFound(request, parent);
    return found;
  }

  function stripBOM(s) {
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  function compile(mod, parent, wrapper) {
    const filename = mod.filename;
    if (filename.endsWith('.json')) {
      const text = host.readSource(filename);
      try {
        mod.exports = JSON.parse(stripBOM(text));
      } catch (e) {
        e.message = filename + ': ' + e.message;
        throw e;
      }
    } else {
      const fn = wrapper || host.cjsCompile(filename, parent ? parent.filename : undefined);
      const exports = mod.exports;
      fn.call(exports, exports, makeRequire(mod), mod, filename, mod.path);
    }
    mod.loaded = true;
  }

  // Loads `filename` as a new cached module; a module that throws is forgotten, as in Node.
  function loadFile(filename, parent, wrapper, isMain) {
    const mod = new Module(isMain ? '.' : filename, parent);
    setFile(mod, filename);
    if (isMain) mainModule = mod;
    cache[filename] = mod;
    let ok = false;
    try {
      compile(mod, parent, wrapper);
      ok = true;
    } finally {
      if (!ok) {
        delete cache[filename];
        if (parent) {
          const i = parent.children.indexOf(mod);
          if (i >= 0) parent.children.splice(i, 1);
        }
      }
    }
    return mod;
  }

  function load(request, parent) {
    const filename = resolveFilename(request, parent);
    if (filename.startsWith('node:')) return host.builtinModule(filename.slice(5));
    const cached = cache[filename];
    if (cached !== undefined) {
      if (parent && !parent.children.includes(cached)) parent.children.push(cached);
      return cached.exports;
    }
    return loadFile(filename, parent, undefined, false).exports;
  }

  function makeRequire(mod) {
    const require = function require(id) { return load(id, mod); };
    function resolve(request) {
      const found = resolveFilename(request, mod);
      if (!found.startsWith('node:')) return found;
      return request.startsWith('node:') ? found : found.slice(5);
    }
    function paths(request) {
      checkId(request);
      if (isBuiltin(request)) return null;
      return nodeModulePaths(baseDir(mod));
    }
    resolve.paths = paths;
    require.resolve = resolve;
    require.main = mainModule;
    require.extensions = Object.create(null);
    require.cache = cache;
    return require;
  }

  let builtinNames;
  function isBuiltin(name) {
    builtinNames = builtinNames || host.builtinNames();
    return builtinNames.includes(String(name).replace(/^node:/, ''));
  }

  function fileUrlToPath(u) {
    const s = String(u && u.href !== undefined ? u.href : u);
    if (!s.startsWith('file://')) return s;
    return decodeURIComponent(s.slice(7).replace(/^localhost\//, '/'));
  }

  function createRequire(filename) {
    const path = fileUrlToPath(filename);
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw codedError(TypeError, 'The argument \'filename\' must be a file URL object, file URL string, or absolute path string. Received ' + JSON.stringify(filename), 'ERR_INVALID_ARG_VALUE');
    }
    const mod = new Module(path);
    setFile(mod, path.endsWith('/') ? path + 'noop.js' : path);
    return makeRequire(mod);
  }

  Module.createRequire = createRequire;
  Module.isBuiltin = isBuiltin;
  Object.defineProperty(Module, 'builtinModules', { enumerable: true, get() { return host.builtinNames(); } });
  Module._cache = cache;
  Module.Module = Module;

  // The main program (run by protojs with its already-compiled wrapper).
  function runMain(wrapper, filename) {
    loadFile(filename, null, wrapper, true);
  }

  // An ES module imports a CommonJS file: run it once (unless require() did already).
  function importCjs(filename, wrapper) {
    const cached = cache[filename];
    if (cached !== undefined) return cached.exports;
    return loadFile(filename, null, wrapper, false).exports;
  }

  // -e / -p / stdin code: require & co. as globals relative to the working directory.
  function defineEvalGlobals(name) {
    const mod = new Module(name);
    setFile(mod, host.cwd() + '/' + name);
    mod.id = name;
    const globals = { require: makeRequire(mod), module: mod, exports: mod.exports, __filename: name, __dirname: '.' };
    for (const k of Object.keys(globals)) {
      Object.defineProperty(globalThis, k, { value: globals[k], writable: true, configurable: true, enumerable: false });
    }
  }

  return { Module, runMain, importCjs, defineEvalGlobals };
})
