//! GC pacing for pending Deferreds.
//!
//! QuickJS runs its cycle collector when the heap grows past a threshold, which each
//! collection sets to 1.5x the heap it leaves. A pending Deferred is live by construction
//! (the client holds it until it settles), so a burst of submissions made collection after
//! collection over a heap in which nothing was garbage: 15% of the main thread's time in the
//! throughput benchmark. Each submission therefore raises the threshold by about what a
//! pending Deferred occupies, and each settlement takes that back: only the credit given
//! since the last collection, because a collection recomputes the threshold from a heap that
//! already counts the pending Deferreds. The threshold never drops below what QuickJS set,
//! and the credit never exceeds what the pending Deferreds hold, so garbage is still
//! collected on QuickJS's own schedule.

use crate::engine::Runtime;
use std::cell::Cell;

/// Heap held by one pending Deferred with one reaction on it (an `await`, a `then`, or its
/// Promise.all marker): measured ~210 bytes for the Deferred and ~160 for a Promise.all
/// element (`process.memoryUsage().heapTotal` over 100k tasks).
pub const BYTES_PER_DEFERRED: usize = 384;

#[derive(Default)]
pub struct GcCredit {
    /// Credit added to the threshold since the last collection.
    given: Cell<usize>,
    /// The threshold as we last left it: if it differs, a collection reset it.
    expected: Cell<usize>,
}

impl GcCredit {
    /// A Deferred was submitted.
    pub fn grant(&self, rt: &Runtime) {
        let t = self.current(rt);
        self.given.set(self.given.get() + BYTES_PER_DEFERRED);
        self.set(rt, t.saturating_add(BYTES_PER_DEFERRED));
    }

    /// A Deferred settled (or was cancelled).
    pub fn revoke(&self, rt: &Runtime) {
        let t = self.current(rt);
        let back = self.given.get().min(BYTES_PER_DEFERRED);
        if back > 0 {
            self.given.set(self.given.get() - back);
            self.set(rt, t - back);
        }
    }

    /// The threshold now; forgets the credit if a collection replaced it.
    fn current(&self, rt: &Runtime) -> usize {
        let t = rt.gc_threshold();
        if t != self.expected.get() {
            self.given.set(0);
        }
        t
    }

    fn set(&self, rt: &Runtime, t: usize) {
        rt.set_gc_threshold(t);
        self.expected.set(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_raises_the_threshold_and_is_taken_back() {
        let rt = Runtime::new();
        let credit = GcCredit::default();
        let t0 = rt.gc_threshold();
        for _ in 0..10 {
            credit.grant(&rt);
        }
        assert_eq!(rt.gc_threshold(), t0 + 10 * BYTES_PER_DEFERRED);
        for _ in 0..10 {
            credit.revoke(&rt);
        }
        assert_eq!(rt.gc_threshold(), t0);
        credit.revoke(&rt);
        assert_eq!(rt.gc_threshold(), t0, "never below what QuickJS set");
    }

    #[test]
    fn a_collection_forgets_the_credit_given_before_it() {
        let rt = Runtime::new();
        let credit = GcCredit::default();
        for _ in 0..10 {
            credit.grant(&rt);
        }
        // What QuickJS does after a collection: a threshold computed from the live heap.
        rt.set_gc_threshold(1 << 20);
        credit.grant(&rt);
        for _ in 0..11 {
            credit.revoke(&rt);
        }
        assert_eq!(rt.gc_threshold(), 1 << 20, "only the credit given since then is taken back");
    }
}
