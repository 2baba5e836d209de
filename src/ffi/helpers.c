/*
 * protojs C helpers: see helpers.h for what lives here and why.
 *
 * The vendored engine is included, unmodified, into this translation unit so that the
 * internal peeks below can read its private structures. Warnings are silenced for the
 * engine only; our own code below is compiled with them on.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wenum-conversion"
#include "quickjs.c"
#pragma GCC diagnostic pop

#include "helpers.h"

/* ---- values: out-of-line copies of quickjs.h's inline API ---- */

JSValue pj_undefined(void) { return JS_UNDEFINED; }
JSValue pj_null(void) { return JS_NULL; }
JSValue pj_exception(void) { return JS_EXCEPTION; }
JSValue pj_uninitialized(void) { return JS_UNINITIALIZED; }
int pj_tag(JSValueConst v) { return JS_VALUE_GET_NORM_TAG(v); }
JSValue pj_new_bool(JSContext *ctx, int b) { return JS_NewBool(ctx, b); }
JSValue pj_new_int32(JSContext *ctx, int32_t i) { return JS_NewInt32(ctx, i); }
JSValue pj_new_int64(JSContext *ctx, int64_t i) { return JS_NewInt64(ctx, i); }
JSValue pj_new_float64(JSContext *ctx, double d) { return JS_NewFloat64(ctx, d); }
int32_t pj_get_int(JSValueConst v) { return JS_VALUE_GET_INT(v); }
int pj_get_bool(JSValueConst v) { return JS_VALUE_GET_BOOL(v); }
double pj_get_float64(JSValueConst v) { return JS_VALUE_GET_FLOAT64(v); }
void pj_free_value(JSContext *ctx, JSValue v) { JS_FreeValue(ctx, v); }
void pj_free_value_rt(JSRuntime *rt, JSValue v) { JS_FreeValueRT(rt, v); }
JSValue pj_dup_value(JSContext *ctx, JSValueConst v) { return JS_DupValue(ctx, v); }
JSValue pj_new_string(JSContext *ctx, const char *s) { return JS_NewString(ctx, s); }

JSValue pj_new_cfunction(JSContext *ctx, JSCFunction *fn, const char *name, int length)
{
    return JS_NewCFunction(ctx, fn, name, length);
}

JSValue pj_new_cfunction_magic(JSContext *ctx, JSCFunctionMagic *fn, const char *name,
                               int length, int magic)
{
    return JS_NewCFunctionMagic(ctx, fn, name, length, JS_CFUNC_generic_magic, magic);
}

uintptr_t pj_value_ptr(JSValueConst v)
{
    return JS_VALUE_HAS_REF_COUNT(v) ? (uintptr_t)JS_VALUE_GET_PTR(v) : 0;
}

int pj_set_property(JSContext *ctx, JSValueConst obj, JSAtom prop, JSValue val)
{
    return JS_SetProperty(ctx, obj, prop, val);
}

JSValue pj_get_property(JSContext *ctx, JSValueConst obj, JSAtom prop)
{
    return JS_GetProperty(ctx, obj, prop);
}

/* ---- object kinds ---- */

