use super::{Atom, Context, Throw};
use crate::ffi;
use std::fmt;

/// One owned reference to a JS value of a given context. Drop frees it; Clone dups it.
///
/// Invariant: `ctx` is alive for as long as this value exists (see the module docs), and
/// `raw` holds exactly one reference that this value owns.
pub struct Value {
    ctx: Context,
    raw: ffi::JSValue,
}

/// What kind of object a value is, as far as protojs cares (mirror of `PJ_KIND_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectKind {
    NotObject,
    Other,
    Plain,
    Array,
    Error,
    Boxed,
    SymbolBox,
    Date,
    RegExp,
    Map,
    Set,
    Weak,
    ArrayBuffer,
    SharedArrayBuffer,
    TypedArray,
    DataView,
    JsFunction,
    NativeFunction,
    BoundFunction,
    Proxy,
    Promise,
    Arguments,
    Generator,
    ModuleNamespace,
}

impl Value {
    /// Takes ownership of `raw` (which must not be JS_EXCEPTION).
    ///
    /// # Safety
    /// `raw` must be a value of `ctx` carrying one reference that the caller gives away.
    pub unsafe fn from_raw(ctx: Context, raw: ffi::JSValue) -> Value {
        Value { ctx, raw }
    }

    /// Takes a new reference to a borrowed `raw`.
    ///
    /// # Safety
    /// `raw` must be a live value of `ctx`.
    pub unsafe fn dup_raw(ctx: Context, raw: ffi::JSValue) -> Value {
        // SAFETY: per the contract, raw is live in ctx.
        Value { ctx, raw: unsafe { ffi::pj_dup_value(ctx.raw(), raw) } }
    }

    /// Wraps the result of a C API call: JS_EXCEPTION becomes `Err(Throw)` (the exception
    /// stays pending in the context), anything else an owned value.
    ///
    /// # Safety
    /// As `from_raw`.
    pub unsafe fn checked(ctx: Context, raw: ffi::JSValue) -> Result<Value, Throw> {
        // SAFETY: pj_tag only reads the tag of a by-value JSValue.
        if unsafe { ffi::pj_tag(raw) } == ffi::JS_TAG_EXCEPTION {
            Err(Throw)
        } else {
            // SAFETY: per the contract.
            Ok(unsafe { Value::from_raw(ctx, raw) })
        }
    }

    pub fn undefined(ctx: Context) -> Value {
        // SAFETY: undefined is not reference counted.
        unsafe { Value::from_raw(ctx, ffi::pj_undefined()) }
    }

    pub fn null(ctx: Context) -> Value {
        // SAFETY: null is not reference counted.
        unsafe { Value::from_raw(ctx, ffi::pj_null()) }
    }

    pub fn context(&self) -> Context {
        self.ctx
    }

    pub fn raw(&self) -> ffi::JSValue {
        self.raw
    }

    /// Gives the reference away (to a C API that takes ownership).
    pub fn into_raw(self) -> ffi::JSValue {
        let raw = self.raw;
        std::mem::forget(self);
        raw
    }

    pub fn tag(&self) -> i32 {
        // SAFETY: reads the tag only.
        unsafe { ffi::pj_tag(self.raw) }
    }

