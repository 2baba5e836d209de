//! The one place where work from other threads reaches a JS thread's event loop.
//!
//! Other threads `post` closures; the loop thread drains them in a batch and runs them.
//! Waiting is a condvar wait with the next timer deadline as timeout: no polling.

use crate::engine::Context;
use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::time::Instant;

/// Work posted from another thread, run on the loop's thread with its context.
pub type Message = Box<dyn FnOnce(Context) + Send>;

#[derive(Default)]
pub struct Inbox {
    queue: Mutex<Queue>,
    ready: Condvar,
}

#[derive(Default)]
struct Queue {
    messages: VecDeque<Message>,
    /// The loop is blocked in `wait`: only then does `post` need to wake it (a condvar
    /// notify is a system call even when nobody waits).
    waiting: bool,
}

impl Inbox {
    pub fn new() -> Inbox {
        Inbox::default()
    }

    /// Queues a message and wakes the loop if it is waiting.
    pub fn post(&self, msg: Message) {
        let mut q = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        q.messages.push_back(msg);
        let wake = q.waiting;
        drop(q);
        if wake {
            self.ready.notify_one();
        }
    }

    /// Takes every queued message (one lock for the whole batch).
    pub fn drain(&self) -> VecDeque<Message> {
        std::mem::take(&mut self.queue.lock().unwrap_or_else(|e| e.into_inner()).messages)
    }

    /// Blocks until a message is queued or `deadline` passes (None: no deadline).
    pub fn wait(&self, deadline: Option<Instant>) {
        let mut q = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        // `waiting` is set and read under the lock, so a post either sees it and notifies,
        // or happened before the check below and is found in the queue: no lost wake-up.
        while q.messages.is_empty() {
            q.waiting = true;
            match deadline {
                None => q = self.ready.wait(q).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        break;
                    }
                    q = self.ready.wait_timeout(q, d - now).unwrap_or_else(|e| e.into_inner()).0;
                }
            }
        }
        q.waiting = false;
    }
}
