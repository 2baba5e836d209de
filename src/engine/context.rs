use super::{Atom, NativeFn, Runtime, Throw, Value};
use crate::ffi;
use std::ffi::CString;
use std::ptr::NonNull;

/// A borrowed handle to a live `JSContext`. `Copy`, `!Send`.
///
/// Invariant: whoever creates a `Context` (the owner, or a native callback receiving one from
/// QuickJS) guarantees the context outlives every use of the handle on this thread.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Context {
    raw: NonNull<ffi::JSContext>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum EvalKind {
    /// Global script code; returns the completion value.
    Script,
    /// ES module; returns a promise (top-level await) that settles when evaluation ends.
    Module,
    /// Parse and compile a script without running it (a function-bytecode value).
    CompileScript,
    /// Global script code that may use top-level `await`; returns a promise of
    /// `{ value: completion value }` (what the REPL evaluates). Stack traces of errors it
    /// makes stop at the code itself (no frames of whoever evaluated it).
    AsyncScript,
    /// Parse and compile a module without running it (a module value).
    CompileModule,
}

impl Context {
    /// # Safety
    /// `raw` must be a live context, used on its runtime's thread, for the handle's lifetime.
    pub unsafe fn from_raw(raw: *mut ffi::JSContext) -> Context {
        Context { raw: NonNull::new(raw).expect("null JSContext") }
    }

    pub fn raw(self) -> *mut ffi::JSContext {
        self.raw.as_ptr()
    }

    pub fn runtime_raw(self) -> *mut ffi::JSRuntime {
        // SAFETY: the context is live (type invariant).
        unsafe { ffi::JS_GetRuntime(self.raw()) }
    }

    pub fn global(self) -> Value {
        // SAFETY: context live; returns a new reference.
        unsafe { Value::from_raw(self, ffi::JS_GetGlobalObject(self.raw())) }
    }

    /// Evaluates (or compiles) `source`. The source is copied to add the NUL terminator
    /// QuickJS requires.
    pub fn eval(self, source: &[u8], filename: &str, kind: EvalKind) -> Result<Value, Throw> {
        let mut buf = Vec::with_capacity(source.len() + 1);
        buf.extend_from_slice(source);
        buf.push(0);
        self.eval_nul_terminated(&buf, filename, kind)
    }

    /// Like `eval`, for a buffer whose last byte is NUL (not counted as source).
    pub fn eval_nul_terminated(self, buf: &[u8], filename: &str, kind: EvalKind) -> Result<Value, Throw> {
        assert_eq!(buf.last(), Some(&0), "source must be NUL-terminated");
        let flags = match kind {
            EvalKind::Script => ffi::JS_EVAL_TYPE_GLOBAL,
            EvalKind::Module => ffi::JS_EVAL_TYPE_MODULE,
            EvalKind::CompileScript => ffi::JS_EVAL_TYPE_GLOBAL | ffi::JS_EVAL_FLAG_COMPILE_ONLY,
            EvalKind::CompileModule => ffi::JS_EVAL_TYPE_MODULE | ffi::JS_EVAL_FLAG_COMPILE_ONLY,
            EvalKind::AsyncScript => ffi::JS_EVAL_TYPE_GLOBAL | ffi::JS_EVAL_FLAG_ASYNC | ffi::JS_EVAL_FLAG_BACKTRACE_BARRIER,
        } as i32;
        let name = CString::new(filename.replace('\0', "")).unwrap_or_default();
        // SAFETY: buf is NUL-terminated (checked above); context live; returns a new
        // reference or JS_EXCEPTION.
        unsafe {
            Value::checked(
                self,
                ffi::JS_Eval(self.raw(), buf.as_ptr() as *const _, buf.len() - 1, name.as_ptr(), flags),
            )
        }
    }