    pub fn is_undefined(&self) -> bool {
        self.tag() == ffi::JS_TAG_UNDEFINED
    }
    pub fn is_null(&self) -> bool {
        self.tag() == ffi::JS_TAG_NULL
    }
    pub fn is_nullish(&self) -> bool {
        self.is_undefined() || self.is_null()
    }
    pub fn is_bool(&self) -> bool {
        self.tag() == ffi::JS_TAG_BOOL
    }
    pub fn is_number(&self) -> bool {
        matches!(self.tag(), ffi::JS_TAG_INT | ffi::JS_TAG_FLOAT64)
    }
    pub fn is_string(&self) -> bool {
        matches!(self.tag(), ffi::JS_TAG_STRING | ffi::JS_TAG_STRING_ROPE)
    }
    pub fn is_symbol(&self) -> bool {
        self.tag() == ffi::JS_TAG_SYMBOL
    }
    pub fn is_bigint(&self) -> bool {
        matches!(self.tag(), ffi::JS_TAG_BIG_INT | ffi::JS_TAG_SHORT_BIG_INT)
    }
    pub fn is_object(&self) -> bool {
        self.tag() == ffi::JS_TAG_OBJECT
    }
    pub fn is_uninitialized(&self) -> bool {
        self.tag() == ffi::JS_TAG_UNINITIALIZED
    }
    pub fn is_function(&self) -> bool {
        // SAFETY: ctx is live (type invariant); JS_IsFunction only inspects the value.
        unsafe { ffi::JS_IsFunction(self.ctx.raw(), self.raw) != 0 }
    }
    pub fn is_error(&self) -> bool {
        // SAFETY: as above.
        unsafe { ffi::JS_IsError(self.ctx.raw(), self.raw) != 0 }
    }
    pub fn is_array(&self) -> bool {
        self.kind() == ObjectKind::Array
    }

    pub fn kind(&self) -> ObjectKind {
        // SAFETY: pj_object_kind only reads the object's class id.
        let k = unsafe { ffi::pj_object_kind(self.raw) } as u32;
        use ObjectKind::*;
        match k {
            ffi::PJ_KIND_NOT_OBJECT => NotObject,
            ffi::PJ_KIND_PLAIN => Plain,
            ffi::PJ_KIND_ARRAY => Array,
            ffi::PJ_KIND_ERROR => Error,
            ffi::PJ_KIND_BOXED => Boxed,
            ffi::PJ_KIND_SYMBOL_BOX => SymbolBox,
            ffi::PJ_KIND_DATE => Date,
            ffi::PJ_KIND_REGEXP => RegExp,
            ffi::PJ_KIND_MAP => Map,
            ffi::PJ_KIND_SET => Set,
            ffi::PJ_KIND_WEAK => Weak,
            ffi::PJ_KIND_ARRAY_BUFFER => ArrayBuffer,
            ffi::PJ_KIND_SHARED_ARRAY_BUFFER => SharedArrayBuffer,
            ffi::PJ_KIND_TYPED_ARRAY => TypedArray,
            ffi::PJ_KIND_DATAVIEW => DataView,
            ffi::PJ_KIND_JS_FUNCTION => JsFunction,
            ffi::PJ_KIND_NATIVE_FUNCTION => NativeFunction,
            ffi::PJ_KIND_BOUND_FUNCTION => BoundFunction,
            ffi::PJ_KIND_PROXY => Proxy,
            ffi::PJ_KIND_PROMISE => Promise,
            ffi::PJ_KIND_ARGUMENTS => Arguments,
            ffi::PJ_KIND_GENERATOR => Generator,
            ffi::PJ_KIND_MODULE_NS => ModuleNamespace,
            _ => Other,
        }
    }