int pj_object_kind(JSValueConst v)
{
    JSObject *p;

    if (JS_VALUE_GET_TAG(v) != JS_TAG_OBJECT)
        return PJ_KIND_NOT_OBJECT;
    p = JS_VALUE_GET_OBJ(v);
    switch (p->class_id) {
    case JS_CLASS_OBJECT:
        return PJ_KIND_PLAIN;
    case JS_CLASS_ARRAY:
        return PJ_KIND_ARRAY;
    case JS_CLASS_ERROR:
        return PJ_KIND_ERROR;
    case JS_CLASS_NUMBER:
    case JS_CLASS_STRING:
    case JS_CLASS_BOOLEAN:
    case JS_CLASS_BIG_INT:
        return PJ_KIND_BOXED;
    case JS_CLASS_SYMBOL:
        return PJ_KIND_SYMBOL_BOX;
    case JS_CLASS_DATE:
        return PJ_KIND_DATE;
    case JS_CLASS_REGEXP:
        return PJ_KIND_REGEXP;
    case JS_CLASS_MAP:
        return PJ_KIND_MAP;
    case JS_CLASS_SET:
        return PJ_KIND_SET;
    case JS_CLASS_WEAKMAP:
    case JS_CLASS_WEAKSET:
    case JS_CLASS_WEAK_REF:
    case JS_CLASS_FINALIZATION_REGISTRY:
        return PJ_KIND_WEAK;
    case JS_CLASS_ARRAY_BUFFER:
        return PJ_KIND_ARRAY_BUFFER;
    case JS_CLASS_SHARED_ARRAY_BUFFER:
        return PJ_KIND_SHARED_ARRAY_BUFFER;
    case JS_CLASS_DATAVIEW:
        return PJ_KIND_DATAVIEW;
    case JS_CLASS_BYTECODE_FUNCTION:
    case JS_CLASS_GENERATOR_FUNCTION:
    case JS_CLASS_ASYNC_FUNCTION:
    case JS_CLASS_ASYNC_GENERATOR_FUNCTION:
        return PJ_KIND_JS_FUNCTION;
    case JS_CLASS_C_FUNCTION:
    case JS_CLASS_C_FUNCTION_DATA:
        return PJ_KIND_NATIVE_FUNCTION;
    case JS_CLASS_BOUND_FUNCTION:
        return PJ_KIND_BOUND_FUNCTION;
    case JS_CLASS_PROXY:
        return PJ_KIND_PROXY;
    case JS_CLASS_PROMISE:
        return PJ_KIND_PROMISE;
    case JS_CLASS_ARGUMENTS:
    case JS_CLASS_MAPPED_ARGUMENTS:
        return PJ_KIND_ARGUMENTS;
    case JS_CLASS_GENERATOR:
    case JS_CLASS_ASYNC_GENERATOR:
        return PJ_KIND_GENERATOR;
    case JS_CLASS_MODULE_NS:
        return PJ_KIND_MODULE_NS;
    default:
        if (p->class_id >= JS_CLASS_UINT8C_ARRAY && p->class_id <= JS_CLASS_FLOAT64_ARRAY)
            return PJ_KIND_TYPED_ARRAY;
        return PJ_KIND_OTHER;
    }
}

/* ---- Deferreds: promises settled from Rust ---- */

JSValue pj_new_private_symbol(JSContext *ctx, const char *description)
{
    JSAtom descr = JS_NewAtom(ctx, description);
    JSValue sym;

    if (descr == JS_ATOM_NULL)
        return JS_EXCEPTION;
    sym = JS_NewSymbolFromAtom(ctx, descr, JS_ATOM_TYPE_PRIVATE);
    JS_FreeAtom(ctx, descr);
    return sym;
}

JSValue pj_fixed_prototype(JSContext *ctx, JSValueConst ctor)
{
    JSShapeProperty *prs;
    JSProperty *pr;

    if (JS_VALUE_GET_TAG(ctor) != JS_TAG_OBJECT)
        return JS_UNDEFINED;
    prs = find_own_property(&pr, JS_VALUE_GET_OBJ(ctor), JS_ATOM_prototype);
    if (!prs || (prs->flags & (JS_PROP_TMASK | JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE)) != JS_PROP_NORMAL ||
        JS_VALUE_GET_TAG(pr->u.value) != JS_TAG_OBJECT)
        return JS_UNDEFINED;
    return JS_DupValue(ctx, pr->u.value);
}

JSValue pj_new_deferred(JSContext *ctx, JSValueConst new_target, JSValueConst proto,
                        JSAtom slot_atom, uint32_t slot)
{
    JSValue obj;
    JSPromiseData *s;
    JSProperty *pr;
    int i;

    /* as js_promise_constructor, minus the executor and the resolving functions */
    if (JS_VALUE_GET_TAG(proto) == JS_TAG_OBJECT)
        obj = JS_NewObjectProtoClass(ctx, proto, JS_CLASS_PROMISE);
    else
        obj = js_create_from_ctor(ctx, new_target, JS_CLASS_PROMISE);
    if (JS_IsException(obj))
        return JS_EXCEPTION;
    s = js_mallocz(ctx, sizeof(*s));
    if (!s) {
        JS_FreeValue(ctx, obj);
        return JS_EXCEPTION;
    }
    s->promise_state = JS_PROMISE_PENDING;
    s->is_handled = FALSE;
    for (i = 0; i < 2; i++)
        init_list_head(&s->promise_reactions[i]);
    s->promise_result = JS_UNDEFINED;
    JS_SetOpaque(obj, s);
    /* as JS_DefinePrivateField: private names ignore extensibility and are invisible to
       every reflection API */
    pr = add_property(ctx, JS_VALUE_GET_OBJ(obj), slot_atom, JS_PROP_C_W_E);
    if (!pr) {
        JS_FreeValue(ctx, obj);
        return JS_EXCEPTION;
    }
    pr->u.value = JS_NewInt32(ctx, (int32_t)slot);
    return obj;
}

