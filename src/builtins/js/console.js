// console: Node's console API over the inspector; each call writes its text with one
// write(2), so lines from several threads never interleave.
(function (host) {
  'use strict';
  const { formatWithOptions, inspect } = host.require('inspect');
  const STDOUT = 1, STDERR = 2;
  let groupIndent = '';
  const counts = new Map();
  const timers = new Map();

  function emit(fd, args) {
    let text = formatWithOptions({}, ...args);
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
      if (args.length === 0) emit(STDERR, ['Assertion failed']);
      else if (typeof args[0] === 'string') emit(STDERR, ['Assertion failed: ' + args[0], ...args.slice(1)]);
      else emit(STDERR, ['Assertion failed:', ...args]);
    },
    count(l) {
      const k = label(l);
      const n = (counts.get(k) || 0) + 1;
      counts.set(k, n);
      emit(STDOUT, [`${k}: ${n}`]);
    },
    countReset(l) { counts.delete(label(l)); },
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

  // console.table in Node's box-drawing layout.
  function renderTable(data, columns, inspect) {
    const fmt = (v) => (v === undefined ? '' : inspect(v, { depth: 1, breakLength: Infinity }));
    const rowKeys = data instanceof Map ? [...data.keys()] : Object.keys(data);
    const rows = data instanceof Map ? [...data.values()] : rowKeys.map((k) => data[k]);
    const keyHeader = data instanceof Map ? '(iteration index)' : '(index)';
    const cols = [];
    let hasValues = false;
    for (const r of rows) {
      if (r !== null && typeof r === 'object') {
        for (const c of Object.keys(r)) if (!cols.includes(c)) cols.push(c);
      } else hasValues = true;
    }
    const useCols = columns ? columns.map(String) : cols;
    const header = [keyHeader, ...useCols, ...(hasValues ? ['Values'] : [])];
    const body = rows.map((r, i) => {
      const line = [String(rowKeys[i])];
      for (const c of useCols) line.push(r !== null && typeof r === 'object' && c in r ? fmt(r[c]) : '');
      if (hasValues) line.push(r !== null && typeof r === 'object' ? '' : fmt(r));
      return line;
    });
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((l) => l[i].length)) + 2);
    const pad = (s, w) => {
      const left = Math.floor((w - s.length) / 2);
      return ' '.repeat(left) + s + ' '.repeat(w - s.length - left);
    };
    const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
    const out = [line('┌', '┬', '┐'), '│' + header.map((h, i) => pad(h, widths[i])).join('│') + '│', line('├', '┼', '┤')];
    for (const l of body) out.push('│' + l.map((c, i) => pad(c, widths[i])).join('│') + '│');
    out.push(line('└', '┴', '┘'));
    return out.join('\n');
  }

  return { console };
})
