/*
 * protojs C helpers over QuickJS.
 *
 * Two kinds of functions live here:
 *  - out-of-line copies of quickjs.h's `static inline` API (JS_FreeValue, JS_NewInt32, ...),
 *    which bindgen cannot bind; Rust calls these instead of re-deriving the value layout;
 *  - small read-only peeks into engine internals that the public API does not expose
 *    (an object's kind, a function's captured variables). They are compiled in the same
 *    translation unit as the unmodified quickjs.c so they see its private structures.
 */
#ifndef PROTOJS_HELPERS_H
#define PROTOJS_HELPERS_H

#include "quickjs.h"

/* ---- values ---- */
JSValue pj_undefined(void);
JSValue pj_null(void);
JSValue pj_exception(void);
JSValue pj_uninitialized(void);
int pj_tag(JSValueConst v); /* normalised tag: JS_TAG_FLOAT64 for every double */
JSValue pj_new_bool(JSContext *ctx, int b);
JSValue pj_new_int32(JSContext *ctx, int32_t i);
JSValue pj_new_int64(JSContext *ctx, int64_t i);
JSValue pj_new_float64(JSContext *ctx, double d);
int32_t pj_get_int(JSValueConst v);
int pj_get_bool(JSValueConst v);
double pj_get_float64(JSValueConst v);
void pj_free_value(JSContext *ctx, JSValue v);
void pj_free_value_rt(JSRuntime *rt, JSValue v);
JSValue pj_dup_value(JSContext *ctx, JSValueConst v);
JSValue pj_new_string(JSContext *ctx, const char *s);
JSValue pj_new_cfunction(JSContext *ctx, JSCFunction *fn, const char *name, int length);
JSValue pj_new_cfunction_magic(JSContext *ctx, JSCFunctionMagic *fn, const char *name,
                               int length, int magic);
/* Address of a reference-counted value's heap cell (identity of an object), or 0. */
uintptr_t pj_value_ptr(JSValueConst v);
int pj_set_property(JSContext *ctx, JSValueConst obj, JSAtom prop, JSValue val);
JSValue pj_get_property(JSContext *ctx, JSValueConst obj, JSAtom prop);

/* ---- object kinds (our own numbering; the engine's class ids are private) ---- */
enum {
    PJ_KIND_NOT_OBJECT = 0,
    PJ_KIND_OTHER,
    PJ_KIND_PLAIN,      /* ordinary object */
    PJ_KIND_ARRAY,
    PJ_KIND_ERROR,
    PJ_KIND_BOXED,      /* Number, String, Boolean, BigInt wrappers */
    PJ_KIND_SYMBOL_BOX,
    PJ_KIND_DATE,
    PJ_KIND_REGEXP,
    PJ_KIND_MAP,
    PJ_KIND_SET,
    PJ_KIND_WEAK,       /* WeakMap, WeakSet, WeakRef, FinalizationRegistry */
    PJ_KIND_ARRAY_BUFFER,
    PJ_KIND_SHARED_ARRAY_BUFFER,
    PJ_KIND_TYPED_ARRAY,
    PJ_KIND_DATAVIEW,
    PJ_KIND_JS_FUNCTION, /* function compiled from JS source (has bytecode) */
    PJ_KIND_NATIVE_FUNCTION,
    PJ_KIND_BOUND_FUNCTION,
    PJ_KIND_PROXY,
    PJ_KIND_PROMISE,
    PJ_KIND_ARGUMENTS,
    PJ_KIND_GENERATOR,
    PJ_KIND_MODULE_NS,
};
int pj_object_kind(JSValueConst v);

/* ---- Deferreds: promises settled from Rust ---- */
/* A new private symbol (a private class field's name): properties keyed by it are invisible
   to every reflection API and cannot be read or written by JS code. */
JSValue pj_new_private_symbol(JSContext *ctx, const char *description);
/* The value of ctor.prototype if it can never change (an own data property, neither
   writable nor configurable, holding an object); undefined otherwise. A new reference. */