/* The promise data of a pending Deferred, with its slot; NULL for anything else. */
static JSPromiseData *pj_pending_deferred(JSValueConst v, JSAtom slot_atom, uint32_t *slot)
{
    JSObject *p;
    JSShapeProperty *prs;
    JSProperty *pr;
    JSPromiseData *s;

    if (JS_VALUE_GET_TAG(v) != JS_TAG_OBJECT)
        return NULL;
    p = JS_VALUE_GET_OBJ(v);
    if (p->class_id != JS_CLASS_PROMISE)
        return NULL;
    s = p->u.opaque;
    if (!s || s->promise_state != JS_PROMISE_PENDING)
        return NULL;
    prs = find_own_property(&pr, p, slot_atom);
    if (!prs || JS_VALUE_GET_TAG(pr->u.value) != JS_TAG_INT)
        return NULL;
    *slot = (uint32_t)JS_VALUE_GET_INT(pr->u.value);
    return s;
}

int pj_deferred_slot(JSValueConst v, JSAtom slot_atom, uint32_t *slot)
{
    return pj_pending_deferred(v, slot_atom, slot) != NULL;
}

/* Promise.all over Deferreds (see pj_promise_all) gives each element a marker reaction
   instead of a resolve-element function: handler JS_NULL (a real reaction's handler is a
   function or undefined), resolving_funcs = [aggregate, index]. The aggregate is an internal
   fast array: */
enum {
    PJ_ALL_VALUES,    /* the values array, filled as elements fulfil */
    PJ_ALL_RESOLVE,   /* the result promise's resolving functions */
    PJ_ALL_REJECT,
    PJ_ALL_REMAINING, /* elements not fulfilled yet (int) */
    PJ_ALL_FIELDS,
};

static BOOL pj_is_all_marker(const JSPromiseReactionData *rd)
{
    return JS_IsNull(rd->handler);
}

/* Queues the job of a reaction (handler, then capability [resolve, reject]) to a promise
   settled with `arg`, as fulfill_or_reject_promise does. With an undefined handler it
   calls resolve(arg), or reject(arg) when is_reject. */
static void pj_enqueue_reaction_job(JSContext *ctx, JSValueConst resolve, JSValueConst reject,
                                    JSValueConst handler, JSValueConst arg, BOOL is_reject)
{
    JSValueConst args[5] = { resolve, reject, handler, JS_NewBool(ctx, is_reject), arg };
    JS_EnqueueJob(ctx, promise_reaction_job, 5, args);
}

/* What Promise.all's resolve-element function (or its reject function) would do in its job,
   done now except for the one step anybody can observe, settling the result promise: that
   is queued as a job exactly where the element's reaction job would have been queued. */
static void pj_all_element_settled(JSContext *ctx, JSValueConst aggregate, int index,
                                   JSValueConst value, BOOL is_reject)
{
    JSValue *agg = JS_VALUE_GET_OBJ(aggregate)->u.array.u.values;
    JSObject *values = JS_VALUE_GET_OBJ(agg[PJ_ALL_VALUES]);
    int remaining;

    if (is_reject) {
        pj_enqueue_reaction_job(ctx, agg[PJ_ALL_RESOLVE], agg[PJ_ALL_REJECT], JS_UNDEFINED, value, TRUE);
        return;
    }
    /* internal until the result promise is resolved, which needs every element first */
    if (values->fast_array && (uint32_t)index < values->u.array.count)
        set_value(ctx, &values->u.array.u.values[index], JS_DupValue(ctx, value));
    remaining = JS_VALUE_GET_INT(agg[PJ_ALL_REMAINING]) - 1;
    agg[PJ_ALL_REMAINING] = JS_NewInt32(ctx, remaining);
    if (remaining == 0)
        pj_enqueue_reaction_job(ctx, agg[PJ_ALL_RESOLVE], agg[PJ_ALL_REJECT], JS_UNDEFINED,
                                agg[PJ_ALL_VALUES], FALSE);
}

