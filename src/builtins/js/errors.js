// Node's argument errors (ERR_INVALID_ARG_TYPE and friends), shared by the builtin modules.
(function () {
  'use strict';

  function codedError(Ctor, message, code) {
    const e = new Ctor(message);
    e.code = code;
    return e;
  }

  // The " Received ..." tail Node appends to a type error.
  function received(v) {
    if (v === null || v === undefined) return ` Received ${v}`;
    if (typeof v === 'function') return ` Received function ${v.name}`;
    if (typeof v === 'object') return ` Received an instance of ${(v.constructor && v.constructor.name) || 'Object'}`;
    let shown = typeof v === 'string' ? `'${v}'` : typeof v === 'bigint' ? `${v}n` : String(v);
    if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
    return ` Received type ${typeof v} (${shown})`;
  }

  // `The "name" argument must be <expected>. Received ...`
  function invalidArgType(name, expected, value) {
    return codedError(TypeError, `The "${name}" argument must be ${expected}.${received(value)}`, 'ERR_INVALID_ARG_TYPE');
  }

  return { codedError, received, invalidArgType };
})
