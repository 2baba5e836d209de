//! Tests that attack the scheduler and the sleep/wake protocol. Every wait is bounded by a
//! generous deadline, so a lost wake-up or a deadlock fails a test instead of hanging it;
//! outcomes never depend on timing. Each task carries a drop guard, so a task run twice,
//! or lost (neither run nor handed back nor dropped), is caught.

use super::*;
use std::cell::Cell;
use std::marker::PhantomData;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

/// Generous upper bound for anything that should take milliseconds.
const DEADLINE: Duration = Duration::from_secs(10);

/// What happened to every task of a test: runs per task id, and drops overall.
struct Tracker {
    runs: Vec<AtomicU32>,
    drops: AtomicUsize,
    finished: AtomicUsize,
}

impl Tracker {
    fn new(tasks: usize) -> Arc<Tracker> {
        Arc::new(Tracker {
            runs: (0..tasks).map(|_| AtomicU32::new(0)).collect(),
            drops: AtomicUsize::new(0),
            finished: AtomicUsize::new(0),
        })
    }

    fn runs(&self, id: usize) -> u32 {
        self.runs[id].load(Ordering::SeqCst)
    }

    fn finished(&self) -> usize {
        self.finished.load(Ordering::SeqCst)
    }

    fn drops(&self) -> usize {
        self.drops.load(Ordering::SeqCst)
    }

    fn probe(self: &Arc<Tracker>, id: usize) -> Probe {
        Probe { id, tracker: Arc::clone(self), action: None }
    }

    fn probe_with(self: &Arc<Tracker>, id: usize, action: impl FnOnce() + Send + 'static) -> Probe {
        Probe { id, tracker: Arc::clone(self), action: Some(Box::new(action)) }
    }

    fn assert_each_ran_once(&self) {
        for id in 0..self.runs.len() {
            assert_eq!(self.runs(id), 1, "task {id} ran {} times", self.runs(id));
        }
    }
}

/// A test task: records that it ran, optionally does something, and counts its drop.
struct Probe {
    id: usize,
    tracker: Arc<Tracker>,
    action: Option<Box<dyn FnOnce() + Send>>,
}

impl Probe {
    fn run(mut self) {
        self.tracker.runs[self.id].fetch_add(1, Ordering::SeqCst);
        if let Some(action) = self.action.take() {
            action();
        }
        self.tracker.finished.fetch_add(1, Ordering::SeqCst);
    }
}

impl Drop for Probe {
    fn drop(&mut self) {
        self.tracker.drops.fetch_add(1, Ordering::SeqCst);
    }
}

/// Counts factory calls and state drops, per pool.
#[derive(Default)]
struct Lifecycle {
    builds: AtomicUsize,
    drops: AtomicUsize,
}

/// A worker state that, like a QuickJS runtime, is neither `Send` nor `Sync`, and checks it
/// is only ever used on the thread that built it.
struct TestWorker {
    home: ThreadId,
    lifecycle: Arc<Lifecycle>,
    tasks_run: Cell<u64>,
    _not_send: PhantomData<*const ()>,
}

impl Worker for TestWorker {
    type Task = Probe;
    fn run(&mut self, task: Probe) {
        assert_eq!(thread::current().id(), self.home, "worker state used off its thread");
        self.tasks_run.set(self.tasks_run.get() + 1);
        task.run();
    }
}

impl Drop for TestWorker {
    fn drop(&mut self) {
        assert_eq!(thread::current().id(), self.home, "worker state dropped off its thread");
        self.lifecycle.drops.fetch_add(1, Ordering::SeqCst);
    }
}

fn config(workers: usize) -> PoolConfig {
    PoolConfig { workers, name: "pool-test".to_string(), stack_size: Some(256 * 1024) }
}

fn start(workers: usize) -> (Pool<Probe>, Arc<Lifecycle>) {
    let lifecycle = Arc::new(Lifecycle::default());
    let pool = Pool::new(config(workers), {
        let lifecycle = Arc::clone(&lifecycle);
        move |index| {
            let name = thread::current().name().map(str::to_string);
            assert_eq!(
                name,
                Some(format!("pool-test-{index}")),
                "factory ran off its worker thread"
            );
            lifecycle.builds.fetch_add(1, Ordering::SeqCst);
            TestWorker {
                home: thread::current().id(),
                lifecycle: Arc::clone(&lifecycle),
                tasks_run: Cell::new(0),
                _not_send: PhantomData,
            }
        }
    });
    (pool, lifecycle)
}