void pj_settle_promise(JSContext *ctx, JSValueConst promise, JSValueConst value, int is_reject)
{
    JSPromiseData *s = JS_GetOpaque(promise, JS_CLASS_PROMISE);
    struct list_head *el, *el1;
    JSPromiseReactionData *rd;

    /* as fulfill_or_reject_promise, plus the Promise.all markers */
    if (!s || s->promise_state != JS_PROMISE_PENDING)
        return;
    is_reject = is_reject != 0;
    set_value(ctx, &s->promise_result, JS_DupValue(ctx, value));
    s->promise_state = JS_PROMISE_FULFILLED + is_reject;
    if (s->promise_state == JS_PROMISE_REJECTED && !s->is_handled) {
        JSRuntime *rt = ctx->rt;
        if (rt->host_promise_rejection_tracker) {
            rt->host_promise_rejection_tracker(ctx, promise, value, FALSE,
                                               rt->host_promise_rejection_tracker_opaque);
        }
    }
    list_for_each_safe(el, el1, &s->promise_reactions[is_reject]) {
        rd = list_entry(el, JSPromiseReactionData, link);
        if (pj_is_all_marker(rd)) {
            pj_all_element_settled(ctx, rd->resolving_funcs[0],
                                   JS_VALUE_GET_INT(rd->resolving_funcs[1]), value, is_reject);
        } else {
            pj_enqueue_reaction_job(ctx, rd->resolving_funcs[0], rd->resolving_funcs[1],
                                    rd->handler, value, is_reject);
        }
        list_del(&rd->link);
        promise_reaction_data_free(ctx->rt, rd);
    }
    list_for_each_safe(el, el1, &s->promise_reactions[1 - is_reject]) {
        rd = list_entry(el, JSPromiseReactionData, link);
        list_del(&rd->link);
        promise_reaction_data_free(ctx->rt, rd);
    }
}

/* Appends an element's marker to both reaction lists of a pending Deferred, as
   perform_promise_then appends a reaction. */
static int pj_add_all_marker(JSContext *ctx, JSPromiseData *s, JSValueConst aggregate, uint32_t index)
{
    JSPromiseReactionData *rd[2];
    int i;

    for (i = 0; i < 2; i++) {
        rd[i] = js_malloc(ctx, sizeof(*rd[i]));
        if (!rd[i]) {
            if (i == 1)
                js_free(ctx, rd[0]);
            return -1;
        }
    }
    for (i = 0; i < 2; i++) {
        rd[i]->resolving_funcs[0] = JS_DupValue(ctx, aggregate);
        rd[i]->resolving_funcs[1] = JS_NewInt32(ctx, (int32_t)index);
        rd[i]->handler = JS_NULL;
        list_add_tail(&rd[i]->link, &s->promise_reactions[i]);
    }
    s->is_handled = TRUE;
    return 0;
}

/* ---- Promise.all fast path ---- */

/* The value of a data property found on `obj` or its prototypes, borrowed; FALSE when the
   property is missing or is an accessor (which could run user code), or when a proxy is met
   on the way. (Other exotic objects, arrays for one, keep named properties in their shape
   like any object.) A builtin not yet instantiated (JS_PROP_AUTOINIT) gives JS_UNINITIALIZED:
   nobody has touched it, so it is still the original. */
static BOOL pj_lookup_data(JSValueConst obj, JSAtom atom, JSValueConst *out)
{
    JSObject *p;
    JSShapeProperty *prs;
    JSProperty *pr;

    if (JS_VALUE_GET_TAG(obj) != JS_TAG_OBJECT)
        return FALSE;
    for (p = JS_VALUE_GET_OBJ(obj); p; p = p->shape->proto) {
        if (p->class_id == JS_CLASS_PROXY)
            return FALSE;
        prs = find_own_property(&pr, p, atom);
        if (prs) {
            switch (prs->flags & JS_PROP_TMASK) {
            case JS_PROP_NORMAL:
                *out = pr->u.value;
                return TRUE;
            case JS_PROP_AUTOINIT:
                *out = JS_UNINITIALIZED;
                return TRUE;
            default:
                return FALSE;
            }
        }
    }
    return FALSE;
}

/* Whether `obj`'s property `atom` is the builtin C function `fn` (with `magic`): either it
   is that function, or it is a builtin slot never instantiated (so never replaced). */
static BOOL pj_is_builtin(JSContext *ctx, JSValueConst obj, JSAtom atom, JSCFunction *fn, int magic)
{
    JSValueConst v;
    if (!pj_lookup_data(obj, atom, &v))
        return FALSE;
    return JS_IsUninitialized(v) || JS_IsCFunction(ctx, v, fn, magic);
}

/* A resolve-element function as JS_NewCFunctionData makes it, minus its `name` and `length`
   properties: it is only ever a promise reaction, never visible to JS code, and defining
   two properties was a fifth of the fast path's cost. */
