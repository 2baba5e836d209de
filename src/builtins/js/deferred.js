// Deferred: a Promise whose value is computed by fn(...args) on a worker thread. The
// constructor is native (host.Deferred); this module gives it its prototype and statics.
(function (host) {
  'use strict';
  const { domException } = host.require('abort');
  const Deferred = host.Deferred;

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

  // Deferred extends Promise: its prototype chain and its statics' chain.
  Object.setPrototypeOf(Deferred, Promise);
  const proto = Object.create(Promise.prototype);
  Object.defineProperty(Deferred, 'prototype', { value: proto, writable: false });
  const methods = {
    /// Stops the task (queued or running); true if this call cancelled it.
    cancel(reason) { return host.deferredCancel(this, abortError(reason)); },
  };
  Object.defineProperty(proto, 'cancel', { value: methods.cancel, writable: true, configurable: true });
  // A Deferred reports Promise as its constructor. `await d`, Promise.all and
  // Promise.resolve take a promise as it is only when its constructor is Promise; with
  // Deferred there they would wrap every Deferred in a new promise plus a thenable job, which
  // doubles the cost of a trivial task. `d instanceof Deferred` still holds.
  Object.defineProperty(proto, 'constructor', { value: Promise, writable: true, configurable: true });
  Object.defineProperty(proto, Symbol.toStringTag, { value: 'Promise', configurable: true });

  const statics = {
    spawn(fn, options = {}) {
      const o = checkOptions(options);
      const signal = o.signal;
      if (signal && signal.aborted) return host.deferredSpawn(Deferred, fn, o.args, { aborted: abortError(signal.reason) });
      const d = host.deferredSpawn(Deferred, fn, o.args, o);
      if (signal) {
        const onAbort = () => d.cancel(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        const forget = () => signal.removeEventListener('abort', onAbort);
        Promise.prototype.then.call(d, forget, forget);
      }
      return d;
    },
    /// Inside a task: sends a value to the task's onProgress on the main thread.
    progress(value) { host.deferredProgress(value); },
    stats() { return host.deferredStats(); },
    // then/catch/finally and the combinators make ordinary promises: a Deferred is only
    // ever created by `new Deferred(fn, ...args)` or `Deferred.spawn`.
    resolve(v) { return Promise.resolve(v); },
    reject(e) { return Promise.reject(e); },
    all(it) { return Promise.all(it); },
    allSettled(it) { return Promise.allSettled(it); },
    any(it) { return Promise.any(it); },
    race(it) { return Promise.race(it); },
    withResolvers() { return Promise.withResolvers(); },
  };
  for (const [k, v] of Object.entries(statics)) Object.defineProperty(Deferred, k, { value: v, writable: true, configurable: true });
  Object.defineProperty(Deferred, 'poolSize', { get() { return host.deferredPoolSize(); }, configurable: true });
  Object.defineProperty(Deferred, Symbol.species, { get() { return Promise; }, configurable: true });
  return { Deferred };
})
