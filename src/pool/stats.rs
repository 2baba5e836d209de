//! Counters: one cache line per worker, written only by that worker, summed on demand, so
//! that counting never makes workers contend with each other.

use std::sync::atomic::{AtomicU64, Ordering};

/// A snapshot of the pool's counters. Read with relaxed atomics while workers run, so the
/// fields may disagree with each other by a task or so; each is exact once the pool is idle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolStats {
    /// Worker threads alive: the configured count, less any retired because their
    /// factory panicked.
    pub workers: u64,
    /// Submitted tasks that no worker has taken yet (including those sitting in a worker's
    /// local deque), not removed by `remove_queued`.
    pub queued: u64,
    /// Tasks whose `run` has started and not yet returned or panicked.
    pub running: u64,
    /// Tasks whose `run` returned normally.
    pub completed: u64,
    /// Tasks whose `run` panicked (each one made its worker rebuild its state).
    pub panics: u64,
    /// Successful steals from another worker's local deque.
    pub stolen: u64,
    /// Workers blocked waiting for work right now.
    pub parked: u64,
    /// Times a worker scanned the queues for a task. Stops growing while every worker is
    /// parked, which is how tests prove idle workers burn no CPU.
    pub searches: u64,
}

/// Per-worker counters. Aligned to 128 bytes (two cache lines, for adjacent-line
/// prefetchers) so neighbours in the array do not false-share.
#[repr(align(128))]
#[derive(Default)]
pub(crate) struct WorkerCounters {
    pub(crate) taken: AtomicU64,
    pub(crate) completed: AtomicU64,
    pub(crate) panics: AtomicU64,
    pub(crate) stolen: AtomicU64,
    pub(crate) searches: AtomicU64,
}

/// Adds one to a counter that only the calling worker writes. A plain load and store is
/// enough with a single writer and avoids a locked read-modify-write on every task.
pub(crate) fn bump(counter: &AtomicU64) {
    counter.store(counter.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
}

/// Sums of the per-worker counters.
#[derive(Default)]
pub(crate) struct Totals {
    pub(crate) taken: u64,
    pub(crate) completed: u64,
    pub(crate) panics: u64,
    pub(crate) stolen: u64,
    pub(crate) searches: u64,
}

impl Totals {
    pub(crate) fn sum(counters: &[WorkerCounters]) -> Totals {
        let mut t = Totals::default();
        for c in counters {
            // Finished counts before `taken`, so `taken - finished` is rarely negative.
            t.completed += c.completed.load(Ordering::Relaxed);
            t.panics += c.panics.load(Ordering::Relaxed);
            t.stolen += c.stolen.load(Ordering::Relaxed);
            t.searches += c.searches.load(Ordering::Relaxed);
            t.taken += c.taken.load(Ordering::Relaxed);
        }
        t
    }
}
