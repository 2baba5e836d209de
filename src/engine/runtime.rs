use crate::ffi;
use std::ptr::NonNull;

/// Owns a `JSRuntime`: one per thread, never shared. Freed on drop, after its contexts.
pub struct Runtime {
    raw: NonNull<ffi::JSRuntime>,
}

impl Runtime {
    pub fn new() -> Runtime {
        // SAFETY: JS_NewRuntime has no preconditions; null means out of memory.
        let raw = unsafe { ffi::JS_NewRuntime() };
        let raw = NonNull::new(raw).expect("out of memory creating a JS runtime");
        Runtime { raw }
    }

    pub fn raw(&self) -> *mut ffi::JSRuntime {
        self.raw.as_ptr()
    }

    /// Heap cap in bytes (None = no cap). Allocations beyond it throw an out-of-memory error.
    pub fn set_memory_limit(&self, bytes: Option<usize>) {
        // SAFETY: the runtime is live (we own it) and used on its own thread. QuickJS's
        // "no limit" is the all-ones size.
        unsafe { ffi::JS_SetMemoryLimit(self.raw(), bytes.unwrap_or(usize::MAX)) }
    }

    pub fn run_gc(&self) {
        // SAFETY: as above.
        unsafe { ffi::JS_RunGC(self.raw()) }
    }

    /// The heap size at which the next allocation runs the cycle collector (QuickJS sets
    /// it to 1.5x the heap left by each collection).
    pub fn gc_threshold(&self) -> usize {
        // SAFETY: as above; reads one field.
        unsafe { ffi::pj_gc_threshold(self.raw()) }
    }

    pub fn set_gc_threshold(&self, bytes: usize) {
        // SAFETY: as above.
        unsafe { ffi::JS_SetGCThreshold(self.raw(), bytes) }
    }

    pub fn set_can_block(&self, can_block: bool) {
        // SAFETY: as above.
        unsafe { ffi::JS_SetCanBlock(self.raw(), can_block as i32) }
    }

    pub fn is_job_pending(&self) -> bool {
        // SAFETY: as above.
        unsafe { ffi::JS_IsJobPending(self.raw()) != 0 }
    }

    /// Runs one pending job (promise reaction). Ok(false) when there was none; Err(ctx) when
    /// the job threw, with the exception pending in `ctx`.
    pub fn run_pending_job(&self) -> Result<bool, *mut ffi::JSContext> {
        let mut ctx: *mut ffi::JSContext = std::ptr::null_mut();
        // SAFETY: the runtime is live; `ctx` receives the job's context (borrowed).
        let r = unsafe { ffi::JS_ExecutePendingJob(self.raw(), &mut ctx) };
        match r {
            0 => Ok(false),
            r if r > 0 => Ok(true),
            _ => Err(ctx),
        }
    }

    pub fn memory_usage(&self) -> ffi::JSMemoryUsage {
        // SAFETY: JSMemoryUsage is plain integers; the runtime is live.
        unsafe {
            let mut usage: ffi::JSMemoryUsage = std::mem::zeroed();
            ffi::JS_ComputeMemoryUsage(self.raw(), &mut usage);
            usage
        }
    }
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        // SAFETY: every context of this runtime has been freed (contexts hold a Runtime
        // reference through their owner and are dropped first). In debug builds QuickJS
        // asserts here that no object leaked.
        unsafe { ffi::JS_FreeRuntime(self.raw()) }
    }
}
