// Deferred: a Promise whose value is computed by fn(...args) on a worker thread.
(function (host) {
  'use strict';
  class Deferred extends Promise {
    constructor(fn, ...args) {
      let resolve, reject;
      super((res, rej) => { resolve = res; reject = rej; });
      if (typeof fn !== 'function') {
        throw new TypeError(`Deferred: the first argument must be a function, not ${fn === null ? 'null' : typeof fn}`);
      }
      host.deferredSubmit(fn, args, resolve, reject);
    }
    // then/catch/finally and the combinators make ordinary promises: a Deferred is only
    // ever created by `new Deferred(fn, ...args)`.
    static get [Symbol.species]() { return Promise; }
    static get poolSize() { return host.deferredPoolSize(); }
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
