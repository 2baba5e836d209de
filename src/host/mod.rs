//! The host of one JS context: its runtime and context, event-loop state, builtin modules,
//! and the error and exit bookkeeping of a program. The main thread has one; so does every
//! worker thread of the Deferred pool.
//!
//! Native callbacks reach the host through the context's opaque pointer (`Host::get`). All JS
//! values the host stores live in `RefCell`s that `Drop` clears before the context is freed.

mod report;

pub use report::{print_error, SourceCache};

use crate::builtins;
use crate::engine::{Context, EvalKind, JsError, OwnedContext, Runtime, Throw, Value};
use crate::event_loop::{self, Inbox, LoopState};
use crate::ffi;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::mem::ManuallyDrop;
use std::sync::Arc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Main,
    Worker,
}

/// Settings fixed at start-up, shared (read-only) with worker threads.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `process.argv`: [exec path, absolute script path, ...args].
    pub argv: Vec<String>,
    /// Worker threads for Deferred (None: the machine's available parallelism).
    pub workers: Option<usize>,
    /// Default per-task heap cap for Deferred workers, in bytes.
    pub worker_memory_limit: Option<usize>,
    /// Define a global `gc()` in every context (main and workers), like node --expose-gc.
    pub expose_gc: bool,
}

impl Config {
    /// Deferred worker threads: `workers`, else the machine's available parallelism, read
    /// once per process (it follows CPU affinity and quotas, which may change while we run,
    /// and everything sized by it must agree).
    pub fn pool_size(&self) -> usize {
        static PARALLELISM: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        self.workers.unwrap_or_else(|| *PARALLELISM.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get())))
    }
}

pub struct Host {
    pub role: Role,
    pub ctx: Context,
    pub config: Arc<Config>,
    pub loop_state: RefCell<LoopState>,
    pub inbox: Arc<Inbox>,
    /// Outstanding operations on other threads that keep the loop alive.
    pub refs: Cell<usize>,
    /// Extra wake-up time for the loop's wait (a worker's task deadline).
    pub wake_by: Cell<Option<std::time::Instant>>,
    /// Set by `process.exit(code)`.
    pub exit_request: Cell<Option<i32>>,
    /// Set when an uncaught error or unhandled rejection was reported.
    pub failed: Cell<bool>,
    /// The interactive prompt runs this host: an uncaught error is reported and the
    /// program goes on.
    pub interactive: Cell<bool>,
    /// Names on the global object before user code ran (what a fresh realm has); main
    /// thread only.
    pub builtin_globals: RefCell<HashSet<String>>,
    /// Rejected promises with no handler yet, by promise identity: (order, promise, reason).
    /// A map, since thousands can be rejected and then handled in one tick.
    rejections: RefCell<HashMap<usize, (u64, Value, Value)>>,
    rejection_seq: Cell<u64>,
    /// Exports of builtin JS modules, by name, loaded on first use.
    modules: RefCell<HashMap<&'static str, Value>>,
    /// The `host` binding object given to builtin JS modules.
    binding: RefCell<Option<Value>>,
    /// Per-role extension state (the Deferred client on the main thread, the task runner on
    /// workers); dropped before the context.
    pub extension: RefCell<Option<std::rc::Rc<dyn std::any::Any>>>,
    pub sources: SourceCache,
    /// ES module / CommonJS loader state (see `modules`).
    pub loader: crate::modules::Loader,
    /// The private name under which a Deferred carries its slot (see `Context::new_deferred`);
    /// set by `builtins::install`, which gives it to Promise.all too.
    pub deferred_slot: std::cell::OnceCell<crate::engine::Atom>,
    owned: ManuallyDrop<OwnedContext>,
}

impl Host {
    pub fn new(role: Role, config: Arc<Config>, inbox: Arc<Inbox>) -> Box<Host> {
        let runtime = Runtime::new();
        let owned = OwnedContext::new(runtime);
        let ctx = owned.context();
        let host = Box::new(Host {
            role,
            ctx,
            config,
            loop_state: RefCell::default(),
            inbox,
            refs: Cell::new(0),
            wake_by: Cell::new(None),
            exit_request: Cell::new(None),
            failed: Cell::new(false),
            interactive: Cell::new(false),
            builtin_globals: RefCell::default(),
            rejections: RefCell::default(),
            rejection_seq: Cell::new(0),
            modules: RefCell::default(),
            binding: RefCell::default(),
            extension: RefCell::default(),
            sources: SourceCache::default(),
            loader: crate::modules::Loader::default(),
            deferred_slot: std::cell::OnceCell::new(),
            owned: ManuallyDrop::new(owned),
        });
        let ptr = &*host as *const Host as *mut std::ffi::c_void;
        // SAFETY: ptr is the boxed Host, whose address is stable and which outlives its
        // context (the context is freed in Host's Drop).
        unsafe { ctx.set_opaque(ptr) };
        crate::transfer::sab::install(host.runtime());
        crate::modules::install(&host);
        // SAFETY: the runtime is live; the callback only runs on this thread while the host
        // (whose address is stable inside the Box) is alive: it is unset in Drop.
        unsafe {
            ffi::JS_SetHostPromiseRejectionTracker(host.runtime().raw(), Some(rejection_tracker), ptr);
        }
        builtins::install(&host).expect("installing builtins failed");
        if role == Role::Main {
            // Only the main thread sends functions to workers (see transfer::function).
            host.snapshot_globals();
        }
        host
    }