    /// Runs a compiled script or module (from `eval(.., Compile*)` or `read_object`).
    pub fn eval_function(self, compiled: Value) -> Result<Value, Throw> {
        // SAFETY: JS_EvalFunction takes ownership of the compiled value.
        unsafe { Value::checked(self, ffi::JS_EvalFunction(self.raw(), compiled.into_raw())) }
    }

    /// Removes and returns the pending exception (undefined-like null if none).
    pub fn take_exception(self) -> Value {
        // SAFETY: context live; returns the exception reference (JS_NULL when none).
        unsafe { Value::from_raw(self, ffi::JS_GetException(self.raw())) }
    }

    pub fn has_exception(self) -> bool {
        // SAFETY: context live.
        unsafe { ffi::JS_HasException(self.raw()) != 0 }
    }

    /// Whether the pending exception is uncatchable (process.exit unwinding, an interrupt):
    /// code that recovers from exceptions must let this one propagate.
    pub fn exception_is_uncatchable(self) -> bool {
        // SAFETY: context live; reads two flags.
        unsafe { ffi::pj_exception_is_uncatchable(self.raw()) != 0 }
    }

    /// Throws `v` and returns the marker to propagate.
    pub fn throw(self, v: Value) -> Throw {
        // SAFETY: JS_Throw takes ownership of the value.
        unsafe { ffi::JS_Throw(self.raw(), v.into_raw()) };
        Throw
    }

    pub fn throw_type_error(self, msg: &str) -> Throw {
        self.throw_error_of("TypeError", msg)
    }

    pub fn throw_range_error(self, msg: &str) -> Throw {
        self.throw_error_of("RangeError", msg)
    }

    /// Throws `new <ctor_name>(msg)` using the global constructor of that name (falls back
    /// to Error with the name set).
    pub fn throw_error_of(self, ctor_name: &str, msg: &str) -> Throw {
        match self.new_error(ctor_name, msg) {
            Ok(e) => self.throw(e),
            Err(Throw) => Throw,
        }
    }

    /// `new <ctor_name>(msg)`; when the global has no such constructor, an Error whose
    /// `name` is `ctor_name`.
    pub fn new_error(self, ctor_name: &str, msg: &str) -> Result<Value, Throw> {
        let global = self.global();
        let ctor = global.get(ctor_name)?;
        let (ctor, rename) = if ctor.is_function() { (ctor, false) } else { (global.get("Error")?, true) };
        let err = self.construct(&ctor, &[self.new_string(msg)])?;
        if rename {
            err.define_hidden("name", self.new_string(ctor_name))?;
        }
        Ok(err)
    }

    pub fn construct(self, ctor: &Value, args: &[Value]) -> Result<Value, Throw> {
        let raw_args: Vec<ffi::JSValue> = args.iter().map(|a| a.raw()).collect();
        // SAFETY: context live; borrows ctor and args, returns a new reference.
        unsafe {
            Value::checked(
                self,
                ffi::JS_CallConstructor(self.raw(), ctor.raw(), raw_args.len() as i32, raw_args.as_ptr() as *mut _),
            )
        }
    }

    pub fn new_string(self, s: &str) -> Value {
        // SAFETY: context live; the string is passed with its length.
        unsafe { Value::from_raw(self, ffi::JS_NewStringLen(self.raw(), s.as_ptr() as *const _, s.len())) }
    }

    pub fn new_f64(self, d: f64) -> Value {
        // SAFETY: numbers are not reference counted.
        unsafe { Value::from_raw(self, ffi::pj_new_float64(self.raw(), d)) }
    }

    pub fn new_i32(self, i: i32) -> Value {
        // SAFETY: as above.
        unsafe { Value::from_raw(self, ffi::pj_new_int32(self.raw(), i)) }
    }

    pub fn new_i64(self, i: i64) -> Value {
        // SAFETY: as above.
        unsafe { Value::from_raw(self, ffi::pj_new_int64(self.raw(), i)) }
    }

