use super::Value;
use std::fmt;

/// Marker: a JS exception is pending in the context. Take it with
/// `Context::take_exception` or let it propagate back into JS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throw;

/// A JS exception turned into Rust data, for reporting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsError {
    /// `name` of the error (`TypeError`, ...); empty when the thrown value was not an object.
    pub name: String,
    pub message: String,
    /// QuickJS's `stack`: lines of `    at fn (file:line:col)`; may be empty.
    pub stack: String,
    /// Whether the thrown value was an Error-like object (else `message` is its string).
    pub is_error: bool,
}

impl JsError {
    pub fn from_value(v: &Value) -> JsError {
        let prop = |k: &str| -> String {
            match v.get(k) {
                Ok(p) if !p.is_undefined() => p.to_string_lossy(),
                Ok(_) => String::new(),
                Err(_) => {
                    drop(v.context().take_exception());
                    String::new()
                }
            }
        };
        if v.is_object() && (v.is_error() || v.get("message").map(|m| !m.is_undefined()).unwrap_or(false)) {
            JsError { name: prop("name"), message: prop("message"), stack: prop("stack"), is_error: true }
        } else {
            JsError { name: String::new(), message: v.to_string_lossy(), stack: String::new(), is_error: false }
        }
    }
}

impl fmt::Display for JsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_error {
            return write!(f, "{}", self.message);
        }
        if self.message.is_empty() {
            write!(f, "{}", self.name)?;
        } else {
            write!(f, "{}: {}", self.name, self.message)?;
        }
        if !self.stack.is_empty() {
            write!(f, "\n{}", self.stack.trim_end())?;
        }
        Ok(())
    }
}

impl std::error::Error for JsError {}
