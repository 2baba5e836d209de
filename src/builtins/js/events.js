// events: Node's EventEmitter (on/addListener, prepend*, once, off/removeListener,
// removeAllListeners, emit, listeners, rawListeners, listenerCount, eventNames, max
// listeners with the leak warning) and the helpers events.once / events.on-less subset.
(function (host) {
  'use strict';
  const kCapture = Symbol('kCapture');
  const kShapeMode = Symbol('shapeMode');
  const errorMonitor = Symbol('events.errorMonitor');
  let defaultMaxListeners = 10;

  const { codedError, invalidArgType } = host.require('errors');

  function checkListener(listener) {
    if (typeof listener !== 'function') throw invalidArgType('listener', 'of type function', listener);
  }

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }

  EventEmitter.init = function (opts) {
    if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
      this._events = Object.create(null);
      this._eventsCount = 0;
      this[kShapeMode] = false;
    } else {
      this[kShapeMode] = true;
    }
    this._maxListeners = this._maxListeners || undefined;
    this[kCapture] = !!(opts && opts.captureRejections);
  };

  const proto = EventEmitter.prototype;
  proto._events = undefined;
  proto._eventsCount = 0;
  proto._maxListeners = undefined;

  proto.setMaxListeners = function setMaxListeners(n) {
    if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
      throw codedError(RangeError, `The value of "n" is out of range. It must be a non-negative number. Received ${String(n)}`, 'ERR_OUT_OF_RANGE');
    }
    this._maxListeners = n;
    return this;
  };

  proto.getMaxListeners = function getMaxListeners() {
    return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
  };

  proto.emit = function emit(type, ...args) {
    const events = this._events;
    if (type === 'error' && events !== undefined && events[errorMonitor] !== undefined) {
      this.emit(errorMonitor, ...args);
    }
    const handler = events === undefined ? undefined : events[type];
    if (handler === undefined) {
      if (type !== 'error') return false;
      const er = args[0];
      if (er instanceof Error) throw er;
      let shown;
      try {
        shown = host.require('inspect').inspect(er);
      } catch {
        shown = String(er);
      }
      const err = codedError(Error, `Unhandled error. (${shown})`, 'ERR_UNHANDLED_ERROR');
      err.context = er;
      throw err;
    }
    if (typeof handler === 'function') {
      handler.apply(this, args);
    } else {
      for (const fn of handler.slice()) fn.apply(this, args);
    }
    return true;
  };

  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    let events = target._events;
    if (events === undefined) {
      events = target._events = Object.create(null);
      target._eventsCount = 0;
    } else if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    const existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
      return target;
    }
    const list = typeof existing === 'function' ? (events[type] = prepend ? [listener, existing] : [existing, listener])
      : (prepend ? existing.unshift(listener) : existing.push(listener), existing);
    const m = target.getMaxListeners();
    if (m > 0 && list.length > m && !list.warned) {
      list.warned = true;
      const name = typeof type === 'symbol' ? type.toString() : type;
      host.write(2, `(protojs:${host.pid}) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. ` +
        `${list.length} ${name} listeners added to ${target.constructor && target.constructor.name ? `[${target.constructor.name}]` : 'EventEmitter'}. ` +
        'Use emitter.setMaxListeners() to increase limit\n');
    }
    return target;
  }

  proto.addListener = function addListenerMethod(type, listener) {
    return addListener(this, type, listener, false);
  };
  proto.on = proto.addListener;

  proto.prependListener = function prependListener(type, listener) {
    return addListener(this, type, listener, true);
  };

  function onceWrapper(target, type, listener) {
    const state = { fired: false, target, type, listener };
    const wrapped = function (...args) {
      if (state.fired) return undefined;
      state.target.removeListener(state.type, wrapped);
      state.fired = true;
      return state.listener.apply(state.target, args);
    };
    wrapped.listener = listener;
    return wrapped;
  }

  proto.once = function once(type, listener) {
    checkListener(listener);
    this.on(type, onceWrapper(this, type, listener));
    return this;
  };

  proto.prependOnceListener = function prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, onceWrapper(this, type, listener));
    return this;
  };

  proto.removeListener = function removeListener(type, listener) {
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
      if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
    } else if (typeof list !== 'function') {
      let i = list.length - 1;
      for (; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) break;
      }
      if (i < 0) return this;
      list.splice(i, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
    }
    return this;
  };
  proto.off = proto.removeListener;

  proto.removeAllListeners = function removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null);
        else delete events[type];
      }
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Reflect.ownKeys(events)) {
        if (key !== 'removeListener') this.removeAllListeners(key);
      }
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === 'function') this.removeListener(type, listeners);
    else if (listeners !== undefined) for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    return this;
  };

  function listenersOf(target, type, unwrap) {
    const events = target._events;
    if (events === undefined || events[type] === undefined) return [];
    const l = events[type];
    if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
    return unwrap ? l.map((f) => f.listener || f) : l.slice();
  }

  proto.listeners = function listeners(type) {
    return listenersOf(this, type, true);
  };

  proto.rawListeners = function rawListeners(type) {
    return listenersOf(this, type, false);
  };

  proto.listenerCount = function listenerCount(type, listener) {
    const events = this._events;
    if (events === undefined || events[type] === undefined) return 0;
    const l = events[type];
    if (typeof l === 'function') return listener === undefined || l === listener || l.listener === listener ? 1 : 0;
    if (listener === undefined) return l.length;
    return l.filter((f) => f === listener || f.listener === listener).length;
  };

  proto.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  // events.once(emitter, name): a promise of the next event's arguments.
  function once(emitter, name) {
    return new Promise((resolve, reject) => {
      const onError = (err) => {
        emitter.removeListener(name, onEvent);
        reject(err);
      };
      const onEvent = (...args) => {
        if (name !== 'error') emitter.removeListener('error', onError);
        resolve(args);
      };
      emitter.once(name, onEvent);
      if (name !== 'error') emitter.once('error', onError);
    });
  }

  Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
    enumerable: true,
    get() { return defaultMaxListeners; },
    set(n) {
      if (typeof n !== 'number' || n < 0 || Number.isNaN(n)) {
        throw codedError(RangeError, `The value of "defaultMaxListeners" is out of range. It must be a non-negative number. Received ${String(n)}`, 'ERR_OUT_OF_RANGE');
      }
      defaultMaxListeners = n;
    },
  });
  EventEmitter.once = once;
  EventEmitter.EventEmitter = EventEmitter;
  EventEmitter.errorMonitor = errorMonitor;
  EventEmitter.listenerCount = (emitter, type) => emitter.listenerCount(type);
  EventEmitter.getEventListeners = (emitter, type) => emitter.listeners(type);

  return { EventEmitter };
})
