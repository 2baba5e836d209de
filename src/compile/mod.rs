//! Precompiled bytecode: the `.jsc` file format, `protojs compile`, loading `.jsc` files,
//! and the on-disk compile cache.
//!
//! QuickJS's bytecode reader is not safe against malformed input, so the only way bytes
//! reach `JS_ReadObject` here is through [`read_image`], after [`format::decode`] has checked
//! the header (magic, format and engine version, byte order, exact length) and the CRC-32 of
//! the payload.

pub mod cache;
pub mod format;

pub use format::{FormatError, Header, Kind};

use crate::engine::{Context, Throw, Value};
use crate::ffi;
use std::io;
use std::path::Path;

/// Why a bytecode image could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// Refused before reading: the file is not one this build wrote intact.
    Format(FormatError),
    /// QuickJS failed to read a valid payload (out of memory): the exception is pending.
    Js(Throw),
}

/// `JS_WriteObject(.., JS_WRITE_OBJ_BYTECODE)` of a compiled (not yet evaluated) script or
/// module, copied out of the runtime's allocator.
pub fn write_bytecode(ctx: Context, compiled: &Value) -> Result<Vec<u8>, Throw> {
    let mut len = 0usize;
    // SAFETY: ctx is live and `compiled` is one of its values; on success the buffer holds
    // `len` bytes allocated by this runtime, copied then freed here on the same thread.
    unsafe {
        let buf = ffi::JS_WriteObject(ctx.raw(), &mut len, compiled.raw(), ffi::JS_WRITE_OBJ_BYTECODE as i32);
        if buf.is_null() {
            return Err(Throw);
        }
        let bytes = std::slice::from_raw_parts(buf, len).to_vec();
        ffi::js_free(ctx.raw(), buf as *mut _);
        Ok(bytes)
    }
}

/// Validates a whole `.jsc` image (header and checksum) and reads its bytecode: a function
/// (script or CommonJS wrapper, to be run with `eval_function`) or a module value.
pub fn read_image(ctx: Context, image: &[u8]) -> Result<(Header, Value), LoadError> {
    let (header, payload) = format::decode(image).map_err(LoadError::Format)?;
    // SAFETY: `payload` passed format::decode: it is exactly the bytes JS_WriteObject produced
    // in a build of the same engine version and byte order (length and CRC-32 match), so the
    // reader sees well-formed input. It is copied by the reader (no ROM flag), so the image
    // may be unmapped afterwards.
    let value = unsafe {
        Value::checked(
            ctx,
            ffi::JS_ReadObject(ctx.raw(), payload.as_ptr(), payload.len(), ffi::JS_READ_OBJ_BYTECODE as i32),
        )
    }
    .map_err(LoadError::Js)?;
    Ok((header, value))
}

/// Writes `bytes` to `path` through a temporary file in the same directory renamed over
/// it, so a reader sees the old file or the new one, never a partial write.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    use std::sync::atomic::{AtomicU64, Ordering};
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.{}.tmp", std::process::id(), SEQ.fetch_add(1, Ordering::Relaxed)));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
