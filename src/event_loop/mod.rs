//! The event loop of one JS thread: timers, immediates, `process.nextTick`, promise jobs
//! (microtasks) and the inbox where other threads post work.
//!
//! One turn: expired timers, then the inbox (completions from worker threads and I/O), then
//! immediates; a microtask checkpoint (nextTicks, then promise jobs, repeated until both are
//! empty) follows every callback. The loop ends when nothing is pending: no timers, no
//! immediates, and no outstanding external operation (`refs`).

mod inbox;
mod timers;

pub use inbox::{Inbox, Message};
pub use timers::{Timer, Timers};

use crate::engine::Value;
use crate::host::Host;
use std::collections::VecDeque;
use std::time::Instant;

/// Loop state that holds JS values; owned by the `Host` and cleared before its context dies.
#[derive(Default)]
pub struct LoopState {
    pub timers: Timers,
    pub ticks: VecDeque<(Value, Vec<Value>)>,
}

impl LoopState {
    pub fn clear(&mut self) {
        self.timers.clear_all();
        self.ticks.clear();
    }
}

/// Why the loop stopped.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Outcome {
    /// Nothing left to do.
    Drained,
    /// `process.exit` was called, or an uncaught error ended the program.
    Stopped,
}

/// Runs the loop until nothing is pending or the program must stop.
pub fn run(host: &Host) -> Outcome {
    run_until(host, &|| false)
}

/// Like `run`, but also returns (as `Drained`) as soon as `done()` holds after a callback:
/// a worker waits this way for its task's promise without waiting for stray timers.
pub fn run_until(host: &Host, done: &dyn Fn() -> bool) -> Outcome {
    macro_rules! check {
        () => {
            if host.should_stop() {
                return Outcome::Stopped;
            }
            if done() {
                return Outcome::Drained;
            }
        };
    }
    host.microtask_checkpoint();
    check!();
    loop {
        // Timers whose deadline passed, in deadline order.
        let now = Instant::now();
        loop {
            let due = host.loop_state.borrow_mut().timers.pop_due(now);
            let Some((id, timer)) = due else { break };
            let result = timer.callback.call(&Value::undefined(host.ctx), &timer.args);
            host.after_callback(result);
            host.loop_state.borrow_mut().timers.finish(id, timer);
            check!();
        }
        // Messages from other threads, in one batch.
        for msg in host.inbox.drain() {
            msg(host.ctx);
            host.microtask_checkpoint();
            check!();
        }
        // Immediates queued before this phase.
        let n = host.loop_state.borrow().timers.immediate_count();
        for _ in 0..n {
            let next = host.loop_state.borrow_mut().timers.pop_immediate();
            let Some((cb, args)) = next else { break };
            let result = cb.call(&Value::undefined(host.ctx), &args);
            host.after_callback(result);
            check!();
        }
        let (idle, has_immediates, deadline) = {
            let mut st = host.loop_state.borrow_mut();
            (st.timers.is_idle(), st.timers.has_immediates(), st.timers.next_deadline())
        };
        if idle && host.refs.get() == 0 {
            return Outcome::Drained;
        }
        if !has_immediates {
            let deadline = match (deadline, host.wake_by.get()) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            host.inbox.wait(deadline);
            check!();
        }
    }
}
