//! How an uncaught error looks to a user (Node's shape): the source line where it was thrown
//! with a caret, a blank line, then the error as `console.error` prints it.

use super::Host;
use crate::engine::{JsError, Value};
use std::cell::RefCell;
use std::collections::HashMap;

/// Sources of the files the program loaded, for showing the line of an error.
#[derive(Default)]
pub struct SourceCache {
    files: RefCell<HashMap<String, String>>,
}

impl SourceCache {
    pub fn insert(&self, filename: &str, source: &[u8]) {
        self.files.borrow_mut().insert(filename.to_string(), String::from_utf8_lossy(source).into_owned());
    }

    /// Line `line` (1-based) of `file`, from the cache or the disk.
    pub fn line(&self, file: &str, line: usize) -> Option<String> {
        if let Some(src) = self.files.borrow().get(file) {
            return src.lines().nth(line.checked_sub(1)?).map(str::to_string);
        }
        let src = std::fs::read_to_string(file).ok()?;
        src.lines().nth(line.checked_sub(1)?).map(str::to_string)
    }
}

/// `file:line:col` of the first frame of a QuickJS stack that points into user code.
pub fn first_location(stack: &str) -> Option<(String, usize, usize)> {
    for frame in stack.lines() {
        let frame = frame.trim();
        let Some(rest) = frame.strip_prefix("at ") else { continue };
        let loc = match (rest.rfind('('), rest.ends_with(')')) {
            (Some(i), true) => &rest[i + 1..rest.len() - 1],
            _ => rest,
        };
        let mut parts = loc.rsplitn(3, ':');
        let (Some(col), Some(line), Some(file)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let (Ok(line), Ok(col)) = (line.parse::<usize>(), col.parse::<usize>()) else { continue };
        if file.starts_with("protojs:") || file == "native" {
            continue;
        }
        return Some((file.to_string(), line, col));
    }
    None
}

/// Renders a thrown value the way `console.error` would, falling back to plain text when
/// the inspector itself fails.
pub fn print_error(host: &Host, v: &Value) -> String {
    let via_inspect = host.module("inspect").and_then(|m| m.get("inspect")).and_then(|inspect| {
        inspect.call(&Value::undefined(host.ctx), std::slice::from_ref(v))?.to_string()
    });
    match via_inspect {
        Ok(s) => s,
        Err(_) => {
            drop(host.ctx.take_exception());
            JsError::from_value(v).to_string()
        }
    }
}

pub(super) fn report_uncaught(host: &Host, exc: &Value, rejection: bool) {
    let err = JsError::from_value(exc);
    let mut out = String::new();
    if let Some((file, line, col)) = first_location(&err.stack) {
        if let Some(text) = host.sources.line(&file, line) {
            out.push_str(&format!("{file}:{line}\n{text}\n{}^\n\n", " ".repeat(col.saturating_sub(1))));
        }
    }
    if rejection && !err.is_error {
        // Node quotes the reason itself: a string appears raw, anything else inspected.
        let shown = if exc.is_string() { exc.to_string_lossy() } else { print_error(host, exc) };
        out.push_str(&format!(
            "[UnhandledPromiseRejection: This error originated either by throwing inside of an async \
             function without a catch block, or by rejecting a promise which was not handled with \
             .catch(). The promise rejected with the reason \"{shown}\".] {{\n  code: 'ERR_UNHANDLED_REJECTION'\n}}"
        ));
    } else if !err.is_error {
        out.push_str(&format!("Uncaught {}", print_error(host, exc)));
    } else {
        out.push_str(&print_error(host, exc));
    }
    out.push('\n');
    crate::builtins::write_fd(2, out.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::first_location;

    #[test]
    fn finds_first_user_frame() {
        let stack = "    at setTimeout (native)\n    at f (protojs:console:3:1)\n    at g (/x/a.js:12:5)\n";
        assert_eq!(first_location(stack), Some(("/x/a.js".into(), 12, 5)));
        assert_eq!(first_location("    at /x/b.js:3:9\n"), Some(("/x/b.js".into(), 3, 9)));
        assert_eq!(first_location(""), None);
    }
}
