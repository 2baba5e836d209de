use super::slots::TaskKey;
use crate::event_loop::Inbox;
use crate::transfer::{Bytes, FunctionCode};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One call of a function on a worker.
pub struct Task {
    pub key: TaskKey,
    pub code: Arc<FunctionCode>,
    /// Encoded `[capturedValues, args]`.
    pub payload: Bytes,
    pub control: Arc<TaskControl>,
}

/// Per-task limits and the cancellation flag, shared by the main thread and the worker.
#[derive(Default)]
pub struct TaskControl {
    pub cancelled: AtomicBool,
    /// Time limit counted from the moment the task starts running.
    pub timeout: Option<Duration>,
    /// Heap the task may allocate beyond what the worker's runtime already uses.
    pub memory_limit: Option<usize>,
    /// Whether anyone listens to `Deferred.progress` values.
    pub wants_progress: bool,
    /// The running worker's inbox, so a cancel can wake a worker waiting on its timers.
    waker: Mutex<Option<Arc<Inbox>>>,
}

impl TaskControl {
    pub fn new(timeout: Option<Duration>, memory_limit: Option<usize>, wants_progress: bool) -> TaskControl {
        TaskControl { timeout, memory_limit, wants_progress, ..TaskControl::default() }
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Marks the task cancelled and wakes its worker if it is waiting.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
        if let Some(inbox) = self.waker.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
            inbox.post(Box::new(|_| {}));
        }
    }

    pub fn set_waker(&self, inbox: Option<Arc<Inbox>>) {
        *self.waker.lock().unwrap_or_else(|e| e.into_inner()) = inbox;
    }
}

/// How a task ended, as sent back to the main thread.
pub enum Outcome {
    /// The function returned (or its promise fulfilled with) this value.
    Returned(Bytes),
    /// The function threw (or its promise rejected with) this value.
    Threw(Bytes),
    /// The task was stopped or failed for a reason of protojs's: rejected with a new error
    /// of this class (`TimeoutError`, `AbortError`, `RangeError`, `InternalError`).
    Rejected { name: &'static str, message: String },
}
