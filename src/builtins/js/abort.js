// AbortController / AbortSignal (web standard) with the small Event, EventTarget and
// DOMException they need.
(function (host) {
  'use strict';

  const ERROR_CODES = { AbortError: 20, TimeoutError: 23, DataCloneError: 25, InvalidStateError: 11 };

  class DOMException extends Error {
    #name;
    constructor(message = '', name = 'Error') {
      super(message);
      this.#name = String(name);
    }
    get name() { return this.#name; }
    get code() { return ERROR_CODES[this.#name] || 0; }
  }

  function domException(message, name) { return new DOMException(message, name); }

  class Event {
    #type;
    constructor(type, init = {}) {
      this.#type = String(type);
      this.defaultPrevented = false;
      this.cancelable = !!init.cancelable;
      this.timeStamp = host.now();
      this.target = null;
      this.currentTarget = null;
    }
    get type() { return this.#type; }
    preventDefault() { if (this.cancelable) this.defaultPrevented = true; }
    stopPropagation() {}
    stopImmediatePropagation() { this._stop = true; }
  }

  class EventTarget {
    #listeners = new Map(); // type -> [{ fn, once }]
    addEventListener(type, fn, options) {
      if (typeof fn !== 'function' && !(fn && typeof fn.handleEvent === 'function')) return;
      const once = typeof options === 'object' && options !== null && !!options.once;
      const list = this.#listeners.get(type) || [];
      if (list.some((l) => l.fn === fn)) return;
      list.push({ fn, once });
      this.#listeners.set(type, list);
      const signal = typeof options === 'object' && options !== null ? options.signal : undefined;
      if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, fn), { once: true });
    }
    removeEventListener(type, fn) {
      const list = this.#listeners.get(type);
      if (!list) return;
      const i = list.findIndex((l) => l.fn === fn);
      if (i >= 0) list.splice(i, 1);
    }
    dispatchEvent(event) {
      event.target = this;
      event.currentTarget = this;
      const handler = this['on' + event.type];
      const list = (this.#listeners.get(event.type) || []).slice();
      const calls = typeof handler === 'function' ? [{ fn: handler, once: false }, ...list] : list;
      for (const l of calls) {
        if (l.once) this.removeEventListener(event.type, l.fn);
        try {
          if (typeof l.fn === 'function') l.fn.call(this, event);
          else l.fn.handleEvent(event);
        } catch (e) {
          // a throwing listener does not stop the others; it is reported as uncaught
          queueMicrotask(() => { throw e; });
        }
        if (event._stop) break;
      }
      return !event.defaultPrevented;
    }
  }

  const CREATE = Symbol('create');

  class AbortSignal extends EventTarget {
    #aborted = false;
    #reason = undefined;
    constructor(token) {
      if (token !== CREATE) throw new TypeError('Illegal constructor');
      super();
      this.onabort = null;
    }
    get aborted() { return this.#aborted; }
    get reason() { return this.#reason; }
    throwIfAborted() { if (this.#aborted) throw this.#reason; }
    _abort(reason) {
      if (this.#aborted) return;
      this.#aborted = true;
      this.#reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
      this.dispatchEvent(new Event('abort'));
    }
    static abort(reason) {
      const s = new AbortSignal(CREATE);
      s._abort(reason);
      return s;
    }
    static timeout(ms) {
      const s = new AbortSignal(CREATE);
      const id = host.setTimeout(() => s._abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
      host.timerRef(id, false); // like Node's: it does not keep the process alive
      return s;
    }
    static any(signals) {
      const s = new AbortSignal(CREATE);
      for (const sig of signals) {
        if (sig.aborted) { s._abort(sig.reason); return s; }
      }
      for (const sig of signals) sig.addEventListener('abort', () => s._abort(sig.reason), { once: true });
      return s;
    }
    get [Symbol.toStringTag]() { return 'AbortSignal'; }
  }

  class AbortController {
    #signal = new AbortSignal(CREATE);
    get signal() { return this.#signal; }
    abort(reason) { this.#signal._abort(reason); }
    get [Symbol.toStringTag]() { return 'AbortController'; }
  }

  return { AbortController, AbortSignal, DOMException, Event, EventTarget, domException };
})
