use crate::event_loop::Inbox;
use crate::transfer::{Bytes, FunctionCode};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

/// One call of a function on a worker.
pub struct Task {
    pub id: u64,
    pub code: Arc<FunctionCode>,
    /// Encoded `[capturedValues, args]`.
    pub payload: Bytes,
    /// Where the completion goes: the submitting thread's event loop.
    pub reply: Arc<Inbox>,
    /// Set when the pool shuts down: running JS is interrupted.
    pub shutdown: Arc<AtomicBool>,
}

/// How a task ended, as sent back to the main thread.
pub enum Outcome {
    /// The function returned (or its promise fulfilled with) this value.
    Returned(Bytes),
    /// The function threw (or its promise rejected with) this value.
    Threw(Bytes),
    /// protojs itself failed (e.g. a worker panicked): rejected with an InternalError.
    Failed(String),
}
