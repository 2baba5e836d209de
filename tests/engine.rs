//! Unit tests of the safe engine layer (`protojs::engine`) and of the host (`protojs::host`).
//!
//! The debug build keeps QuickJS's leak assertion in JS_FreeRuntime: a test that leaks a JS
//! object aborts the whole test binary instead of passing.

use protojs::engine::{Args, Atom, Context, EvalKind, JsError, ObjectKind, OwnedContext, Runtime, Throw, Value};
use protojs::event_loop::Inbox;
use protojs::host::{Config, Host, Role};
use std::sync::Arc;

/// Runs `f` with a fresh runtime and context, then frees both (checking for leaks).
/// Every `Value` created by `f` is dropped when `f` returns, before the context is freed.
fn with_ctx<R>(f: impl FnOnce(Context, &Runtime) -> R) -> R {
    let owned = OwnedContext::new(Runtime::new());
    let r = f(owned.context(), owned.runtime());
    drop(owned);
    r
}

fn eval(ctx: Context, src: &str) -> Value {
    match ctx.eval(src.as_bytes(), "test.js", EvalKind::Script) {
        Ok(v) => v,
        Err(Throw) => panic!("eval of {src:?} threw: {}", JsError::from_value(&ctx.take_exception())),
    }
}

/// Evaluates `src`, which must throw; returns the exception as a JsError.
fn eval_err(ctx: Context, src: &str) -> JsError {
    match ctx.eval(src.as_bytes(), "test.js", EvalKind::Script) {
        Ok(_) => panic!("eval of {src:?} did not throw"),
        Err(Throw) => {
            assert!(ctx.has_exception());
            let e = JsError::from_value(&ctx.take_exception());
            assert!(!ctx.has_exception(), "take_exception must clear the exception");
            e
        }
    }
}

fn obj_count(rt: &Runtime) -> i64 {
    rt.memory_usage().obj_count
}

// ---- evaluation and conversions ----

#[test]
fn eval_numbers() {
    with_ctx(|ctx, _| {
        let v = eval(ctx, "1 + 2");
        assert!(v.is_number());
        assert_eq!(v.as_f64(), Some(3.0));
        assert_eq!(eval(ctx, "0.1 + 0.2").as_f64(), Some(0.1 + 0.2));
        assert_eq!(eval(ctx, "2 ** 53 + 2").to_i64().unwrap(), 9007199254740994);
        assert!(eval(ctx, "NaN").as_f64().unwrap().is_nan());
        assert_eq!(eval(ctx, "-0").as_f64().map(|f| f.is_sign_negative()), Some(true));
        assert_eq!(eval(ctx, "'42'").as_f64(), None, "as_f64 does not convert");
        assert_eq!(eval(ctx, "'42'").to_f64().unwrap(), 42.0, "to_f64 converts");
        assert_eq!(eval(ctx, "({ valueOf() { return 7 } })").to_f64().unwrap(), 7.0);
        assert_eq!(ctx.new_i32(-5).as_f64(), Some(-5.0));
        assert_eq!(ctx.new_f64(2.5).as_f64(), Some(2.5));
        assert_eq!(ctx.new_i64(1 << 40).to_i64().unwrap(), 1 << 40);
        let big = ctx.new_bigint_u64(u64::MAX);
        assert!(big.is_bigint());
        assert_eq!(big.to_string().unwrap(), "18446744073709551615");
        assert!(eval(ctx, "10n").is_bigint());
    });
}

#[test]
fn eval_other_primitives() {
    with_ctx(|ctx, _| {
        assert!(eval(ctx, "undefined").is_undefined());
        assert!(eval(ctx, "null").is_null());
        assert!(eval(ctx, "null").is_nullish() && eval(ctx, "void 0").is_nullish());
        assert_eq!(eval(ctx, "1 < 2").as_bool(), Some(true));
        assert_eq!(ctx.new_bool(false).as_bool(), Some(false));
        assert!(eval(ctx, "Symbol('s')").is_symbol());
        assert!(!eval(ctx, "''").truthy());
        assert!(eval(ctx, "'x'").truthy());
        assert!(!eval(ctx, "0").truthy());
        assert!(eval(ctx, "({})").truthy());
        assert!(Value::undefined(ctx).is_undefined());
        assert!(Value::null(ctx).is_null());
    });
}

#[test]
fn strings_round_trip() {
    with_ctx(|ctx, _| {
        let v = eval(ctx, "'hello' + ' ' + 'world'");
        assert!(v.is_string());
        assert_eq!(v.to_string().unwrap(), "hello world");
        for s in ["", "ascii", "é€😀", "with\0nul", "line\nbreak", &"long".repeat(10_000)] {
            let v = ctx.new_string(s);
            assert!(v.is_string());
            assert_eq!(v.to_string().unwrap(), s);
        }
        assert_eq!(eval(ctx, "'😀'.length").as_f64(), Some(2.0), "a non-BMP char is two UTF-16 units");
        assert_eq!(eval(ctx, "'a\\u0000b'").to_string().unwrap(), "a\0b");
        assert_eq!(eval(ctx, "12.5").to_string().unwrap(), "12.5");
        assert_eq!(eval(ctx, "[1, [2, 3]]").to_string().unwrap(), "1,2,3");
        // A lone surrogate becomes one U+FFFD (as TextEncoder does).
        assert_eq!(eval(ctx, "'x\\ud800y'").to_string().unwrap(), "x\u{FFFD}y");
    });
}

