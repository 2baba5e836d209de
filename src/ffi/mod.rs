//! Raw bindings to QuickJS and to our C helpers. The only module that names C symbols.
#[allow(clippy::all)]
mod bindings;
pub use bindings::*;
