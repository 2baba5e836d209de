//! A fixed set of worker threads fed by a crossbeam-deque work-stealing scheduler.
//!
//! It knows nothing about JavaScript: it runs tasks of a generic type `T`. Each thread owns a
//! [`Worker`] state built *on that thread* by a factory, because the state (a QuickJS
//! runtime) is `!Send` and must never move between threads. Idle threads park; how a
//! submission wakes one without ever losing a wake-up is explained in `README.md`.

mod sleep;
mod stats;
mod worker;

#[cfg(test)]
mod tests;

pub use stats::PoolStats;

use crossbeam_deque::{self as deque, Injector, Steal, Stealer};
use sleep::Sleep;
use stats::{Totals, WorkerCounters};
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// The per-thread state that runs tasks. Not `Send`: it is created by the factory on its
/// worker thread and used and dropped there only.
pub trait Worker: 'static {
    type Task: Send + 'static;
    /// Runs one task. A panic is caught by the pool, which then drops this state and builds
    /// a fresh one with the factory, since the old one may be left inconsistent.
    fn run(&mut self, task: Self::Task);
}

/// How to start a [`Pool`].
#[derive(Clone, Debug)]
pub struct PoolConfig {
    /// Number of worker threads; must be at least 1.
    pub workers: usize,
    /// Thread name prefix: threads are named `{name}-{index}`.
    pub name: String,
    /// Stack size of each worker thread; `None` keeps the platform default.
    pub stack_size: Option<usize>,
}

impl Default for PoolConfig {
    /// One worker per available core.
    fn default() -> PoolConfig {
        PoolConfig {
            workers: thread::available_parallelism().map_or(1, |n| n.get()),
            name: "pool".to_string(),
            stack_size: None,
        }
    }
}

/// State shared by the pool handle and its threads.
pub(crate) struct Shared<T> {
    /// Where submitted tasks wait until a worker takes them.
    injector: Injector<T>,
    /// One per worker, in index order: the other end of each worker's local deque.
    stealers: Box<[Stealer<T>]>,
    sleep: Sleep,
    counters: Box<[WorkerCounters]>,
    submitted: AtomicU64,
    removed: AtomicU64,
    live_workers: AtomicU64,
    /// Serialises `remove_queued` calls, so one never misses tasks that another holds
    /// out of the queues while sorting them.
    removing: Mutex<()>,
}

/// A pool of worker threads running tasks of type `T`.
pub struct Pool<T: Send + 'static> {
    shared: Arc<Shared<T>>,
    threads: Vec<JoinHandle<()>>,
}

