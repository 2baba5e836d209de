//! The worker thread's side of Deferred: one JS runtime per thread, for its whole life.

use super::cancel::CancelBoard;
use super::task::Limits;
use super::{Completion, Completions, Outcome, Task, TaskKey};
use crate::engine::{ObjectKind, Throw, Value};
use crate::event_loop::Inbox;
use crate::ffi;
use crate::host::{Config, Host, Role};
use crate::pool::Worker;
use crate::id_hash::IdMap;
use crate::transfer::{self, FunctionCode};
use std::cell::RefCell;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Evaluated wrappers kept per worker (by code id) before the cache is reset.
const WRAPPER_CACHE_SIZE: usize = 256;

/// How a worker reaches the client that owns its pool; the same for every task, so tasks
/// do not carry it (cloning shared `Arc`s per task made their counters bounce between cores).
#[derive(Clone)]
pub struct ClientLink {
    /// Where completions and progress values go.
    pub completions: Arc<Completions>,
    /// Set when the pool shuts down: running JS is interrupted.
    pub shutdown: Arc<AtomicBool>,
    /// Which tasks are cancelled.
    pub board: Arc<CancelBoard>,
}

/// What the interrupt handler looks at while a task runs.
struct Interrupt {
    shutdown: Arc<AtomicBool>,
    board: Arc<CancelBoard>,
    current: RefCell<Option<Running>>,
}

/// The running task's stop conditions.
struct Running {
    id: u64,
    deadline: Option<Instant>,
}

/// Why a task was stopped from outside.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Stop {
    Shutdown,
    Cancelled,
    TimedOut,
}

impl Interrupt {
    fn stop(&self) -> Option<Stop> {
        if self.shutdown.load(Ordering::Relaxed) {
            return Some(Stop::Shutdown);
        }
        let current = self.current.try_borrow().ok()?;
        let running = current.as_ref()?;
        if self.board.is_cancelled(running.id) {
            Some(Stop::Cancelled)
        } else if running.deadline.is_some_and(|d| Instant::now() >= d) {
            Some(Stop::TimedOut)
        } else {
            None
        }
    }
}

/// The worker-side state that `Deferred.progress` reads: where the current task reports.
pub struct CurrentTask {
    pub completions: Arc<Completions>,
    /// The running task, and whether anyone listens to its progress.
    pub task: RefCell<Option<(TaskKey, bool)>>,
}

pub struct TaskRunner {
    wrappers: IdMap<u64, Value>,
    host: Box<Host>,
    interrupt: Box<Interrupt>,
    current: std::rc::Rc<CurrentTask>,
    /// This worker's index in the pool (its waiting slot on the board).
    index: usize,
    /// Heap cap between tasks (from the pool-wide default), if any.
    default_limit: Option<usize>,
}

impl TaskRunner {
    pub fn new(index: usize, config: Arc<Config>, link: ClientLink) -> TaskRunner {
        let host = Host::new(Role::Worker, config.clone(), Arc::new(Inbox::new()));
        let rt = host.runtime();
        rt.set_can_block(true);
        let default_limit = config.worker_memory_limit.map(|l| l + rt.memory_usage().malloc_size as usize);
        rt.set_memory_limit(default_limit);
        let current = std::rc::Rc::new(CurrentTask { completions: link.completions, task: RefCell::new(None) });
        *host.extension.borrow_mut() = Some(current.clone());
        let interrupt =
            Box::new(Interrupt { shutdown: link.shutdown, board: link.board, current: RefCell::new(None) });
        // SAFETY: the handler's opaque points into the Box, which lives as long as the
        // runtime (both are fields of self; the host, and so the runtime, drops first).
        unsafe {
            ffi::JS_SetInterruptHandler(rt.raw(), Some(interrupt_handler), &*interrupt as *const Interrupt as *mut _);
        }
        TaskRunner {
            wrappers: IdMap::default(),
            host,
            interrupt,
            current,
            index,
            default_limit,
        }
    }

