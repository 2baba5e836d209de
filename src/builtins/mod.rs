//! Globals and builtin modules of every protojs context.
//!
//! Natives are Rust functions; richer APIs (console, process, Deferred, ...) are JS modules
//! in `js/` that receive a `host` binding object of natives. JS-backed globals are *lazy*:
//! an accessor on the global object evaluates the module the first time the name is used,
//! so a script that never touches `console` never pays for compiling it.

mod binding;
mod deferred;
pub mod fs;
pub mod io_pool;
mod os;
mod timers;

pub use binding::make_binding;
pub(crate) use timers::BINDING as TIMER_NATIVES;

/// Natives of the module loader and of the fs/os modules.
pub(crate) const MODULE_NATIVES: &[(&str, crate::engine::NativeFn, i32)] = &[
    ("cjsResolve", crate::native!(crate::modules::cjs::native_resolve), 2),
    ("cjsCompile", crate::native!(crate::modules::cjs::native_compile), 2),
    ("builtinModule", crate::native!(crate::modules::cjs::native_builtin), 1),
    ("builtinNames", crate::native!(crate::modules::cjs::native_builtin_names), 0),
    ("readSource", crate::native!(crate::modules::cjs::native_read_text), 1),
    ("fsSync", crate::native!(fs::fs_sync), 1),
    ("fsAsync", crate::native!(fs::fs_async), 2),
    ("osInfo", crate::native!(os::os_info), 1),
];

use crate::engine::{Atom, Context, Throw, Value};
use crate::ffi;
use crate::host::Host;
use crate::native;

/// Builtin JS modules: name -> source.
const JS_MODULES: &[(&str, &str)] = &[
    ("errors", include_str!("js/errors.js")),
    ("inspect", include_str!("js/inspect.js")),
    ("console", include_str!("js/console.js")),
    ("process", include_str!("js/process.js")),
    ("globals", include_str!("js/globals.js")),
    ("transfer", include_str!("js/transfer.js")),
    ("deferred", include_str!("js/deferred.js")),
    ("abort", include_str!("js/abort.js")),
    ("timers", include_str!("js/timers.js")),
    ("worker", include_str!("js/worker.js")),
    ("cjs", include_str!("../modules/cjs.js")),
    ("buffer", include_str!("js/buffer.js")),
    ("events", include_str!("js/events.js")),
    ("fs", include_str!("js/fs.js")),
    ("os", include_str!("js/os.js")),
    ("path", include_str!("js/path.js")),
    ("timers_api", include_str!("js/timers_api.js")),
    ("util", include_str!("js/util.js")),
    ("repl", include_str!("js/repl.js")),
];

/// Globals provided by JS modules: (global name, module, export).
const LAZY_GLOBALS: &[(&str, &str, &str)] = &[
    ("setTimeout", "timers", "setTimeout"),
    ("setInterval", "timers", "setInterval"),
    ("setImmediate", "timers", "setImmediate"),
    ("clearTimeout", "timers", "clearTimeout"),
    ("clearInterval", "timers", "clearInterval"),
    ("clearImmediate", "timers", "clearImmediate"),
    ("console", "console", "console"),
    ("process", "process", "process"),
    ("performance", "globals", "performance"),
    ("TextEncoder", "globals", "TextEncoder"),
    ("TextDecoder", "globals", "TextDecoder"),
    ("atob", "globals", "atob"),
    ("btoa", "globals", "btoa"),
    ("structuredClone", "globals", "structuredClone"),
    ("Deferred", "deferred", "Deferred"),
    // worker threads only (see WORKER_ONLY): CommonJS `require` relative to the cwd
    ("require", "worker", "require"),
    ("AbortController", "abort", "AbortController"),
    ("AbortSignal", "abort", "AbortSignal"),
    ("DOMException", "abort", "DOMException"),
    ("Event", "abort", "Event"),
    ("EventTarget", "abort", "EventTarget"),
    ("Buffer", "buffer", "Buffer"),
];

/// Lazy globals that exist only in Deferred workers: on the main thread `require` belongs
/// to each CommonJS module (a wrapper parameter), in a worker it is a global as with `-e`.
const WORKER_ONLY: &[&str] = &["require"];

pub fn js_source(name: &str) -> Option<&'static str> {
    JS_MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// The static name of a builtin JS module.
pub fn builtin_module_name(name: &str) -> Option<&'static str> {
    JS_MODULES.iter().find(|(n, _)| *n == name).map(|(n, _)| *n)
}

/// Installs the globals of a fresh context.
pub fn install(host: &Host) -> Result<(), Throw> {
    let ctx = host.ctx;
    let global = ctx.global();
    global.define_hidden("globalThis", global.clone())?;
    timers::install(ctx, &global)?;
    // Promise.all with fast paths for plain arrays of promises and of Deferreds (see
    // pj_new_promise_all), which it recognises by their private slot name.
    let slot_symbol = ctx.new_private_symbol("deferredSlot")?;
    let promise = global.get("Promise")?;
    // SAFETY: context live; returns a new reference or JS_EXCEPTION.
    let all = unsafe { Value::checked(ctx, ffi::pj_new_promise_all(ctx.raw(), slot_symbol.raw())) }?;
    promise.define_hidden("all", all)?;
    let _ = host.deferred_slot.set(Atom::from_value(&slot_symbol)?);
    if host.config.expose_gc {
        global.define_hidden("gc", ctx.new_function(native!(gc), "gc", 0))?;
    }
    for (i, (name, _, _)) in LAZY_GLOBALS.iter().enumerate() {
        if WORKER_ONLY.contains(name) && host.role != crate::host::Role::Worker {
            continue;
        }
        define_lazy(ctx, &global, name, i as i32)?;
    }
    Ok(())
}