impl<T: Send + 'static> Pool<T> {
    /// Starts `config.workers` threads; each calls `factory(index)` on its own thread to build
    /// its [`Worker`]. Panics if `config.workers` is 0 or a thread cannot be spawned.
    pub fn new<W, F>(config: PoolConfig, factory: F) -> Pool<T>
    where
        W: Worker<Task = T>,
        F: Fn(usize) -> W + Send + Sync + 'static,
    {
        match Pool::try_new(config, factory) {
            Ok(pool) => pool,
            Err(e) => panic!("cannot start worker pool: {e}"),
        }
    }

    /// Like [`Pool::new`], but reports a zero worker count or a failed thread spawn as an
    /// error (threads already started are shut down first).
    ///
    /// A factory that panics retires its thread (see [`PoolStats::workers`]); if every
    /// thread retires, queued tasks wait until shutdown drops them.
    pub fn try_new<W, F>(config: PoolConfig, factory: F) -> io::Result<Pool<T>>
    where
        W: Worker<Task = T>,
        F: Fn(usize) -> W + Send + Sync + 'static,
    {
        if config.workers == 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a pool needs at least one worker",
            ));
        }
        let locals: Vec<deque::Worker<T>> =
            (0..config.workers).map(|_| deque::Worker::new_fifo()).collect();
        let shared = Arc::new(Shared {
            injector: Injector::new(),
            stealers: locals.iter().map(|local| local.stealer()).collect(),
            sleep: Sleep::new(),
            counters: (0..config.workers).map(|_| WorkerCounters::default()).collect(),
            submitted: AtomicU64::new(0),
            removed: AtomicU64::new(0),
            live_workers: AtomicU64::new(0),
            removing: Mutex::new(()),
        });
        let factory = Arc::new(factory);
        // Built before spawning so that an error below drops (and so shuts down) the pool.
        let mut pool = Pool { shared, threads: Vec::with_capacity(config.workers) };
        for (index, local) in locals.into_iter().enumerate() {
            let mut builder = thread::Builder::new().name(format!("{}-{index}", config.name));
            if let Some(size) = config.stack_size {
                builder = builder.stack_size(size);
            }
            let shared = Arc::clone(&pool.shared);
            let factory = Arc::clone(&factory);
            pool.shared.live_workers.fetch_add(1, Ordering::Relaxed);
            match builder.spawn(move || worker::run(shared, index, local, factory)) {
                Ok(handle) => pool.threads.push(handle),
                Err(e) => {
                    pool.shared.live_workers.fetch_sub(1, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(pool)
    }

    /// Queues a task; wakes one parked worker if any is parked. Callable from any thread.
    pub fn submit(&self, task: T) {
        let shared = &*self.shared;
        shared.submitted.fetch_add(1, Ordering::Relaxed);
        shared.injector.push(task);
        shared.sleep.notify_new_work(1);
    }

    /// Queues many tasks with a single wake-up decision: wakes up to as many parked workers
    /// as there are tasks.
    pub fn submit_batch(&self, tasks: impl IntoIterator<Item = T>) {
        // Announces in drop, so tasks pushed before a panicking iterator still wake workers.
        let mut batch = Requeue::new(&self.shared);
        for task in tasks {
            batch.shared.submitted.fetch_add(1, Ordering::Relaxed);
            batch.push(task);
        }
    }

    /// Number of worker threads the pool was started with.
    pub fn size(&self) -> usize {
        self.shared.stealers.len()
    }

    /// A snapshot of the counters; cheap (one short lock for `parked`), for diagnostics.
    pub fn stats(&self) -> PoolStats {
        let shared = &*self.shared;
        let t = Totals::sum(&shared.counters);
        let removed = shared.removed.load(Ordering::Relaxed);
        // Read last: it only grows, so `queued` is rarely understated.
        let submitted = shared.submitted.load(Ordering::Relaxed);
        PoolStats {
            workers: shared.live_workers.load(Ordering::Relaxed),
            queued: submitted.saturating_sub(t.taken + removed),
            running: t.taken.saturating_sub(t.completed + t.panics),
            completed: t.completed,
            panics: t.panics,
            stolen: t.stolen,
            parked: shared.sleep.parked() as u64,
            searches: t.searches,
        }
    }

    /// Removes queued tasks matching `pred` that no worker has taken yet and returns them, in
    /// no particular order; used to cancel queued work.
    ///
    /// It looks in the injector and in every worker's local deque, so a task is either
    /// returned here or run, never both and never neither. A snapshot: tasks submitted while
    /// it runs may not be examined. The tasks kept are queued again at the back, so their
    /// order relative to concurrent submissions may change. `pred` must not call
    /// `remove_queued` (calls are serialised); it may run while workers keep running tasks.
    pub fn remove_queued(&self, mut pred: impl FnMut(&T) -> bool) -> Vec<T> {
        let shared = &*self.shared;
        let _serialised = shared.removing.lock().unwrap_or_else(|e| e.into_inner());
        // Whatever `sorted` holds goes back to the injector when it drops, including if
        // `pred` panics: a task taken out of a queue is never lost.
        let mut sorted = Requeue::new(shared);
        let mut sort = |task: T| {
            // Held by `sorted` while `pred` looks at it, so a panic requeues this one too.
            sorted.kept.push(task);
            let task = sorted.kept.last().expect("just pushed");
            if pred(task) {
                let task = sorted.kept.pop().expect("just pushed");
                sorted.removed.push(task);
            }
        };
        // Local deques first: their tasks left the injector earlier, so they go back first.
        for stealer in shared.stealers.iter() {
            drain(stealer.len(), || stealer.steal(), &mut sort);
        }
        drain(shared.injector.len(), || shared.injector.steal(), &mut sort);
        let removed = std::mem::take(&mut sorted.removed);
        shared.removed.fetch_add(removed.len() as u64, Ordering::Relaxed);
        removed
    }

    /// Stops the pool: drops still-queued tasks, wakes every parked worker and joins every
    /// thread. Tasks already running finish first.
    pub fn shutdown(mut self) {
        self.stop();
    }

    /// Idempotent: `shutdown` calls it, then `drop` calls it again with nothing left to do.
    fn stop(&mut self) {
        let shared = &*self.shared;
        shared.sleep.terminate();
        let me = thread::current().id();
        for handle in self.threads.drain(..) {
            // The pool dropped from inside one of its own tasks cannot join that thread; it
            // stops by itself after the task, having seen `terminate`.
            if handle.thread().id() != me {
                // Task panics are caught on the worker; anything else was already reported
                // by the panic hook, and there is no one better to hand it to.
                let _ = handle.join();
            }
        }
        // Drop what no worker took, here and now rather than whenever `Shared` is freed.
        for stealer in shared.stealers.iter() {
            drain(usize::MAX, || stealer.steal(), drop);
        }
        drain(usize::MAX, || shared.injector.steal(), drop);
    }
}

impl<T: Send + 'static> Drop for Pool<T> {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Pushes tasks to the injector and, when dropped, announces them with one wake-up
/// decision. Dropping also queues whatever `kept` and `removed` still hold, so tasks held
/// outside the queues are requeued even if a caller's closure panics.
struct Requeue<'a, T> {
    shared: &'a Shared<T>,
    pushed: usize,
    kept: Vec<T>,
    removed: Vec<T>,
}

impl<'a, T> Requeue<'a, T> {
    fn new(shared: &'a Shared<T>) -> Requeue<'a, T> {
        Requeue { shared, pushed: 0, kept: Vec::new(), removed: Vec::new() }
    }

    fn push(&mut self, task: T) {
        self.shared.injector.push(task);
        self.pushed += 1;
    }
}

impl<T> Drop for Requeue<'_, T> {
    fn drop(&mut self) {
        let held =
            std::mem::take(&mut self.kept).into_iter().chain(std::mem::take(&mut self.removed));
        for task in held {
            self.push(task);
        }
        self.shared.sleep.notify_new_work(self.pushed);
    }
}

/// Steals up to `limit` tasks from one queue into `sink`, until it reports empty. `limit`
/// bounds the work when others keep pushing; `Retry` means a race was lost, so try again.
fn drain<T>(limit: usize, mut steal: impl FnMut() -> Steal<T>, mut sink: impl FnMut(T)) {
    let mut taken = 0;
    while taken < limit {
        match steal() {
            Steal::Success(task) => {
                sink(task);
                taken += 1;
            }
            Steal::Empty => return,
            Steal::Retry => std::hint::spin_loop(),
        }
    }
}