    /// The wrapper of `code`, evaluated once per worker; for code that captures nothing,
    /// the task function itself (the wrapper is called once, not per task).
    fn wrapper(&mut self, code: &FunctionCode) -> Result<Value, Throw> {
        if let Some(w) = self.wrappers.get(&code.id) {
            return Ok(w.clone());
        }
        if self.wrappers.len() >= WRAPPER_CACHE_SIZE {
            self.wrappers.clear();
        }
        let ctx = self.host.ctx;
        let mut w = transfer::function::instantiate(ctx, code)?;
        if code.params.is_empty() {
            w = w.call(&Value::undefined(ctx), &[])?;
        }
        self.wrappers.insert(code.id, w.clone());
        Ok(w)
    }

    /// Calls the task's function; Ok(value) or Err(Throw) with the exception pending.
    fn call(&mut self, task: &Task) -> Result<Value, Throw> {
        let wrapper = self.wrapper(&task.code)?;
        let host = &*self.host;
        let ctx = host.ctx;
        let (captured, args) = transfer::decode_lists(host, &task.payload)?;
        let undefined = Value::undefined(ctx);
        let f = if task.code.params.is_empty() { wrapper } else { wrapper.call(&undefined, &captured)? };
        let result = f.call(&undefined, &args)?;
        if result.kind() != ObjectKind::Promise {
            return Ok(result);
        }
        // An async task: run this worker's loop (its timers and jobs) until it settles or
        // is stopped from outside.
        let interrupt = &*self.interrupt;
        let settled = || promise_state(ctx, &result) != ffi::JS_PROMISE_PENDING || interrupt.stop().is_some();
        // While it waits, a cancel must be able to wake this loop (set before the first
        // check of `settled`, so a cancel either is seen there or finds the waker).
        interrupt.board.set_waiting(self.index, Some((task.key.id, host.inbox.clone())));
        crate::event_loop::run_until(host, &settled);
        interrupt.board.set_waiting(self.index, None);
        if interrupt.stop().is_some() {
            return Err(ctx.throw_error_of("InternalError", "interrupted"));
        }
        match promise_state(ctx, &result) {
            ffi::JS_PROMISE_FULFILLED => Ok(promise_result(ctx, &result)),
            ffi::JS_PROMISE_REJECTED => Err(ctx.throw(promise_result(ctx, &result))),
            _ if host.exit_request.get().is_some() || ctx.has_exception() => Err(Throw),
            _ => Err(ctx.throw_error_of("Error", "the task's promise never settled (nothing left to wait for in the worker)")),
        }
    }

    fn execute(&mut self, task: &Task) -> Outcome {
        // Test builds only: a function with this name makes the worker panic, so tests can
        // check that the task still settles and the pool replaces the worker.
        #[cfg(debug_assertions)]
        if task.code.name == "__protojs_test_panic__" {
            panic!("forced worker panic (test hook)");
        }
        let limits = task.limits;
        let deadline = limits.timeout.map(|t| Instant::now() + t);
        *self.interrupt.current.borrow_mut() = Some(Running { id: task.key.id, deadline });
        *self.current.task.borrow_mut() = Some((task.key, limits.wants_progress));
        self.host.wake_by.set(deadline);
        let rt = self.host.runtime();
        if let Some(limit) = limits.memory_limit {
            rt.set_memory_limit(Some(rt.memory_usage().malloc_size as usize + limit));
        }

        let result = self.call(task);
        let stop = self.interrupt.stop();
        let host = &*self.host;
        let outcome = match (stop, result) {
            (Some(Stop::TimedOut), _) => Outcome::Rejected {
                name: "TimeoutError",
                message: format!("The task timed out after {} ms", limits.timeout.unwrap_or_default().as_millis()),
            },
            (Some(Stop::Cancelled | Stop::Shutdown), _) => {
                Outcome::Rejected { name: "AbortError", message: "This operation was aborted".into() }
            }
            (None, Ok(v)) => match transfer::encode(host, &v, "the task's result") {
                Ok(bytes) => Outcome::Returned(bytes),
                Err(Throw) => self.thrown(&limits),
            },
            (None, Err(Throw)) => self.thrown(&limits),
        };

        // Leftovers of this task (timers it never cleared, failure flags, its limits) must
        // not leak into the next one.
        host.reset_after_task();
        host.wake_by.set(None);
        self.interrupt.current.borrow_mut().take();
        self.current.task.borrow_mut().take();
        if limits.memory_limit.is_some() {
            host.runtime().run_gc();
            host.runtime().set_memory_limit(self.default_limit);
        }
        outcome
    }

