//! Loading code the way Node does: ES modules (`import`), CommonJS (`require`), and the
//! built-in modules (`fs`, `path`, ...), over one resolver and the compile cache.
//!
//! - [`resolve`]: specifier + base directory -> builtin or file (pure path logic).
//! - [`esm`]: the QuickJS module hooks (normalize = resolve, load = compile or wrap), JSON
//!   modules, CommonJS and builtins seen as ES modules, `import.meta`.
//! - [`cjs`]: natives behind `cjs.js` (Node's `Module`/`require` written in JS) and the
//!   wrapper every CommonJS file is compiled in.
//! - [`source`]: files mapped with memmap2; [`lexer`]: module-syntax detection and
//!   CommonJS export names without a parse.
//!
//! A program that loads no module pays for none of this: the hooks are two pointers set in
//! the runtime, and `cjs.js` is evaluated only for the first CommonJS file.

pub mod builtin;
pub mod cjs;
pub mod esm;
pub mod lexer;
pub mod package;
pub mod resolve;
pub mod source;

pub use source::SourceFile;

use crate::compile::{self, cache::SourceStamp, Kind};
use crate::engine::{Context, Throw, Value};
use crate::ffi;
use crate::host::Host;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

/// Module-loading state of one host.
#[derive(Default)]
pub struct Loader {
    /// Name compiled into a bytecode file (the path of its source) -> the `.jsc` file that
    /// was actually run: relative imports and requires resolve from where the `.jsc` is.
    aliases: RefCell<HashMap<String, String>>,
}

impl Loader {
    /// The path a module or script name stands for.
    pub fn real_path(&self, name: &str) -> String {
        self.aliases.borrow().get(name).cloned().unwrap_or_else(|| name.to_string())
    }

    fn alias(&self, compiled_name: &str, real: &str) {
        if compiled_name != real {
            self.aliases.borrow_mut().insert(compiled_name.to_string(), real.to_string());
        }
    }
}

/// Installs the module hooks in a new host's runtime.
pub fn install(host: &Host) {
    esm::install(host);
}

/// A compiled file, ready to run.
pub enum Compiled {
    /// An ES module (not yet linked or evaluated).
    Module(Value),
    /// The CommonJS wrapper function of a file: `(exports, require, module, __filename,
    /// __dirname) => ...`.
    CommonJs(Value),
}

/// How `path` is run: `.mjs` module, `.cjs` CommonJS, otherwise by its syntax.
pub fn kind_of(path: &str, source: &SourceFile) -> Kind {
    declared_kind(path).unwrap_or_else(|| if lexer::is_module(&source.text()) { Kind::Module } else { Kind::CommonJs })
}

/// The kind a file's name and package decide, without looking at its text: `.mjs` and
/// `.cjs`, and `.js` under a package.json with `"type": "module"` or `"commonjs"`. None:
/// the syntax decides (a `.js` file outside such a package).
fn declared_kind(path: &str) -> Option<Kind> {
    if path.ends_with(".mjs") {
        return Some(Kind::Module);
    }
    if path.ends_with(".cjs") {
        return Some(Kind::CommonJs);
    }
    if !path.ends_with(".js") {
        return None;
    }
    match package::scope_type(Path::new(path).parent()?).as_deref() {
        Some("module") => Some(Kind::Module),
        Some("commonjs") => Some(Kind::CommonJs),
        _ => None,
    }
}

fn stamp(source: &SourceFile) -> SourceStamp {
    SourceStamp { size: source.size, mtime_ns: source.mtime_ns, ctime_ns: source.ctime_ns }
}

/// Compiles the file at `path` (absolute, canonical), from the compile cache when it holds
/// a current entry, else from `source` (then stored in the cache).
pub fn compile_file(host: &Host, path: &str, source: &SourceFile) -> Result<Compiled, Throw> {
    let ctx = host.ctx;
    let stamp = stamp(source);
    let cache = compile::cache::get().filter(|c| c.wants(&stamp));
    let declared = declared_kind(path);
    // A cached entry of another kind predates a change of the package's "type".
    if let Some((kind, v)) = cache.and_then(|c| c.lookup(ctx, path, &stamp)).filter(|(k, _)| declared.is_none_or(|d| d == *k)) {
        return finish(ctx, kind, v);
    }
    let mut kind = kind_of(path, source);
    let compiled = match compile_source(ctx, path, source, kind) {
        Ok(c) => c,
        // module syntax the lexer did not see (a `.js` file of no declared kind): try it as
        // a module
        Err(Throw) if kind == Kind::CommonJs && declared.is_none() && module_syntax_error(ctx) => {
            kind = Kind::Module;
            compile_source(ctx, path, source, kind)?
        }
        Err(t) => return Err(t),
    };
    if let Some(c) = cache {
        c.store(ctx, path, &stamp, kind, &compiled);
    }
    finish(ctx, kind, compiled)
}

/// Whether the pending exception is a SyntaxError about module-only syntax; if not, it is
/// left pending.
fn module_syntax_error(ctx: Context) -> bool {
    let exc = ctx.take_exception();
    let e = crate::engine::JsError::from_value(&exc);
    let module_only = e.name == "SyntaxError" && (e.message.contains("import") || e.message.contains("export"));
    if !module_only {
        ctx.throw(exc);
    }
    module_only
}

/// Parses and compiles without running: a module value, or the bytecode of the CommonJS
/// wrapper script.
pub fn compile_source(ctx: Context, path: &str, source: &SourceFile, kind: Kind) -> Result<Value, Throw> {
    match kind {
        Kind::Module => {
            let (ptr, len) = source.nul_terminated();
            eval_raw(ctx, ptr, len, path, ffi::JS_EVAL_TYPE_MODULE | ffi::JS_EVAL_FLAG_COMPILE_ONLY)
        }
        Kind::CommonJs | Kind::Script => {
            let wrapped = cjs::wrap(source.bytes());
            eval_raw(
                ctx,
                wrapped.as_ptr(),
                wrapped.len() - 1,
                path,
                ffi::JS_EVAL_TYPE_GLOBAL | ffi::JS_EVAL_FLAG_COMPILE_ONLY,
            )
        }
    }
}

