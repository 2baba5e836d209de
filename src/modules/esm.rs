//! The QuickJS module hooks: `normalize` turns a specifier into a module name (an absolute
//! canonical path, or `node:x` for builtins) and `load` makes the module of that name:
//!
//! - files with ES module syntax: compiled (or read from the compile cache), with
//!   `import.meta` set;
//! - JSON (`.json`, or `with { type: 'json' }`): a C module whose default export is the
//!   parsed value;
//! - CommonJS files: a C module whose default export is `module.exports` and whose named
//!   exports are the names `lexer::cjs_exports` finds; the file runs when the module is
//!   evaluated (in import order, as in Node), through `cjs.js`;
//! - builtins: a C module exporting the builtin object as default and its enumerable
//!   properties by name.
//!
//! QuickJS caches modules by name, so each file is loaded once per program.
//!
//! Every `extern "C"` hook here catches panics: none may unwind into QuickJS.

use super::resolve::{self, Mode, ResolveError, Resolved};
use super::{builtin, lexer, Compiled, SourceFile};
use crate::engine::{Atom, Context, Throw, Value};
use crate::ffi;
use crate::host::Host;
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::ptr;

pub fn install(host: &Host) {
    // SAFETY: the runtime is live. The hooks find their host through the context's opaque
    // pointer, which is valid whenever QuickJS runs code of this context (on this thread).
    unsafe {
        ffi::JS_SetModuleLoaderFunc2(
            host.runtime().raw(),
            Some(normalize_hook),
            Some(load_hook),
            Some(check_attributes_hook),
            ptr::null_mut(),
        )
    }
}

fn internal_error(ctx: Context, what: &str) {
    ctx.throw_error_of("InternalError", &format!("protojs internal error in the module loader ({what})"));
}

/// An `Error` with a `code` property, as Node's module errors have.
pub fn coded_error(ctx: Context, ctor: &str, message: &str, code: &str) -> Result<Value, Throw> {
    let e = ctx.new_error(ctor, message)?;
    e.set("code", ctx.new_string(code))?;
    Ok(e)
}

/// The directory relative specifiers of module/script `base` resolve from.
pub fn base_dir(host: &Host, base: &str) -> std::path::PathBuf {
    let real = host.loader.real_path(base);
    match Path::new(&real).parent() {
        Some(dir) if real.starts_with('/') => dir.to_path_buf(),
        _ => std::env::current_dir().unwrap_or_else(|_| "/".into()),
    }
}

/// Specifier -> module name, or a thrown ERR_MODULE_NOT_FOUND.
pub fn normalize(host: &Host, base: &str, specifier: &str) -> Result<String, Throw> {
    let ctx = host.ctx;
    match resolve::resolve(specifier, &base_dir(host, base), Mode::Import) {
        Ok(Resolved::Builtin(name)) => Ok(format!("node:{name}")),
        Ok(Resolved::File(p)) => Ok(p.to_string_lossy().into_owned()),
        Err(e) => {
            let from = host.loader.real_path(base);
            let (msg, code) = match e {
                ResolveError::NotFound => {
                    (format!("Cannot find module '{specifier}' imported from {from}"), "ERR_MODULE_NOT_FOUND")
                }
                ResolveError::PackageNotFound(name) => {
                    (format!("Cannot find package '{name}' imported from {from}"), "ERR_MODULE_NOT_FOUND")
                }
                ResolveError::InvalidUrl => (
                    format!("File URL path must be an absolute path without encoded '/': {specifier}"),
                    "ERR_INVALID_FILE_URL_PATH",
                ),
                ResolveError::NotExported { .. } => {
                    let (msg, code) = e.describe().expect("described");
                    (format!("{msg} imported from {from}"), code)
                }
                ResolveError::UnknownBuiltin(_) => e.describe().expect("described"),
            };
            Err(ctx.throw(coded_error(ctx, "Error", &msg, code)?))
        }
    }
}

unsafe extern "C" fn normalize_hook(
    ctx: *mut ffi::JSContext,
    base: *const c_char,
    name: *const c_char,
    _opaque: *mut c_void,
) -> *mut c_char {
    // SAFETY: QuickJS calls this with a live context of a protojs host.
    let cx = unsafe { Context::from_raw(ctx) };
    let run = AssertUnwindSafe(|| -> Result<*mut c_char, Throw> {
        // SAFETY: both are NUL-terminated strings owned by the caller for this call.
        let (base, name) = unsafe { (CStr::from_ptr(base).to_string_lossy(), CStr::from_ptr(name).to_string_lossy()) };
        let resolved = normalize(Host::get(cx), &base, &name)?;
        let c = CString::new(resolved).unwrap_or_default();
        // SAFETY: QuickJS frees the returned name with js_free, so it is allocated with
        // js_strdup (which throws on failure and returns null).
        let p = unsafe { ffi::js_strdup(cx.raw(), c.as_ptr()) };
        if p.is_null() {
            Err(Throw)
        } else {
            Ok(p)
        }
    });
    match catch_unwind(run) {
        Ok(Ok(p)) => p,
        Ok(Err(Throw)) => ptr::null_mut(),
        Err(_) => {
            internal_error(cx, "normalize");
            ptr::null_mut()
        }
    }
}

