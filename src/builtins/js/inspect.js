(function (host) {
  'use strict';
  // Temporary stand-in until the full inspector lands.
  function inspect(v) {
    if (typeof v === 'string') return "'" + v + "'";
    if (v instanceof Error) return v.name + ': ' + v.message + '\n' + String(v.stack || '').replace(/\n$/, '');
    try { return JSON.stringify(v); } catch (e) { return String(v); }
  }
  function formatWithOptions(opts, ...args) {
    return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  }
  function format(...args) { return formatWithOptions({}, ...args); }
  return { inspect, format, formatWithOptions };
})