    pub fn new_bool(self, b: bool) -> Value {
        // SAFETY: as above.
        unsafe { Value::from_raw(self, ffi::pj_new_bool(self.raw(), b as i32)) }
    }

    pub fn new_bigint_u64(self, v: u64) -> Value {
        // SAFETY: context live; returns a new reference.
        unsafe { Value::from_raw(self, ffi::JS_NewBigUint64(self.raw(), v)) }
    }

    pub fn new_object(self) -> Value {
        // SAFETY: context live; returns a new reference.
        unsafe { Value::from_raw(self, ffi::JS_NewObject(self.raw())) }
    }

    pub fn new_array(self) -> Value {
        // SAFETY: context live; returns a new reference.
        unsafe { Value::from_raw(self, ffi::JS_NewArray(self.raw())) }
    }

    pub fn new_array_from(self, items: Vec<Value>) -> Result<Value, Throw> {
        let arr = self.new_array();
        for (i, v) in items.into_iter().enumerate() {
            arr.set_index(i as u32, v)?;
        }
        Ok(arr)
    }

    /// A copy of `bytes` in a new ArrayBuffer.
    pub fn new_array_buffer(self, bytes: &[u8]) -> Result<Value, Throw> {
        // SAFETY: context live; the bytes are copied.
        unsafe { Value::checked(self, ffi::JS_NewArrayBufferCopy(self.raw(), bytes.as_ptr(), bytes.len())) }
    }

    /// A new Uint8Array holding a copy of `bytes`.
    pub fn new_uint8_array(self, bytes: &[u8]) -> Result<Value, Throw> {
        let buf = self.new_array_buffer(bytes)?;
        let (offset, len) = (self.new_i32(0), self.new_f64(bytes.len() as f64));
        // JS_NewTypedArray reads argv[0..3] whatever argc says, so all three are given.
        let args = [buf.raw(), offset.raw(), len.raw()];
        // SAFETY: context live; borrows the three arguments, returns a new reference.
        unsafe {
            Value::checked(
                self,
                ffi::JS_NewTypedArray(self.raw(), 3, args.as_ptr() as *mut _, ffi::JS_TYPED_ARRAY_UINT8),
            )
        }
    }

    /// A JS function backed by a native trampoline (see `native!`).
    pub fn new_function(self, f: NativeFn, name: &str, length: i32) -> Value {
        let cname = CString::new(name).unwrap_or_default();
        // SAFETY: context live; the name is copied into an atom by QuickJS.
        unsafe { Value::from_raw(self, ffi::pj_new_cfunction(self.raw(), Some(f), cname.as_ptr(), length)) }
    }

    /// A constructor backed by a native trampoline: QuickJS passes `new.target` as `this`
    /// and throws by itself when it is called without `new`.
    pub fn new_constructor(self, f: NativeFn, name: &str, length: i32) -> Value {
        let cname = CString::new(name).unwrap_or_default();
        // SAFETY: context live; the name is copied into an atom by QuickJS.
        unsafe {
            Value::from_raw(
                self,
                ffi::JS_NewCFunction2(self.raw(), Some(f), cname.as_ptr(), length, ffi::JS_CFUNC_constructor, 0),
            )
        }
    }

    /// Sets the context's opaque pointer (the host state of protojs).
    ///
    /// # Safety
    /// Whoever reads the pointer back (`Host::get`) relies on it pointing to a live value of
    /// the type they expect for as long as the context lives.
    pub unsafe fn set_opaque(self, p: *mut std::ffi::c_void) {
        // SAFETY: context live; the pointer is only stored (validity is the caller's contract).
        unsafe { ffi::JS_SetContextOpaque(self.raw(), p) }
    }

    pub fn opaque(self) -> *mut std::ffi::c_void {
        // SAFETY: context live.
        unsafe { ffi::JS_GetContextOpaque(self.raw()) }
    }