    /// The number as f64 if this is a number (no conversion).
    pub fn as_f64(&self) -> Option<f64> {
        // SAFETY: the accessors read the payload matching the tag just checked.
        match self.tag() {
            ffi::JS_TAG_INT => Some(unsafe { ffi::pj_get_int(self.raw) } as f64),
            ffi::JS_TAG_FLOAT64 => Some(unsafe { ffi::pj_get_float64(self.raw) }),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        // SAFETY: payload read matches the tag.
        (self.tag() == ffi::JS_TAG_BOOL).then(|| unsafe { ffi::pj_get_bool(self.raw) } != 0)
    }

    /// JS truthiness (ToBoolean); never throws for ordinary values.
    pub fn truthy(&self) -> bool {
        // SAFETY: ctx live; JS_ToBool only reads.
        unsafe { ffi::JS_ToBool(self.ctx.raw(), self.raw) > 0 }
    }

    /// ToNumber, may run user code (valueOf) and throw.
    pub fn to_f64(&self) -> Result<f64, Throw> {
        let mut out = 0f64;
        // SAFETY: ctx live; `out` is a valid destination.
        let r = unsafe { ffi::JS_ToFloat64(self.ctx.raw(), &mut out, self.raw) };
        if r < 0 {
            Err(Throw)
        } else {
            Ok(out)
        }
    }

    pub fn to_i64(&self) -> Result<i64, Throw> {
        let mut out = 0i64;
        // SAFETY: as above.
        let r = unsafe { ffi::JS_ToInt64Ext(self.ctx.raw(), &mut out, self.raw) };
        if r < 0 {
            Err(Throw)
        } else {
            Ok(out)
        }
    }

    /// ToString then UTF-8 (each lone surrogate becomes one U+FFFD, as TextEncoder does).
    /// May throw (symbols, toString).
    pub fn to_string(&self) -> Result<String, Throw> {
        let mut len = 0usize;
        // SAFETY: ctx live; the returned buffer is freed with JS_FreeCString below.
        unsafe {
            let p = ffi::JS_ToCStringLen2(self.ctx.raw(), &mut len, self.raw, 0);
            if p.is_null() {
                return Err(Throw);
            }
            let bytes = std::slice::from_raw_parts(p as *const u8, len);
            let s = wtf8_to_string(bytes);
            ffi::JS_FreeCString(self.ctx.raw(), p);
            Ok(s)
        }
    }

    /// Like `to_string` but never fails: used for diagnostics.
    pub fn to_string_lossy(&self) -> String {
        match self.to_string() {
            Ok(s) => s,
            Err(Throw) => {
                drop(self.ctx.take_exception());
                "<unprintable value>".to_string()
            }
        }
    }

    pub fn get(&self, key: &str) -> Result<Value, Throw> {
        let atom = Atom::new(self.ctx, key);
        self.get_atom(&atom)
    }

    pub fn get_atom(&self, key: &Atom) -> Result<Value, Throw> {
        // SAFETY: ctx live; the atom belongs to the same runtime; returns a new reference.
        unsafe { Value::checked(self.ctx, ffi::pj_get_property(self.ctx.raw(), self.raw, key.raw())) }
    }

    pub fn get_index(&self, i: u32) -> Result<Value, Throw> {
        // SAFETY: as above.
        unsafe {
            Value::checked(self.ctx, ffi::JS_GetPropertyUint32(self.ctx.raw(), self.raw, i))
        }
    }

    pub fn set(&self, key: &str, v: Value) -> Result<(), Throw> {
        let atom = Atom::new(self.ctx, key);
        // SAFETY: ctx live; JS_SetProperty takes ownership of v.
        let r = unsafe { ffi::pj_set_property(self.ctx.raw(), self.raw, atom.raw(), v.into_raw()) };
        if r < 0 {
            Err(Throw)
        } else {
            Ok(())
        }
    }

    pub fn set_index(&self, i: u32, v: Value) -> Result<(), Throw> {
        // SAFETY: ctx live; takes ownership of v.
        let r = unsafe { ffi::JS_SetPropertyUint32(self.ctx.raw(), self.raw, i, v.into_raw()) };
        if r < 0 {
            Err(Throw)
        } else {
            Ok(())
        }
    }

    /// Defines a non-enumerable, writable, configurable data property (how builtins look).
    pub fn define_hidden(&self, key: &str, v: Value) -> Result<(), Throw> {
        let flags = (ffi::JS_PROP_WRITABLE | ffi::JS_PROP_CONFIGURABLE) as i32;
        let atom = Atom::new(self.ctx, key);
        // SAFETY: ctx live; takes ownership of v.
        let r = unsafe {
            ffi::JS_DefinePropertyValue(self.ctx.raw(), self.raw, atom.raw(), v.into_raw(), flags)
        };
        if r < 0 {
            Err(Throw)
        } else {
            Ok(())
        }
    }

    pub fn call(&self, this: &Value, args: &[Value]) -> Result<Value, Throw> {
        let raw_args: Vec<ffi::JSValue> = args.iter().map(|a| a.raw).collect();
        // SAFETY: ctx live; JS_Call borrows func/this/args and returns a new reference.
        unsafe {
            Value::checked(
                self.ctx,
                ffi::JS_Call(
                    self.ctx.raw(),
                    self.raw,
                    this.raw,
                    raw_args.len() as i32,
                    raw_args.as_ptr() as *mut ffi::JSValue,
                ),
            )
        }
    }

    /// Calls the method `name` of this object.
    pub fn call_method(&self, name: &str, args: &[Value]) -> Result<Value, Throw> {
        self.get(name)?.call(self, args)
    }

    /// Identity of an object (its heap address; 0 for primitives without a heap cell).
    /// Stable while this reference keeps the object alive.
    pub fn identity(&self) -> usize {
        // SAFETY: reads the pointer bits of the value only.
        unsafe { ffi::pj_value_ptr(self.raw) }
    }

    pub fn same_as(&self, other: &Value) -> bool {
        // SAFETY: ctx live; strict equality only reads.
        unsafe { ffi::JS_StrictEq(self.ctx.raw(), self.raw, other.raw) != 0 }
    }

    /// Bytes of an ArrayBuffer / SharedArrayBuffer (borrowed from the JS heap).
    ///
    /// # Safety
    /// The slice is valid until the buffer is detached, resized or collected: the caller
    /// must not run JS while holding it.
    pub unsafe fn array_buffer_bytes(&self) -> Option<&[u8]> {
        let mut len = 0usize;
        // SAFETY: ctx live; returns null (with an exception) when not an ArrayBuffer.
        let p = unsafe { ffi::JS_GetArrayBuffer(self.ctx.raw(), &mut len, self.raw) };
        if p.is_null() {
            drop(self.ctx.take_exception());
            return None;
        }
        // SAFETY: p points to len bytes owned by the buffer, per the contract above.
        Some(unsafe { std::slice::from_raw_parts(p, len) })
    }

    /// For a typed array or DataView: the underlying buffer, byte offset and byte length.
    pub fn typed_array_parts(&self) -> Result<(Value, usize, usize), Throw> {
        let (mut off, mut len, mut per) = (0usize, 0usize, 0usize);
        // SAFETY: ctx live; returns a new reference to the buffer or JS_EXCEPTION.
        let buf = unsafe {
            Value::checked(
                self.ctx,
                ffi::JS_GetTypedArrayBuffer(self.ctx.raw(), self.raw, &mut off, &mut len, &mut per),
            )
        }?;
        Ok((buf, off, len))
    }
}

impl Clone for Value {
    fn clone(&self) -> Value {
        // SAFETY: self.raw is live in self.ctx (type invariant).
        unsafe { Value::dup_raw(self.ctx, self.raw) }
    }
}

impl Drop for Value {
    fn drop(&mut self) {
        // SAFETY: we own exactly one reference, and the context is alive (type invariant).
        unsafe { ffi::pj_free_value(self.ctx.raw(), self.raw) }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value(tag={})", self.tag())
    }
}

/// QuickJS encodes a lone surrogate as the 3-byte sequence ED A0..BF 80..BF (WTF-8); valid
/// UTF-8 never contains it. Each such sequence becomes one U+FFFD.
fn wtf8_to_string(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let mut fixed = Vec::with_capacity(bytes.len());
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == 0xED && i + 2 < bytes.len() && (0xA0..=0xBF).contains(&bytes[i + 1]) {
                    fixed.extend_from_slice("\u{FFFD}".as_bytes());
                    i += 3;
                } else {
                    fixed.push(bytes[i]);
                    i += 1;
                }
            }
            String::from_utf8_lossy(&fixed).into_owned()
        }
    }
}
