// console: Node's console API over the inspector; each call writes its text with one
// write(2), so lines from several threads never interleave.
(function (host) {
  'use strict';
  // The inspector is loaded on the first call that needs it: printing only strings and
  // numbers (a hello world) does not pay for it.
  let inspector = null;
  const lib = () => inspector || (inspector = host.require('inspect'));
  const inspect = (v, opts) => lib().inspect(v, opts);
  const STDOUT = 1, STDERR = 2;

  // Arguments that format to the same text without the inspector: primitives other than
  // symbols, with no format specifier in a leading string.
  function plain(args) {
    for (let i = 0; i < args.length; i++) {
      const t = typeof args[i];
      if (t === 'object' ? args[i] !== null : t === 'symbol' || t === 'function') return false;
    }
    return !(typeof args[0] === 'string' && args[0].includes('%'));
  }

  function plainText(v) {
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'bigint') return `${v}n`;
    return String(v);
  }

  function formatWithOptions(opts, ...args) {
    // With colors, only strings print the same without the inspector.
    const simple = opts.colors ? args.every((a) => typeof a === 'string') && !(args.length && args[0].includes('%')) : plain(args);
    return simple ? args.map(plainText).join(' ') : lib().formatWithOptions(opts, ...args);
  }

  // Node's rule: FORCE_COLOR decides when set ('', 1, true, 2, 3: on, even into a pipe;
  // anything else: off); otherwise colors on a terminal with a TERM other than dumb, unless
  // NO_COLOR or NODE_DISABLE_COLORS is set.
  const colorsOf = {};
  function useColors(fd) {
    if (fd in colorsOf) return colorsOf[fd];
    const env = host.env;
    const force = env.FORCE_COLOR;
    const on = force !== undefined
      ? ['', '1', 'true', '2', '3'].includes(force)
      : host.isatty(fd) && !!env.TERM && env.TERM !== 'dumb' && env.NO_COLOR === undefined && env.NODE_DISABLE_COLORS === undefined;
    return (colorsOf[fd] = on);
  }
  let groupIndent = '';
  const counts = new Map();
  const timers = new Map();

  function emit(fd, args) {
    let text = formatWithOptions({ colors: useColors(fd) }, ...args);
    if (groupIndent) text = groupIndent + text.split('\n').join('\n' + groupIndent);
    host.write(fd, text + '\n');
  }

  function label(l) { return l === undefined ? 'default' : String(l); }

  function elapsed(start) {
    const ms = host.now() - start;
    if (ms >= 1000) return (ms / 1000).toFixed(3) + 's';
    return ms.toFixed(3) + 'ms';
  }

  const console = {
    log(...args) { emit(STDOUT, args); },
    info(...args) { emit(STDOUT, args); },
    debug(...args) { emit(STDOUT, args); },
    error(...args) { emit(STDERR, args); },
    warn(...args) { emit(STDERR, args); },
    trace(...args) {
      const err = new Error(formatWithOptions({}, ...args));
      err.name = 'Trace';
      const frames = String(err.stack || '').split('\n').slice(1).join('\n');
      emit(STDERR, ['Trace' + (args.length ? ': ' + err.message : '') + (frames ? '\n' + frames.replace(/\n$/, '') : '')]);
    },
    assert(cond, ...args) {
      if (cond) return;
      // Node builds the first argument with a template string, so objects show as
      // [object Object] there.
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      emit(STDERR, args);
    },
    count(l) {
      const k = label(l);
      const n = (counts.get(k) || 0) + 1;
      counts.set(k, n);
      emit(STDOUT, [`${k}: ${n}`]);
    },
    countReset(l) {
      const k = label(l);
      if (!counts.delete(k)) emit(STDERR, [`Count for '${k}' does not exist`]);
    },
    time(l) { timers.set(label(l), host.now()); },
    timeEnd(l) {
      const k = label(l);
      if (!timers.has(k)) return emit(STDERR, [`Warning: No such label '${k}' for console.timeEnd()`]);
      emit(STDOUT, [`${k}: ${elapsed(timers.get(k))}`]);
      timers.delete(k);
    },
    timeLog(l, ...extra) {
      const k = label(l);
      if (!timers.has(k)) return emit(STDERR, [`Warning: No such label '${k}' for console.timeLog()`]);
      emit(STDOUT, [`${k}: ${elapsed(timers.get(k))}`, ...extra]);
    },
    dir(obj, options) { host.write(STDOUT, groupIndent + inspect(obj, Object.assign({ customInspect: false }, options)) + '\n'); },
    group(...args) { if (args.length) emit(STDOUT, args); groupIndent += '  '; },
    groupEnd() { groupIndent = groupIndent.slice(0, -2); },
    table(data, columns) {
      if (data === null || typeof data !== 'object') return emit(STDOUT, [data]);
      host.write(STDOUT, renderTable(data, columns, inspect) + '\n');
    },
  };
  console.groupCollapsed = console.group;
  console.dirxml = console.log;

  // console.table in Node's box-drawing layout (cells left-aligned, one space of padding).
  function renderTable(data, columns, inspect) {
    const fmt = (v) => inspect(v, { depth: 1, breakLength: Infinity, compact: 3 });
    let header, rows;
    if (data instanceof Map) {
      header = ['(iteration index)', 'Key', 'Values'];
      rows = [...data].map(([k, v], i) => [String(i), fmt(k), fmt(v)]);
    } else if (data instanceof Set) {
      header = ['(iteration index)', 'Values'];
      rows = [...data].map((v, i) => [String(i), fmt(v)]);
    } else {
      const keys = Object.keys(data);
      const values = keys.map((k) => data[k]);
      const cols = [];
      let hasValues = false;
      for (const r of values) {
        if (r !== null && typeof r === 'object') {
          for (const c of Object.keys(r)) if (!cols.includes(c)) cols.push(c);
        } else hasValues = true;
      }
      const useCols = columns ? columns.map(String) : cols;
      header = ['(index)', ...useCols, ...(hasValues ? ['Values'] : [])];
      rows = values.map((r, i) => {
        const isObj = r !== null && typeof r === 'object';
        const line = [keys[i]];
        for (const c of useCols) line.push(isObj && c in r ? fmt(r[c]) : '');
        if (hasValues) line.push(isObj ? '' : fmt(r));
        return line;
      });
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((l) => l[i].length)) + 2);
    const cell = (s, w) => ' ' + s + ' '.repeat(w - s.length - 1);
    const rule = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
    const out = [rule('┌', '┬', '┐'), '│' + header.map((h, i) => cell(h, widths[i])).join('│') + '│', rule('├', '┼', '┤')];
    for (const l of rows) out.push('│' + l.map((c, i) => cell(c, widths[i])).join('│') + '│');
    out.push(rule('└', '┴', '┘'));
    return out.join('\n');
  }

  return { console, useColors };
})
