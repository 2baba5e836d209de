// path: POSIX path functions (path.posix; there is no path.win32). Behaviour, edge cases
// included (repeated and trailing slashes, '..' above the root, dotfiles), is Node's.
(function (host) {
  'use strict';
  const { invalidArgType, codedError } = host.require('errors');

  function validateString(value, name) {
    if (typeof value !== 'string') throw invalidArgType(name, 'of type string', value);
  }

  // Folds '.' and '..' out of a list of segments; '..' that would climb above the start
  // is kept when the path is relative and dropped when it is absolute.
  function foldDots(segments, absolute) {
    const out = [];
    for (const s of segments) {
      if (s === '' || s === '.') continue;
      if (s === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
        else if (!absolute) out.push('..');
      } else {
        out.push(s);
      }
    }
    return out;
  }

  // Index just past the last non-slash character (0 when the path is all slashes).
  function trimmedEnd(p) {
    let end = p.length;
    while (end > 0 && p.charCodeAt(end - 1) === 47) end--;
    return end;
  }

  // The last segment of p, ignoring trailing slashes, and where it starts.
  function lastSegment(p) {
    const end = trimmedEnd(p);
    const start = p.lastIndexOf('/', end - 1) + 1;
    return { start, end, base: p.slice(start, end) };
  }

  // The extension of a final segment: from its last dot, unless the dot starts it (a
  // dotfile). For '..' the callers answer '' (except parse('/..'): name '.', ext '.', a
  // quirk of Node's kept for compatibility).
  function extOf(base) {
    const dot = base.lastIndexOf('.');
    return dot <= 0 ? '' : base.slice(dot);
  }

  const path = {
    sep: '/',
    delimiter: ':',

    resolve(...args) {
      let resolved = '';
      let absolute = false;
      for (let i = args.length - 1; i >= -1 && !absolute; i--) {
        const p = i >= 0 ? args[i] : host.cwd();
        validateString(p, `paths[${i}]`);
        if (p.length === 0) continue;
        resolved = `${p}/${resolved}`;
        absolute = p.charCodeAt(0) === 47;
      }
      const body = foldDots(resolved.split('/'), absolute).join('/');
      return absolute ? `/${body}` : body || '.';
    },

    normalize(p) {
      validateString(p, 'path');
      if (p.length === 0) return '.';
      const absolute = p.charCodeAt(0) === 47;
      const trailing = p.charCodeAt(p.length - 1) === 47;
      const body = foldDots(p.split('/'), absolute).join('/');
      if (body.length === 0) return absolute ? '/' : trailing ? './' : '.';
      return (absolute ? '/' : '') + body + (trailing ? '/' : '');
    },

    isAbsolute(p) {
      validateString(p, 'path');
      return p.charCodeAt(0) === 47;
    },

    join(...args) {
      for (const a of args) validateString(a, 'path');
      const joined = args.filter((a) => a.length > 0).join('/');
      return joined.length === 0 ? '.' : path.normalize(joined);
    },

    relative(from, to) {
      validateString(from, 'from');
      validateString(to, 'to');
      const a = path.resolve(from).split('/').filter(Boolean);
      const b = path.resolve(to).split('/').filter(Boolean);
      let common = 0;
      while (common < a.length && common < b.length && a[common] === b[common]) common++;
      return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
    },

    toNamespacedPath(p) {
      return p;
    },

    dirname(p) {
      validateString(p, 'path');
      if (p.length === 0) return '.';
      const { start } = lastSegment(p);
      // the slash just before the last segment ends the directory part
      const slash = start - 1;
      if (slash <= 0) return p.charCodeAt(0) === 47 ? '/' : '.';
      if (slash === 1 && p.charCodeAt(0) === 47) return '//';
      return p.slice(0, slash);
    },

    basename(p, suffix) {
      if (suffix !== undefined) validateString(suffix, 'ext');
      validateString(p, 'path');
      if (suffix === p) return ''; // Node's answer when the suffix is the whole path
      const { base } = lastSegment(p);
      if (suffix !== undefined && suffix.length > 0 && suffix !== base && base.endsWith(suffix)) {
        return base.slice(0, base.length - suffix.length);
      }
      return base;
    },

    extname(p) {
      validateString(p, 'path');
      const { base } = lastSegment(p);
      return base === '..' ? '' : extOf(base);
    },

    format(pathObject) {
      if (pathObject === null || typeof pathObject !== 'object') {
        throw codedError(TypeError, `The "pathObject" argument must be of type object. Received ${pathObject === null ? 'null' : `type ${typeof pathObject} (${String(pathObject)})`}`, 'ERR_INVALID_ARG_TYPE');
      }
      const ext = pathObject.ext ? `${pathObject.ext[0] === '.' ? '' : '.'}${pathObject.ext}` : '';
      const dir = pathObject.dir || pathObject.root;
      const base = pathObject.base || `${pathObject.name || ''}${ext}`;
      if (!dir) return base;
      return dir === pathObject.root ? `${dir}${base}` : `${dir}/${base}`;
    },

    parse(p) {
      validateString(p, 'path');
      const root = p.charCodeAt(0) === 47 ? '/' : '';
      const { start, base } = lastSegment(p);
      const ext = base === '..' && !(root && start === 1) ? '' : extOf(base);
      const dir = start > 1 ? p.slice(0, start - 1) : root;
      return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
    },
  };

  path.posix = path;
  return { path };
})