/// Polls `cond` until it holds or the deadline passes; returns whether it held.
fn wait_until(mut cond: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < DEADLINE {
        if cond() {
            return true;
        }
        thread::sleep(Duration::from_micros(200));
    }
    cond()
}

/// A latch that tasks block on until the test opens it (bounded, so a bug cannot hang).
#[derive(Default)]
struct Gate {
    open: AtomicBool,
    waiting: AtomicUsize,
}

impl Gate {
    fn pass(&self) {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        let start = Instant::now();
        while !self.open.load(Ordering::SeqCst) && start.elapsed() < DEADLINE {
            thread::sleep(Duration::from_micros(100));
        }
        self.waiting.fetch_sub(1, Ordering::SeqCst);
    }

    fn open(&self) {
        self.open.store(true, Ordering::SeqCst);
    }
}

fn spin_for(duration: Duration) {
    let start = Instant::now();
    while start.elapsed() < duration {
        std::hint::spin_loop();
    }
}

/// Small deterministic PRNG (xorshift64*), so "random" pauses are the same every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

fn run_all_exactly_once(workers: usize) {
    const TASKS: usize = 100_000;
    let (pool, lifecycle) = start(workers);
    let tracker = Tracker::new(TASKS);
    let started = Instant::now();
    for id in 0..TASKS / 2 {
        pool.submit(tracker.probe(id));
    }
    pool.submit_batch((TASKS / 2..TASKS).map(|id| tracker.probe(id)));
    assert!(
        wait_until(|| tracker.finished() == TASKS),
        "only {} of {TASKS} ran",
        tracker.finished()
    );
    let elapsed = started.elapsed();
    // A worker counts a task just after its `run` returns, so the stats may lag a moment.
    assert!(wait_until(|| pool.stats().completed == TASKS as u64));
    let stats = pool.stats();
    assert_eq!((stats.queued, stats.running, stats.panics), (0, 0, 0));
    assert_eq!(stats.workers, workers as u64);
    pool.shutdown();
    tracker.assert_each_ran_once();
    assert_eq!(tracker.drops(), TASKS);
    assert_eq!(lifecycle.builds.load(Ordering::SeqCst), workers);
    assert_eq!(lifecycle.drops.load(Ordering::SeqCst), workers, "every state dropped at shutdown");
    eprintln!("{workers} workers: {TASKS} tasks in {elapsed:?}, {} stolen", stats.stolen);
}

#[test]
fn every_task_runs_exactly_once_1_worker() {
    run_all_exactly_once(1);
}

#[test]
fn every_task_runs_exactly_once_2_workers() {
    run_all_exactly_once(2);
}

#[test]
fn every_task_runs_exactly_once_4_workers() {
    run_all_exactly_once(4);
}

#[test]
fn every_task_runs_exactly_once_64_workers() {
    run_all_exactly_once(64);
}

#[test]
fn concurrent_submitters_lose_nothing() {
    const PRODUCERS: usize = 4;
    const PER_PRODUCER: usize = 25_000;
    let (pool, _) = start(3);
    let pool = Arc::new(pool);
    let tracker = Tracker::new(PRODUCERS * PER_PRODUCER);
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let (pool, tracker) = (Arc::clone(&pool), Arc::clone(&tracker));
            thread::spawn(move || {
                let mut rng = Rng(p as u64 + 1);
                let ids: Vec<usize> = (p * PER_PRODUCER..(p + 1) * PER_PRODUCER).collect();
                // Mix single submissions, small batches and pauses that let workers park.
                for chunk in ids.chunks(100) {
                    if p % 2 == 0 {
                        chunk.iter().for_each(|&id| pool.submit(tracker.probe(id)));
                    } else {
                        pool.submit_batch(chunk.iter().map(|&id| tracker.probe(id)));
                    }
                    if rng.below(10) == 0 {
                        thread::sleep(Duration::from_micros(rng.below(500)));
                    }
                }
            })
        })
        .collect();
    for producer in producers {
        producer.join().unwrap();
    }
    let total = PRODUCERS * PER_PRODUCER;
    assert!(
        wait_until(|| tracker.finished() == total),
        "only {} of {total} ran",
        tracker.finished()
    );
    Arc::into_inner(pool).expect("producers joined").shutdown();
    tracker.assert_each_ran_once();
    assert_eq!(tracker.drops(), total);
}

