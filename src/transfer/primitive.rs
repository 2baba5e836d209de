//! The fast path of value transfer: numbers, booleans, null, undefined and short strings
//! written as a few bytes of our own, skipping JS arrays and QuickJS's object writer (which
//! builds an atom table and an object list even for `42`). Trivial tasks are dominated by
//! this cost.

use super::bytes::ByteBuf;
use crate::engine::{Context, Value};
use crate::ffi;

const UNDEFINED: u8 = 0;
const NULL: u8 = 1;
const FALSE: u8 = 2;
const TRUE: u8 = 3;
const INT: u8 = 4;
const FLOAT: u8 = 5;
const STRING: u8 = 6;

/// Strings up to this many bytes take the fast path.
const MAX_STRING: usize = 4096;

/// Appends `v` to `out` if it is a simple primitive; false (and `out` unchanged) otherwise.
pub fn write(v: &Value, out: &mut ByteBuf) -> bool {
    match v.tag() {
        ffi::JS_TAG_UNDEFINED => out.push(UNDEFINED),
        ffi::JS_TAG_NULL => out.push(NULL),
        ffi::JS_TAG_BOOL => out.push(if v.as_bool() == Some(true) { TRUE } else { FALSE }),
        ffi::JS_TAG_INT => {
            out.push(INT);
            // SAFETY: the tag says the payload is an int32.
            out.extend_from_slice(&unsafe { ffi::pj_get_int(v.raw()) }.to_le_bytes());
        }
        ffi::JS_TAG_FLOAT64 => {
            out.push(FLOAT);
            // SAFETY: the tag says the payload is a double.
            out.extend_from_slice(&unsafe { ffi::pj_get_float64(v.raw()) }.to_le_bytes());
        }
        ffi::JS_TAG_STRING | ffi::JS_TAG_STRING_ROPE => return write_string(v, out),
        _ => return false,
    }
    true
}

/// Strings that are valid UTF-8 once converted (no lone surrogates) and short.
fn write_string(v: &Value, out: &mut ByteBuf) -> bool {
    let ctx = v.context();
    let mut len = 0usize;
    // SAFETY: ctx is live; the C string is freed below on every path.
    unsafe {
        let p = ffi::JS_ToCStringLen2(ctx.raw(), &mut len, v.raw(), 0);
        if p.is_null() {
            drop(ctx.take_exception());
            return false;
        }
        let bytes = std::slice::from_raw_parts(p as *const u8, len);
        let ok = len <= MAX_STRING && std::str::from_utf8(bytes).is_ok();
        if ok {
            out.push(STRING);
            out.extend_from_slice(&(len as u32).to_le_bytes());
            out.extend_from_slice(bytes);
        }
        ffi::JS_FreeCString(ctx.raw(), p);
        ok
    }
}

/// Reads one value written by `write`, advancing `pos`. None on malformed input (which
/// cannot happen for bytes we wrote; checked anyway rather than trusted).
pub fn read(ctx: Context, bytes: &[u8], pos: &mut usize) -> Option<Value> {
    let tag = *bytes.get(*pos)?;
    *pos += 1;
    let mut take = |n: usize| -> Option<&[u8]> {
        let s = bytes.get(*pos..*pos + n)?;
        *pos += n;
        Some(s)
    };
    Some(match tag {
        UNDEFINED => Value::undefined(ctx),
        NULL => Value::null(ctx),
        FALSE => ctx.new_bool(false),
        TRUE => ctx.new_bool(true),
        INT => ctx.new_i32(i32::from_le_bytes(take(4)?.try_into().ok()?)),
        // JS_NewFloat64 keeps -0 a double (it compares bit patterns).
        FLOAT => ctx.new_f64(f64::from_le_bytes(take(8)?.try_into().ok()?)),
        STRING => {
            let len = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
            let s = std::str::from_utf8(take(len)?).ok()?;
            ctx.new_string(s)
        }
        _ => return None,
    })
}
