//! The built-in modules: which public names exist and where their exports come from.
//!
//! Each is an export of one of the builtin JS modules in `builtins/js/` (evaluated lazily by
//! `Host::module`), so importing `path` costs nothing until a program asks for it.

use crate::engine::{Throw, Value};
use crate::host::Host;

/// (public name, builtin JS module, export of that module).
const TABLE: &[(&str, &str, &str)] = &[
    ("buffer", "buffer", "buffer"),
    ("events", "events", "EventEmitter"),
    ("fs", "fs", "fs"),
    ("fs/promises", "fs", "promises"),
    ("module", "cjs", "Module"),
    ("os", "os", "os"),
    ("path", "path", "path"),
    ("path/posix", "path", "path"),
    ("process", "process", "process"),
    ("timers", "timers_api", "timers"),
    ("timers/promises", "timers_api", "promises"),
    ("util", "util", "util"),
    ("util/types", "util", "types"),
];

/// The canonical name (`fs`) of a builtin spelled `fs` or `node:fs`.
pub fn canonical(name: &str) -> Option<&'static str> {
    let bare = name.strip_prefix("node:").unwrap_or(name);
    TABLE.iter().find(|(n, _, _)| *n == bare).map(|(n, _, _)| *n)
}

/// Every public name, for `require('module').builtinModules`.
pub fn names() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|(n, _, _)| *n)
}

/// The exports of builtin `name` (canonical or `node:`-prefixed).
pub fn exports(host: &Host, name: &str) -> Result<Value, Throw> {
    let canonical = canonical(name).unwrap_or_else(|| panic!("not a builtin module: {name}"));
    let (_, module, export) = TABLE.iter().find(|(n, _, _)| *n == canonical).expect("in table");
    let module = crate::builtins::builtin_module_name(module).expect("builtin JS module is registered");
    host.module(module)?.get(export)
}