static JSValue pj_new_hidden_function_data(JSContext *ctx, JSCFunctionData *func, int magic,
                                           int data_len, JSValueConst *data)
{
    JSCFunctionDataRecord *s;
    JSValue func_obj;
    int i;

    func_obj = JS_NewObjectProtoClass(ctx, ctx->function_proto, JS_CLASS_C_FUNCTION_DATA);
    if (JS_IsException(func_obj))
        return func_obj;
    s = js_malloc(ctx, sizeof(*s) + data_len * sizeof(JSValue));
    if (!s) {
        JS_FreeValue(ctx, func_obj);
        return JS_EXCEPTION;
    }
    s->func = func;
    s->length = 1;
    s->data_len = data_len;
    s->magic = magic;
    for (i = 0; i < data_len; i++)
        s->data[i] = JS_DupValue(ctx, data[i]);
    JS_SetOpaque(func_obj, s);
    return func_obj;
}

/* Whether C[Symbol.species] is still the builtin getter (returns `this`): then the
   SpeciesConstructor step of `then` runs no user code. */
static BOOL pj_species_is_builtin(JSValueConst ctor)
{
    JSShapeProperty *prs;
    JSProperty *pr;
    JSObject *getter;

    prs = find_own_property(&pr, JS_VALUE_GET_OBJ(ctor), JS_ATOM_Symbol_species);
    if (!prs || (prs->flags & JS_PROP_TMASK) != JS_PROP_GETSET)
        return FALSE;
    getter = pr->u.getset.getter;
    return getter && getter->class_id == JS_CLASS_C_FUNCTION &&
        getter->u.cfunc.c_function.getter == js_get_this;
}

/* Whether Promise.all(arr) may skip the steps nobody can observe: see helpers.h. */
static BOOL pj_promise_all_is_plain(JSContext *ctx, JSValueConst this_val, JSValueConst arr,
                                    JSValue *items, uint32_t count)
{
    JSCFunctionType then_fn, resolve_fn, values_fn, next_fn;
    JSValueConst ctor;
    uint32_t i;

    then_fn.generic = js_promise_then;
    resolve_fn.generic_magic = js_promise_resolve;
    values_fn.generic_magic = js_create_array_iterator;
    next_fn.iterator_next = js_array_iterator_next;
    if (!js_same_value(ctx, this_val, ctx->promise_ctor) ||
        !pj_species_is_builtin(this_val) ||
        !pj_is_builtin(ctx, this_val, JS_ATOM_resolve, resolve_fn.generic, 0) ||
        !pj_is_builtin(ctx, arr, JS_ATOM_Symbol_iterator, values_fn.generic, JS_ITERATOR_KIND_VALUE) ||
        !pj_is_builtin(ctx, ctx->class_proto[JS_CLASS_ARRAY_ITERATOR], JS_ATOM_next, next_fn.generic, 0))
        return FALSE;
    for (i = 0; i < count; i++) {
        JSValueConst item = items[i];
        /* Promise.resolve(C, item) returns item itself only for a promise whose
           `constructor` is C; `then` must be the builtin one. */
        if (JS_VALUE_GET_TAG(item) != JS_TAG_OBJECT ||
            JS_VALUE_GET_OBJ(item)->class_id != JS_CLASS_PROMISE ||
            !pj_lookup_data(item, JS_ATOM_constructor, &ctor) ||
            JS_IsUninitialized(ctor) ||
            !js_same_value(ctx, ctor, this_val) ||
            !pj_is_builtin(ctx, item, JS_ATOM_then, then_fn.generic, 0))
            return FALSE;
    }
    return TRUE;
}

/* Promise.all over pending Deferreds only: a marker on each element, settled by
   pj_settle_promise, instead of a resolve-element function and a reaction job per element. */
static int pj_promise_all_deferreds(JSContext *ctx, JSPromiseData **datas, uint32_t count,
                                    JSValueConst *resolving_funcs)
{
    JSValue values, aggregate;
    JSValue *agg;
    uint32_t i;

    values = js_allocate_fast_array(ctx, count);
    if (JS_IsException(values))
        return -1;
    aggregate = js_allocate_fast_array(ctx, PJ_ALL_FIELDS);
    if (JS_IsException(aggregate)) {
        JS_FreeValue(ctx, values);
        return -1;
    }
    agg = JS_VALUE_GET_OBJ(aggregate)->u.array.u.values;
    agg[PJ_ALL_VALUES] = values;
    agg[PJ_ALL_RESOLVE] = JS_DupValue(ctx, resolving_funcs[0]);
    agg[PJ_ALL_REJECT] = JS_DupValue(ctx, resolving_funcs[1]);
    agg[PJ_ALL_REMAINING] = JS_NewInt32(ctx, (int32_t)count);
    for (i = 0; i < count; i++) {
        /* on failure, the elements marked so far settle into a rejected result: harmless */
        if (pj_add_all_marker(ctx, datas[i], aggregate, i) < 0) {
            JS_FreeValue(ctx, aggregate);
            return -1;
        }
    }
    JS_FreeValue(ctx, aggregate);
    return 0;
}