    /// Encodes the pending exception as the task's rejection.
    fn thrown(&self, limits: &Limits) -> Outcome {
        let host = &*self.host;
        let exc = host.ctx.take_exception();
        if is_stack_overflow(&exc) {
            return Outcome::Rejected {
                name: "RangeError",
                message: "Maximum call stack size exceeded (stack overflow in the Deferred task)".into(),
            };
        }
        if is_out_of_memory(&exc) {
            let limit = limits.memory_limit.map(|l| format!("its memory limit of {l} bytes"));
            return Outcome::Rejected {
                name: "RangeError",
                message: format!(
                    "Deferred task ran out of memory ({})",
                    limit.unwrap_or_else(|| "the worker memory limit".into())
                ),
            };
        }
        match transfer::encode(host, &exc, "the thrown value") {
            Ok(bytes) => Outcome::Threw(bytes),
            Err(Throw) => {
                let why = crate::engine::JsError::from_value(&host.ctx.take_exception());
                Outcome::Rejected {
                    name: "TypeError",
                    message: format!("the task threw a value that cannot be sent back: {}", why.message),
                }
            }
        }
    }
}

impl Worker for TaskRunner {
    type Task = Task;

    fn run(&mut self, task: Task) {
        if self.interrupt.board.forget(task.key.id) {
            // Cancelled while queued: its Deferred already rejected; drop it unrun.
            return;
        }
        let key = task.key;
        match catch_unwind(AssertUnwindSafe(|| self.execute(&task))) {
            // Cancelled while it ran: the Deferred already rejected and the main thread
            // would drop the outcome, so it is not queued at all.
            Ok(_) if self.interrupt.board.forget(key.id) => {}
            Ok(outcome) => self.send(key, outcome),
            Err(panic) => {
                // The task still settles instead of hanging the main thread; then the pool
                // sees the panic and replaces this worker's state.
                self.send(key, Outcome::Rejected {
                    name: "InternalError",
                    message: "protojs internal error: the worker running this task panicked".into(),
                });
                resume_unwind(panic);
            }
        }
    }
}

impl TaskRunner {
    fn send(&self, key: TaskKey, outcome: Outcome) {
        self.current.completions.push(Completion::Settled(key, outcome));
    }
}

impl Drop for TaskRunner {
    fn drop(&mut self) {
        // Values of this runtime must go before the host frees it.
        self.wrappers.clear();
    }
}

fn promise_state(ctx: crate::engine::Context, p: &Value) -> u32 {
    // SAFETY: p is a live promise of ctx.
    unsafe { ffi::JS_PromiseState(ctx.raw(), p.raw()) }
}

fn promise_result(ctx: crate::engine::Context, p: &Value) -> Value {
    // SAFETY: returns a new reference to the settled value.
    unsafe { Value::from_raw(ctx, ffi::JS_PromiseResult(ctx.raw(), p.raw())) }
}

/// QuickJS reports a failed allocation as an InternalError "out of memory".
fn is_out_of_memory(exc: &Value) -> bool {
    is_internal_error(exc, "out of memory")
}

/// QuickJS reports deep recursion as an InternalError "stack overflow" (V8: RangeError).
fn is_stack_overflow(exc: &Value) -> bool {
    is_internal_error(exc, "stack overflow")
}

fn is_internal_error(exc: &Value, message: &str) -> bool {
    let e = crate::engine::JsError::from_value(exc);
    e.name == "InternalError" && e.message == message
}

/// Polled by the interpreter: a non-zero return interrupts the running JS.
unsafe extern "C" fn interrupt_handler(_rt: *mut ffi::JSRuntime, opaque: *mut std::ffi::c_void) -> i32 {
    // SAFETY: opaque is the runner's Interrupt box (see TaskRunner::new), used on this thread.
    let interrupt = unsafe { &*(opaque as *const Interrupt) };
    interrupt.stop().is_some() as i32
}