/// One task at a time with pauses that sweep across the spin window and beyond, so that
/// submissions land while workers are spinning, announcing, checking or parked. A single
/// lost wake-up leaves a task unrun (nothing else would wake a worker) and fails here.
fn trickle(workers: usize, rounds: usize) {
    let (pool, _) = start(workers);
    let tracker = Tracker::new(rounds);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut slowest = Duration::ZERO;
    for id in 0..rounds {
        match id % 4 {
            0 => {}
            1 => spin_for(Duration::from_micros(rng.below(50))),
            2 => thread::sleep(Duration::from_micros(rng.below(300))),
            _ => {
                // Long enough for every worker to park.
                if id % 40 == 3 {
                    let parked = wait_until(|| pool.stats().parked == workers as u64);
                    assert!(parked, "workers never parked");
                }
            }
        }
        let submitted = Instant::now();
        pool.submit(tracker.probe(id));
        assert!(wait_until(|| tracker.finished() == id + 1), "task {id} never ran: lost wake-up");
        slowest = slowest.max(submitted.elapsed());
    }
    pool.shutdown();
    tracker.assert_each_ran_once();
    assert_eq!(tracker.drops(), rounds);
    eprintln!("trickle with {workers} workers: {rounds} tasks, slowest {slowest:?}");
}

#[test]
fn trickle_never_loses_a_wake_up_1_worker() {
    trickle(1, 2_000);
}

#[test]
fn trickle_never_loses_a_wake_up_4_workers() {
    trickle(4, 2_000);
}

/// Several producers trickling at once, each waiting for its own task before the next.
#[test]
fn concurrent_trickles_never_lose_a_wake_up() {
    const PRODUCERS: usize = 3;
    const ROUNDS: usize = 500;
    let (pool, _) = start(2);
    let pool = Arc::new(pool);
    let tracker = Tracker::new(PRODUCERS * ROUNDS);
    let producers: Vec<_> = (0..PRODUCERS)
        .map(|p| {
            let (pool, tracker) = (Arc::clone(&pool), Arc::clone(&tracker));
            thread::spawn(move || {
                let mut rng = Rng(p as u64 + 7);
                for round in 0..ROUNDS {
                    let id = p * ROUNDS + round;
                    pool.submit(tracker.probe(id));
                    assert!(wait_until(|| tracker.runs(id) == 1), "task {id} never ran");
                    spin_for(Duration::from_micros(rng.below(100)));
                }
            })
        })
        .collect();
    for producer in producers {
        producer.join().unwrap();
    }
    Arc::into_inner(pool).unwrap().shutdown();
    tracker.assert_each_ran_once();
}

#[test]
fn idle_workers_park_and_burn_no_cpu() {
    const WORKERS: usize = 4;
    let (pool, _) = start(WORKERS);
    let tracker = Tracker::new(100);
    pool.submit_batch((0..100).map(|id| tracker.probe(id)));
    assert!(wait_until(|| tracker.finished() == 100));
    assert!(wait_until(|| pool.stats().parked == WORKERS as u64), "workers never parked");
    let before = pool.stats();
    thread::sleep(Duration::from_millis(300));
    let after = pool.stats();
    assert_eq!(after.parked, WORKERS as u64, "a parked worker woke with nothing to do");
    assert_eq!(after.searches, before.searches, "parked workers kept searching");
    pool.shutdown();
}

