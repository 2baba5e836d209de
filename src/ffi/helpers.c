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

/* ---- promises settled from Rust ---- */

JSValue pj_new_promise(JSContext *ctx, JSValueConst new_target)
{
    JSValue obj;
    JSPromiseData *s;
    int i;

    /* as js_promise_constructor, minus the executor and the resolving functions */
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
    return obj;
}

void pj_settle_promise(JSContext *ctx, JSValueConst promise, JSValueConst value, int is_reject)
{
    /* fulfill_or_reject_promise checks the class and that the promise is pending */
    fulfill_or_reject_promise(ctx, promise, value, is_reject != 0);
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
