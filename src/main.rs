//! The `protojs` command: parse arguments, build the main host, run, map the outcome to an
//! exit code (0 ok, 1 uncaught error or load failure, 2 usage error, or process.exit's).

use protojs::cli::{self, Command, Input, USAGE};
use protojs::run;
use std::process::exit;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // SAFETY: isatty has no preconditions.
    let stdin_tty = unsafe { libc::isatty(0) } == 1;
    let opts = match cli::parse(&args, stdin_tty) {
        Ok(o) => o,
        Err(e) => usage_error(&e.0),
    };
    let code = match opts.command {
        Command::Help => {
            print!("{USAGE}");
            0
        }
        Command::Version => {
            println!("protojs {} (QuickJS {})", env!("CARGO_PKG_VERSION"), env!("PROTOJS_QUICKJS_VERSION"));
            0
        }
        Command::Check(file) => run::check(&file),
        Command::Compile { ref input, ref output } => run::compile(input, output.as_deref()),
        Command::Run { ref input, ref args } => {
            let workers = match opts.workers {
                Some(n) => Some(n),
                None => match std::env::var("PROTOJS_WORKERS") {
                    Ok(v) if !v.is_empty() => match cli::parse_workers(&v) {
                        Ok(n) => Some(n),
                        Err(e) => usage_error(&format!("PROTOJS_WORKERS: {e}")),
                    },
                    _ => None,
                },
            };
            let settings = run::Settings { workers, worker_memory_limit: opts.worker_memory_limit };
            match input {
                Input::File(f) => run::file(f, args, settings),
                Input::Stdin => run::stdin(args, settings),
                Input::Eval(code) => run::eval(code, args, false, settings),
                Input::Print(code) => run::eval(code, args, true, settings),
                Input::Repl => protojs::repl::run(args, settings),
            }
        }
    };
    exit(code);
}

fn usage_error(msg: &str) -> ! {
    eprint!("protojs: {msg}\n{USAGE}");
    exit(2);
}