JSValue pj_fixed_prototype(JSContext *ctx, JSValueConst ctor);
/* A new pending promise whose prototype is `proto` when it is an object, else
   new_target.prototype (Promise.prototype when new_target is undefined), created without an
   executor or resolving functions, so that only pj_settle_promise can settle it. It carries
   `slot` under the private `slot_atom`: that property is what makes it a Deferred. */
JSValue pj_new_deferred(JSContext *ctx, JSValueConst new_target, JSValueConst proto,
                        JSAtom slot_atom, uint32_t slot);
/* 1 and its slot if `v` is a pending Deferred; 0 otherwise. */
int pj_deferred_slot(JSValueConst v, JSAtom slot_atom, uint32_t *slot);
/* Fulfils (is_reject = 0) or rejects a pending Deferred with `value`, running the usual
   reactions and rejection tracking. Does nothing if it is already settled or not a promise.
   It never adopts a thenable: callers only settle with plain data. */
void pj_settle_promise(JSContext *ctx, JSValueConst promise, JSValueConst value, int is_reject);

/* Promise.all (install as `Promise.all`; `slot_symbol` is the Deferreds' private symbol)
   with fast paths for a plain array of genuine promises when nothing the algorithm would
   observe has been replaced (C is %Promise%, Promise.resolve, Promise.prototype.then, the
   array iterator):
   - every element a pending Deferred: each gets a marker reaction that pj_settle_promise
     handles in place of a resolve-element function (no function object, no job per
     element); the result promise still settles from a job queued exactly where the
     element's reaction job would have been, so the order of observable events is unchanged;
   - otherwise each element gets its reactions directly, without the derived promise that
     `then` would create and nobody can see.
   Anything else is QuickJS's own Promise.all. */
JSValue pj_new_promise_all(JSContext *ctx, JSValueConst slot_symbol);

/* ---- captured variables of a JS function ---- */
enum {
    PJ_CAPTURE_LOCAL = 0,  /* a variable of an enclosing function (or module scope) */
    PJ_CAPTURE_GLOBAL = 1, /* a reference to a global variable */
};
/* Identity of a JS function's compiled code: every closure made from the same function
   literal shares it. 0 if `fn` has no bytecode. Valid while a closure of it is alive. */
uintptr_t pj_function_code_id(JSValueConst fn);
/* Number of closure variables of a JS function object, or -1 if `fn` has no bytecode. */
int pj_closure_var_count(JSValueConst fn);
/* Describe closure variable `i`: its name (a new atom reference the caller frees), its kind
   (PJ_CAPTURE_*), and its current value (a new reference; JS_UNINITIALIZED when the cell is
   in its temporal dead zone or was never created). Returns 0, or -1 if out of range. */
int pj_closure_var(JSContext *ctx, JSValueConst fn, int i, JSAtom *name, int *kind,
                   JSValue *value);

/* ---- values QuickJS's writer would flatten ---- */
/* 1 if the plain objects and arrays reachable from `v` include an array with holes (or a
   length beyond its elements) or with named properties, which JS_WriteObject would write
   as dense (every hole an undefined: a[1e9] = 1 writes a billion of them) or without those
   properties; 0 if none; -1 with an exception pending if out of memory. */
int pj_has_irregular_array(JSContext *ctx, JSValueConst v);

/* ---- exceptions ---- */
/* Whether the pending exception is uncatchable (process.exit unwinding, an interrupt):
   code that usually recovers from an exception must let this one through. */
int pj_exception_is_uncatchable(JSContext *ctx);

/* ---- GC pacing ---- */
/* The heap size (malloc_size) at which the next allocation runs the cycle collector; each
   collection sets it to 1.5x the heap it leaves. JS_SetGCThreshold sets it. */
size_t pj_gc_threshold(JSRuntime *rt);

#endif /* PROTOJS_HELPERS_H */
