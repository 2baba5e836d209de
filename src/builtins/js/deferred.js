// Deferred: a Promise whose value is computed by fn(...args) on a worker thread.
(function (host) {
  'use strict';
  const { domException } = host.require('abort');

  // Options handed from Deferred.spawn to the constructor it calls.
  let spawning = null;

  function checkOptions(options) {
    if (options === null || typeof options !== 'object') throw new TypeError('Deferred.spawn: options must be an object');
    const { args = [], timeout, signal, onProgress, memoryLimit } = options;
    if (!Array.isArray(args)) throw new TypeError('Deferred.spawn: options.args must be an array');
    if (timeout !== undefined && !(typeof timeout === 'number' && timeout >= 0 && Number.isFinite(timeout))) {
      throw new RangeError('Deferred.spawn: options.timeout must be a non-negative number of milliseconds');
    }
    if (memoryLimit !== undefined && !(Number.isInteger(memoryLimit) && memoryLimit > 0)) {
      throw new RangeError('Deferred.spawn: options.memoryLimit must be a positive integer (bytes)');
    }
    if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError('Deferred.spawn: options.onProgress must be a function');
    if (signal !== undefined && !(signal && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function')) {
      throw new TypeError('Deferred.spawn: options.signal must be an AbortSignal');
    }
    return { args, timeout, signal, onProgress, memoryLimit };
  }

  function abortError(reason) {
    const e = domException(reason === undefined ? 'This operation was aborted' : String(reason && reason.message !== undefined ? reason.message : reason), 'AbortError');
    if (reason !== undefined) Object.defineProperty(e, 'cause', { value: reason, writable: true, configurable: true });
    return e;
  }

  class Deferred extends Promise {
    #id = 0;
    #settled = false;
    constructor(fn, ...args) {
      const options = spawning;
      spawning = null;
      let resolve, reject;
      super((res, rej) => { resolve = res; reject = rej; });
      if (typeof fn !== 'function') {
        throw new TypeError(`Deferred: the first argument must be a function, not ${fn === null ? 'null' : typeof fn}`);
      }
      const signal = options && options.signal;
      if (signal && signal.aborted) {
        this.#settled = true;
        reject(abortError(signal.reason));
        return;
      }
      this.#id = host.deferredSubmit(fn, args, resolve, reject, options);
      if (signal) {
        const onAbort = () => this.cancel(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        const forget = () => signal.removeEventListener('abort', onAbort);
        Promise.prototype.then.call(this, forget, forget);
      }
    }

    /// Stops the task (queued or running); true if this call cancelled it.
    cancel(reason) {
      if (this.#settled || this.#id === 0) return false;
      const done = host.deferredCancel(this.#id, abortError(reason));
      if (done) this.#settled = true;
      return done;
    }

    static spawn(fn, options = {}) {
      const o = checkOptions(options);
      spawning = o;
      try {
        return new Deferred(fn, ...o.args);
      } finally {
        spawning = null;
      }
    }

    /// Inside a task: sends a value to the task's onProgress on the main thread.
    static progress(value) { host.deferredProgress(value); }
    static stats() { return host.deferredStats(); }
    static get poolSize() { return host.deferredPoolSize(); }

    // then/catch/finally and the combinators make ordinary promises: a Deferred is only
    // ever created by `new Deferred(fn, ...args)` or `Deferred.spawn`.
    static get [Symbol.species]() { return Promise; }
    static resolve(v) { return Promise.resolve(v); }
    static reject(e) { return Promise.reject(e); }
    static all(it) { return Promise.all(it); }
    static allSettled(it) { return Promise.allSettled(it); }
    static any(it) { return Promise.any(it); }
    static race(it) { return Promise.race(it); }
    static withResolvers() { return Promise.withResolvers(); }
  }
  return { Deferred };
})