fn define_lazy(ctx: Context, global: &Value, name: &str, index: i32) -> Result<(), Throw> {
    // SAFETY: context live; the names are static C strings; returns new references.
    let (getter, setter) = unsafe {
        (
            Value::from_raw(ctx, ffi::pj_new_cfunction_magic(ctx.raw(), Some(lazy_get), c"get".as_ptr(), 0, index)),
            Value::from_raw(ctx, ffi::pj_new_cfunction_magic(ctx.raw(), Some(lazy_set), c"set".as_ptr(), 1, index)),
        )
    };
    let atom = Atom::new(ctx, name);
    let flags = (ffi::JS_PROP_CONFIGURABLE | ffi::JS_PROP_HAS_GET | ffi::JS_PROP_HAS_SET | ffi::JS_PROP_HAS_CONFIGURABLE | ffi::JS_PROP_HAS_ENUMERABLE) as i32;
    // SAFETY: context live; JS_DefinePropertyGetSet takes ownership of getter and setter.
    let r = unsafe { ffi::JS_DefinePropertyGetSet(ctx.raw(), global.raw(), atom.raw(), getter.into_raw(), setter.into_raw(), flags) };
    if r < 0 {
        Err(Throw)
    } else {
        Ok(())
    }
}

/// Getter of a lazy global: loads the module, replaces the accessor by a data property.
unsafe extern "C" fn lazy_get(ctx: *mut ffi::JSContext, _this: ffi::JSValue, _argc: i32, _argv: *mut ffi::JSValue, magic: i32) -> ffi::JSValue {
    let run = || -> Result<Value, Throw> {
        // SAFETY: called by QuickJS with a live context.
        let ctx = unsafe { Context::from_raw(ctx) };
        let (name, module, export) = LAZY_GLOBALS[magic as usize];
        let host = Host::get(ctx);
        let value = host.module(builtin_module_name(module).expect("lazy global names a module"))?.get(export)?;
        ctx.global().define_hidden(name, value.clone())?;
        Ok(value)
    };
    finish_magic(ctx, std::panic::catch_unwind(run))
}

/// Setter of a lazy global: the user's value replaces the builtin.
unsafe extern "C" fn lazy_set(ctx: *mut ffi::JSContext, _this: ffi::JSValue, argc: i32, argv: *mut ffi::JSValue, magic: i32) -> ffi::JSValue {
    let run = || -> Result<Value, Throw> {
        // SAFETY: called by QuickJS with a live context and argc arguments.
        let ctx = unsafe { Context::from_raw(ctx) };
        let v = if argc > 0 { unsafe { Value::dup_raw(ctx, *argv) } } else { Value::undefined(ctx) };
        ctx.global().define_hidden(LAZY_GLOBALS[magic as usize].0, v)?;
        Ok(Value::undefined(ctx))
    };
    finish_magic(ctx, std::panic::catch_unwind(run))
}

fn finish_magic(ctx: *mut ffi::JSContext, r: std::thread::Result<Result<Value, Throw>>) -> ffi::JSValue {
    match r {
        Ok(Ok(v)) => v.into_raw(),
        Ok(Err(Throw)) => unsafe { ffi::pj_exception() },
        Err(_) => {
            // SAFETY: ctx is the live context of this call.
            let ctx = unsafe { Context::from_raw(ctx) };
            ctx.throw_error_of("InternalError", "protojs internal error while loading a builtin");
            unsafe { ffi::pj_exception() }
        }
    }
}

/// gc(): a full garbage collection of this context's runtime (with `expose_gc`).
fn gc(ctx: Context, _this: &Value, _args: &crate::engine::Args) -> Result<Value, Throw> {
    Host::get(ctx).runtime().run_gc();
    Ok(Value::undefined(ctx))
}

/// Own string-keyed property names of an object.
pub fn own_property_names(ctx: Context, obj: &Value) -> Result<Vec<String>, Throw> {
    let mut tab: *mut ffi::JSPropertyEnum = std::ptr::null_mut();
    let mut len: u32 = 0;
    // SAFETY: context live; on success `tab` holds `len` entries we free below.
    let r = unsafe { ffi::JS_GetOwnPropertyNames(ctx.raw(), &mut tab, &mut len, obj.raw(), ffi::JS_GPN_STRING_MASK as i32) };
    if r < 0 {
        return Err(Throw);
    }
    let mut names = Vec::with_capacity(len as usize);
    for i in 0..len as usize {
        // SAFETY: i < len; the atom reference is borrowed (freed with the table).
        let atom = unsafe { (*tab.add(i)).atom };
        let a = unsafe { Atom::from_raw(ctx, ffi::JS_DupAtom(ctx.raw(), atom)) };
        names.push(a.to_string_lossy());
    }
    // SAFETY: frees the table and its atoms exactly once.
    unsafe { ffi::JS_FreePropertyEnum(ctx.raw(), tab, len) };
    Ok(names)
}

/// `process.exitCode` if the program set it (only when `process` was ever loaded).
pub fn process_exit_code(host: &Host) -> Option<i32> {
    if !host.module_loaded("process") {
        return None;
    }
    let process = host.module("process").ok()?.get("process").ok()?;
    let code = process.get("exitCode").ok()?;
    if code.is_nullish() {
        return None;
    }
    code.to_f64().ok().map(|c| c as i32)
}

/// Writes all of `bytes` to a file descriptor with as few write(2) calls as possible, so a
/// line is never interleaved with another thread's output. Errors (a closed pipe) are
/// dropped: output is best effort, as in Node.
pub fn write_fd(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: writes from a valid slice to a descriptor we do not own or close.
        let n = unsafe { libc::write(fd, bytes.as_ptr() as *const _, bytes.len()) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return;
        }
        bytes = &bytes[n as usize..];
    }
}