#[test]
fn submit_wakes_exactly_one_parked_worker() {
    const WORKERS: usize = 4;
    let (pool, _) = start(WORKERS);
    assert!(wait_until(|| pool.stats().parked == WORKERS as u64), "workers never parked");
    let searches = pool.stats().searches;
    let gate = Arc::new(Gate::default());
    let tracker = Tracker::new(1);
    pool.submit(tracker.probe_with(0, {
        let gate = Arc::clone(&gate);
        move || gate.pass()
    }));
    assert!(wait_until(|| gate.waiting.load(Ordering::SeqCst) == 1), "the task never started");
    thread::sleep(Duration::from_millis(100));
    let stats = pool.stats();
    assert_eq!(stats.parked, WORKERS as u64 - 1, "more than one worker woke");
    // The woken worker searched once and found the task at once; nobody else searched.
    assert_eq!(stats.searches, searches + 1);
    gate.open();
    assert!(wait_until(|| tracker.finished() == 1));
    pool.shutdown();
}

/// Workers blocked, every other task queued: `remove_queued` returns exactly the matching
/// ones, the rest run, and nothing is run twice or lost.
#[test]
fn remove_queued_returns_exactly_the_unrun_matching_tasks() {
    const WORKERS: usize = 2;
    const TASKS: usize = 2_000;
    let (pool, _) = start(WORKERS);
    let gate = Arc::new(Gate::default());
    let tracker = Tracker::new(WORKERS + TASKS);
    for id in 0..WORKERS {
        let gate = Arc::clone(&gate);
        pool.submit(tracker.probe_with(id, move || gate.pass()));
    }
    assert!(wait_until(|| gate.waiting.load(Ordering::SeqCst) == WORKERS), "workers never blocked");
    pool.submit_batch((WORKERS..WORKERS + TASKS).map(|id| tracker.probe(id)));
    assert_eq!(pool.stats().queued, TASKS as u64);

    let removed = pool.remove_queued(|task| task.id % 3 == 0);
    let mut removed_ids: Vec<usize> = removed.iter().map(|task| task.id).collect();
    removed_ids.sort_unstable();
    let expected: Vec<usize> = (WORKERS..WORKERS + TASKS).filter(|id| id % 3 == 0).collect();
    assert_eq!(removed_ids, expected);
    assert_eq!(pool.stats().queued, (TASKS - expected.len()) as u64);

    gate.open();
    let expected_runs = WORKERS + TASKS - expected.len();
    assert!(wait_until(|| tracker.finished() == expected_runs));
    pool.shutdown();
    for id in 0..WORKERS + TASKS {
        let want = u32::from(!(id >= WORKERS && id % 3 == 0));
        assert_eq!(tracker.runs(id), want, "task {id}");
    }
    assert_eq!(tracker.drops(), expected_runs, "removed tasks are still alive, held by the caller");
    drop(removed);
    assert_eq!(tracker.drops(), WORKERS + TASKS);
}

/// Workers busy and stealing while tasks are removed from under them: every task is run
/// exactly once or removed exactly once.
#[test]
fn remove_queued_races_with_running_workers() {
    const TASKS: usize = 20_000;
    let (pool, _) = start(3);
    let tracker = Tracker::new(TASKS);
    let removed_flags: Vec<AtomicU32> = (0..TASKS).map(|_| AtomicU32::new(0)).collect();
    let mut removed_total = 0;
    for chunk in (0..TASKS).collect::<Vec<_>>().chunks(1_000) {
        pool.submit_batch(
            chunk.iter().map(|&id| tracker.probe_with(id, || spin_for(Duration::from_micros(5)))),
        );
        for task in pool.remove_queued(|task| task.id % 2 == 1) {
            removed_flags[task.id].fetch_add(1, Ordering::SeqCst);
            removed_total += 1;
        }
    }
    assert!(removed_total > 0, "the workers can never keep up with 1000-task bursts");
    assert!(wait_until(|| tracker.finished() + removed_total == TASKS));
    pool.shutdown();
    for (id, removed) in removed_flags.iter().enumerate() {
        let (ran, removed) = (tracker.runs(id), removed.load(Ordering::SeqCst));
        assert_eq!(ran + removed, 1, "task {id}: ran {ran} times, removed {removed} times");
    }
    assert_eq!(tracker.drops(), TASKS);
}

