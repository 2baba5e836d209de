//! Cancelling tasks without per-task shared state.
//!
//! A task carries no flag of its own: an `Arc` per task cost an allocation on the main
//! thread and a cache line moving between threads for every task, cancelled or not.
//! Instead the client and its workers share one board: the ids of cancelled tasks that may
//! still reach or occupy a worker, and, per worker, the async task it is waiting on with the
//! inbox that wakes it. Workers read the board's count without a lock, so while nothing is
//! cancelled a check costs one atomic load.
//!
//! An id leaves the board when a worker sees it (it drops the task unrun, or the outcome
//! of a task cancelled while it ran), or when the task's completion reaches the main thread
//! (the task had finished before the cancellation could reach it). One of the two always
//! happens, so ids do not accumulate.

use crate::event_loop::Inbox;
use crate::id_hash::IdHasher;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

pub struct CancelBoard {
    /// `ids.len()`, readable without the lock.
    count: AtomicUsize,
    ids: Mutex<HashSet<u64, BuildHasherDefault<IdHasher>>>,
    /// Per worker: the id of the async task it waits for, and its event loop's inbox.
    waiting: Box<[Mutex<Option<(u64, Arc<Inbox>)>>]>,
}

impl CancelBoard {
    pub fn new(workers: usize) -> CancelBoard {
        CancelBoard {
            count: AtomicUsize::new(0),
            ids: Mutex::default(),
            waiting: (0..workers).map(|_| Mutex::new(None)).collect(),
        }
    }

    /// Main thread: task `id` is cancelled. A worker waiting for it is woken.
    pub fn cancel(&self, id: u64) {
        {
            let mut ids = lock(&self.ids);
            ids.insert(id);
            self.count.store(ids.len(), Ordering::SeqCst);
        }
        // After the insert: a worker that registered before its last check either saw the
        // id there or is found here (see `set_waiting`).
        for slot in self.waiting.iter() {
            if let Some((waiting, inbox)) = &*lock(slot) {
                if *waiting == id {
                    inbox.post(Box::new(|_| {}));
                }
            }
        }
    }

    /// Wakes every worker waiting on its event loop (at shutdown, after the flag is set: a
    /// worker registered before its last check either saw the flag or is woken here).
    pub fn wake_all_waiting(&self) {
        for slot in self.waiting.iter() {
            if let Some((_, inbox)) = &*lock(slot) {
                inbox.post(Box::new(|_| {}));
            }
        }
    }

    /// Cancelled ids not yet seen by a worker or answered by a completion.
    pub fn len(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    pub fn is_cancelled(&self, id: u64) -> bool {
        self.count.load(Ordering::SeqCst) > 0 && lock(&self.ids).contains(&id)
    }

    /// Removes `id`; whether it was cancelled.
    pub fn forget(&self, id: u64) -> bool {
        if self.count.load(Ordering::SeqCst) == 0 {
            return false;
        }
        let mut ids = lock(&self.ids);
        let found = ids.remove(&id);
        self.count.store(ids.len(), Ordering::SeqCst);
        if ids.is_empty() && ids.capacity() > 1024 {
            ids.shrink_to(0); // a storm of cancellations is over: give its memory back
        }
        found
    }

    /// Worker `worker` waits on its event loop for task `id` (None: no longer). Register
    /// before checking `is_cancelled` in the wait loop, so that no cancellation is missed.
    pub fn set_waiting(&self, worker: usize, task: Option<(u64, Arc<Inbox>)>) {
        debug_assert!(worker < self.waiting.len(), "the board has a slot per worker");
        if let Some(slot) = self.waiting.get(worker) {
            *lock(slot) = task;
        }
    }
}

/// The data behind these locks stays consistent whatever a panicking holder did.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancelled_ids_are_seen_then_forgotten() {
        let board = CancelBoard::new(2);
        assert!(!board.is_cancelled(7));
        assert!(!board.forget(7));
        board.cancel(7);
        assert!(board.is_cancelled(7));
        assert!(!board.is_cancelled(8));
        assert!(board.forget(7));
        assert!(!board.is_cancelled(7));
        assert_eq!(board.count.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn a_waiting_worker_is_woken() {
        let board = CancelBoard::new(2);
        let inbox = Arc::new(Inbox::new());
        board.set_waiting(1, Some((5, inbox.clone())));
        board.cancel(4);
        assert!(inbox.drain().is_empty(), "another task's cancellation wakes nobody");
        board.cancel(5);
        assert_eq!(inbox.drain().len(), 1);
        board.set_waiting(1, None);
        board.cancel(5);
        assert!(inbox.drain().is_empty());
    }
}
