//! Leak accounting without valgrind: a counting global allocator (Rust heap, all threads)
//! and QuickJS's own memory usage of the main and worker runtimes, measured before and
//! after 10,000 tasks of each kind. Nothing may grow beyond a small fixed bound.

use protojs::event_loop::Inbox;
use protojs::host::{Config, Host, Role};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::sync::Arc;

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: delegates to the system allocator and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new as isize - l.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Each kind of task, as a script running `N` of them and recording the worker's heap.
const KINDS: &[(&str, &str)] = &[
    ("success", "await Promise.all(Array.from({ length: N }, (_, i) => new Deferred((x) => x + 1, i)));"),
    ("throw", "await Promise.allSettled(Array.from({ length: N }, (_, i) => new Deferred((x) => { throw new TypeError('t' + x); }, i)));"),
    ("values", "await Promise.all(Array.from({ length: N }, (_, i) => new Deferred((m) => new Set(m.keys()), new Map([[i, { a: [i] }]]))));"),
    ("cancel", "{ const ds = Array.from({ length: N }, (_, i) => new Deferred((x) => x, i)); ds.forEach((d) => d.cancel()); await Promise.allSettled(ds); }"),
    ("sab", "{ const sab = new SharedArrayBuffer(64); await Promise.all(Array.from({ length: N }, () => new Deferred((s) => Atomics.add(new Int32Array(s), 0, 1), sab))); }"),
    ("closure", "{ const k = { v: 1 }; await Promise.all(Array.from({ length: N }, (_, i) => new Deferred(() => k.v + i))); }"),
];

fn run(host: &Host, n: usize, body: &str) {
    let src = format!(
        "(async () => {{ const N = {n}; {body} globalThis.workerHeap = await new Deferred(() => {{ gc(); return process.memoryUsage().heapUsed; }}); }})()\
         .catch((e) => {{ globalThis.failure = String(e); }});"
    );
    host.run_main(src.as_bytes(), "leak.js", false).expect("script runs");
    host.run_loop();
    let failure = host.ctx.global().get("failure").unwrap();
    assert!(failure.is_undefined(), "script failed: {}", failure.to_string_lossy());
}

fn worker_heap(host: &Host) -> i64 {
    host.ctx.global().get("workerHeap").unwrap().to_f64().unwrap() as i64
}

#[test]
fn ten_thousand_tasks_of_each_kind_do_not_grow_memory() {
    let config = Config { argv: vec!["protojs".into(), "leak.js".into()], workers: Some(1), worker_memory_limit: None, expose_gc: true };
    let host = Host::new(Role::Main, Arc::new(config), Arc::new(Inbox::new()));
    // Warm up every path (lazy modules, code caches, worker runtime) and let queues and
    // maps reach the capacity a 10,000-task burst needs: capacity is not a leak.
    for (_, body) in KINDS {
        run(&host, 10_000, body);
    }
    for (kind, body) in KINDS {
        run(&host, 10_000, body);
        host.runtime().run_gc();
        let (rust0, js0) = (LIVE.load(Ordering::Relaxed), host.runtime().memory_usage().malloc_size);
        let worker0 = worker_heap(&host);
        run(&host, 10_000, body);
        host.runtime().run_gc();
        let (rust1, js1) = (LIVE.load(Ordering::Relaxed), host.runtime().memory_usage().malloc_size);
        let worker1 = worker_heap(&host);
        println!("{kind}: rust {:+} B, main js {:+} B, worker js {:+} B", rust1 - rust0, js1 - js0, worker1 - worker0);
        assert!((rust1 - rust0).abs() < 256 << 10, "{kind}: Rust heap grew by {} bytes", rust1 - rust0);
        assert!((js1 - js0).abs() < 256 << 10, "{kind}: main runtime grew by {} bytes", js1 - js0);
        assert!((worker1 - worker0).abs() < 256 << 10, "{kind}: worker runtime grew by {} bytes", worker1 - worker0);
    }
    drop(host);
}
