//! What workers send back to the main thread: one queue per client.
//!
//! Workers push into a vector under a mutex; the main thread swaps the whole vector out and
//! settles the batch, reusing the emptied vector next time, so a completion costs no
//! allocation and no boxed closure (both used to be allocated on a worker and freed on the
//! main thread, which made the two threads contend for the allocator's arena locks). The
//! event loop's inbox only carries a wake-up, posted when the queue goes from empty to
//! non-empty. Progress values share the queue so that a task's progress always arrives
//! before its completion.

use super::{Outcome, TaskKey};
use crate::engine::Context;
use crate::event_loop::Inbox;
use crate::transfer::Bytes;
use std::sync::{Arc, Mutex};

pub enum Completion {
    /// The task ended: settle its Deferred.
    Settled(TaskKey, Outcome),
    /// `Deferred.progress(value)` inside the task: call its onProgress.
    Progress(TaskKey, Bytes),
}

pub struct Completions {
    queue: Mutex<Vec<Completion>>,
    inbox: Arc<Inbox>,
    /// Runs on the main thread when the inbox delivers the wake-up: drains the queue.
    drain: fn(Context),
}

impl Completions {
    pub fn new(inbox: Arc<Inbox>, drain: fn(Context)) -> Completions {
        Completions { queue: Mutex::new(Vec::new()), inbox, drain }
    }

    /// Queues `c`; wakes the main thread if the queue was empty (otherwise a wake-up is
    /// already on its way and the drain it triggers will take `c` too).
    pub fn push(&self, c: Completion) {
        let mut q = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        let was_empty = q.is_empty();
        q.push(c);
        drop(q);
        if was_empty {
            let drain = self.drain;
            self.inbox.post(Box::new(move |ctx| drain(ctx)));
        }
    }

    /// Swaps the queued completions into `batch` (which must be empty), in arrival order.
    pub fn take(&self, batch: &mut Vec<Completion>) {
        debug_assert!(batch.is_empty());
        std::mem::swap(&mut *self.queue.lock().unwrap_or_else(|e| e.into_inner()), batch);
    }
}
