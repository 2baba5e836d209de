//! Running a program: load its source, pick script or module, run the main host's event
//! loop, and turn the outcome into an exit code.

use crate::engine::{EvalKind, Throw, Value};
use crate::event_loop::Inbox;
use crate::ffi;
use crate::host::{Config, Host, Role};
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, Default)]
pub struct Settings {
    pub workers: Option<usize>,
    pub worker_memory_limit: Option<usize>,
}

/// How a source is evaluated.
pub fn is_module(filename: &str, source: &[u8]) -> bool {
    if filename.ends_with(".mjs") {
        return true;
    }
    if filename.ends_with(".cjs") {
        return false;
    }
    // JS_DetectModule may read one byte past the end (it looks for `#!` before checking the
    // length), so give it a NUL-terminated copy.
    let mut buf = Vec::with_capacity(source.len() + 1);
    buf.extend_from_slice(source);
    buf.push(0);
    // SAFETY: buf holds the source plus a terminating NUL that the scanner may peek at.
    unsafe { ffi::JS_DetectModule(buf.as_ptr() as *const _, source.len()) != 0 }
}

pub(crate) fn exec_path() -> String {
    std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| "protojs".into())
}

/// The absolute, lexically normalised path of `file` (like Node's path.resolve: `.` and
/// `..` are folded, symlinks are kept).
pub fn absolute(file: &str) -> String {
    use std::path::Component;
    let p = Path::new(file);
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
    let mut out = std::path::PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out.to_string_lossy().into_owned()
}

pub(crate) fn new_main_host(argv: Vec<String>, settings: Settings) -> Box<Host> {
    let config = Config { argv, workers: settings.workers, worker_memory_limit: settings.worker_memory_limit, ..Config::default() };
    Host::new(Role::Main, Arc::new(config), Arc::new(Inbox::new()))
}

/// Why a file could not be read, in the shell's words.
pub fn io_reason(e: &std::io::Error, file: &Path) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ if e.raw_os_error() == Some(libc::EISDIR) || file.is_dir() => "Is a directory".to_string(),
        _ => e.to_string(),
    }
}

/// Reads a script file; a failure is reported in the shell's words.
pub fn read_source(file: &str) -> Result<Vec<u8>, i32> {
    std::fs::read(file).map_err(|e| {
        eprintln!("protojs: cannot open '{file}': {}", io_reason(&e, Path::new(file)));
        1
    })
}

/// Runs the main program and its event loop; returns the exit code.
fn run_program(host: Box<Host>, source: &[u8], filename: &str, module: bool) -> i32 {
    if host.run_main(source, filename, module).is_ok() {
        host.run_loop();
    }
    let code = host.exit_code();
    drop(host);
    code
}

/// Runs a script, module or `.jsc` file (mapped with memmap2, see `modules::source`).
pub fn file(file: &str, args: &[String], settings: Settings) -> i32 {
    let source = match crate::modules::SourceFile::open(Path::new(file)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("protojs: cannot open '{file}': {}", io_reason(&e, Path::new(file)));
            return 1;
        }
    };
    let filename = absolute(file);
    let mut argv = vec![exec_path(), filename.clone()];
    argv.extend(args.iter().cloned());
    let host = new_main_host(argv, settings);
    if crate::modules::run_main(&host, &filename, source).is_ok() {
        host.run_loop();
    }
    let code = host.exit_code();
    drop(host);
    code
}

/// `protojs compile SRC [-o OUT]`: writes SRC's bytecode to OUT (default: SRC with a `.jsc`
/// extension).
pub fn compile(src: &str, out: Option<&str>) -> i32 {
    let out = match out {
        Some(o) => std::path::PathBuf::from(o),
        None => Path::new(src).with_extension("jsc"),
    };
    if out.extension().and_then(|e| e.to_str()) != Some("jsc") {
        eprintln!("protojs: the output file must end in .jsc (got '{}')", out.display());
        return 2;
    }
    let host = new_main_host(vec![exec_path(), absolute(src)], Settings::default());
    let code = crate::modules::compile_to_file(&host, src, &out);
    drop(host);
    code
}

pub fn stdin(args: &[String], settings: Settings) -> i32 {
    let mut source = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut source) {
        eprintln!("protojs: cannot read standard input: {e}");
        return 1;
    }
    let mut argv = vec![exec_path(), "-".to_string()];
    argv.extend(args.iter().cloned());
    let host = new_main_host(argv, settings);
    let module = is_module("[stdin]", &source);
    if !module && crate::modules::define_eval_globals(&host, "[stdin]", &source).is_err() {
        host.report_pending_exception();
    }
    run_program(host, &source, "[stdin]", module)
}

/// `-e CODE` and `-p CODE` (which prints the completion value as console.log would).
pub fn eval(code: &str, args: &[String], print: bool, settings: Settings) -> i32 {
    let mut argv = vec![exec_path()];
    argv.extend(args.iter().cloned());
    let host = new_main_host(argv, settings);
    let module = !print && is_module("[eval]", code.as_bytes());
    if !module && crate::modules::define_eval_globals(&host, "[eval]", code.as_bytes()).is_err() {
        host.report_pending_exception();
    }
    if !print {
        return run_program(host, code.as_bytes(), "[eval]", module);
    }
    host.sources.insert("[eval]", code.as_bytes());
    let printed = host.ctx.eval(code.as_bytes(), "[eval]", EvalKind::Script).and_then(|v| print_value(&host, v));
    if printed.is_err() {
        host.report_pending_exception();
    } else {
        host.run_loop();
    }
    let code = host.exit_code();
    drop(host);
    code
}

fn print_value(host: &Host, v: Value) -> Result<(), Throw> {
    let console = host.ctx.global().get("console")?;
    console.call_method("log", &[v])?;
    Ok(())
}

/// `--check FILE`: compile only; a syntax error is reported as at run time.
pub fn check(file: &str) -> i32 {
    let source = match read_source(file) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let filename = absolute(file);
    let host = new_main_host(vec![exec_path(), filename.clone()], Settings::default());
    host.sources.insert(&filename, &source);
    // compiled as it would run: an ES module (its imports resolved) or a CommonJS wrapper
    let compiled = crate::modules::SourceFile::open(Path::new(file)).map_err(|_| Throw).and_then(|src| {
        let kind = crate::modules::kind_of(&filename, &src);
        crate::modules::compile_source(host.ctx, &filename, &src, kind)
    });
    let code = match compiled {
        // the compiled value must be freed before the host (and its runtime) below
        Ok(compiled) => {
            drop(compiled);
            0
        }
        Err(Throw) => {
            host.report_pending_exception();
            1
        }
    };
    drop(host);
    code
}