unsafe extern "C" fn check_attributes_hook(
    ctx: *mut ffi::JSContext,
    _opaque: *mut c_void,
    attributes: ffi::JSValue,
) -> c_int {
    // SAFETY: live context; `attributes` is borrowed for this call.
    let cx = unsafe { Context::from_raw(ctx) };
    let run = AssertUnwindSafe(|| -> Result<(), Throw> {
        // SAFETY: as above; dup gives us our own reference.
        let attrs = unsafe { Value::dup_raw(cx, attributes) };
        if !attrs.is_object() {
            return Ok(());
        }
        for key in crate::builtins::own_property_names(cx, &attrs)? {
            if key == "type" {
                // checked here, not in `load`, so that it applies to cached modules too
                let t = attrs.get("type")?.to_string()?;
                if t != "json" {
                    let msg = format!("Import attribute type \"{t}\" is unsupported");
                    return Err(cx.throw(coded_error(cx, "TypeError", &msg, "ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED")?));
                }
            } else {
                let value = attrs.get(&key)?.to_string_lossy();
                let msg = format!("Import attribute \"{key}\" with value \"{value}\" is not supported");
                return Err(cx.throw(coded_error(cx, "TypeError", &msg, "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED")?));
            }
        }
        Ok(())
    });
    match catch_unwind(run) {
        Ok(Ok(())) => 0,
        Ok(Err(Throw)) => -1,
        Err(_) => {
            internal_error(cx, "import attributes");
            -1
        }
    }
}

unsafe extern "C" fn load_hook(
    ctx: *mut ffi::JSContext,
    name: *const c_char,
    _opaque: *mut c_void,
    attributes: ffi::JSValue,
) -> *mut ffi::JSModuleDef {
    // SAFETY: live context of a protojs host.
    let cx = unsafe { Context::from_raw(ctx) };
    let run = AssertUnwindSafe(|| {
        // SAFETY: NUL-terminated name and borrowed attributes, valid for this call.
        let (name, attrs) =
            unsafe { (CStr::from_ptr(name).to_string_lossy().into_owned(), Value::dup_raw(cx, attributes)) };
        load(Host::get(cx), &name, &attrs)
    });
    match catch_unwind(run) {
        Ok(Ok(m)) => m,
        Ok(Err(Throw)) => ptr::null_mut(),
        Err(_) => {
            internal_error(cx, "load");
            ptr::null_mut()
        }
    }
}

fn load(host: &Host, name: &str, attrs: &Value) -> Result<*mut ffi::JSModuleDef, Throw> {
    let ctx = host.ctx;
    if let Some(b) = name.strip_prefix("node:") {
        let exports = builtin::exports(host, b)?;
        let names = enumerable_keys(ctx, &exports)?;
        return new_c_module(ctx, name, "builtin", vec![exports], &names);
    }
    // `type` is "json" or absent (check_attributes_hook refuses anything else)
    let json = name.ends_with(".json") || (attrs.is_object() && !attrs.get("type")?.is_undefined());
    let source = SourceFile::open(Path::new(name)).map_err(|e| {
        let msg = format!("Cannot load module '{name}': {}", crate::run::io_reason(&e, Path::new(name)));
        match coded_error(ctx, "Error", &msg, "ERR_MODULE_NOT_FOUND") {
            Ok(err) => ctx.throw(err),
            Err(t) => t,
        }
    })?;
    if json {
        let value = parse_json(ctx, name, &source)?;
        return new_c_module(ctx, name, "json", vec![value], &[]);
    }
    match super::compile_file(host, name, &source)? {
        Compiled::Module(m) => {
            set_import_meta(ctx, &m, &host.loader.real_path(name))?;
            let def = module_def(&m);
            // The module list keeps the module alive; our value was an extra reference.
            drop(m);
            Ok(def)
        }
        Compiled::CommonJs(wrapper) => {
            let names = lexer::cjs_exports(&source.text());
            new_c_module(ctx, name, "cjs", vec![ctx.new_string(name), wrapper], &names)
        }
    }
}

