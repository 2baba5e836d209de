// setTimeout/setInterval/setImmediate return Timeout and Immediate objects, as in Node:
// ref(), unref(), hasRef(), refresh(), close(), and a numeric primitive value (so ids can
// be stored, compared and passed to clear* as numbers too).
(function (host) {
  'use strict';

  class Timeout {
    #id;
    constructor(id) { this.#id = id; }
    ref() { host.timerRef(this.#id, true); return this; }
    unref() { host.timerRef(this.#id, false); return this; }
    hasRef() { return host.timerHasRef(this.#id); }
    refresh() { host.timerRefresh(this.#id); return this; }
    close() { host.clearTimer(this.#id); return this; }
    [Symbol.toPrimitive]() { return this.#id; }
  }

  class Immediate {
    #id;
    constructor(id) { this.#id = id; }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
    [Symbol.toPrimitive]() { return this.#id; }
  }

  const idOf = (t) => (t !== null && typeof t === 'object' ? Number(t) : t);

  return {
    setTimeout: function setTimeout(cb, ms, ...args) { return new Timeout(host.setTimeout(cb, ms, ...args)); },
    setInterval: function setInterval(cb, ms, ...args) { return new Timeout(host.setInterval(cb, ms, ...args)); },
    setImmediate: function setImmediate(cb, ...args) { return new Immediate(host.setImmediate(cb, ...args)); },
    clearTimeout: function clearTimeout(t) { host.clearTimer(idOf(t)); },
    clearInterval: function clearInterval(t) { host.clearTimer(idOf(t)); },
    clearImmediate: function clearImmediate(t) { host.clearTimer(idOf(t)); },
  };
})
