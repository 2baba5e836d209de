//! The `host` object given to builtin JS modules: the natives they are written against.

use crate::engine::{Args, Context, ObjectKind, Throw, Value};
use crate::ffi;
use crate::host::Host;
use crate::native;
use std::time::Instant;

pub fn make_binding(host: &Host) -> Result<Value, Throw> {
    let ctx = host.ctx;
    let b = ctx.new_object();
    let fns: &[(&str, crate::engine::NativeFn, i32)] = &[
        ("write", native!(write), 2),
        ("kind", native!(kind), 1),
        ("promiseState", native!(promise_state), 1),
        ("now", native!(now), 0),
        ("hrtimeNs", native!(hrtime_ns), 0),
        ("exit", native!(exit), 1),
        ("cwd", native!(cwd), 0),
        ("chdir", native!(chdir), 1),
        ("memoryUsage", native!(memory_usage), 0),
        ("nextTick", native!(next_tick), 1),
        ("utf8Encode", native!(utf8_encode), 1),
        ("utf8Decode", native!(utf8_decode), 2),
        ("require", native!(require_builtin), 1),
        ("structuredClone", native!(structured_clone), 1),
        ("replEval", native!(repl_eval), 2),
        ("isatty", native!(isatty), 1),
        ("deferredSpawn", native!(super::deferred::spawn), 4),
        ("deferredCancel", native!(super::deferred::cancel), 2),
        ("deferredStats", native!(super::deferred::stats), 0),
        ("deferredProgress", native!(super::deferred::progress), 1),
        ("deferredPoolSize", native!(super::deferred::pool_size), 0),
    ];
    for (name, f, len) in fns.iter().chain(super::TIMER_NATIVES).chain(super::MODULE_NATIVES) {
        b.define_hidden(name, ctx.new_function(*f, name, *len))?;
    }
    b.set("Deferred", ctx.new_constructor(native!(super::deferred::construct), "Deferred", 1))?;
    let argv = host.config.argv.iter().map(|a| ctx.new_string(a)).collect();
    b.set("argv", ctx.new_array_from(argv)?)?;
    let env = ctx.new_object();
    for (k, v) in std::env::vars_os() {
        env.set(&k.to_string_lossy(), ctx.new_string(&v.to_string_lossy()))?;
    }
    b.set("env", env)?;
    let exec = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "protojs".into());
    b.set("execPath", ctx.new_string(&exec))?;
    b.set("pid", ctx.new_f64(std::process::id() as f64))?;
    b.set("platform", ctx.new_string(std::env::consts::OS))?;
    b.set("arch", ctx.new_string(node_arch()))?;
    b.set("version", ctx.new_string(env!("CARGO_PKG_VERSION")))?;
    b.set("quickjsVersion", ctx.new_string(env!("PROTOJS_QUICKJS_VERSION")))?;
    b.set("isWorker", ctx.new_bool(host.role == crate::host::Role::Worker))?;
    Ok(b)
}

/// Node's names for CPU architectures.
fn node_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        "x86" => "ia32",
        other => other,
    }
}

fn write(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let fd = args.f64(0)? as i32;
    if fd != 1 && fd != 2 {
        return Err(ctx.throw_range_error("write: fd must be 1 or 2"));
    }
    let s = args.string(1)?;
    super::write_fd(fd, s.as_bytes());
    Ok(Value::undefined(ctx))
}

fn kind(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    Ok(ctx.new_string(&format!("{:?}", args.get(0).kind())))
}

fn promise_state(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let p = args.get(0);
    if p.kind() != ObjectKind::Promise {
        return Err(ctx.throw_type_error("not a promise"));
    }
    // SAFETY: p is a live promise of ctx.
    let state = unsafe { ffi::JS_PromiseState(ctx.raw(), p.raw()) };
    let mut out = vec![];
    match state {
        ffi::JS_PROMISE_PENDING => out.push(ctx.new_string("pending")),
        s => {
            out.push(ctx.new_string(if s == ffi::JS_PROMISE_FULFILLED { "fulfilled" } else { "rejected" }));
            // SAFETY: returns a new reference to the settled value.
            out.push(unsafe { Value::from_raw(ctx, ffi::JS_PromiseResult(ctx.raw(), p.raw())) });
        }
    }
    ctx.new_array_from(out)
}

