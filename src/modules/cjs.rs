//! CommonJS: the wrapper each file is compiled in, and the natives behind `cjs.js` (which
//! implements Node's `Module`, `require`, `require.cache` and its errors in JS).
//!
//! The wrapper is Node's, kept on the file's first line so that line numbers in stack
//! traces are the file's own:
//!
//! ```js
//! (function (exports, require, module, __filename, __dirname) { <file text>
//! })
//! ```

use super::resolve::{self, Mode, Resolved};
use super::{builtin, Compiled, SourceFile};
use crate::engine::{Args, Context, Throw, Value};
use crate::host::Host;
use std::path::Path;

const PREFIX: &[u8] = b"(function (exports, require, module, __filename, __dirname) { ";
const SUFFIX: &[u8] = b"\n})";

/// The wrapped source, NUL-terminated (one exact-size allocation). A `#!` line is kept as a
/// comment so that it neither breaks the function nor shifts lines.
pub fn wrap(source: &[u8]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(PREFIX.len() + source.len() + SUFFIX.len() + 1);
    buf.extend_from_slice(PREFIX);
    if source.starts_with(b"#!") {
        buf.extend_from_slice(b"//");
        buf.extend_from_slice(&source[2..]);
    } else {
        buf.extend_from_slice(source);
    }
    buf.extend_from_slice(SUFFIX);
    buf.push(0);
    buf
}

fn cjs_module(host: &Host) -> Result<Value, Throw> {
    host.module(crate::builtins::builtin_module_name("cjs").expect("cjs is a builtin JS module"))
}

/// Runs the main program's wrapper function as module `.` (`require.main`). `source` is
/// the file's text when known: if it never names `require`, `module`, `exports`,
/// `__filename` or `__dirname` (nor `arguments`/`eval`), nothing can observe them, so the
/// wrapper is called with bare stand-ins and `cjs.js` is not loaded at all.
pub fn run_main(host: &Host, wrapper: Value, filename: &str, source: Option<&[u8]>) -> Result<(), Throw> {
    let ctx = host.ctx;
    if source.is_some_and(|s| !super::lexer::mentions_cjs_names(s)) {
        let exports = ctx.new_object();
        let module = ctx.new_object();
        module.set("exports", exports.clone())?;
        let dir = Path::new(filename).parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_else(|| "/".into());
        let args = [exports.clone(), Value::undefined(ctx), module, ctx.new_string(filename), ctx.new_string(&dir)];
        return wrapper.call(&exports, &args).map(drop);
    }
    let run = cjs_module(host)?.get("runMain")?;
    run.call(&Value::undefined(ctx), &[wrapper, ctx.new_string(filename)]).map(drop)
}

/// `module.exports` of a CommonJS file imported by an ES module, running it (with the
/// wrapper compiled at load time) unless `require` already did.
pub fn import_exports(host: &Host, filename: &Value, wrapper: &Value) -> Result<Value, Throw> {
    let import = cjs_module(host)?.get("importCjs")?;
    import.call(&Value::undefined(host.ctx), &[filename.clone(), wrapper.clone()])
}

/// cjsResolve(request, fromDir) -> absolute file path, `node:name` for a builtin, or
/// undefined when nothing matches (cjs.js builds Node's MODULE_NOT_FOUND error).
pub fn native_resolve(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let request = args.string(0)?;
    let from = args.string(1)?;
    match resolve::resolve(&request, Path::new(&from), Mode::Require) {
        Ok(Resolved::Builtin(name)) => Ok(ctx.new_string(&format!("node:{name}"))),
        Ok(Resolved::File(p)) => Ok(ctx.new_string(&p.to_string_lossy())),
        Err(e) => match e.describe() {
            Some((msg, code)) => Err(ctx.throw(super::esm::coded_error(ctx, "Error", &msg, code)?)),
            None => Ok(Value::undefined(ctx)),
        },
    }
}

/// cjsCompile(filename, parentFilename) -> the file's wrapper function (compile cache or
/// source). An ES module cannot be required: ERR_REQUIRE_ESM, as Node 20 says it.
pub fn native_compile(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    let filename = args.string(0)?;
    let parent = args.get(1);
    let source = SourceFile::open(Path::new(&filename)).map_err(|e| {
        ctx.throw_error_of(
            "Error",
            &format!("Cannot read '{filename}': {}", crate::run::io_reason(&e, Path::new(&filename))),
        )
    })?;
    match super::compile_file(host, &filename, &source)? {
        Compiled::CommonJs(f) => Ok(f),
        Compiled::Module(_) => {
            let from = if parent.is_string() { parent.to_string()? } else { "the main program".into() };
            let msg = format!(
                "require() of ES Module {filename} from {from} not supported.\nInstead change the require of {filename} \
                 to a dynamic import() which is available in all CommonJS modules."
            );
            Err(ctx.throw(super::esm::coded_error(ctx, "Error", &msg, "ERR_REQUIRE_ESM")?))
        }
    }
}

/// builtinModule(name) -> exports of a builtin module (`fs`, `node:fs`).
pub fn native_builtin(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let name = args.string(0)?;
    if builtin::canonical(&name).is_none() {
        return Err(ctx.throw_type_error(&format!("no builtin module '{name}'")));
    }
    builtin::exports(Host::get(ctx), &name)
}

/// builtinNames() -> the public names of the builtin modules.
pub fn native_builtin_names(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    ctx.new_array_from(builtin::names().map(|n| ctx.new_string(n)).collect())
}

/// readSource(filename) -> the file's text (for `.json` files).
pub fn native_read_text(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let filename = args.string(0)?;
    let source = SourceFile::open(Path::new(&filename)).map_err(|e| {
        ctx.throw_error_of(
            "Error",
            &format!("Cannot read '{filename}': {}", crate::run::io_reason(&e, Path::new(&filename))),
        )
    })?;
    Ok(ctx.new_string(&source.text()))
}
