//! Values across runtimes: `encode(value) -> Bytes` in one runtime, `decode(bytes)` in
//! another. Arguments and results are copied with structured-clone semantics; only
//! SharedArrayBuffer memory is shared.
//!
//! The workhorse is QuickJS's own object writer (`JS_WriteObject` with object references
//! and SABs). It does not know Map, Set, RegExp, Error or DataView and refuses what cannot be
//! cloned with terse messages, so when it fails the value goes through `js/transfer.js`,
//! which checks the whole graph (a `TypeError` that names the path and the reason) and
//! rewrites the special objects into an envelope the writer accepts; the receiving side
//! rebuilds them. Plain data never pays for that walk.

mod bytes;
pub mod function;
pub mod sab;

pub use bytes::Bytes;
pub use function::{compile_function, FunctionCode};

use crate::engine::{Context, Throw, Value};
use crate::ffi;
use crate::host::Host;

/// First byte of an encoding: how to read the rest.
const PLAIN: u8 = 0;
const ENVELOPE: u8 = 1;

const WRITE_FLAGS: u32 = ffi::JS_WRITE_OBJ_REFERENCE | ffi::JS_WRITE_OBJ_SAB;
const READ_FLAGS: u32 = ffi::JS_READ_OBJ_REFERENCE | ffi::JS_READ_OBJ_SAB;

/// Upper bound of one encoded value (a task's arguments, or its result): 512 MiB. Beyond it
/// `new Deferred` throws (or the task rejects with) a RangeError.
pub const MAX_ENCODED_BYTES: usize = 512 << 20;

/// Writes `v` with QuickJS's writer. On failure the exception is pending in `ctx`.
fn write(ctx: Context, v: &Value, flags: u32, tag: u8) -> Result<Bytes, Throw> {
    let mut len = 0usize;
    let mut sab_tab: *mut *mut u8 = std::ptr::null_mut();
    let mut sab_len = 0usize;
    // SAFETY: ctx is live; on success the returned buffer and sab table are allocated with
    // the runtime's allocator and freed below after copying.
    let buf = unsafe { ffi::JS_WriteObject2(ctx.raw(), &mut len, v.raw(), flags as i32, &mut sab_tab, &mut sab_len) };
    if buf.is_null() {
        return Err(Throw);
    }
    let mut data = Vec::with_capacity(len + 1);
    data.push(tag);
    // SAFETY: buf holds len bytes written by JS_WriteObject2.
    data.extend_from_slice(unsafe { std::slice::from_raw_parts(buf, len) });
    let sabs = (0..sab_len)
        // SAFETY: sab_tab holds sab_len block pointers from our SAB allocator.
        .map(|i| sab::SabRef::retain(unsafe { *sab_tab.add(i) }))
        .collect();
    // SAFETY: both were allocated by this runtime's allocator; js_free accepts null.
    unsafe {
        ffi::js_free(ctx.raw(), buf as *mut _);
        ffi::js_free(ctx.raw(), sab_tab as *mut _);
    }
    if data.len() > MAX_ENCODED_BYTES {
        return Err(ctx.throw_range_error(&format!(
            "value too large to send between threads ({} bytes; the limit is {} bytes)",
            data.len(),
            MAX_ENCODED_BYTES
        )));
    }
    Ok(Bytes { data, sabs })
}

/// Encodes with QuickJS's writer only (no special objects, terse errors): the fast path.
pub fn encode_fast(ctx: Context, v: &Value) -> Result<Bytes, Throw> {
    write(ctx, v, WRITE_FLAGS, PLAIN)
}

/// Encodes a value for another runtime. A value that cannot be cloned throws a TypeError
/// that says where and why (`what` names it, e.g. "argument 2").
pub fn encode(host: &Host, v: &Value, what: &str) -> Result<Bytes, Throw> {
    let ctx = host.ctx;
    if let Ok(bytes) = write(ctx, v, WRITE_FLAGS, PLAIN) {
        return Ok(bytes);
    }
    drop(ctx.take_exception());
    let prepare = host.module("transfer")?.get("prepare")?;
    let envelope = prepare.call(&Value::undefined(ctx), &[v.clone(), ctx.new_string(what)])?;
    write(ctx, &envelope, WRITE_FLAGS, ENVELOPE)
}

/// Decodes bytes made by `encode` (in any runtime of this process).
pub fn decode(host: &Host, bytes: &Bytes) -> Result<Value, Throw> {
    let ctx = host.ctx;
    let (&tag, payload) = bytes.data.split_first().expect("empty encoding");
    // SAFETY: the payload was produced by JS_WriteObject2 in this process (never read from
    // outside), and any SAB it names is kept alive by `bytes.sabs` during the read.
    let v = unsafe {
        Value::checked(ctx, ffi::JS_ReadObject(ctx.raw(), payload.as_ptr(), payload.len(), READ_FLAGS as i32))
    }?;
    if tag == PLAIN {
        return Ok(v);
    }
    let restore = host.module("transfer")?.get("restore")?;
    restore.call(&Value::undefined(ctx), &[v])
}

/// `structuredClone(value)`: an encode/decode round trip in the same runtime.
pub fn structured_clone(host: &Host, v: &Value) -> Result<Value, Throw> {
    let bytes = encode(host, v, "value")?;
    decode(host, &bytes)
}
