//! SharedArrayBuffer memory shared by every runtime of the process.
//!
//! Each block carries an atomic reference count in a header before the data. Every runtime
//! gets the same allocator functions, so a SAB read in another runtime (`JS_ReadObject` with
//! `JS_READ_OBJ_SAB`) takes a reference (`sab_dup`) instead of copying, and the block is freed
//! when the last runtime and the last in-flight `Bytes` let go.

use crate::ffi;
use std::sync::atomic::{AtomicUsize, Ordering};

#[repr(C)]
struct Header {
    refs: AtomicUsize,
    /// Keeps the data 16-byte aligned (Atomics on 64-bit typed arrays need 8).
    _pad: usize,
}

const HEADER: usize = std::mem::size_of::<Header>();

fn header(data: *mut u8) -> *const Header {
    // SAFETY (for callers): data was returned by sab_alloc, so a Header precedes it.
    data.wrapping_sub(HEADER) as *const Header
}

unsafe extern "C" fn sab_alloc(_opaque: *mut std::ffi::c_void, size: usize) -> *mut std::ffi::c_void {
    // SAFETY: calloc returns zeroed memory (a SAB starts zero-filled) or null.
    let base = unsafe { libc::calloc(1, HEADER + size) } as *mut u8;
    if base.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: base points to at least HEADER bytes, suitably aligned by calloc.
    unsafe { (base as *mut Header).write(Header { refs: AtomicUsize::new(1), _pad: 0 }) };
    base.wrapping_add(HEADER) as *mut _
}

unsafe extern "C" fn sab_free(_opaque: *mut std::ffi::c_void, ptr: *mut std::ffi::c_void) {
    release(ptr as *mut u8);
}

unsafe extern "C" fn sab_dup(_opaque: *mut std::ffi::c_void, ptr: *mut std::ffi::c_void) {
    retain(ptr as *mut u8);
}

fn retain(data: *mut u8) {
    // SAFETY: data is a live block from sab_alloc (we hold a reference).
    unsafe { (*header(data)).refs.fetch_add(1, Ordering::Relaxed) };
}

fn release(data: *mut u8) {
    // SAFETY: data is a live block from sab_alloc and we give up one reference; the last
    // one frees the allocation made in sab_alloc.
    unsafe {
        if (*header(data)).refs.fetch_sub(1, Ordering::AcqRel) == 1 {
            libc::free(header(data) as *mut libc::c_void);
        }
    }
}

struct Functions(ffi::JSSharedArrayBufferFunctions);
// SAFETY: the table is immutable and its opaque pointer is null (never dereferenced).
unsafe impl Sync for Functions {}

static FUNCS: Functions = Functions(ffi::JSSharedArrayBufferFunctions {
    sab_alloc: Some(sab_alloc),
    sab_free: Some(sab_free),
    sab_dup: Some(sab_dup),
    sab_opaque: std::ptr::null_mut(),
});

/// Installs the shared allocator in a runtime.
pub fn install(rt: &crate::engine::Runtime) {
    // SAFETY: the runtime is live (borrowed); QuickJS copies the table.
    unsafe { ffi::JS_SetSharedArrayBufferFunctions(rt.raw(), &FUNCS.0) };
}

/// One reference to a SAB block, held by encoded bytes in flight.
#[derive(Debug)]
pub struct SabRef(*mut u8);

// SAFETY: the block is reference counted with atomics and freed with libc::free, which is
// thread-safe; the pointer itself is never dereferenced outside those operations.
unsafe impl Send for SabRef {}
unsafe impl Sync for SabRef {}

impl SabRef {
    /// Takes a new reference to a block written into an encoding.
    pub fn retain(data: *mut u8) -> SabRef {
        retain(data);
        SabRef(data)
    }
}

impl Drop for SabRef {
    fn drop(&mut self) {
        release(self.0);
    }
}
