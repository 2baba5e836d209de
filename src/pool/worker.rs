//! The loop each worker thread runs: build the worker state on this thread, then find a task
//! (own deque, injector, other workers), run it, and park when there is nothing to do.

use super::stats::{bump, WorkerCounters};
use super::{Shared, Worker};
use crossbeam_deque::{self as deque, Steal};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Most tasks a worker moves out of the injector at once, counting the one it runs next.
/// Small, so that queued work stays where `remove_queued` and idle workers find it cheaply,
/// yet more than one, so that a burst costs fewer injector CASes and leaves work to steal.
const INJECTOR_BATCH: usize = 8;

/// Searches an idle worker makes before it announces itself sleepy. The first
/// `SPIN_ROUNDS_BUSY` spin on the CPU (exponentially longer); the rest yield the CPU, which
/// matters when there are more workers than cores.
const SPIN_ROUNDS: u32 = 16;
const SPIN_ROUNDS_BUSY: u32 = 6;

/// Entry point of a worker thread.
pub(crate) fn run<T, W, F>(
    shared: Arc<Shared<T>>,
    index: usize,
    local: deque::Worker<T>,
    factory: Arc<F>,
) where
    T: Send + 'static,
    W: Worker<Task = T>,
    F: Fn(usize) -> W,
{
    let thread = WorkerThread { shared, index, local };
    let Some(mut state) = thread.build(&*factory) else {
        thread.retire();
        return;
    };
    while let Some(task) = thread.next_task() {
        let counters = thread.counters();
        bump(&counters.taken);
        match catch_unwind(AssertUnwindSafe(|| state.run(task))) {
            Ok(()) => bump(&counters.completed),
            Err(payload) => {
                bump(&counters.panics);
                // A payload or a state whose drop panics again must not take the thread down.
                let _ = catch_unwind(AssertUnwindSafe(move || drop(payload)));
                // The state may be inconsistent after a panic: replace it, old one first so
                // that two runtimes never coexist on this thread.
                let _ = catch_unwind(AssertUnwindSafe(move || drop(state)));
                match thread.build(&*factory) {
                    Some(fresh) => state = fresh,
                    None => {
                        thread.retire();
                        return;
                    }
                }
            }
        }
    }
    // Terminated: `state` drops here, on the thread that created it.
}

struct WorkerThread<T> {
    shared: Arc<Shared<T>>,
    index: usize,
    /// FIFO so that tasks run in roughly submission order. Only this thread pushes to it.
    local: deque::Worker<T>,
}

impl<T: Send + 'static> WorkerThread<T> {
    fn counters(&self) -> &WorkerCounters {
        &self.shared.counters[self.index]
    }

    /// Calls the factory on this thread; `None` if it panicked.
    fn build<W, F: Fn(usize) -> W>(&self, factory: &F) -> Option<W> {
        catch_unwind(AssertUnwindSafe(|| factory(self.index))).ok()
    }

    /// This thread cannot build its state and stops: hand its local tasks back to the
    /// injector (announced like a submission, so nobody sleeps on them).
    fn retire(&self) {
        self.shared.live_workers.fetch_sub(1, Ordering::Relaxed);
        let mut handed_back = 0;
        while let Some(task) = self.local.pop() {
            self.shared.injector.push(task);
            handed_back += 1;
        }
        self.shared.sleep.notify_new_work(handed_back);
    }

    /// The next task to run, or `None` once the pool terminates. Spins briefly, then parks.
    fn next_task(&self) -> Option<T> {
        let sleep = &self.shared.sleep;
        let mut round = 0;
        loop {
            if sleep.is_terminated() {
                return None;
            }
            if let Some(task) = self.search() {
                return Some(task);
            }
            if round < SPIN_ROUNDS {
                if round < SPIN_ROUNDS_BUSY {
                    for _ in 0..(1u32 << round) {
                        std::hint::spin_loop();
                    }
                } else {
                    std::thread::yield_now();
                }
                round += 1;
                continue;
            }
            // README steps W1-W3: announce, search once more, then cancel or wait.
            let ticket = sleep.announce();
            match self.search() {
                Some(task) => {
                    sleep.cancel(ticket);
                    return Some(task);
                }
                None => {
                    sleep.wait(ticket);
                    round = 0;
                }
            }
        }
    }

    /// One scan of every queue: own deque, then the injector, then the other workers.
    /// Returns `None` only after a scan in which every queue reported empty.
    fn search(&self) -> Option<T> {
        bump(&self.counters().searches);
        if let Some(task) = self.local.pop() {
            return Some(task);
        }
        let shared = &*self.shared;
        let workers = shared.stealers.len();
        loop {
            let mut contended = false;
            match shared.injector.steal_batch_with_limit_and_pop(&self.local, INJECTOR_BATCH) {
                Steal::Success(task) => {
                    // The rest of the batch is new work in a queue others can steal from:
                    // announce it like a submission (README step P2), or it would wait
                    // behind `task` while other workers sleep.
                    shared.sleep.notify_new_work(self.local.len());
                    return Some(task);
                }
                Steal::Retry => contended = true,
                Steal::Empty => {}
            }
            // Start after our own index so that thieves spread over victims.
            for offset in 1..workers {
                let victim = &shared.stealers[(self.index + offset) % workers];
                match victim.steal() {
                    Steal::Success(task) => {
                        bump(&self.counters().stolen);
                        if !victim.is_empty() {
                            // Chain the wake-up: the victim is busy and still has a backlog.
                            shared.sleep.notify_new_work(1);
                        }
                        return Some(task);
                    }
                    Steal::Retry => contended = true,
                    Steal::Empty => {}
                }
            }
            if !contended {
                return None;
            }
            // `Retry` means another thread won a race for a task: progress was made, so
            // looping terminates; it must not count as empty or a task could be missed.
            std::hint::spin_loop();
        }
    }
}