    /// A new private symbol: a property keyed by its atom is invisible to JS code.
    pub fn new_private_symbol(self, description: &str) -> Result<Value, Throw> {
        let c = CString::new(description).expect("no NUL in a symbol description");
        // SAFETY: context live; returns a new reference or JS_EXCEPTION.
        unsafe { Value::checked(self, ffi::pj_new_private_symbol(self.raw(), c.as_ptr())) }
    }

    /// `ctor.prototype` if it can never change (a non-writable, non-configurable object),
    /// so that it may be cached.
    pub fn fixed_prototype(self, ctor: &Value) -> Option<Value> {
        // SAFETY: context live; returns a new reference (undefined when not fixed).
        let proto = unsafe { Value::from_raw(self, ffi::pj_fixed_prototype(self.raw(), ctor.raw())) };
        proto.is_object().then_some(proto)
    }

    /// A Deferred: a pending promise without resolving functions (settle it with
    /// `settle_promise`), carrying `slot` under the private name `slot_name`. Its prototype
    /// is `proto` if that is an object, else `new_target.prototype` (undefined: Promise's).
    pub fn new_deferred(self, new_target: &Value, proto: &Value, slot_name: &Atom, slot: u32) -> Result<Value, Throw> {
        // SAFETY: context live, the atom is of this runtime; returns a new reference or
        // JS_EXCEPTION.
        unsafe {
            Value::checked(self, ffi::pj_new_deferred(self.raw(), new_target.raw(), proto.raw(), slot_name.raw(), slot))
        }
    }

    /// The slot of `v` if it is a pending Deferred made with `slot_name`.
    pub fn deferred_slot(self, v: &Value, slot_name: &Atom) -> Option<u32> {
        let mut slot = 0u32;
        // SAFETY: only reads the object and its own properties.
        (unsafe { ffi::pj_deferred_slot(v.raw(), slot_name.raw(), &mut slot) } != 0).then_some(slot)
    }

    /// Fulfils or rejects a promise made by `new_deferred` (no-op once settled). Only
    /// for plain data: a thenable value is not adopted.
    pub fn settle_promise(self, promise: &Value, value: &Value, reject: bool) {
        // SAFETY: context live; the call only borrows both values.
        unsafe { ffi::pj_settle_promise(self.raw(), promise.raw(), value.raw(), reject as i32) }
    }

    /// Creates a promise; returns (promise, resolve, reject).
    pub fn new_promise(self) -> Result<(Value, Value, Value), Throw> {
        // SAFETY: pj_undefined has no preconditions.
        let mut funcs = [unsafe { ffi::pj_undefined() }; 2];
        // SAFETY: `funcs` receives two new references on success.
        let p = unsafe { Value::checked(self, ffi::JS_NewPromiseCapability(self.raw(), funcs.as_mut_ptr())) }?;
        // SAFETY: on success both entries hold new references we now own.
        let (res, rej) = unsafe { (Value::from_raw(self, funcs[0]), Value::from_raw(self, funcs[1])) };
        Ok((p, res, rej))
    }
}

/// Owns a `JSContext` and the `Runtime` it lives in; frees both on drop, context first.
pub struct OwnedContext {
    ctx: Context,
    runtime: Runtime,
}

impl OwnedContext {
    pub fn new(runtime: Runtime) -> OwnedContext {
        // SAFETY: the runtime is live; null means out of memory.
        let raw = unsafe { ffi::JS_NewContext(runtime.raw()) };
        // SAFETY: raw is a fresh live context owned by this struct until drop.
        let ctx = unsafe { Context::from_raw(raw) };
        OwnedContext { ctx, runtime }
    }

    pub fn context(&self) -> Context {
        self.ctx
    }

    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }
}

impl Drop for OwnedContext {
    fn drop(&mut self) {
        // SAFETY: the owner guarantees no Value of this context is still alive; the
        // runtime is freed after this (field drop order), as QuickJS requires.
        unsafe { ffi::JS_FreeContext(self.ctx.raw()) }
    }
}
