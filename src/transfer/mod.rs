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
mod primitive;
pub mod sab;

use bytes::ByteBuf;
pub use bytes::Bytes;
pub use function::{compile_function, FunctionCode};

use crate::engine::{Context, Throw, Value};
use crate::ffi;
use crate::host::Host;

/// First byte of an encoding: how to read the rest.
const PLAIN: u8 = 0;
const ENVELOPE: u8 = 1;
/// One value in our primitive format (see primitive.rs).
const PRIMITIVE: u8 = 2;
/// A task payload of primitives: u32 count of captured values, u32 count of arguments,
/// then the values.
const PRIMITIVE_LISTS: u8 = 3;

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
    Ok(Bytes { data: data.into(), sabs })
}

/// Encodes with QuickJS's writer alone: the fast path. None (and no exception pending)
/// when the value needs the envelope: an object the writer does not know or refuses, or an
/// array with holes or named properties, which the writer would flatten.
pub fn encode_fast(ctx: Context, v: &Value) -> Option<Bytes> {
    // SAFETY: ctx live; the walk only reads the graph (and allocates its own tables).
    let irregular = unsafe { ffi::pj_has_irregular_array(ctx.raw(), v.raw()) };
    let written = if irregular == 0 { write(ctx, v, WRITE_FLAGS, PLAIN).ok() } else { None };
    if written.is_none() {
        drop(ctx.take_exception());
    }
    written
}

/// Encodes a value for another runtime. A value that cannot be cloned throws a TypeError
/// that says where and why (`what` names it, e.g. "argument 2").
pub fn encode(host: &Host, v: &Value, what: &str) -> Result<Bytes, Throw> {
    let ctx = host.ctx;
    let mut data = ByteBuf::new();
    data.push(PRIMITIVE);
    if primitive::write(v, &mut data) {
        return Ok(Bytes { data, sabs: vec![] });
    }
    if let Some(bytes) = encode_fast(ctx, v) {
        return Ok(bytes);
    }
    encode_envelope(host, v, what)
}

/// Encodes through the envelope (js/transfer.js) alone: for a value `encode_fast` refused.
pub fn encode_envelope(host: &Host, v: &Value, what: &str) -> Result<Bytes, Throw> {
    let ctx = host.ctx;
    let prepare = host.module("transfer")?.get("prepare")?;
    let envelope = prepare.call(&Value::undefined(ctx), &[v.clone(), ctx.new_string(what)])?;
    write(ctx, &envelope, WRITE_FLAGS, ENVELOPE)
}

/// Decodes bytes made by `encode` (in any runtime of this process).
pub fn decode(host: &Host, bytes: &Bytes) -> Result<Value, Throw> {
    let ctx = host.ctx;
    let (&tag, payload) = bytes.data.split_first().expect("empty encoding");
    if tag == PRIMITIVE {
        return primitive::read(ctx, payload, &mut 0).ok_or_else(|| corrupt(ctx));
    }
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

fn corrupt(ctx: Context) -> Throw {
    ctx.throw_error_of("InternalError", "protojs internal error: malformed transfer bytes")
}

/// Encodes two lists of primitives (a task's captured values and arguments) in our compact
/// format; None when any value is not a simple primitive.
pub fn encode_primitive_lists(a: &[Value], b: &[Value]) -> Option<Bytes> {
    let mut data = ByteBuf::with_capacity(9 + 9 * (a.len() + b.len()));
    data.push(PRIMITIVE_LISTS);
    data.extend_from_slice(&(a.len() as u32).to_le_bytes());
    data.extend_from_slice(&(b.len() as u32).to_le_bytes());
    a.iter().chain(b).all(|v| primitive::write(v, &mut data)).then_some(Bytes { data, sabs: vec![] })
}

/// Decodes a task payload: from `encode_primitive_lists`, or a generic encoding of the
/// array `[capturedValues, args]`.
pub fn decode_lists(host: &Host, bytes: &Bytes) -> Result<(Vec<Value>, Vec<Value>), Throw> {
    let ctx = host.ctx;
    if bytes.data.first() == Some(&PRIMITIVE_LISTS) {
        let d = &bytes.data;
        let count = |at: usize| d.get(at..at + 4).map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize);
        let (Some(na), Some(nb)) = (count(1), count(5)) else { return Err(corrupt(ctx)) };
        let mut pos = 9;
        let mut read = |n: usize| -> Result<Vec<Value>, Throw> {
            let mut values = Vec::with_capacity(n);
            for _ in 0..n {
                values.push(primitive::read(ctx, d, &mut pos).ok_or_else(|| corrupt(ctx))?);
            }
            Ok(values)
        };
        let a = read(na)?;
        return Ok((a, read(nb)?));
    }
    let pair = decode(host, bytes)?;
    Ok((array_items(&pair.get_index(0)?)?, array_items(&pair.get_index(1)?)?))
}

/// The elements of a JS array.
pub fn array_items(arr: &Value) -> Result<Vec<Value>, Throw> {
    let len = arr.get("length")?.to_f64()? as u32;
    (0..len).map(|i| arr.get_index(i)).collect()
}

/// `structuredClone(value)`: an encode/decode round trip in the same runtime.
pub fn structured_clone(host: &Host, v: &Value) -> Result<Value, Throw> {
    let bytes = encode(host, v, "value")?;
    decode(host, &bytes)
}
