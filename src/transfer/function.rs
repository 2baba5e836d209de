//! Functions across runtimes, as bytecode.
//!
//! A live function object cannot be written (`JS_WriteObject` refuses its class), so a
//! function travels as source recompiled to bytecode: `fn.toString()` is wrapped in a script
//!
//! ```js
//! (function (captured1, captured2) { const helper = (/* helper source */); return (/* fn source */); })
//! ```
//!
//! compiled once here (`JS_EVAL_FLAG_COMPILE_ONLY`), written with `JS_WRITE_OBJ_BYTECODE`,
//! read and evaluated once per worker. Each task calls the wrapper with the current values
//! of the captured variables (copied like arguments), which yields the function to call.
//! Captured functions (helpers) are inlined the same way, recursively.
//!
//! Captures are found with `pj_closure_var` (our C peek at the function's closure
//! variables). A reference to a global counts only if it names a binding the script created:
//! builtins (Math, console, ...) exist in the worker's realm too.

use crate::engine::{Atom, Context, EvalKind, ObjectKind, Throw, Value};
use crate::ffi;
use crate::host::Host;
use std::sync::atomic::{AtomicU64, Ordering};

/// A compiled function, shared (read-only) with every worker.
#[derive(Debug)]
pub struct FunctionCode {
    /// Unique in the process: workers cache the evaluated wrapper under it.
    pub id: u64,
    pub name: String,
    /// Bytecode of the wrapper script.
    pub bytecode: Vec<u8>,
    /// Names of the wrapper's parameters (captured non-function variables), in order.
    pub params: Vec<String>,
}

/// What a function captures right now.
pub struct Captures {
    /// Captured non-function variables: (name, current value).
    pub params: Vec<(String, Value)>,
    /// Captured functions, inlined as source: (name, function).
    pub helpers: Vec<(String, Value)>,
}