fn eval_raw(ctx: Context, ptr: *const u8, len: usize, filename: &str, flags: u32) -> Result<Value, Throw> {
    let name = std::ffi::CString::new(filename.replace('\0', "")).unwrap_or_default();
    // SAFETY: callers pass `len` readable bytes at `ptr` followed by a readable NUL (what
    // JS_Eval requires): SourceFile::nul_terminated or a wrapped buffer ending in 0.
    unsafe { Value::checked(ctx, ffi::JS_Eval(ctx.raw(), ptr as *const _, len, name.as_ptr(), flags as i32)) }
}

/// A compiled value read or parsed, turned into something runnable: CommonJS wrapper
/// scripts are evaluated to yield their function (which runs nothing yet).
fn finish(ctx: Context, kind: Kind, compiled: Value) -> Result<Compiled, Throw> {
    match kind {
        Kind::Module => Ok(Compiled::Module(compiled)),
        Kind::CommonJs | Kind::Script => Ok(Compiled::CommonJs(ctx.eval_function(compiled)?)),
    }
}

/// Absolute canonical form of a path (symlinks resolved), falling back to the input.
pub fn canonical(path: &str) -> String {
    std::fs::canonicalize(path).map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| path.to_string())
}

/// Runs the program's main file (`path` absolute): a `.jsc` bytecode file, an ES module, or
/// a CommonJS script. Errors are reported; Err means the program failed to start or threw.
pub fn run_main(host: &Host, path: &str, source: SourceFile) -> Result<(), ()> {
    let result = if path.ends_with(".jsc") {
        match run_bytecode_main(host, path, &source) {
            Ok(r) => r,
            Err(msg) => {
                crate::builtins::write_fd(2, format!("protojs: cannot run '{path}': {msg}\n").as_bytes());
                host.failed.set(true);
                return Err(());
            }
        }
    } else {
        let path = canonical(path);
        compile_file(host, &path, &source).and_then(|c| run_compiled(host, &path, c, Some(source.bytes())))
    };
    result.map_err(|Throw| host.report_pending_exception())
}

fn run_compiled(host: &Host, path: &str, compiled: Compiled, source: Option<&[u8]>) -> Result<(), Throw> {
    match compiled {
        Compiled::Module(m) => {
            esm::set_import_meta(host.ctx, &m, path)?;
            esm::resolve_module(host.ctx, &m)?;
            host.ctx.eval_function(m).map(drop)
        }
        Compiled::CommonJs(f) => cjs::run_main(host, f, path, source),
    }
}

/// `protojs app.jsc`: validate, read, and run as the kind the header says. The outer Err
/// is a refusal (the message says why); nothing was read or run.
fn run_bytecode_main(host: &Host, path: &str, source: &SourceFile) -> Result<Result<(), Throw>, String> {
    let (header, value) = match compile::read_image(host.ctx, source.bytes()) {
        Ok(r) => r,
        Err(compile::LoadError::Format(e)) => return Err(e.to_string()),
        Err(compile::LoadError::Js(t)) => return Ok(Err(t)),
    };
    let real = canonical(path);
    host.loader.alias(&header.origin, &real);
    Ok(finish(host.ctx, header.kind, value).and_then(|c| run_compiled(host, &real, c, None)))
}

/// `protojs compile SRC -o OUT`: compiles SRC (module or CommonJS, as `protojs SRC` would
/// run it) and writes a `.jsc` file. Static imports are resolved (and must exist) but not
/// run. Returns the exit code.
pub fn compile_to_file(host: &Host, src: &str, out: &Path) -> i32 {
    let source = match SourceFile::open(Path::new(src)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("protojs: cannot open '{src}': {}", crate::run::io_reason(&e, Path::new(src)));
            return 1;
        }
    };
    let path = canonical(src);
    let kind = kind_of(&path, &source);
    let compiled = match compile_source(host.ctx, &path, &source, kind) {
        Ok(c) => c,
        Err(Throw) => {
            host.report_pending_exception();
            return 1;
        }
    };
    let payload = match compile::write_bytecode(host.ctx, &compiled) {
        Ok(p) => p,
        Err(Throw) => {
            host.report_pending_exception();
            return 1;
        }
    };
    let header = compile::Header { kind, origin: path, source_size: 0, source_mtime_ns: 0, source_ctime_ns: 0 };
    if let Err(e) = compile::write_atomic(out, &compile::format::encode(&header, &payload)) {
        eprintln!("protojs: cannot write '{}': {e}", out.display());
        return 1;
    }
    0
}

/// Makes `require`, `module`, `exports`, `__filename` and `__dirname` globals for code run
/// with `-e`/`-p` or from standard input, as Node does (relative to the working directory).
/// Only when the code mentions one of them, so `-e 0` pays nothing.
pub fn define_eval_globals(host: &Host, name: &str, code: &[u8]) -> Result<(), Throw> {
    let text = String::from_utf8_lossy(code);
    let mentioned = ["require", "module", "exports", "__filename", "__dirname"].iter().any(|w| text.contains(w));
    if !mentioned {
        return Ok(());
    }
    let f = host.module(crate::builtins::builtin_module_name("cjs").expect("cjs module"))?.get("defineEvalGlobals")?;
    f.call(&Value::undefined(host.ctx), &[host.ctx.new_string(name)]).map(drop)
}