static JSValue pj_promise_all(JSContext *ctx, JSValueConst this_val, int argc, JSValueConst *argv,
                              int magic, JSValue *func_data)
{
    JSValue result, resolving_funcs[2], values, env, resolve_element, *arrp, *items = NULL;
    JSValueConst data[5], reactions[2], no_capability[2];
    JSPromiseData **datas = NULL;
    JSAtom slot_atom = js_symbol_to_atom(ctx, func_data[0]);
    uint32_t count = 0, i, slot;
    int is_zero;

    if (argc < 1 || !js_get_fast_array(ctx, argv[0], &arrp, &count))
        return js_promise_all(ctx, this_val, argc, argv, PROMISE_MAGIC_all);
    /* a copy: looking properties up below must not see the array change under us */
    items = js_malloc(ctx, sizeof(items[0]) * (count ? count : 1));
    if (!items)
        return JS_EXCEPTION;
    for (i = 0; i < count; i++)
        items[i] = JS_DupValue(ctx, arrp[i]);
    if (!pj_promise_all_is_plain(ctx, this_val, argv[0], items, count)) {
        for (i = 0; i < count; i++)
            JS_FreeValue(ctx, items[i]);
        js_free(ctx, items);
        return js_promise_all(ctx, this_val, argc, argv, PROMISE_MAGIC_all);
    }

    /* from here as js_promise_all, minus Promise.resolve and the derived promises */
    values = JS_UNDEFINED;
    env = JS_UNDEFINED;
    result = js_new_promise_capability(ctx, resolving_funcs, this_val);
    if (JS_IsException(result))
        goto done;
    if (count > 0) {
        datas = js_malloc(ctx, sizeof(datas[0]) * count);
        if (!datas)
            goto fail;
        for (i = 0; i < count; i++) {
            datas[i] = pj_pending_deferred(items[i], slot_atom, &slot);
            if (!datas[i])
                break;
        }
        if (i == count) {
            if (pj_promise_all_deferreds(ctx, datas, count, (JSValueConst *)resolving_funcs) < 0)
                goto fail;
            goto settled;
        }
    }
    values = JS_NewArray(ctx);
    env = JS_NewArray(ctx);
    if (JS_IsException(values) || JS_IsException(env) ||
        JS_DefinePropertyValueUint32(ctx, env, 0, JS_NewInt32(ctx, 1),
                                     JS_PROP_CONFIGURABLE | JS_PROP_ENUMERABLE | JS_PROP_WRITABLE) < 0)
        goto fail;
    no_capability[0] = JS_UNDEFINED;
    no_capability[1] = JS_UNDEFINED;
    for (i = 0; i < count; i++) {
        data[0] = JS_FALSE;
        data[1] = JS_NewInt32(ctx, i);
        data[2] = values;
        data[3] = resolving_funcs[0];
        data[4] = env;
        resolve_element = pj_new_hidden_function_data(ctx, js_promise_all_resolve_element,
                                                      PROMISE_MAGIC_all, 5, data);
        if (JS_IsException(resolve_element))
            goto fail;
        if (remainingElementsCount_add(ctx, env, 1) < 0) {
            JS_FreeValue(ctx, resolve_element);
            goto fail;
        }
        reactions[0] = resolve_element;
        reactions[1] = resolving_funcs[1];
        if (perform_promise_then(ctx, items[i], reactions, no_capability) < 0) {
            JS_FreeValue(ctx, resolve_element);
            goto fail;
        }
        JS_FreeValue(ctx, resolve_element);
    }
    is_zero = remainingElementsCount_add(ctx, env, -1);
    if (is_zero < 0)
        goto fail;
    if (is_zero) {
        JSValue ret = JS_Call(ctx, resolving_funcs[0], JS_UNDEFINED, 1, (JSValueConst *)&values);
        if (JS_IsException(ret))
            goto fail;
        JS_FreeValue(ctx, ret);
    }
    goto settled;
 fail:
    {
        /* as Promise.all does: an abrupt completion rejects the result promise */
        JSValue error = JS_GetException(ctx);
        JSValue ret = JS_Call(ctx, resolving_funcs[1], JS_UNDEFINED, 1, (JSValueConst *)&error);
        JS_FreeValue(ctx, error);
        if (JS_IsException(ret)) {
            JS_FreeValue(ctx, result);
            result = JS_EXCEPTION;
        } else {
            JS_FreeValue(ctx, ret);
        }
    }
 settled:
    JS_FreeValue(ctx, resolving_funcs[0]);
    JS_FreeValue(ctx, resolving_funcs[1]);
 done:
    JS_FreeValue(ctx, values);
    JS_FreeValue(ctx, env);
    for (i = 0; i < count; i++)
        JS_FreeValue(ctx, items[i]);
    js_free(ctx, items);
    js_free(ctx, datas);
    return result;
}

