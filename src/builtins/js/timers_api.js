// The `timers` and `timers/promises` modules: the global timer functions as a module, and
// their promise forms (setTimeout, setImmediate, setInterval as an async iterator;
// AbortSignal support). The timers themselves are js/timers.js.
(function (host) {
  'use strict';
  const g = host.require('timers');
  const timers = {
    setTimeout: g.setTimeout,
    clearTimeout: g.clearTimeout,
    setInterval: g.setInterval,
    clearInterval: g.clearInterval,
    setImmediate: g.setImmediate,
    clearImmediate: g.clearImmediate,
  };

  function abortError(signal) {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError';
    e.code = 'ABORT_ERR';
    if (signal && signal.reason !== undefined) e.cause = signal.reason;
    return e;
  }

  function delayed(schedule, clear, value, options) {
    const signal = options && options.signal;
    if (signal && signal.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      let onAbort;
      const id = schedule(() => {
        if (signal) signal.removeEventListener('abort', onAbort);
        resolve(value);
      });
      if (signal) {
        onAbort = () => {
          clear(id);
          reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
    });
  }

  const promises = {
    setTimeout: (ms, value, options) => delayed((f) => timers.setTimeout(f, ms), timers.clearTimeout, value, options),
    setImmediate: (value, options) => delayed((f) => timers.setImmediate(f), timers.clearImmediate, value, options),
    async *setInterval(ms, value, options) {
      const signal = options && options.signal;
      let ticks = 0;
      let wake = null;
      const id = timers.setInterval(() => {
        ticks++;
        if (wake) wake();
      }, ms);
      const onAbort = () => wake && wake();
      if (signal) signal.addEventListener('abort', onAbort);
      try {
        for (;;) {
          if (signal && signal.aborted) throw abortError(signal);
          if (ticks === 0) await new Promise((r) => (wake = r));
          wake = null;
          if (signal && signal.aborted) throw abortError(signal);
          while (ticks > 0) {
            ticks--;
            yield value;
          }
        }
      } finally {
        timers.clearInterval(id);
        if (signal) signal.removeEventListener('abort', onAbort);
      }
    },
    scheduler: {
      wait: (ms, options) => promises.setTimeout(ms, undefined, options),
      yield: () => promises.setImmediate(),
    },
  };
  timers.promises = promises;
  return { timers, promises };
})
