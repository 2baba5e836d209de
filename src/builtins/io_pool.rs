//! A small pool of threads for blocking file-system calls (`fs.promises`), separate from the
//! Deferred workers so that slow disks never hold up JS tasks and vice versa.
//!
//! Jobs are plain closures with only `Send` data; each one posts its result to the inbox of
//! the event loop that asked for it (see `builtins::fs`). Threads start on demand, up to
//! [`MAX_THREADS`], and then wait on a condvar for the rest of the process.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, OnceLock};

pub const MAX_THREADS: usize = 4;

type Job = Box<dyn FnOnce() + Send>;

struct State {
    jobs: VecDeque<Job>,
    threads: usize,
    idle: usize,
}

struct Pool {
    state: Mutex<State>,
    ready: Condvar,
}

fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    POOL.get_or_init(|| Pool {
        state: Mutex::new(State { jobs: VecDeque::new(), threads: 0, idle: 0 }),
        ready: Condvar::new(),
    })
}

/// Runs `job` on an I/O thread.
pub fn submit(job: Job) {
    let pool = pool();
    let mut st = pool.state.lock().unwrap_or_else(|e| e.into_inner());
    st.jobs.push_back(job);
    if st.idle == 0 && st.threads < MAX_THREADS {
        let n = st.threads;
        let spawned = std::thread::Builder::new().name(format!("protojs-io-{n}")).spawn(|| worker(self::pool()));
        if spawned.is_ok() {
            st.threads += 1;
        }
    }
    drop(st);
    pool.ready.notify_one();
}

fn worker(pool: &'static Pool) {
    let mut st = pool.state.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if let Some(job) = st.jobs.pop_front() {
            drop(st);
            // A panicking job must not take the thread (and its queue) down with it; the
            // job's owner is told through the job's own result channel (fs: a drop guard).
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            st = pool.state.lock().unwrap_or_else(|e| e.into_inner());
            continue;
        }
        st.idle += 1;
        st = pool.ready.wait(st).unwrap_or_else(|e| e.into_inner());
        st.idle -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn runs_jobs_on_few_threads() {
        let (tx, rx) = mpsc::channel();
        for i in 0..50 {
            let tx = tx.clone();
            submit(Box::new(move || {
                tx.send((i, std::thread::current().name().map(str::to_string))).unwrap();
            }));
        }
        let mut seen: Vec<_> = (0..50).map(|_| rx.recv().unwrap()).collect();
        seen.sort();
        assert_eq!(seen.iter().map(|s| s.0).collect::<Vec<_>>(), (0..50).collect::<Vec<_>>());
        assert!(seen.iter().all(|(_, n)| n.as_deref().is_some_and(|n| n.starts_with("protojs-io-"))));
        submit(Box::new(|| panic!("a panicking job")));
        let (tx2, rx2) = mpsc::channel();
        submit(Box::new(move || tx2.send(1).unwrap()));
        assert_eq!(rx2.recv().unwrap(), 1);
    }
}
