//! The interactive prompt: `protojs` with no script on a terminal, or `protojs -i`.
//!
//! Standard input is read on a thread of its own, which posts each line to the main event
//! loop's inbox; the loop runs as for any program, so timers, I/O and Deferreds make progress
//! while the prompt waits. What a line means (evaluation, continuation lines, commands,
//! printing) is js/repl.js. The input keeps the loop alive until it ends (Ctrl+D).

use crate::engine::{Context, Throw, Value};
use crate::host::Host;
use crate::run::{exec_path, new_main_host, Settings};
use std::io::BufRead;

/// Runs the prompt until its input ends or `process.exit`; returns the exit code.
pub fn run(args: &[String], settings: Settings) -> i32 {
    let mut argv = vec![exec_path()];
    argv.extend(args.iter().cloned());
    let host = new_main_host(argv, settings);
    host.interactive.set(true);
    // `require` and friends, relative to the working directory (as for -e).
    let started = crate::modules::define_eval_globals(&host, "[repl]", b"require")
        .and_then(|()| call(&host, "start", None));
    if started.is_err() {
        host.report_pending_exception();
        return 1;
    }
    host.refs.set(host.refs.get() + 1);
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
    let code = host.exit_code();
    drop(host);
    code
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

fn call(host: &Host, name: &str, arg: Option<Value>) -> Result<(), Throw> {
    let f = host.module("repl")?.get(name)?;
    f.call(&Value::undefined(host.ctx), arg.as_slice()).map(drop)
}