#[test]
fn to_string_errors() {
    with_ctx(|ctx, _| {
        let sym = eval(ctx, "Symbol('s')");
        assert_eq!(sym.to_string(), Err(Throw), "ToString(symbol) throws");
        let e = JsError::from_value(&ctx.take_exception());
        assert_eq!(e.name, "TypeError");
        assert_eq!(sym.to_string_lossy(), "<unprintable value>");
        assert!(!ctx.has_exception(), "to_string_lossy clears the exception");
        let bad = eval(ctx, "({ toString() { throw new Error('no') } })");
        assert_eq!(bad.to_string(), Err(Throw));
        assert_eq!(JsError::from_value(&ctx.take_exception()).message, "no");
    });
}

// ---- objects, properties, functions ----

#[test]
fn object_properties() {
    with_ctx(|ctx, _| {
        let o = ctx.new_object();
        assert!(o.is_object());
        o.set("a", ctx.new_i32(1)).unwrap();
        o.set("s", ctx.new_string("str")).unwrap();
        o.set("nested", ctx.new_object()).unwrap();
        o.get("nested").unwrap().set("deep", ctx.new_bool(true)).unwrap();
        assert_eq!(o.get("a").unwrap().as_f64(), Some(1.0));
        assert_eq!(o.get("s").unwrap().to_string().unwrap(), "str");
        assert!(o.get("missing").unwrap().is_undefined());
        assert_eq!(o.get("nested").unwrap().get("deep").unwrap().as_bool(), Some(true));
        o.set("a", ctx.new_i32(2)).unwrap();
        assert_eq!(o.get("a").unwrap().as_f64(), Some(2.0), "set overwrites");
        o.define_hidden("hidden", ctx.new_i32(3)).unwrap();
        assert_eq!(o.get("hidden").unwrap().as_f64(), Some(3.0));
        ctx.global().set("o", o.clone()).unwrap();
        assert_eq!(eval(ctx, "JSON.stringify(o)").to_string().unwrap(), r#"{"a":2,"s":"str","nested":{"deep":true}}"#);
        assert_eq!(eval(ctx, "Object.keys(o).includes('hidden')").as_bool(), Some(false), "define_hidden is non-enumerable");
        // Properties set from JS are visible from Rust.
        eval(ctx, "o.fromJs = [10, 20]");
        let arr = o.get("fromJs").unwrap();
        assert!(arr.is_array());
        assert_eq!(arr.get_index(1).unwrap().as_f64(), Some(20.0));
        assert!(arr.get_index(5).unwrap().is_undefined());
    });
}

#[test]
fn arrays() {
    with_ctx(|ctx, _| {
        let a = ctx.new_array_from(vec![ctx.new_i32(1), ctx.new_string("two"), ctx.new_object()]).unwrap();
        assert!(a.is_array());
        assert_eq!(a.kind(), ObjectKind::Array);
        assert_eq!(a.get("length").unwrap().as_f64(), Some(3.0));
        assert_eq!(a.get_index(1).unwrap().to_string().unwrap(), "two");
        a.set_index(5, ctx.new_i32(6)).unwrap();
        assert_eq!(a.get("length").unwrap().as_f64(), Some(6.0));
        assert_eq!(ctx.new_array().get("length").unwrap().as_f64(), Some(0.0));
    });
}

#[test]
fn property_access_errors() {
    with_ctx(|ctx, _| {
        let o = eval(ctx, "({ get bad() { throw new TypeError('getter failed') } })");
        assert_eq!(o.get("bad").err(), Some(Throw));
        let e = JsError::from_value(&ctx.take_exception());
        assert_eq!((e.name.as_str(), e.message.as_str()), ("TypeError", "getter failed"));
        let frozen = eval(ctx, "'use strict'; Object.freeze({ x: 1 })");
        // JS_SetProperty on a frozen object fails only in strict code; either way no crash
        // and the value is unchanged.
        let _ = frozen.set("x", ctx.new_i32(2));
        drop(ctx.take_exception());
        assert_eq!(frozen.get("x").unwrap().as_f64(), Some(1.0));
        // Getting a property of undefined throws a TypeError.
        assert_eq!(Value::undefined(ctx).get("x").err(), Some(Throw));
        assert_eq!(JsError::from_value(&ctx.take_exception()).name, "TypeError");
    });
}

#[test]
fn calling_functions() {
    with_ctx(|ctx, _| {
        let add = eval(ctx, "(function add(a, b) { return a + b; })");
        assert!(add.is_function());
        let r = add.call(&Value::undefined(ctx), &[ctx.new_i32(2), ctx.new_i32(40)]).unwrap();
        assert_eq!(r.as_f64(), Some(42.0));
        let concat = add.call(&Value::undefined(ctx), &[ctx.new_string("a"), ctx.new_string("b")]).unwrap();
        assert_eq!(concat.to_string().unwrap(), "ab");
        // `this` is passed through.
        let get_x = eval(ctx, "(function () { return this.x; })");
        let this = eval(ctx, "({ x: 'this works' })");
        assert_eq!(get_x.call(&this, &[]).unwrap().to_string().unwrap(), "this works");
        // call_method
        let obj = eval(ctx, "({ n: 10, plus(k) { return this.n + k; } })");
        assert_eq!(obj.call_method("plus", &[ctx.new_i32(5)]).unwrap().as_f64(), Some(15.0));
        // Calling a non-function throws a TypeError.
        assert_eq!(obj.call(&Value::undefined(ctx), &[]).err(), Some(Throw));
        assert_eq!(JsError::from_value(&ctx.take_exception()).name, "TypeError");
        assert_eq!(obj.call_method("missing", &[]).err(), Some(Throw));
        drop(ctx.take_exception());
        // A function that throws.
        let thrower = eval(ctx, "(function () { throw new SyntaxError('from fn'); })");
        assert_eq!(thrower.call(&Value::undefined(ctx), &[]).err(), Some(Throw));
        assert_eq!(JsError::from_value(&ctx.take_exception()).name, "SyntaxError");
        // construct
        let date = ctx.construct(&eval(ctx, "Date"), &[ctx.new_f64(0.0)]).unwrap();
        assert_eq!(date.kind(), ObjectKind::Date);
        assert_eq!(date.call_method("toISOString", &[]).unwrap().to_string().unwrap(), "1970-01-01T00:00:00.000Z");
    });
}

fn native_sum(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let mut total = 0.0;
    for i in 0..args.len() {
        total += args.f64(i)?;
    }
    Ok(ctx.new_f64(total))
}

fn native_fail(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    Err(ctx.throw_range_error(&format!("bad value {}", args.string(0)?)))
}

fn native_rest(ctx: Context, this: &Value, args: &Args) -> Result<Value, Throw> {
    let mut items = vec![this.get("tag")?];
    items.extend(args.rest(1));
    assert!(args.get(99).is_undefined(), "a missing argument is undefined");
    ctx.new_array_from(items)
}

fn native_panic(_ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    panic!("deliberate panic in a native function");
}

#[test]
fn native_functions() {
    with_ctx(|ctx, _| {
        let g = ctx.global();
        g.set("sum", ctx.new_function(protojs::native!(native_sum), "sum", 2)).unwrap();
        g.set("fail", ctx.new_function(protojs::native!(native_fail), "fail", 1)).unwrap();
        g.set("rest", ctx.new_function(protojs::native!(native_rest), "rest", 0)).unwrap();
        assert_eq!(eval(ctx, "sum(1, 2, 3.5)").as_f64(), Some(6.5));
        assert_eq!(eval(ctx, "sum()").as_f64(), Some(0.0));
        assert_eq!(eval(ctx, "sum.name + '/' + sum.length").to_string().unwrap(), "sum/2");
        assert_eq!(eval(ctx, "typeof sum").to_string().unwrap(), "function");
        assert_eq!(g.get("sum").unwrap().kind(), ObjectKind::NativeFunction);
        // An exception thrown by a native is catchable in JS.
        let caught = eval(ctx, "try { fail('x'); 'no' } catch (e) { e instanceof RangeError && e.message }");
        assert_eq!(caught.to_string().unwrap(), "bad value x");
        // A conversion error inside a native propagates (ToNumber of a Symbol).
        let e = eval_err(ctx, "sum(Symbol())");
        assert_eq!(e.name, "TypeError");
        assert_eq!(eval(ctx, "JSON.stringify(rest.call({ tag: 't' }, 0, 1, 'two'))").to_string().unwrap(), r#"["t",1,"two"]"#);
        // Called from Rust too.
        let r = g.get("sum").unwrap().call(&Value::undefined(ctx), &[ctx.new_i32(4), ctx.new_i32(5)]).unwrap();
        assert_eq!(r.as_f64(), Some(9.0));
    });
}

#[test]
fn native_panic_becomes_a_js_error() {
    with_ctx(|ctx, _| {
        ctx.global().set("boom", ctx.new_function(protojs::native!(native_panic), "boom", 0)).unwrap();
        let r = eval(ctx, "try { boom(); 'no error' } catch (e) { e.name + ': ' + e.message }");
        let s = r.to_string().unwrap();
        assert!(s.starts_with("InternalError: protojs internal error"), "{s}");
        assert!(s.contains("deliberate panic"), "{s}");
    });
}

// ---- exceptions ----

#[test]
fn exceptions_become_js_errors() {
    with_ctx(|ctx, _| {
        let e = eval_err(ctx, "function thrower() { throw new RangeError('x'); }\nthrower();");
        assert!(e.is_error);
        assert_eq!(e.name, "RangeError");
        assert_eq!(e.message, "x");
        assert!(e.stack.contains("at thrower ("), "stack: {:?}", e.stack);
        assert!(e.stack.contains("test.js:1"), "stack: {:?}", e.stack);
        let shown = e.to_string();
        assert!(shown.starts_with("RangeError: x\n"), "{shown:?}");
        assert!(shown.contains("at thrower"), "{shown:?}");

        for (src, name) in [
            ("null.x", "TypeError"),
            ("undefinedName", "ReferenceError"),
            ("new Array(-1)", "RangeError"),
            ("decodeURIComponent('%')", "URIError"),
            ("throw new EvalError('e')", "EvalError"),
            ("throw new Error('plain')", "Error"),
        ] {
            let e = eval_err(ctx, src);
            assert_eq!(e.name, name, "{src}");
            assert!(e.is_error, "{src}");
            assert!(!e.message.is_empty() || name == "Error", "{src}");
        }
    });
}

#[test]
fn syntax_errors() {
    with_ctx(|ctx, _| {
        let e = eval_err(ctx, "let x = ;");
        assert_eq!(e.name, "SyntaxError");
        assert!(e.stack.contains("test.js:1"), "stack: {:?}", e.stack);
        let e = eval_err(ctx, "\n\nfunction (");
        assert_eq!(e.name, "SyntaxError");
        assert!(e.stack.contains("test.js:3"), "stack: {:?}", e.stack);
        // Compile-only also reports syntax errors, and a good script compiles without running.
        assert!(ctx.eval(b"}", "c.js", EvalKind::CompileScript).is_err());
        assert_eq!(JsError::from_value(&ctx.take_exception()).name, "SyntaxError");
        let compiled = ctx.eval(b"globalThis.ran = true; 5", "c.js", EvalKind::CompileScript).unwrap();
        assert!(eval(ctx, "globalThis.ran").is_undefined(), "CompileScript must not run the code");
        let r = ctx.eval_function(compiled).unwrap();
        assert_eq!(r.as_f64(), Some(5.0));
        assert_eq!(eval(ctx, "globalThis.ran").as_bool(), Some(true));
    });
}

#[test]
fn thrown_non_errors() {
    with_ctx(|ctx, _| {
        let e = eval_err(ctx, "throw 'just a string'");
        assert!(!e.is_error);
        assert_eq!(e.message, "just a string");
        assert_eq!(e.name, "");
        assert_eq!(e.to_string(), "just a string");
        let e = eval_err(ctx, "throw 42");
        assert!(!e.is_error);
        assert_eq!(e.message, "42");
        // An object with a message counts as error-like.
        let e = eval_err(ctx, "throw { name: 'Custom', message: 'duck-typed' }");
        assert!(e.is_error);
        assert_eq!((e.name.as_str(), e.message.as_str()), ("Custom", "duck-typed"));
        assert_eq!(e.to_string(), "Custom: duck-typed");
        // A subclass keeps its name.
        let e = eval_err(ctx, "class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } }; throw new MyErr('sub')");
        assert_eq!((e.name.as_str(), e.message.as_str(), e.is_error), ("MyErr", "sub", true));
    });
}

#[test]
fn throwing_from_rust() {
    with_ctx(|ctx, _| {
        let t = ctx.throw_type_error("from rust");
        assert_eq!(t, Throw);
        assert!(ctx.has_exception());
        let e = JsError::from_value(&ctx.take_exception());
        assert_eq!((e.name.as_str(), e.message.as_str()), ("TypeError", "from rust"));
        ctx.throw_range_error("range");
        assert_eq!(JsError::from_value(&ctx.take_exception()).name, "RangeError");
        ctx.throw_error_of("NoSuchErrorClass", "fallback");
        let e = JsError::from_value(&ctx.take_exception());
        assert_eq!((e.name.as_str(), e.message.as_str()), ("NoSuchErrorClass", "fallback"));
        ctx.throw(ctx.new_string("thrown value"));
        let v = ctx.take_exception();
        assert_eq!(v.to_string().unwrap(), "thrown value");
        assert!(!ctx.has_exception());
        let err = ctx.new_error("SyntaxError", "made").unwrap();
        assert!(err.is_error());
        assert_eq!(err.kind(), ObjectKind::Error);
        assert!(!ctx.has_exception(), "new_error does not throw");
    });
}

// ---- ownership and reference counts ----

#[test]
fn clone_keeps_the_value_alive() {
    with_ctx(|ctx, rt| {
        let base = obj_count(rt);
        let original = eval(ctx, "({ payload: 'kept' })");
        let count_with_one = obj_count(rt);
        assert!(count_with_one > base);
        let copy = original.clone();
        assert!(copy.same_as(&original));
        assert_eq!(obj_count(rt), count_with_one, "clone shares the object");
        drop(original);
        assert_eq!(obj_count(rt), count_with_one, "the clone keeps it alive");
        assert_eq!(copy.get("payload").unwrap().to_string().unwrap(), "kept");
        drop(copy);
        assert_eq!(obj_count(rt), base, "the last reference frees it (no GC needed)");
    });
}

#[test]
fn values_outlive_the_js_reference() {
    with_ctx(|ctx, rt| {
        // The only JS reference goes away; the Rust Value keeps the object alive, even
        // across a garbage collection.
        let v = eval(ctx, "globalThis.tmp = { n: 1, list: [{ deep: 'x' }] }; globalThis.tmp");
        eval(ctx, "delete globalThis.tmp; for (let i = 0; i < 1000; i++) globalThis.junk = { i }");
        rt.run_gc();
        assert_eq!(v.get("n").unwrap().as_f64(), Some(1.0));
        let deep = v.get("list").unwrap().get_index(0).unwrap();
        drop(v);
        rt.run_gc();
        assert_eq!(deep.get("deep").unwrap().to_string().unwrap(), "x", "a child outlives its parent");
    });
}

#[test]
fn gc_frees_cycles() {
    with_ctx(|ctx, rt| {
        let base = obj_count(rt);
        {
            let a = ctx.new_object();
            let b = ctx.new_object();
            a.set("b", b.clone()).unwrap();
            b.set("a", a.clone()).unwrap();
        }
        assert!(obj_count(rt) >= base + 2, "a cycle is not freed by reference counting");
        rt.run_gc();
        assert_eq!(obj_count(rt), base, "run_gc collects the cycle");
    });
}

#[test]
fn many_values_do_not_leak() {
    with_ctx(|ctx, rt| {
        // Warm up: the first evals create shapes and other cached objects.
        for _ in 0..10 {
            drop(eval(ctx, "({ a: [1, 2, { b: 'c' }] })"));
        }
        rt.run_gc();
        let base = rt.memory_usage();
        for i in 0..10_000 {
            let o = ctx.new_object();
            o.set("i", ctx.new_i32(i)).unwrap();
            o.set("s", ctx.new_string("some string value")).unwrap();
            let arr = ctx.new_array_from(vec![o.clone(), ctx.new_f64(i as f64), ctx.new_string("x")]).unwrap();
            let copy = arr.clone();
            drop(arr);
            assert_eq!(copy.get_index(0).unwrap().get("i").unwrap().as_f64(), Some(i as f64));
            let from_js = eval(ctx, "({ a: [1, 2, { b: 'c' }] })");
            let _ = from_js.get("a").unwrap().get_index(2).unwrap();
            let _atom = Atom::new(ctx, &format!("prop{}", i % 50));
            let _big = ctx.new_bigint_u64(i as u64 * 1_000_000_007);
        }
        let after = rt.memory_usage();
        assert!(
            after.obj_count <= base.obj_count + 16,
            "obj_count grew from {} to {} after 10,000 create/drop rounds",
            base.obj_count,
            after.obj_count
        );
        assert!(
            after.memory_used_size <= base.memory_used_size + 256 * 1024,
            "memory_used_size grew from {} to {}",
            base.memory_used_size,
            after.memory_used_size
        );
    });
}

// ---- atoms ----

#[test]
fn atoms() {
    with_ctx(|ctx, _| {
        let a = Atom::new(ctx, "foo");
        assert_eq!(a.to_string_lossy(), "foo");
        let same = Atom::new(ctx, "foo");
        assert_eq!(a.raw(), same.raw(), "atoms are interned");
        assert_ne!(a.raw(), Atom::new(ctx, "bar").raw());
        let o = eval(ctx, "({ foo: 1, 'héllo wörld': 2, 123: 3, '': 4 })");
        assert_eq!(o.get_atom(&a).unwrap().as_f64(), Some(1.0));
        let uni = Atom::new(ctx, "héllo wörld");
        assert_eq!(uni.to_string_lossy(), "héllo wörld");
        assert_eq!(o.get_atom(&uni).unwrap().as_f64(), Some(2.0));
        let num = Atom::new(ctx, "123");
        assert_eq!(num.to_string_lossy(), "123");
        assert_eq!(o.get_atom(&num).unwrap().as_f64(), Some(3.0));
        assert_eq!(o.get_atom(&Atom::new(ctx, "")).unwrap().as_f64(), Some(4.0));
        for i in 0..10_000 {
            let _ = Atom::new(ctx, &format!("transient_{i}"));
        }
    });
}

// ---- object kinds ----

#[test]
fn object_kinds() {
    with_ctx(|ctx, _| {
        use ObjectKind::*;
        let cases: &[(&str, ObjectKind)] = &[
            ("1", NotObject),
            ("'s'", NotObject),
            ("null", NotObject),
            ("undefined", NotObject),
            ("Symbol()", NotObject),
            ("1n", NotObject),
            ("({})", Plain),
            ("Object.create(null)", Plain),
            ("new (class Foo {})()", Plain),
            ("[]", Array),
            ("new Error('e')", Error),
            ("new TypeError('e')", Error),
            ("new (class E extends Error {})()", Error),
            ("new Number(1)", Boxed),
            ("new String('s')", Boxed),
            ("new Boolean(false)", Boxed),
            ("Object(1n)", Boxed),
            ("Object(Symbol())", SymbolBox),
            ("new Date()", Date),
            ("/re/g", RegExp),
            ("new Map()", Map),
            ("new Set()", Set),
            ("new WeakMap()", Weak),
            ("new WeakSet()", Weak),
            ("new WeakRef({})", Weak),
            ("new FinalizationRegistry(() => {})", Weak),
            ("new ArrayBuffer(8)", ArrayBuffer),
            ("new SharedArrayBuffer(8)", SharedArrayBuffer),
            ("new Uint8Array(2)", TypedArray),
            ("new Uint8ClampedArray(2)", TypedArray),
            ("new Int32Array(2)", TypedArray),
            ("new Float64Array(2)", TypedArray),
            ("new BigInt64Array(2)", TypedArray),
            ("new BigUint64Array(2)", TypedArray),
            ("new DataView(new ArrayBuffer(4))", DataView),
            ("(function f() {})", JsFunction),
            ("(() => 1)", JsFunction),
            ("(class K {})", JsFunction),
            ("(async function () {})", JsFunction),
            ("(function* () {})", JsFunction),
            ("(async function* () {})", JsFunction),
            ("Math.max", NativeFunction),
            ("Array", NativeFunction),
            ("(function () {}).bind(null)", BoundFunction),
            ("new Proxy({}, {})", Proxy),
            ("new Proxy(function () {}, {})", Proxy),
            ("Promise.resolve(1)", Promise),
            ("(async () => {})()", Promise),
            ("(function () { return arguments; })(1, 2)", Arguments),
            ("(function () { 'use strict'; return arguments; })()", Arguments),
            ("(function* () {})()", Generator),
            ("(async function* () {})()", Generator),
            ("new Map().entries()", Other),
            ("Math", Plain),
            ("JSON", Plain),
        ];
        for (src, want) in cases {
            let v = eval(ctx, src);
            assert_eq!(v.kind(), *want, "kind of {src}");
        }
        // is_* helpers agree with kinds.
        assert!(eval(ctx, "new TypeError()").is_error());
        assert!(!eval(ctx, "({ message: 'x' })").is_error());
        assert!(eval(ctx, "[]").is_array());
        assert!(!eval(ctx, "new Uint8Array(1)").is_array());
        assert!(eval(ctx, "new Proxy(function () {}, {})").is_function());
        assert!(!eval(ctx, "new Proxy({}, {})").is_function());
        assert!(eval(ctx, "Math.max").is_function());
    });
}

#[test]
fn module_namespace_kind() {
    with_ctx(|ctx, rt| {
        // Evaluating a module returns a promise (top-level await).
        let p = ctx.eval(b"export const x = 1; globalThis.moduleRan = true;", "m.mjs", EvalKind::Module).unwrap();
        assert_eq!(p.kind(), ObjectKind::Promise);
        while rt.run_pending_job().unwrap() {}
        assert_eq!(eval(ctx, "globalThis.moduleRan").as_bool(), Some(true));
        let compiled = ctx.eval(b"export default 1;", "n.mjs", EvalKind::CompileModule).unwrap();
        assert!(!compiled.is_undefined());
    });
}

// ---- buffers ----

#[test]
fn array_buffers_and_typed_arrays() {
    with_ctx(|ctx, _| {
        let buf = ctx.new_array_buffer(&[1, 2, 3, 4]).unwrap();
        assert_eq!(buf.kind(), ObjectKind::ArrayBuffer);
        assert_eq!(buf.get("byteLength").unwrap().as_f64(), Some(4.0));
        // SAFETY: no JS runs while the slice is alive.
        let bytes = unsafe { buf.array_buffer_bytes() }.unwrap().to_vec();
        assert_eq!(bytes, [1, 2, 3, 4]);
        assert!(unsafe { ctx.new_object().array_buffer_bytes() }.is_none());
        assert!(!ctx.has_exception());

        let u8 = ctx.new_uint8_array(b"hello").unwrap();
        assert_eq!(u8.kind(), ObjectKind::TypedArray);
        assert_eq!(u8.get("length").unwrap().as_f64(), Some(5.0), "new_uint8_array: length");
        assert_eq!(u8.get("byteLength").unwrap().as_f64(), Some(5.0));
        assert_eq!(u8.get_index(0).unwrap().as_f64(), Some(b'h' as f64));
        let (b, off, len) = u8.typed_array_parts().unwrap();
        assert_eq!((off, len), (0, 5));
        assert_eq!(unsafe { b.array_buffer_bytes() }.unwrap(), b"hello");

        let sub = eval(ctx, "new Uint16Array(new ArrayBuffer(16), 4, 3)");
        let (_, off, len) = sub.typed_array_parts().unwrap();
        assert_eq!((off, len), (4, 6), "byte offset and byte length");
        let empty = ctx.new_uint8_array(&[]).unwrap();
        assert_eq!(empty.get("length").unwrap().as_f64(), Some(0.0));
    });
}

// ---- promises and jobs ----

#[test]
fn promises() {
    with_ctx(|ctx, rt| {
        let (p, resolve, reject) = ctx.new_promise().unwrap();
        assert_eq!(p.kind(), ObjectKind::Promise);
        assert!(resolve.is_function() && reject.is_function());
        ctx.global().set("p", p.clone()).unwrap();
        eval(ctx, "globalThis.log = []; p.then((v) => log.push('resolved ' + v))");
        assert!(!rt.is_job_pending());
        resolve.call(&Value::undefined(ctx), &[ctx.new_i32(42)]).unwrap();
        assert!(rt.is_job_pending());
        while rt.run_pending_job().unwrap() {}
        assert!(!rt.is_job_pending());
        assert_eq!(eval(ctx, "log.join()").to_string().unwrap(), "resolved 42");
        // Resolving twice does nothing.
        resolve.call(&Value::undefined(ctx), &[ctx.new_i32(1)]).unwrap();
        reject.call(&Value::undefined(ctx), &[ctx.new_i32(2)]).unwrap();
        while rt.run_pending_job().unwrap() {}
        assert_eq!(eval(ctx, "log.join()").to_string().unwrap(), "resolved 42");

        let (p2, _res2, rej2) = ctx.new_promise().unwrap();
        ctx.global().set("p2", p2).unwrap();
        eval(ctx, "p2.catch((e) => log.push('rejected ' + e.message))");
        rej2.call(&Value::undefined(ctx), &[ctx.new_error("Error", "nope").unwrap()]).unwrap();
        while rt.run_pending_job().unwrap() {}
        assert_eq!(eval(ctx, "log.join('|')").to_string().unwrap(), "resolved 42|rejected nope");
    });
}

#[test]
fn job_order_and_job_errors() {
    with_ctx(|ctx, rt| {
        eval(
            ctx,
            "globalThis.order = [];
             Promise.resolve().then(() => order.push(1)).then(() => order.push(3));
             Promise.resolve().then(() => order.push(2));
             order.push(0);",
        );
        let mut ran = 0;
        while rt.run_pending_job().unwrap() {
            ran += 1;
        }
        assert!(ran >= 3);
        assert_eq!(eval(ctx, "order.join()").to_string().unwrap(), "0,1,2,3");
        // A promise job that throws rejects its promise; it is not a job error.
        eval(ctx, "globalThis.caught = null; Promise.resolve().then(() => { throw new Error('in job') }).catch((e) => caught = e.message)");
        while rt.run_pending_job().unwrap() {}
        assert_eq!(eval(ctx, "caught").to_string().unwrap(), "in job");
    });
}

#[test]
fn memory_limit() {
    with_ctx(|ctx, rt| {
        rt.set_memory_limit(Some(8 << 20));
        let e = eval_err(ctx, "const a = []; for (;;) a.push('x'.repeat(1000) + a.length);");
        assert!(e.message.contains("out of memory") || e.name == "InternalError", "{e:?}");
        rt.set_memory_limit(None);
        rt.run_gc();
        assert_eq!(eval(ctx, "1 + 1").as_f64(), Some(2.0), "the context is usable after OOM");
    });
}

#[test]
fn stack_overflow_is_an_error() {
    with_ctx(|ctx, _| {
        let e = eval_err(ctx, "function r() { return r() + 1; } r();");
        assert!(e.name == "RangeError" || e.name == "InternalError", "{e:?}");
        assert!(e.message.contains("stack"), "{e:?}");
    });
}

#[test]
fn several_runtimes_side_by_side() {
    let a = OwnedContext::new(Runtime::new());
    let b = OwnedContext::new(Runtime::new());
    {
        let va = eval(a.context(), "globalThis.who = 'a'; who");
        let vb = eval(b.context(), "typeof globalThis.who");
        assert_eq!(va.to_string().unwrap(), "a");
        assert_eq!(vb.to_string().unwrap(), "undefined", "runtimes do not share globals");
    }
    drop(a);
    assert_eq!(eval(b.context(), "1").as_f64(), Some(1.0));
    drop(b);
}

#[test]
fn runtime_on_another_thread() {
    let h = std::thread::spawn(|| {
        with_ctx(|ctx, _| eval(ctx, "[1, 2, 3].map((x) => x * 2).join()").to_string().unwrap())
    });
    assert_eq!(h.join().unwrap(), "2,4,6");
}

#[test]
fn context_opaque() {
    with_ctx(|ctx, _| {
        assert!(ctx.opaque().is_null());
        let mut data = 5u32;
        // SAFETY: nothing reads the pointer as a Host; it is reset before `data` goes.
        unsafe { ctx.set_opaque(&mut data as *mut u32 as *mut _) };
        assert_eq!(ctx.opaque() as *mut u32, &mut data as *mut u32);
        // SAFETY: null is never dereferenced.
        unsafe { ctx.set_opaque(std::ptr::null_mut()) };
    });
}

// ---- host ----

fn new_host(argv: &[&str]) -> Box<Host> {
    let config = Config { argv: argv.iter().map(|s| s.to_string()).collect(), ..Config::default() };
    Host::new(Role::Main, Arc::new(config), Arc::new(Inbox::new()))
}

fn host_eval(host: &Host, src: &str) -> String {
    eval(host.ctx, src).to_string().unwrap()
}

#[test]
fn host_runs_the_event_loop() {
    let host = new_host(&["protojs", "/x/main.js", "arg"]);
    assert!(std::ptr::eq(Host::get(host.ctx), &*host));
    let src = b"globalThis.order = [];
        setTimeout(() => order.push('timeout'), 0);
        setImmediate(() => order.push('immediate'));
        Promise.resolve().then(() => order.push('promise'));
        process.nextTick(() => order.push('tick'));
        order.push('sync');";
    host.run_main(src, "/x/main.js", false).unwrap();
    host.run_loop();
    let order = host_eval(&host, "order.join()");
    assert!(order.starts_with("sync,tick,promise,"), "{order}");
    assert!(order.contains("timeout") && order.contains("immediate"), "{order}");
    assert_eq!(host_eval(&host, "process.argv.join(' ')"), "protojs /x/main.js arg");
    assert_eq!(host.exit_code(), 0);
    drop(host);
}

#[test]
fn host_exit_codes() {
    let host = new_host(&["protojs"]);
    host.run_main(b"process.exitCode = 3", "a.js", false).unwrap();
    host.run_loop();
    assert_eq!(host.exit_code(), 3);
    drop(host);

    let host = new_host(&["protojs"]);
    let r = host.run_main(b"setTimeout(() => {}, 100000); process.exit(5); globalThis.after = 1", "b.js", false);
    assert!(r.is_err(), "process.exit unwinds the main script");
    host.run_loop();
    assert_eq!(host.exit_code(), 5);
    assert!(host.should_stop());
    assert_eq!(host_eval(&host, "typeof globalThis.after"), "undefined");
    drop(host);
}

#[test]
fn host_module_entry_point() {
    let host = new_host(&["protojs"]);
    host.run_main(b"globalThis.got = await new Promise((r) => setTimeout(() => r('tla done'), 1));", "m.mjs", true).unwrap();
    host.run_loop();
    assert_eq!(host_eval(&host, "globalThis.got"), "tla done");
    assert_eq!(host.exit_code(), 0);
    drop(host);
}

#[test]
fn host_inbox_wakes_the_loop() {
    let host = new_host(&["protojs"]);
    host.refs.set(host.refs.get() + 1);
    let inbox = host.inbox.clone();
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(30));
        inbox.post(Box::new(|ctx: Context| {
            let h = Host::get(ctx);
            h.refs.set(h.refs.get() - 1);
            ctx.global().set("fromThread", ctx.new_string("posted")).unwrap();
        }));
    });
    let start = std::time::Instant::now();
    host.run_loop();
    t.join().unwrap();
    assert!(start.elapsed() >= std::time::Duration::from_millis(25), "the loop waited for the message");
    assert_eq!(host_eval(&host, "fromThread"), "posted");
    drop(host);
}

#[test]
fn host_lazy_globals_and_values_are_freed() {
    // Touch every lazy global and leave timers and ticks pending: dropping the host must
    // free them all (the leak check in JS_FreeRuntime would abort otherwise).
    let host = new_host(&["protojs"]);
    host.run_main(
        b"const all = [console, process, performance, TextEncoder, TextDecoder, atob, btoa];
          setTimeout(() => {}, 100000);
          setInterval(() => {}, 100000);
          setImmediate(() => {});
          process.nextTick(() => {});
          globalThis.cycle = { all }; cycle.self = cycle;
          Promise.reject(new Error('never reported: the loop does not run'));",
        "c.js",
        false,
    )
    .unwrap();
    assert_eq!(host_eval(&host, "typeof TextDecoder"), "function");
    drop(host);
}
