use super::{Context, Throw, Value};
use crate::ffi;
use std::os::raw::c_int;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The C signature QuickJS calls for a native function.
pub type NativeFn =
    unsafe extern "C" fn(*mut ffi::JSContext, ffi::JSValue, c_int, *mut ffi::JSValue) -> ffi::JSValue;

/// The arguments of a native call, borrowed from QuickJS for the duration of the call.
pub struct Args<'a> {
    ctx: Context,
    argv: &'a [ffi::JSValue],
}

impl<'a> Args<'a> {
    pub fn len(&self) -> usize {
        self.argv.len()
    }

    pub fn is_empty(&self) -> bool {
        self.argv.is_empty()
    }

    /// Argument `i` as a new owned reference (undefined when missing).
    pub fn get(&self, i: usize) -> Value {
        match self.argv.get(i) {
            // SAFETY: argv entries are live values of ctx during the call.
            Some(&raw) => unsafe { Value::dup_raw(self.ctx, raw) },
            None => Value::undefined(self.ctx),
        }
    }

    /// All arguments from `start` on, as owned values.
    pub fn rest(&self, start: usize) -> Vec<Value> {
        (start..self.len()).map(|i| self.get(i)).collect()
    }

    pub fn string(&self, i: usize) -> Result<String, Throw> {
        self.get(i).to_string()
    }

    pub fn f64(&self, i: usize) -> Result<f64, Throw> {
        self.get(i).to_f64()
    }
}

/// Signature of the Rust side of a native function.
pub type NativeImpl = fn(Context, &Value, &Args) -> Result<Value, Throw>;

/// Runs `f` for a call from QuickJS: builds the borrowed arguments, converts the result, and
/// stops any panic at the C boundary (it becomes an InternalError in JS).
///
/// # Safety
/// Must only be called from a QuickJS native trampoline with the arguments it received.
pub unsafe fn invoke(
    ctx: *mut ffi::JSContext,
    this: ffi::JSValue,
    argc: c_int,
    argv: *mut ffi::JSValue,
    f: NativeImpl,
) -> ffi::JSValue {
    // SAFETY: QuickJS passes a live context and argc valid entries in argv.
    let ctx = unsafe { Context::from_raw(ctx) };
    let argv: &[ffi::JSValue] =
        if argc <= 0 || argv.is_null() { &[] } else { unsafe { std::slice::from_raw_parts(argv, argc as usize) } };
    // SAFETY: `this` is borrowed from the caller; dup gives us our own reference.
    let this = unsafe { Value::dup_raw(ctx, this) };
    let args = Args { ctx, argv };
    match catch_unwind(AssertUnwindSafe(|| f(ctx, &this, &args))) {
        Ok(Ok(v)) => v.into_raw(),
        // SAFETY: an exception is pending; returning JS_EXCEPTION propagates it.
        Ok(Err(Throw)) => unsafe { ffi::pj_exception() },
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            ctx.throw_error_of("InternalError", &format!("protojs internal error: {msg}"));
            // SAFETY: as above.
            unsafe { ffi::pj_exception() }
        }
    }
}

/// Makes a QuickJS-callable trampoline for a Rust function of type `NativeImpl`.
#[macro_export]
macro_rules! native {
    ($f:path) => {{
        unsafe extern "C" fn trampoline(
            ctx: *mut $crate::ffi::JSContext,
            this: $crate::ffi::JSValue,
            argc: ::std::os::raw::c_int,
            argv: *mut $crate::ffi::JSValue,
        ) -> $crate::ffi::JSValue {
            // SAFETY: called by QuickJS with the arguments of a native call.
            unsafe { $crate::engine::native::invoke(ctx, this, argc, argv, $f) }
        }
        trampoline as $crate::engine::NativeFn
    }};
}