JSValue pj_new_promise_all(JSContext *ctx, JSValueConst slot_symbol)
{
    JSValue f = pj_new_hidden_function_data(ctx, pj_promise_all, 0, 1, &slot_symbol);
    JSAtom name;

    if (JS_IsException(f))
        return f;
    name = JS_NewAtom(ctx, "all");
    js_function_set_properties(ctx, f, name, 1);
    JS_FreeAtom(ctx, name);
    return f;
}

/* ---- captured variables ---- */

uintptr_t pj_function_code_id(JSValueConst fn)
{
    return (uintptr_t)JS_GetFunctionBytecode(fn);
}

int pj_closure_var_count(JSValueConst fn)
{
    JSFunctionBytecode *b = JS_GetFunctionBytecode(fn);
    if (!b)
        return -1;
    return b->closure_var_count;
}

int pj_closure_var(JSContext *ctx, JSValueConst fn, int i, JSAtom *name, int *kind,
                   JSValue *value)
{
    JSFunctionBytecode *b = JS_GetFunctionBytecode(fn);
    JSObject *p;
    JSClosureVar *cv;
    JSVarRef *ref;

    if (!b || i < 0 || i >= b->closure_var_count)
        return -1;
    p = JS_VALUE_GET_OBJ(fn);
    cv = &b->closure_var[i];
    *name = JS_DupAtom(ctx, cv->var_name);
    *kind = (cv->closure_type == JS_CLOSURE_GLOBAL_REF ||
             cv->closure_type == JS_CLOSURE_GLOBAL) ? PJ_CAPTURE_GLOBAL : PJ_CAPTURE_LOCAL;
    /* var_refs[] is filled when the closure is created (js_closure2); an entry stays NULL
       only for module imports, which are resolved through the module instead. */
    ref = p->u.func.var_refs ? p->u.func.var_refs[i] : NULL;
    if (ref && ref->pvalue)
        *value = JS_DupValue(ctx, *ref->pvalue);
    else
        *value = JS_UNINITIALIZED;
    return 0;
}

/* ---- values QuickJS's writer would flatten ---- */

/* Object pointers seen by the walk below: open addressing, grown at half load. */
typedef struct {
    JSObject **slots;
    uint32_t mask, count;
} PjSeen;

static uint32_t pj_seen_hash(const JSObject *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(h >> 32);
}

/* 1 if `p` was new (and is now recorded), 0 if seen before, -1 on allocation failure. */
static int pj_seen_add(JSContext *ctx, PjSeen *s, JSObject *p)
{
    uint32_t i;

    if (2 * (s->count + 1) > s->mask + 1) {
        uint32_t j, new_mask = s->mask ? 2 * s->mask + 1 : 63;
        JSObject **slots = js_mallocz(ctx, sizeof(slots[0]) * (new_mask + 1));
        if (!slots)
            return -1;
        for (j = 0; s->mask && j <= s->mask; j++) {
            if (s->slots[j]) {
                for (i = pj_seen_hash(s->slots[j]) & new_mask; slots[i]; i = (i + 1) & new_mask)
                    ;
                slots[i] = s->slots[j];
            }
        }
        js_free(ctx, s->slots);
        s->slots = slots;
        s->mask = new_mask;
    }
    for (i = pj_seen_hash(p) & s->mask; s->slots[i]; i = (i + 1) & s->mask) {
        if (s->slots[i] == p)
            return 0;
    }
    s->slots[i] = p;
    s->count++;
    return 1;
}