#[test]
fn remove_queued_requeues_everything_if_pred_panics() {
    let (pool, _) = start(1);
    let gate = Arc::new(Gate::default());
    let tracker = Tracker::new(101);
    pool.submit(tracker.probe_with(0, {
        let gate = Arc::clone(&gate);
        move || gate.pass()
    }));
    assert!(wait_until(|| gate.waiting.load(Ordering::SeqCst) == 1));
    pool.submit_batch((1..101).map(|id| tracker.probe(id)));
    let mut seen = 0;
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        pool.remove_queued(|_| {
            seen += 1;
            if seen == 50 {
                // resume_unwind skips the panic hook: no noise in the test output.
                std::panic::resume_unwind(Box::new("pred failed"));
            }
            true
        })
    }));
    assert!(outcome.is_err());
    gate.open();
    assert!(wait_until(|| tracker.finished() == 101), "requeued tasks were lost");
    pool.shutdown();
    tracker.assert_each_ran_once();
}

/// Shutdown while tasks are queued behind blocked workers: running tasks finish, queued ones
/// are dropped without running, and every thread is joined.
#[test]
fn shutdown_drops_queued_tasks_and_joins() {
    const WORKERS: usize = 2;
    const QUEUED: usize = 1_000;
    let (pool, lifecycle) = start(WORKERS);
    let gate = Arc::new(Gate::default());
    let tracker = Tracker::new(WORKERS + QUEUED);
    for id in 0..WORKERS {
        let gate = Arc::clone(&gate);
        pool.submit(tracker.probe_with(id, move || gate.pass()));
    }
    assert!(wait_until(|| gate.waiting.load(Ordering::SeqCst) == WORKERS));
    pool.submit_batch((WORKERS..WORKERS + QUEUED).map(|id| tracker.probe(id)));
    // Open the gates only once shutdown has begun, so no queued task can start.
    let shared = Arc::clone(&pool.shared);
    let opener = thread::spawn({
        let gate = Arc::clone(&gate);
        move || {
            assert!(wait_until(|| shared.sleep.is_terminated()));
            gate.open();
        }
    });
    let started = Instant::now();
    pool.shutdown();
    let took = started.elapsed();
    opener.join().unwrap();
    assert!(took < DEADLINE, "shutdown took {took:?}");
    for id in 0..WORKERS {
        assert_eq!(tracker.runs(id), 1, "running task {id} finished");
    }
    for id in WORKERS..WORKERS + QUEUED {
        assert_eq!(tracker.runs(id), 0, "queued task {id} ran after shutdown began");
    }
    assert_eq!(tracker.drops(), WORKERS + QUEUED, "every queued task dropped by shutdown");
    assert_eq!(lifecycle.drops.load(Ordering::SeqCst), WORKERS);
}

#[test]
fn shutdown_of_parked_workers_is_prompt() {
    for workers in [1, 8, 64] {
        let (pool, lifecycle) = start(workers);
        assert!(wait_until(|| pool.stats().parked == workers as u64));
        let started = Instant::now();
        pool.shutdown();
        let took = started.elapsed();
        assert!(took < Duration::from_secs(2), "{workers} parked workers took {took:?} to stop");
        assert_eq!(lifecycle.drops.load(Ordering::SeqCst), workers);
        eprintln!("shutdown of {workers} parked workers: {took:?}");
    }
}

#[test]
fn dropping_the_pool_shuts_it_down() {
    let (pool, lifecycle) = start(4);
    let tracker = Tracker::new(10);
    pool.submit_batch((0..10).map(|id| tracker.probe(id)));
    drop(pool);
    // Each task either ran or was dropped unrun; all threads joined, all states dropped.
    assert_eq!(tracker.drops(), 10);
    assert!((0..10).all(|id| tracker.runs(id) <= 1));
    assert_eq!(lifecycle.drops.load(Ordering::SeqCst), 4);
}

