use super::slots::TaskKey;
use crate::transfer::{Bytes, FunctionCode};
use std::sync::Arc;
use std::time::Duration;

/// One call of a function on a worker.
pub struct Task {
    pub key: TaskKey,
    pub code: Arc<FunctionCode>,
    /// Encoded `[capturedValues, args]`.
    pub payload: Bytes,
    pub limits: Limits,
}

/// What `Deferred.spawn`'s options ask of one task (all off for `new Deferred`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Limits {
    /// Time limit counted from the moment the task starts running.
    pub timeout: Option<Duration>,
    /// Heap the task may allocate beyond what the worker's runtime already uses.
    pub memory_limit: Option<usize>,
    /// Whether anyone listens to `Deferred.progress` values.
    pub wants_progress: bool,
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