fn process_start() -> Instant {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Milliseconds since the process started (performance.now()).
fn now(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    Ok(ctx.new_f64(process_start().elapsed().as_secs_f64() * 1000.0))
}

/// Monotonic nanoseconds as a BigInt (process.hrtime.bigint()).
fn hrtime_ns(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: ts is a valid out-pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    Ok(ctx.new_bigint_u64(ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64))
}

/// process.exit: records the code and unwinds JS with an uncatchable exception.
fn exit(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let code = args.get(0);
    let code = if code.is_nullish() { 0 } else { code.to_f64()? as i32 };
    let host = Host::get(ctx);
    if host.role == crate::host::Role::Worker {
        return Err(ctx.throw_error_of(
            "Error",
            &format!("process.exit({code}) cannot be called inside a Deferred task: a task cannot end the process; return a value or throw instead"),
        ));
    }
    host.exit_request.set(Some(code));
    let t = ctx.throw(ctx.new_string("process.exit"));
    // SAFETY: marks the exception just thrown as uncatchable so no JS catch runs.
    unsafe { ffi::JS_SetUncatchableException(ctx.raw(), 1) };
    Err(t)
}

fn cwd(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    match std::env::current_dir() {
        Ok(p) => Ok(ctx.new_string(&p.to_string_lossy())),
        Err(e) => Err(ctx.throw_error_of("Error", &format!("cwd: {e}"))),
    }
}

fn chdir(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let dir = args.string(0)?;
    std::env::set_current_dir(&dir)
        .map_err(|e| ctx.throw_error_of("Error", &format!("chdir: {e}, chdir '{dir}'")))?;
    Ok(Value::undefined(ctx))
}

/// replEval(code, name): evaluates one REPL input as a global script that may use
/// top-level `await`; returns a promise of `{ value }`. A syntax error throws at once.
fn repl_eval(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let code = args.string(0)?;
    let name = args.string(1)?;
    let host = Host::get(ctx);
    host.sources.insert(&name, code.as_bytes());
    crate::repl::evaluating(|| ctx.eval(code.as_bytes(), &name, crate::engine::EvalKind::AsyncScript))
}

/// isatty(fd): whether the file descriptor is a terminal.
fn isatty(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let fd = args.get(0).to_f64()? as i32;
    // SAFETY: isatty only inspects the descriptor number.
    Ok(ctx.new_bool(unsafe { libc::isatty(fd) } == 1))
}

fn memory_usage(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    let usage = host.runtime().memory_usage();
    let o = ctx.new_object();
    o.set("rss", ctx.new_f64(rss_bytes() as f64))?;
    o.set("heapTotal", ctx.new_f64(usage.malloc_size as f64))?;
    o.set("heapUsed", ctx.new_f64(usage.memory_used_size as f64))?;
    o.set("external", ctx.new_f64(usage.binary_object_size as f64))?;
    o.set("arrayBuffers", ctx.new_f64(usage.binary_object_size as f64))?;
    Ok(o)
}

/// Resident set size from /proc/self/statm (pages * page size).
pub fn rss_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    pages * unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as u64
}

fn next_tick(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let cb = args.get(0);
    if !cb.is_function() {
        return Err(ctx.throw_type_error("The \"callback\" argument must be of type function"));
    }
    Host::get(ctx).loop_state.borrow_mut().ticks.push_back((cb, args.rest(1)));
    Ok(Value::undefined(ctx))
}

fn utf8_encode(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let s = args.string(0)?;
    ctx.new_uint8_array(s.as_bytes())
}

/// utf8Decode(view, fatal): decodes a typed array / ArrayBuffer / DataView.
fn utf8_decode(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let v = args.get(0);
    let fatal = args.get(1).truthy();
    let (buf, off, len) = match v.kind() {
        ObjectKind::ArrayBuffer | ObjectKind::SharedArrayBuffer => (v.clone(), 0, usize::MAX),
        ObjectKind::TypedArray | ObjectKind::DataView => v.typed_array_parts()?,
        _ => return Err(ctx.throw_type_error("The \"input\" argument must be an ArrayBuffer or ArrayBufferView")),
    };
    // SAFETY: the slice is used before any JS runs again.
    let bytes = unsafe { buf.array_buffer_bytes() }.unwrap_or_default();
    let end = if len == usize::MAX { bytes.len() } else { (off + len).min(bytes.len()) };
    let bytes = &bytes[off.min(end)..end];
    let text = if fatal {
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => return Err(ctx.throw_type_error("The encoded data was not valid for encoding utf-8")),
        }
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    };
    Ok(ctx.new_string(&text))
}

/// require(name): the exports of another builtin JS module.
fn require_builtin(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let name = args.string(0)?;
    match super::builtin_module_name(&name) {
        Some(name) => Host::get(ctx).module(name),
        None => Err(ctx.throw_type_error(&format!("no builtin module '{name}'"))),
    }
}

fn structured_clone(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    crate::transfer::structured_clone(Host::get(ctx), &args.get(0))
}
