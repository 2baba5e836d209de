//! The safe layer over QuickJS: RAII owners for runtimes, contexts, values and atoms, and
//! the conversion of JS exceptions into Rust errors.
//!
//! Ownership model: a [`Value`] owns one reference to a JS value and remembers the context it
//! belongs to; dropping it frees that reference. Values are `!Send` (they hold raw pointers),
//! so they never leave the thread of their runtime. A context is freed only after every Rust
//! owner of its values is gone: the host state that stores values lives inside the context's
//! owner and is dropped first (see `host::Host`).

mod atom;
mod context;
mod error;
pub mod native;
mod runtime;
mod value;

pub use atom::Atom;
pub use context::{Context, EvalKind, OwnedContext};
pub use error::{JsError, Throw};
pub use native::{Args, NativeFn, NativeImpl};
pub use runtime::Runtime;
pub use value::{ObjectKind, Value};
