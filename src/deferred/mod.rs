//! Deferred: JS functions run in parallel on the worker pool.
//!
//! Path of one task: the main thread's [`Client`] compiles the function (once, cached) and
//! encodes the captured values and arguments into a [`Task`]; the pool hands it to a
//! [`TaskRunner`] on a worker thread, which evaluates the function in its own runtime, calls
//! it, waits for its promise if it returns one, and encodes the result or the thrown value;
//! the [`Completion`] goes back through the client's [`Completions`] queue, where the client
//! settles the promise. Only `Bytes` and `Arc<FunctionCode>` cross threads.

mod cancel;
mod client;
mod completions;
mod gc_credit;
mod runner;
mod slots;
mod task;

pub use client::{Client, SpawnOptions};
pub use completions::{Completion, Completions};
pub use runner::{CurrentTask, TaskRunner};
pub use slots::TaskKey;
pub use task::{Outcome, Task};