impl Captures {
    /// Whether code compiled for `other` also serves these captures.
    pub fn same_shape(&self, other: &Captures) -> bool {
        self.params.len() == other.params.len()
            && self.helpers.len() == other.helpers.len()
            && self.params.iter().zip(&other.params).all(|(a, b)| a.0 == b.0)
            && self.helpers.iter().zip(&other.helpers).all(|(a, b)| a.0 == b.0 && a.1.same_as(&b.1))
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !matches!(name, "this" | "arguments")
}

/// Describes why a function cannot run in a worker, or Ok.
fn check_sendable(ctx: Context, f: &Value, label: &str) -> Result<(), Throw> {
    let kind = f.kind();
    if kind == ObjectKind::JsFunction {
        return Ok(());
    }
    let name = f.get("name").map(|n| n.to_string_lossy()).unwrap_or_default();
    let shown = if name.is_empty() { "(anonymous)".to_string() } else { format!("'{name}'") };
    match kind {
        ObjectKind::NativeFunction => Err(ctx.throw_type_error(&format!(
            "Deferred: {label} is the native function {shown}, which cannot be sent to a worker; \
             wrap the call in a function written in JavaScript, e.g. (x) => {name}(x)"
        ))),
        ObjectKind::BoundFunction => Err(ctx.throw_type_error(&format!(
            "Deferred: {label} is the bound function {shown}, which cannot be sent to a worker; \
             pass the original function and give the bound values as arguments"
        ))),
        _ => Err(ctx.throw_type_error(&format!(
            "Deferred: {label} must be a function written in JavaScript"
        ))),
    }
}

/// Walks the closure variables of `f` and of every function it captures.
pub fn captures(host: &Host, f: &Value) -> Result<Captures, Throw> {
    let ctx = host.ctx;
    check_sendable(ctx, f, "the task function")?;
    let mut caps = Captures { params: vec![], helpers: vec![] };
    let mut queue = vec![f.clone()];
    let builtins = host.builtin_globals.borrow();
    while let Some(g) = queue.pop() {
        // SAFETY: g is a live function object with bytecode (checked by check_sendable).
        let n = unsafe { ffi::pj_closure_var_count(g.raw()) };
        for i in 0..n.max(0) {
            let (mut atom, mut kind, mut raw) = (0u32, 0i32, unsafe { ffi::pj_undefined() });
            // SAFETY: i is in range; the helper returns a new atom and value reference.
            let r = unsafe { ffi::pj_closure_var(ctx.raw(), g.raw(), i, &mut atom, &mut kind, &mut raw) };
            if r < 0 {
                continue;
            }
            // SAFETY: we own the returned references.
            let name = unsafe { Atom::from_raw(ctx, atom) }.to_string_lossy();
            let value = unsafe { Value::from_raw(ctx, raw) };
            if !is_identifier(&name) || value.is_uninitialized() {
                continue;
            }
            if kind == ffi::PJ_CAPTURE_GLOBAL as i32 && builtins.contains(&name) {
                continue;
            }
            if caps.params.iter().any(|(n, _)| *n == name) || caps.helpers.iter().any(|(n, _)| *n == name) {
                continue;
            }
            if value.kind() == ObjectKind::JsFunction {
                if !value.same_as(f) {
                    queue.push(value.clone());
                }
                caps.helpers.push((name, value));
            } else if value.is_function() {
                check_sendable(ctx, &value, &format!("captured variable '{name}'"))?;
            } else {
                caps.params.push((name, value));
            }
        }
    }
    Ok(caps)
}

/// The source of `f` as an expression.
fn source_of(f: &Value) -> Result<String, Throw> {
    f.call_method("toString", &[])?.to_string()
}

/// Wraps method syntax (`f() {}` from `{ f() {} }`) into an expression that yields it.
fn method_expression(src: &str) -> String {
    format!("(() => {{ const o = ({{ {src} }}); return o[Reflect.ownKeys(o)[0]]; }})()")
}

fn wrapper_source(caps: &Captures, f_src: &str, method_style: &[bool]) -> Result<String, Throw> {
    let params: Vec<&str> = caps.params.iter().map(|(n, _)| n.as_str()).collect();
    let mut s = format!("(function ({}) {{\n", params.join(", "));
    for (i, (name, helper)) in caps.helpers.iter().enumerate() {
        let src = source_of(helper)?;
        let expr = if method_style[i + 1] { method_expression(&src) } else { format!("({src})") };
        s.push_str(&format!("const {name} = {expr};\n"));
    }
    let expr = if method_style[0] { method_expression(f_src) } else { format!("({f_src})") };
    s.push_str(&format!("return {expr};\n}})"));
    Ok(s)
}

/// Whether `src` parses as an expression on its own (else it is method syntax).
fn parses_as_expression(ctx: Context, src: &str) -> bool {
    let ok = ctx.eval(format!("({src})").as_bytes(), "<check>", EvalKind::CompileScript).is_ok();
    if !ok {
        drop(ctx.take_exception());
    }
    ok
}

/// Compiles `f` (with its current captures) to bytecode for the workers.
pub fn compile_function(host: &Host, f: &Value, caps: &Captures) -> Result<FunctionCode, Throw> {
    static NEXT_ID: AtomicU64 = AtomicU64::new(1);
    let ctx = host.ctx;
    let name = f.get("name").map(|n| n.to_string_lossy()).unwrap_or_default();
    let f_src = source_of(f)?;
    let mut method_style = vec![!parses_as_expression(ctx, &f_src)];
    for (_, h) in &caps.helpers {
        method_style.push(!parses_as_expression(ctx, &source_of(h)?));
    }
    let src = wrapper_source(caps, &f_src, &method_style)?;
    let filename = if name.is_empty() { "deferred".to_string() } else { format!("deferred:{name}") };
    let compiled = match ctx.eval(src.as_bytes(), &filename, EvalKind::CompileScript) {
        Ok(c) => c,
        Err(Throw) => {
            let err = crate::engine::JsError::from_value(&ctx.take_exception());
            return Err(ctx.throw_type_error(&format!(
                "Deferred: function '{name}' cannot be sent to a worker: its source does not \
                 compile on its own ({}: {})",
                err.name, err.message
            )));
        }
    };
    let mut len = 0usize;
    // SAFETY: compiled is a function-bytecode value of ctx; the buffer is copied then freed.
    let bytecode = unsafe {
        let buf = ffi::JS_WriteObject(ctx.raw(), &mut len, compiled.raw(), ffi::JS_WRITE_OBJ_BYTECODE as i32);
        if buf.is_null() {
            return Err(Throw);
        }
        let v = std::slice::from_raw_parts(buf, len).to_vec();
        ffi::js_free(ctx.raw(), buf as *mut _);
        v
    };
    Ok(FunctionCode {
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        name,
        bytecode,
        params: caps.params.iter().map(|(n, _)| n.clone()).collect(),
    })
}

/// Worker side: evaluates the wrapper of `code` (done once per worker and code id).
pub fn instantiate(ctx: Context, code: &FunctionCode) -> Result<Value, Throw> {
    // SAFETY: the bytecode was written by compile_function in this process, never from
    // outside; QuickJS's reader is only fed bytes we produced.
    let compiled = unsafe {
        Value::checked(
            ctx,
            ffi::JS_ReadObject(ctx.raw(), code.bytecode.as_ptr(), code.bytecode.len(), ffi::JS_READ_OBJ_BYTECODE as i32),
        )
    }?;
    ctx.eval_function(compiled)
}
