//! The sleep/wake protocol: idle workers block on a condition variable, and whoever makes
//! work visible wakes them without losing a wake-up. See `README.md` beside this file for
//! the invariants and the proof sketch; the comments here point at its numbered steps.

use std::sync::atomic::{fence, AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// Shared by the pool and its workers.
pub(crate) struct Sleep {
    /// Workers that have announced they may block (step W1) and not yet un-announced. It may
    /// over-count a worker that is about to wake, never under-count one that is blocked,
    /// which is what lets `notify_new_work` skip the mutex when it reads 0.
    sleepers: AtomicUsize,
    /// Bumped (under `state`'s mutex) each time new work is announced to sleepers. A worker
    /// blocks only while the epoch still equals the one it read before its last search, so
    /// an announcement made between its search and its wait is never missed.
    epoch: AtomicU64,
    /// Set once, under the mutex, by `terminate`. Read without the lock on hot paths.
    terminated: AtomicBool,
    state: Mutex<Parked>,
    wake: Condvar,
}

/// Guarded by the mutex: how many workers are blocked in `Condvar::wait` right now.
struct Parked {
    count: usize,
}

/// What a worker read when it announced itself sleepy; handed back to `wait` or `cancel`.
#[must_use = "an announced worker must call `wait` or `cancel`, or `sleepers` stays counted"]
pub(crate) struct Ticket {
    epoch: u64,
}

impl Sleep {
    pub(crate) fn new() -> Sleep {
        Sleep {
            sleepers: AtomicUsize::new(0),
            epoch: AtomicU64::new(0),
            terminated: AtomicBool::new(false),
            state: Mutex::new(Parked { count: 0 }),
            wake: Condvar::new(),
        }
    }

    /// Worker, step W1: "I found nothing and may block". The caller must search every queue
    /// once more after this and then call `cancel` (found a task) or `wait` (found none).
    pub(crate) fn announce(&self) -> Ticket {
        // Read before the increment: an announcement ordered after our increment must bump
        // the epoch past this value, so `wait` notices it (README, "Why no wake-up is lost").
        let epoch = self.epoch.load(Ordering::SeqCst);
        self.sleepers.fetch_add(1, Ordering::SeqCst);
        // Pairs with the fence in `notify_new_work`: either our final search sees the
        // producer's push, or the producer sees our increment (README, "Why no wake-up is
        // lost").
        fence(Ordering::SeqCst);
        Ticket { epoch }
    }

    /// Worker, step W2: the final search found a task after all.
    pub(crate) fn cancel(&self, _ticket: Ticket) {
        self.sleepers.fetch_sub(1, Ordering::SeqCst);
    }

    /// Worker, step W3: the final search found nothing; block until new work is announced
    /// after `announce` or the pool terminates. Spurious condvar wake-ups are absorbed here
    /// so that a parked worker does no work at all until someone announces something.
    pub(crate) fn wait(&self, ticket: Ticket) {
        let mut parked = self.lock();
        while self.epoch.load(Ordering::SeqCst) == ticket.epoch
            && !self.terminated.load(Ordering::SeqCst)
        {
            parked.count += 1;
            parked = self.wake.wait(parked).unwrap_or_else(|e| e.into_inner());
            parked.count -= 1;
        }
        drop(parked);
        self.sleepers.fetch_sub(1, Ordering::SeqCst);
    }

    /// Producer, step P2: called after pushing `count` tasks to any queue (the injector or a
    /// worker's local deque). Wakes up to `count` blocked workers; free when nobody sleeps.
    pub(crate) fn notify_new_work(&self, count: usize) {
        if count == 0 {
            return;
        }
        // Pairs with the fence in `announce` (README, "Why no wake-up is lost").
        fence(Ordering::SeqCst);
        let sleepers = self.sleepers.load(Ordering::SeqCst);
        if sleepers == 0 {
            return;
        }
        let _parked = self.lock();
        // Under the mutex, so a worker between its epoch check and `Condvar::wait` cannot
        // miss it: it either checks after this (sees the new epoch) or is already waiting.
        self.epoch.fetch_add(1, Ordering::SeqCst);
        if count >= sleepers {
            self.wake.notify_all();
        } else {
            for _ in 0..count {
                self.wake.notify_one();
            }
        }
    }

    /// Stop: every worker that is blocked wakes, and none blocks again.
    pub(crate) fn terminate(&self) {
        let _parked = self.lock();
        self.terminated.store(true, Ordering::SeqCst);
        self.epoch.fetch_add(1, Ordering::SeqCst);
        self.wake.notify_all();
    }

    pub(crate) fn is_terminated(&self) -> bool {
        self.terminated.load(Ordering::Acquire)
    }

    /// Workers blocked in `wait` right now (exact, read under the mutex).
    pub(crate) fn parked(&self) -> usize {
        self.lock().count
    }

    /// The mutex guards only counters and the wait itself, so a panic while holding it
    /// cannot leave anything half-updated; poisoning is ignored.
    fn lock(&self) -> MutexGuard<'_, Parked> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}