/// `Object.keys(obj)` (own enumerable string keys) without `default`.
fn enumerable_keys(ctx: Context, obj: &Value) -> Result<Vec<String>, Throw> {
    let mut tab: *mut ffi::JSPropertyEnum = ptr::null_mut();
    let mut len: u32 = 0;
    let flags = (ffi::JS_GPN_STRING_MASK | ffi::JS_GPN_ENUM_ONLY) as i32;
    // SAFETY: live context; on success `tab` holds `len` entries, freed below.
    if unsafe { ffi::JS_GetOwnPropertyNames(ctx.raw(), &mut tab, &mut len, obj.raw(), flags) } < 0 {
        return Err(Throw);
    }
    let mut out = Vec::with_capacity(len as usize);
    for i in 0..len as usize {
        // SAFETY: i < len; the atom is borrowed from the table, dup'd for the Atom we own.
        let name = unsafe { Atom::from_raw(ctx, ffi::JS_DupAtom(ctx.raw(), (*tab.add(i)).atom)) }.to_string_lossy();
        if name != "default" {
            out.push(name);
        }
    }
    // SAFETY: frees the table and its atoms exactly once.
    unsafe { ffi::JS_FreePropertyEnum(ctx.raw(), tab, len) };
    Ok(out)
}

fn parse_json(ctx: Context, name: &str, source: &SourceFile) -> Result<Value, Throw> {
    let (ptr, len) = source.nul_terminated();
    let cname = CString::new(name).unwrap_or_default();
    // SAFETY: `len` readable bytes at ptr followed by a NUL (SourceFile's contract).
    unsafe { Value::checked(ctx, ffi::JS_ParseJSON(ctx.raw(), ptr as *const c_char, len, cname.as_ptr())) }
}

/// The JSModuleDef of a module value.
pub fn module_def(m: &Value) -> *mut ffi::JSModuleDef {
    assert_eq!(m.tag(), ffi::JS_TAG_MODULE, "not a module value");
    // SAFETY: a JS_TAG_MODULE value's payload is its JSModuleDef pointer.
    unsafe { m.raw().u.ptr as *mut ffi::JSModuleDef }
}

/// Loads the dependencies of a module read from bytecode (a no-op for parsed modules,
/// whose dependencies were loaded while compiling).
pub fn resolve_module(ctx: Context, m: &Value) -> Result<(), Throw> {
    // SAFETY: ctx live; m is a module value of ctx.
    if unsafe { ffi::JS_ResolveModule(ctx.raw(), m.raw()) } < 0 {
        Err(Throw)
    } else {
        Ok(())
    }
}

/// A C module named `name` exporting `default` and `names`; `data` is kept as its private
/// value (`[kind, ...data]`) for the init hook, which runs when the module is evaluated.
fn new_c_module(
    ctx: Context,
    name: &str,
    kind: &str,
    data: Vec<Value>,
    names: &[String],
) -> Result<*mut ffi::JSModuleDef, Throw> {
    let cname = CString::new(name).unwrap_or_default();
    // SAFETY: ctx live; returns null with an exception on failure.
    let m = unsafe { ffi::JS_NewCModule(ctx.raw(), cname.as_ptr(), Some(c_module_init)) };
    if m.is_null() {
        return Err(Throw);
    }
    let mut exports = vec!["default".to_string()];
    exports.extend(names.iter().filter(|n| *n != "default").cloned());
    for e in &exports {
        let ce = CString::new(e.as_str()).unwrap_or_default();
        // SAFETY: m was just created and is not instantiated yet.
        if unsafe { ffi::JS_AddModuleExport(ctx.raw(), m, ce.as_ptr()) } < 0 {
            return Err(Throw);
        }
    }
    let names_arr = ctx.new_array_from(exports.iter().map(|e| ctx.new_string(e)).collect())?;
    let mut items = vec![ctx.new_string(kind), names_arr];
    items.extend(data);
    let private = ctx.new_array_from(items)?;
    // SAFETY: takes ownership of the private value.
    unsafe { ffi::JS_SetModulePrivateValue(ctx.raw(), m, private.into_raw()) };
    Ok(m)
}

unsafe extern "C" fn c_module_init(ctx: *mut ffi::JSContext, m: *mut ffi::JSModuleDef) -> c_int {
    // SAFETY: QuickJS calls this with a live context while evaluating module m.
    let cx = unsafe { Context::from_raw(ctx) };
    match catch_unwind(AssertUnwindSafe(|| init_c_module(cx, m))) {
        Ok(Ok(())) => 0,
        Ok(Err(Throw)) => -1,
        Err(_) => {
            internal_error(cx, "module init");
            -1
        }
    }
}

