//! protojs: a JavaScript runtime for the command line over QuickJS, whose headline is
//! `Deferred`: JS functions run in parallel on a pool of worker threads.
//!
//! Layers, bottom up: `ffi` (raw bindings) → `engine` (safe RAII wrappers) → `host` (one
//! context with its event loop state) + `event_loop` + `builtins` → `run` and `cli`.
pub mod builtins;
pub mod cli;
pub mod compile;
pub mod deferred;
pub mod engine;
pub mod event_loop;
pub mod ffi;
pub mod host;
pub mod id_hash;
pub mod modules;
pub mod pool;
pub mod repl;
pub mod run;
pub mod transfer;