#[test]
fn a_panicking_task_rebuilds_the_state_and_the_pool_goes_on() {
    const WORKERS: usize = 2;
    const TASKS: usize = 1_000;
    let (pool, lifecycle) = start(WORKERS);
    let tracker = Tracker::new(TASKS);
    let panicking = |id: usize| id % 100 == 0;
    pool.submit_batch((0..TASKS).map(|id| {
        if panicking(id) {
            tracker.probe_with(id, || std::panic::resume_unwind(Box::new("task failed")))
        } else {
            tracker.probe(id)
        }
    }));
    let panics = (0..TASKS).filter(|&id| panicking(id)).count();
    assert!(wait_until(|| pool.stats().completed + pool.stats().panics == TASKS as u64));
    // The last rebuild may still be under way when its panic is counted.
    assert!(
        wait_until(|| lifecycle.builds.load(Ordering::SeqCst) == WORKERS + panics),
        "one rebuild per panic"
    );
    let stats = pool.stats();
    assert_eq!(stats.panics, panics as u64);
    assert_eq!(stats.completed, (TASKS - panics) as u64);
    assert_eq!(stats.workers, WORKERS as u64);
    assert_eq!(lifecycle.builds.load(Ordering::SeqCst), WORKERS + panics, "one rebuild per panic");
    assert_eq!(lifecycle.drops.load(Ordering::SeqCst), panics, "the panicked state was dropped");
    pool.shutdown();
    tracker.assert_each_ran_once();
    assert_eq!(tracker.drops(), TASKS);
    assert_eq!(lifecycle.drops.load(Ordering::SeqCst), WORKERS + panics);
}

#[test]
fn a_panicking_factory_retires_its_thread_only() {
    const WORKERS: usize = 3;
    let pool = Pool::new(config(WORKERS), |index| {
        if index == 0 {
            std::panic::resume_unwind(Box::new("cannot build"));
        }
        TestWorker {
            home: thread::current().id(),
            lifecycle: Arc::new(Lifecycle::default()),
            tasks_run: Cell::new(0),
            _not_send: PhantomData,
        }
    });
    assert!(wait_until(|| pool.stats().workers == WORKERS as u64 - 1));
    let tracker = Tracker::new(1_000);
    pool.submit_batch((0..1_000).map(|id| tracker.probe(id)));
    assert!(wait_until(|| tracker.finished() == 1_000));
    pool.shutdown();
    tracker.assert_each_ran_once();
}

/// A skewed load: the first task blocks its worker until all the others have run, and the
/// batch that worker took from the injector can only run if another worker steals it.
#[test]
fn blocked_workers_backlog_is_stolen() {
    const TASKS: usize = 64;
    let (pool, _) = start(2);
    assert!(wait_until(|| pool.stats().parked == 2), "workers never parked");
    let tracker = Tracker::new(TASKS);
    let saw_all_others = Arc::new(AtomicBool::new(false));
    let first = tracker.probe_with(0, {
        let (tracker, saw) = (Arc::clone(&tracker), Arc::clone(&saw_all_others));
        move || saw.store(wait_until(|| tracker.finished() == TASKS - 1), Ordering::SeqCst)
    });
    // All pushed before anyone wakes, so the first worker's batch holds task 0 and more.
    pool.submit_batch(std::iter::once(first).chain((1..TASKS).map(|id| tracker.probe(id))));
    assert!(wait_until(|| tracker.finished() == TASKS));
    assert!(saw_all_others.load(Ordering::SeqCst), "the blocked worker's backlog never ran");
    let stolen = pool.stats().stolen;
    assert!(stolen >= 1, "nothing was stolen");
    pool.shutdown();
    tracker.assert_each_ran_once();
    eprintln!("skewed load: {stolen} stolen");
}

#[test]
fn zero_workers_is_an_error() {
    let result = Pool::<Probe>::try_new(config(0), |_| -> TestWorker { unreachable!() });
    assert_eq!(result.err().map(|e| e.kind()), Some(io::ErrorKind::InvalidInput));
}

#[test]
fn each_state_stays_on_its_thread() {
    const WORKERS: usize = 4;
    let (pool, lifecycle) = start(WORKERS);
    let tracker = Tracker::new(10_000);
    pool.submit_batch((0..10_000).map(|id| tracker.probe(id)));
    assert!(wait_until(|| tracker.finished() == 10_000));
    pool.shutdown();
    // TestWorker asserts its thread in run and drop; a failure there would be a panic
    // counted as a rebuild.
    assert_eq!(lifecycle.builds.load(Ordering::SeqCst), WORKERS);
    assert_eq!(lifecycle.drops.load(Ordering::SeqCst), WORKERS);
}
