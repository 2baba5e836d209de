//! The interactive prompt: `protojs` with no script on a terminal, or `protojs -i`.
//!
//! Standard input is read on a thread of its own, which posts each line to the main event
//! loop's inbox; the loop runs as for any program, so timers, I/O and Deferreds make progress
//! while the prompt waits. What a line means (evaluation, continuation lines, commands,
//! printing) is js/repl.js. The input keeps the loop alive until it ends (Ctrl+D).

use crate::engine::{Context, Throw, Value};
use crate::ffi;
use crate::host::Host;
use crate::run::{exec_path, new_main_host, Settings};
use std::io::BufRead;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Ctrl+C, in three parts. A SIGINT not handled yet: the interrupt handler takes it when it
/// arrived during the evaluation of an input (stopping that input), else the prompt does.
static PENDING: AtomicBool = AtomicBool::new(false);
/// SIGINTs received so far.
static SIGNALS: AtomicU64 = AtomicU64::new(0);
/// While an input's code runs synchronously: the value of SIGNALS when it started (only a
/// later Ctrl+C stops it); u64::MAX otherwise, so nothing else (a timer, a callback, an
/// input typed ahead) is ever interrupted.
static EVALUATING_SINCE: AtomicU64 = AtomicU64::new(u64::MAX);
/// The prompt has ended: a Ctrl+C now ends the process, as by default.
static FINISHED: AtomicBool = AtomicBool::new(false);

/// Runs the prompt until its input ends or `process.exit`; returns the exit code.
pub fn run(args: &[String], settings: Settings) -> i32 {
    let mut argv = vec![exec_path()];
    argv.extend(args.iter().cloned());
    // Before any thread exists, so that every thread inherits the mask: Ctrl+C is taken by
    // the signal thread below instead of ending the process.
    let sigint = block_sigint();
    let host = new_main_host(argv, settings);
    host.interactive.set(true);
    // SAFETY: the runtime is live; the handler reads a static only.
    unsafe { ffi::JS_SetInterruptHandler(host.runtime().raw(), Some(interrupt_handler), std::ptr::null_mut()) };
    // `require` and friends, relative to the working directory (as for -e).
    let started = crate::modules::define_eval_globals(&host, "[repl]", b"require")
        .and_then(|()| call(&host, "start", None));
    if started.is_err() {
        host.report_pending_exception();
        return 1;
    }
    host.refs.set(host.refs.get() + 1);
    if let Some(set) = sigint {
        let inbox = host.inbox.clone();
        std::thread::Builder::new()
            .name("protojs-repl-signals".into())
            .spawn(move || loop {
                let mut sig = 0;
                // SAFETY: `set` is an initialised signal set; sig receives the signal number.
                if unsafe { libc::sigwait(&set, &mut sig) } != 0 {
                    break;
                }
                // The previous Ctrl+C is still unhandled (the main thread is stuck in native
                // code) or the prompt is over: die of SIGINT, as without a prompt.
                if PENDING.swap(true, Ordering::SeqCst) || FINISHED.load(Ordering::SeqCst) {
                    die_of_sigint(&set);
                }
                SIGNALS.fetch_add(1, Ordering::SeqCst);
                inbox.post(Box::new(on_sigint));
            })
            .expect("cannot start the signal thread");
    }
    let inbox = host.inbox.clone();
    // Detached: at exit it may still be blocked reading, which is harmless.
    std::thread::Builder::new()
        .name("protojs-repl-input".into())
        .spawn(move || {
            let mut input = std::io::stdin().lock();
            let mut buf = Vec::new();
            // Bytes that are not UTF-8 become U+FFFD rather than ending the session.
            while matches!(input.read_until(b'\n', &mut buf), Ok(n) if n > 0) {
                let text = String::from_utf8_lossy(&buf);
                let line = text.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&text).to_string();
                buf.clear();
                inbox.post(Box::new(move |ctx| on_line(ctx, Some(line))));
            }
            inbox.post(Box::new(|ctx| on_line(ctx, None)));
        })
        .expect("cannot start the input thread");
    host.run_loop();
    FINISHED.store(true, Ordering::SeqCst);
    let code = host.exit_code();
    drop(host);
    code
}

/// Runs an input's code (synchronously) so that a Ctrl+C arriving meanwhile stops it.
pub fn evaluating<T>(run: impl FnOnce() -> T) -> T {
    EVALUATING_SINCE.store(SIGNALS.load(Ordering::SeqCst), Ordering::SeqCst);
    let result = run();
    EVALUATING_SINCE.store(u64::MAX, Ordering::SeqCst);
    result
}

/// A line of input, or None at its end.
fn on_line(ctx: Context, line: Option<String>) {
    let host = Host::get(ctx);
    let result = match line {
        Some(text) => call(host, "line", Some(ctx.new_string(&text))),
        None => {
            host.refs.set(host.refs.get() - 1);
            call(host, "close", None)
        }
    };
    if result.is_err() {
        host.report_pending_exception();
    }
}

/// Ctrl+C that no running input consumed: the prompt stops the input it awaits, clears the
/// one being continued, or offers to exit.
fn on_sigint(ctx: Context) {
    if PENDING.swap(false, Ordering::SeqCst) {
        let host = Host::get(ctx);
        if call(host, "sigint", None).is_err() {
            host.report_pending_exception();
        }
    }
}

/// Polled by the interpreter: a Ctrl+C that arrived while an input's code runs stops it (an
/// endless loop typed at the prompt, say), which then fails with "interrupted".
unsafe extern "C" fn interrupt_handler(_rt: *mut ffi::JSRuntime, _opaque: *mut std::ffi::c_void) -> i32 {
    let since = EVALUATING_SINCE.load(Ordering::SeqCst);
    let stop = since != u64::MAX && SIGNALS.load(Ordering::SeqCst) > since && PENDING.swap(false, Ordering::SeqCst);
    stop as i32
}

/// Ends the process by SIGINT's default action (so the parent sees the signal).
fn die_of_sigint(set: &libc::sigset_t) -> ! {
    // SAFETY: restores the default action and unblocks SIGINT in this thread only, then
    // raises it here: the process terminates.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, set, std::ptr::null_mut());
        libc::raise(libc::SIGINT);
        libc::_exit(130)
    }
}

/// Blocks SIGINT in this thread (and so in every thread it starts); the set, or None if
/// that failed (Ctrl+C then ends the process, as by default).
fn block_sigint() -> Option<libc::sigset_t> {
    // SAFETY: the set is initialised by sigemptyset before use; pthread_sigmask only changes
    // this thread's mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        (libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) == 0).then_some(set)
    }
}

fn call(host: &Host, name: &str, arg: Option<Value>) -> Result<(), Throw> {
    let f = host.module("repl")?.get(name)?;
    f.call(&Value::undefined(host.ctx), arg.as_slice()).map(drop)
}
