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
    /// Whether code compiled for `other` also serves these captures: the same parameter
    /// names, and helpers made from the same function literals (their captured values are
    /// parameters too, so two closures of one literal compile alike).
    pub fn same_shape(&self, other: &Captures) -> bool {
        self.params.len() == other.params.len()
            && self.helpers.len() == other.helpers.len()
            && self.params.iter().zip(&other.params).all(|(a, b)| a.0 == b.0)
            && self.helpers.iter().zip(&other.helpers).all(|(a, b)| a.0 == b.0 && code_id(&a.1) == code_id(&b.1))
    }

    /// The same captures with the values dropped (what a code cache keeps).
    pub fn shape(&self, ctx: Context) -> Captures {
        Captures {
            params: self.params.iter().map(|(n, _)| (n.clone(), Value::undefined(ctx))).collect(),
            helpers: self.helpers.clone(),
        }
    }
}

/// Identity of a function's compiled code (shared by all closures of one literal).
pub fn code_id(f: &Value) -> usize {
    // SAFETY: reads the bytecode pointer of a function object (0 for anything else).
    unsafe { ffi::pj_function_code_id(f.raw()) }
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
    // SAFETY: f is a live function object with bytecode (checked by check_sendable).
    if unsafe { ffi::pj_closure_var_count(f.raw()) } <= 0 {
        return Ok(caps); // the common case, without the walk's allocations
    }
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
            // A CommonJS module's `require` is not copied: workers have a `require` of their
            // own (js/worker.js), resolving from the working directory.
            if name == "require" && value.is_function() {
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

/// The source of `f` (what `Function.prototype.toString` gives).
fn source_of(f: &Value) -> Result<String, Throw> {
    f.call_method("toString", &[])?.to_string()
}

/// How a function's source is placed in the wrapper.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `function name(...) {...}` emitted as a declaration: recursion through `name` is a
    /// plain local call (through a named function *expression* QuickJS is markedly slower).
    Declaration,
    /// `(source)`: arrows, anonymous and class expressions.
    Expression,
    /// `f() {}` from `{ f() {} }`: only valid inside an object literal.
    Method,
}

/// The name declared by `function name(` / `async function* name(`, if the source has one.
fn declared_name(src: &str) -> Option<&str> {
    let rest = src.strip_prefix("async").map(str::trim_start).unwrap_or(src);
    let rest = rest.strip_prefix("function")?.trim_start();
    let rest = rest.strip_prefix('*').unwrap_or(rest).trim_start();
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))?;
    let name = &rest[..end];
    (is_identifier(name) && rest[end..].trim_start().starts_with('(')).then_some(name)
}

/// One function of the wrapper: how it is written and the statement or expression for it.
fn place(name: Option<&str>, src: &str, form: Form) -> (Option<String>, String) {
    match form {
        Form::Declaration => {
            let declared = declared_name(src).expect("declaration form has a name");
            debug_assert!(name.map_or(true, |n| n == declared));
            (Some(format!("{src}\n")), declared.to_string())
        }
        Form::Expression => (None, format!("({src})")),
        Form::Method => (None, format!("(() => {{ const o = ({{ {src} }}); return o[Reflect.ownKeys(o)[0]]; }})()")),
    }
}

/// The wrapper script for `f` and its captures (see the module docs).
fn wrapper_source(caps: &Captures, sources: &[String], forms: &[Form], root_is_helper: Option<usize>) -> String {
    let params: Vec<&str> = caps.params.iter().map(|(n, _)| n.as_str()).collect();
    let mut s = format!("(function ({}) {{\n", params.join(", "));
    let mut root_expr = None;
    for (i, (name, _)) in caps.helpers.iter().enumerate() {
        let (stmt, expr) = place(Some(name), &sources[i + 1], forms[i + 1]);
        match stmt {
            Some(stmt) => s.push_str(&stmt),
            None => s.push_str(&format!("const {name} = {expr};\n")),
        }
        if root_is_helper == Some(i) {
            root_expr = Some(name.clone());
        }
    }
    let root = root_expr.unwrap_or_else(|| {
        let (stmt, expr) = place(None, &sources[0], forms[0]);
        if let Some(stmt) = stmt {
            s.push_str(&stmt);
        }
        expr
    });
    s.push_str(&format!("return {root};\n}})"));
    s
}

/// The form that makes `src` valid on its own: a declaration when the name it declares is
/// the one the wrapper must bind (`binding`; for the task function itself, any name no
/// parameter or helper uses), else an expression, else (it fails to parse) a method.
fn form_of(ctx: Context, src: &str, binding: Option<&str>, caps: &Captures, check: bool) -> Form {
    let declares = declared_name(src).is_some_and(|n| match binding {
        Some(b) => b == n,
        None => !caps.params.iter().chain(&caps.helpers).any(|(p, _)| p == n),
    });
    if declares {
        return Form::Declaration;
    }
    if !check {
        return Form::Expression;
    }
    let ok = ctx.eval(format!("({src})").as_bytes(), "<check>", EvalKind::CompileScript).is_ok();
    if ok {
        Form::Expression
    } else {
        drop(ctx.take_exception());
        Form::Method
    }
}

/// Compiles the wrapper script; None (exception cleared) on a SyntaxError.
fn compile_wrapper(ctx: Context, src: &str, filename: &str) -> Result<Option<Value>, Throw> {
    match ctx.eval(src.as_bytes(), filename, EvalKind::CompileScript) {
        Ok(c) => Ok(Some(c)),
        Err(Throw) => {
            drop(ctx.take_exception());
            Ok(None)
        }
    }
}

/// Compiles `f` (with its current captures) to bytecode for the workers.
pub fn compile_function(host: &Host, f: &Value, caps: &Captures) -> Result<FunctionCode, Throw> {
    static NEXT_ID: AtomicU64 = AtomicU64::new(1);
    let ctx = host.ctx;
    let name = f.get("name").map(|n| n.to_string_lossy()).unwrap_or_default();
    let mut sources = vec![source_of(f)?];
    for (_, h) in &caps.helpers {
        sources.push(source_of(h)?);
    }
    // A function that refers to itself through a global binding is also its own helper.
    let root_is_helper = caps.helpers.iter().position(|(_, h)| h.same_as(f));
    let filename = if name.is_empty() { "deferred".to_string() } else { format!("deferred:{name}") };
    // Usually every source is a declaration or an expression: one compile. If that fails,
    // find the method-syntax sources and compile again.
    let mut compiled = None;
    for check in [false, true] {
        let bindings = std::iter::once(None).chain(caps.helpers.iter().map(|(n, _)| Some(n.as_str())));
        let forms: Vec<Form> = sources.iter().zip(bindings).map(|(src, b)| form_of(ctx, src, b, caps, check)).collect();
        let src = wrapper_source(caps, &sources, &forms, root_is_helper);
        compiled = compile_wrapper(ctx, &src, &filename)?;
        if compiled.is_some() {
            break;
        }
    }
    let Some(compiled) = compiled else {
        return Err(ctx.throw_type_error(&format!(
            "Deferred: function '{name}' cannot be sent to a worker: its source does not compile on its own"
        )));
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