/* Whether an array has something JS_WriteArray would not carry over as structured clone
   does: a hole (or a length beyond its elements), an accessor or non-enumerable element,
   or an enumerable named property. Non-enumerable and symbol-keyed properties are not
   cloned anyway, and a frozen or sealed array (stored in QuickJS's slow form, one
   property per element) is regular when every element is there. */
static BOOL pj_is_irregular_array(JSContext *ctx, JSObject *p)
{
    JSValue len_val = p->prop[0].u.value; /* an array's first property is its length */
    JSShapeProperty *prs = get_shape_prop(p->shape);
    uint32_t len, i, elements = 0;

    if (JS_VALUE_GET_TAG(len_val) != JS_TAG_INT)
        return TRUE;
    len = (uint32_t)JS_VALUE_GET_INT(len_val);
    if (p->fast_array && p->u.array.count != len)
        return TRUE;
    for (i = 1; i < (uint32_t)p->shape->prop_count; i++) {
        JSAtom atom = prs[i].atom;
        if (atom == JS_ATOM_NULL)
            continue; /* deleted */
        if (__JS_AtomIsTaggedInt(atom)) {
            if (!(prs[i].flags & JS_PROP_ENUMERABLE) || (prs[i].flags & JS_PROP_TMASK) != JS_PROP_NORMAL)
                return TRUE;
            elements++;
        } else if ((prs[i].flags & JS_PROP_ENUMERABLE) && JS_AtomGetKind(ctx, atom) != JS_ATOM_KIND_SYMBOL) {
            return TRUE;
        }
    }
    return !p->fast_array && elements != len;
}

int pj_has_irregular_array(JSContext *ctx, JSValueConst v)
{
    PjSeen seen = { NULL, 0, 0 };
    JSObject **stack = NULL, *p;
    uint32_t depth = 0, size = 0, i;
    JSShapeProperty *prs;
    JSValue child;
    int found = 0, added;

    if (JS_VALUE_GET_TAG(v) != JS_TAG_OBJECT)
        return 0;
    p = JS_VALUE_GET_OBJ(v);
    /* depth-first over plain objects and arrays; other classes are copied whole by the
       writer (Date, buffers) or refused by it (and then take the envelope anyway) */
    for (;;) {
        /* An object with one reference is reached through that one edge only, so it cannot
           be met twice unless an object on the way has several, and those are recorded:
           tree-shaped data (the usual payload) needs no table at all. */
        added = __js_rc(p)->ref_count > 1 ? pj_seen_add(ctx, &seen, p) : 1;
        if (added < 0) {
            found = -1;
            break;
        }
        if (added && (p->class_id == JS_CLASS_ARRAY || p->class_id == JS_CLASS_OBJECT)) {
            if (p->class_id == JS_CLASS_ARRAY && pj_is_irregular_array(ctx, p)) {
                found = 1;
                break;
            }
            /* push object children: fast array elements, then data properties (which
               hold the elements of a slow array) */
            uint32_t n = p->class_id == JS_CLASS_ARRAY && p->fast_array ? p->u.array.count : 0;
            for (i = 0; i < n + (uint32_t)p->shape->prop_count; i++) {
                if (i < n) {
                    child = p->u.array.u.values[i];
                } else {
                    prs = &get_shape_prop(p->shape)[i - n];
                    if (prs->atom == JS_ATOM_NULL || (prs->flags & JS_PROP_TMASK) != JS_PROP_NORMAL)
                        continue;
                    child = p->prop[i - n].u.value;
                }
                if (JS_VALUE_GET_TAG(child) != JS_TAG_OBJECT)
                    continue;
                if (depth == size) {
                    uint32_t new_size = size ? 2 * size : 64;
                    JSObject **st = js_realloc(ctx, stack, sizeof(stack[0]) * new_size);
                    if (!st) {
                        found = -1;
                        goto done;
                    }
                    stack = st;
                    size = new_size;
                }
                stack[depth++] = JS_VALUE_GET_OBJ(child);
            }
        }
        if (depth == 0)
            break;
        p = stack[--depth];
    }
 done:
    js_free(ctx, stack);
    js_free(ctx, seen.slots);
    return found;
}

/* ---- exceptions ---- */

int pj_exception_is_uncatchable(JSContext *ctx)
{
    return JS_HasException(ctx) && ctx->rt->current_exception_is_uncatchable;
}

/* ---- GC pacing ---- */

size_t pj_gc_threshold(JSRuntime *rt)
{
    return rt->malloc_gc_threshold;
}