    /// The host of a context created by `Host::new`.
    pub fn get(ctx: Context) -> &'static Host {
        let p = ctx.opaque() as *const Host;
        assert!(!p.is_null(), "context has no host");
        // SAFETY: the opaque pointer is set to the boxed Host at creation and the context
        // dies with the host; callbacks run only while the host is alive on this thread.
        // The 'static lifetime is a lie bounded by that invariant: callers must not keep it.
        unsafe { &*p }
    }

    /// The private name under which Deferreds carry their slot (set by `builtins::install`).
    pub fn deferred_slot_name(&self) -> &crate::engine::Atom {
        self.deferred_slot.get().expect("builtins installed")
    }

    pub fn runtime(&self) -> &Runtime {
        self.owned.runtime()
    }

    fn snapshot_globals(&self) {
        let names = builtins::own_property_names(self.ctx, &self.ctx.global()).unwrap_or_default();
        *self.builtin_globals.borrow_mut() = names.into_iter().collect();
    }

    /// The `host` object handed to builtin JS modules (natives they need).
    pub fn binding(&self) -> Result<Value, Throw> {
        if let Some(b) = self.binding.borrow().as_ref() {
            return Ok(b.clone());
        }
        let b = builtins::make_binding(self)?;
        *self.binding.borrow_mut() = Some(b.clone());
        Ok(b)
    }

    /// Exports of the builtin JS module `name`, evaluated on first use.
    pub fn module(&self, name: &'static str) -> Result<Value, Throw> {
        if let Some(m) = self.modules.borrow().get(name) {
            return Ok(m.clone());
        }
        let source = builtins::js_source(name).unwrap_or_else(|| panic!("no builtin module {name}"));
        let compiled = builtin_bytecode(self.ctx, name, source)?;
        let factory = self.ctx.eval_function(compiled)?;
        let exports = factory.call(&Value::undefined(self.ctx), &[self.binding()?])?;
        self.modules.borrow_mut().insert(name, exports.clone());
        Ok(exports)
    }

    pub fn module_loaded(&self, name: &str) -> bool {
        self.modules.borrow().contains_key(name)
    }

    pub fn should_stop(&self) -> bool {
        self.exit_request.get().is_some() || self.failed.get()
    }

    /// Handles the result of a callback the loop invoked: an exception is uncaught.
    pub fn after_callback(&self, result: Result<Value, Throw>) {
        if result.is_err() {
            self.report_pending_exception();
        }
        self.microtask_checkpoint();
    }

    /// Reports the pending exception as uncaught, unless it is `process.exit` unwinding.
    pub fn report_pending_exception(&self) {
        let exc = self.ctx.take_exception();
        if self.exit_request.get().is_some() {
            return;
        }
        self.report_uncaught(&exc, false);
    }

    /// Prints an uncaught error (or unhandled rejection) and marks the program failed.
    pub fn report_uncaught(&self, exc: &Value, rejection: bool) {
        if self.failed.get() {
            return;
        }
        self.failed.set(!self.interactive.get());
        report::report_uncaught(self, exc, rejection);
    }

    /// Runs nextTicks and promise jobs until both are empty, then reports a rejection that
    /// is still unhandled.
    pub fn microtask_checkpoint(&self) {
        // Node's order: the whole nextTick queue, then the whole promise job queue (ticks
        // queued by those jobs wait until it is empty), until both are empty.
        loop {
            loop {
                if self.should_stop() {
                    return;
                }
                let tick = self.loop_state.borrow_mut().ticks.pop_front();
                let Some((cb, args)) = tick else { break };
                if cb.call(&Value::undefined(self.ctx), &args).is_err() {
                    self.report_pending_exception();
                }
            }
            loop {
                if self.should_stop() {
                    return;
                }
                match self.runtime().run_pending_job() {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(_) => self.report_pending_exception(),
                }
            }
            if self.loop_state.borrow().ticks.is_empty() {
                break;
            }
        }
        let first = {
            let mut list = self.rejections.borrow_mut();
            let first = list.values().min_by_key(|(seq, _, _)| *seq).map(|(_, _, reason)| reason.clone());
            list.clear();
            if list.capacity() > 1024 {
                list.shrink_to(64);
            }
            first
        };
        if let (Some(reason), Role::Main) = (first, self.role) {
            // On a worker a rejection belongs to the task, which reports it to its caller.
            self.report_uncaught(&reason, true);
        }
    }

    /// Evaluates a script or module as the program's entry point. A script that fails to
    /// parse only because it uses module syntax (`import`/`export` after other statements,
    /// which `JS_DetectModule` does not see) is parsed again as a module; nothing ran yet.
    /// A `.cjs` file is a script by name and is never retried.
    pub fn run_main(&self, source: &[u8], filename: &str, module: bool) -> Result<(), ()> {
        self.sources.insert(filename, source);
        let kind = if module { EvalKind::Module } else { EvalKind::Script };
        let mut result = self.ctx.eval(source, filename, kind);
        if result.is_err() && !module && !filename.ends_with(".cjs") {
            let exc = self.ctx.take_exception();
            if is_module_syntax_error(&exc) {
                result = self.ctx.eval(source, filename, EvalKind::Module);
            } else {
                self.ctx.throw(exc);
            }
        }
        match result {
            Ok(_) => Ok(()),
            Err(Throw) => {
                self.report_pending_exception();
                Err(())
            }
        }
    }

    /// Runs the event loop to completion.
    pub fn run_loop(&self) -> event_loop::Outcome {
        event_loop::run(self)
    }

    /// The process exit code once the loop ended.
    pub fn exit_code(&self) -> i32 {
        if let Some(code) = self.exit_request.get() {
            return code;
        }
        if self.failed.get() {
            return 1;
        }
        builtins::process_exit_code(self).unwrap_or(0)
    }

    /// Forgets what one Deferred task left behind on a worker: timers it never cleared,
    /// pending ticks, rejections and failure flags.
    pub fn reset_after_task(&self) {
        self.loop_state.borrow_mut().clear();
        self.rejections.borrow_mut().clear();
        self.failed.set(false);
        drop(self.ctx.take_exception());
    }
}