fn init_c_module(ctx: Context, m: *mut ffi::JSModuleDef) -> Result<(), Throw> {
    // SAFETY: m is the module being evaluated; returns a new reference to its private value.
    let private = unsafe { Value::from_raw(ctx, ffi::JS_GetModulePrivateValue(ctx.raw(), m)) };
    // SAFETY: the data is not needed after evaluation; releasing it frees the CommonJS
    // wrapper function. Setting takes ownership of the (non-counted) undefined value.
    unsafe { ffi::JS_SetModulePrivateValue(ctx.raw(), m, ffi::pj_undefined()) };
    let kind = private.get_index(0)?.to_string()?;
    let names = private.get_index(1)?;
    let default = match kind.as_str() {
        "cjs" => super::cjs::import_exports(Host::get(ctx), &private.get_index(2)?, &private.get_index(3)?)?,
        _ => private.get_index(2)?,
    };
    let n = names.get("length")?.to_f64()? as u32;
    for i in 0..n {
        let name = names.get_index(i)?.to_string()?;
        let value = if name == "default" { default.clone() } else { default.get(&name)? };
        let cname = CString::new(name).unwrap_or_default();
        // SAFETY: the export was declared when the module was created; takes ownership of
        // value. Fails only for an undeclared name (excluded by construction).
        if unsafe { ffi::JS_SetModuleExport(ctx.raw(), m, cname.as_ptr(), value.into_raw()) } < 0 {
            return Err(ctx.throw_error_of("InternalError", "cannot set a module export"));
        }
    }
    Ok(())
}

/// Sets `import.meta.{dirname, filename, resolve, url}` of module value `m` loaded from
/// `path`.
pub fn set_import_meta(ctx: Context, m: &Value, path: &str) -> Result<(), Throw> {
    // SAFETY: live context; module_def checked the tag; returns a new reference.
    let meta = unsafe { Value::checked(ctx, ffi::JS_GetImportMeta(ctx.raw(), module_def(m))) }?;
    let dir = Path::new(path).parent().map(|d| d.to_string_lossy().into_owned()).unwrap_or_else(|| "/".into());
    meta.set("dirname", ctx.new_string(&dir))?;
    meta.set("filename", ctx.new_string(path))?;
    let mut data = [ctx.new_string(path).into_raw()];
    // SAFETY: live context; JS_NewCFunctionData dups `data`, so we free our reference after.
    let resolve = unsafe {
        let f = ffi::JS_NewCFunctionData(ctx.raw(), Some(meta_resolve), 1, 0, 1, data.as_mut_ptr());
        ffi::pj_free_value(ctx.raw(), data[0]);
        Value::checked(ctx, f)?
    };
    meta.set("resolve", resolve)?;
    meta.set("url", ctx.new_string(&resolve::path_to_file_url(path)))?;
    Ok(())
}

/// `import.meta.resolve(specifier)`: the URL (`file://...` or `node:x`) an import of
/// `specifier` from this module would load.
unsafe extern "C" fn meta_resolve(
    ctx: *mut ffi::JSContext,
    _this: ffi::JSValue,
    argc: c_int,
    argv: *mut ffi::JSValue,
    _magic: c_int,
    data: *mut ffi::JSValue,
) -> ffi::JSValue {
    // SAFETY: called by QuickJS with a live context, argc arguments and our one data value.
    let cx = unsafe { Context::from_raw(ctx) };
    let run = AssertUnwindSafe(|| -> Result<Value, Throw> {
        // SAFETY: as above; both values are borrowed, dup makes them ours.
        let (spec, base) = unsafe {
            let spec = if argc > 0 { Value::dup_raw(cx, *argv) } else { Value::undefined(cx) };
            (spec, Value::dup_raw(cx, *data))
        };
        let resolved = normalize(Host::get(cx), &base.to_string()?, &spec.to_string()?)?;
        let url = if resolved.starts_with("node:") { resolved } else { resolve::path_to_file_url(&resolved) };
        Ok(cx.new_string(&url))
    });
    match catch_unwind(run) {
        Ok(Ok(v)) => v.into_raw(),
        // SAFETY: an exception is pending.
        Ok(Err(Throw)) => unsafe { ffi::pj_exception() },
        Err(_) => {
            internal_error(cx, "import.meta.resolve");
            // SAFETY: as above.
            unsafe { ffi::pj_exception() }
        }
    }
}