/// The compiled form of a builtin JS module: from the compile cache when an entry for this
/// exact source exists (the key carries a hash of the source, so a rebuilt protojs with a
/// changed module misses), else compiled now and stored. Parsing inspect.js alone costs
/// ~3 ms, three times a whole `protojs -e 0`.
fn builtin_bytecode(ctx: Context, name: &str, source: &str) -> Result<Value, Throw> {
    use crate::compile::{cache, format::Kind};
    let compile = || ctx.eval(source.as_bytes(), &format!("protojs:{name}"), EvalKind::CompileScript);
    let Some(cache) = cache::builtins() else { return compile() };
    // Builtins have no file: their identity is their name and content; the timestamps are
    // fixed (and long "settled") so the entry is written on first use.
    let origin = format!("protojs:{name}#{:016x}", cache::fnv1a64(source.as_bytes()));
    let stamp = cache::SourceStamp { size: source.len() as u64, mtime_ns: 0, ctime_ns: 0 };
    if !cache.wants(&stamp) {
        return compile();
    }
    if let Some((Kind::Script, compiled)) = cache.lookup(ctx, &origin, &stamp) {
        return Ok(compiled);
    }
    let compiled = compile()?;
    cache.store(ctx, &origin, &stamp, Kind::Script, &compiled);
    Ok(compiled)
}

/// A SyntaxError that only module code avoids (import/export declarations, top-level await).
fn is_module_syntax_error(exc: &Value) -> bool {
    let e = JsError::from_value(exc);
    e.name == "SyntaxError"
        && (e.message.contains("export") || e.message.contains("import") || e.message.contains("await"))
}

impl Drop for Host {
    fn drop(&mut self) {
        // Free every JS value we hold while the context still exists.
        self.extension.borrow_mut().take();
        self.loop_state.borrow_mut().clear();
        self.rejections.borrow_mut().clear();
        self.modules.borrow_mut().clear();
        self.binding.borrow_mut().take();
        self.deferred_slot.take();
        // SAFETY: unregisters the tracker that points at this host.
        unsafe { ffi::JS_SetHostPromiseRejectionTracker(self.runtime().raw(), None, std::ptr::null_mut()) };
        // SAFETY: no Value of this context remains (cleared above; values held by Rust
        // frames are gone since the host is being dropped by its owner).
        unsafe { ManuallyDrop::drop(&mut self.owned) };
    }
}

unsafe extern "C" fn rejection_tracker(
    ctx: *mut ffi::JSContext,
    promise: ffi::JSValue,
    reason: ffi::JSValue,
    is_handled: i32,
    opaque: *mut std::ffi::c_void,
) {
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: opaque is the live Host registered in Host::new; ctx and the values are
        // live for the duration of this call.
        let host = unsafe { &*(opaque as *const Host) };
        let ctx = unsafe { Context::from_raw(ctx) };
        let promise = unsafe { Value::dup_raw(ctx, promise) };
        let mut list = host.rejections.borrow_mut();
        if is_handled != 0 {
            list.remove(&promise.identity());
        } else {
            let reason = unsafe { Value::dup_raw(ctx, reason) };
            let seq = host.rejection_seq.get() + 1;
            host.rejection_seq.set(seq);
            list.insert(promise.identity(), (seq, promise, reason));
        }
    });
}
