//! The main thread's side of Deferred: compile, encode, submit, and settle on completion.

use super::cancel::CancelBoard;
use super::gc_credit::GcCredit;
use super::runner::ClientLink;
use super::slots::{Slots, TaskKey};
use super::task::Limits;
use super::{Completion, Completions, Outcome, Task, TaskRunner};
use crate::engine::{Context, Throw, Value};
use crate::host::Host;
use crate::id_hash::IdMap;
use crate::pool::{Pool, PoolConfig};
use crate::transfer::{self, Bytes, FunctionCode};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;


/// Functions compiled recently, keyed by their compiled code (shared by every closure of
/// one function literal, so a fresh arrow per task is compiled once).
const CODE_CACHE_SIZE: usize = 64;

struct CachedCode {
    /// A closure of the literal: keeps its code (and so the key) alive.
    _function: Value,
    captures: transfer::function::Captures,
    code: Arc<FunctionCode>,
}

/// What the main thread keeps of an unsettled Deferred.
struct Pending {
    /// The Deferred: a promise settled directly (it has no resolving functions).
    promise: Value,
    on_progress: Option<Value>,
}

/// Largest completion batch vector kept for reuse (in completions).
const BATCH_CAPACITY_KEPT: usize = 1024;

/// Options of `Deferred.spawn`, validated by js/deferred.js.
#[derive(Default)]
pub struct SpawnOptions {
    pub timeout: Option<std::time::Duration>,
    pub memory_limit: Option<usize>,
    pub on_progress: Option<Value>,
}

#[derive(Default)]
struct Counts {
    completed: Cell<u64>,
    failed: Cell<u64>,
    cancelled: Cell<u64>,
}

pub struct Client {
    /// What the workers share with this client: the completion queue, the cancel board and
    /// the shutdown flag.
    link: ClientLink,
    /// The vector the last batch of completions was drained from, kept for its capacity.
    batch: RefCell<Vec<Completion>>,
    pool: RefCell<Option<Pool<Task>>>,
    pending: RefCell<Slots<Pending>>,
    codes: RefCell<IdMap<usize, CachedCode>>,
    /// A constructor and its fixed prototype (see `prototype_for`).
    prototype: RefCell<Option<(Value, Value)>>,
    counts: Counts,
    gc_credit: GcCredit,
}

impl Client {
    fn new(host: &Host) -> Client {
        Client {
            link: ClientLink {
                completions: Arc::new(Completions::new(host.inbox.clone(), Client::drain)),
                shutdown: Arc::new(AtomicBool::new(false)),
                board: Arc::new(CancelBoard::new(host.config.pool_size())),
            },
            batch: RefCell::default(),
            pool: RefCell::new(None),
            pending: RefCell::default(),
            codes: RefCell::default(),
            prototype: RefCell::default(),
            counts: Counts::default(),
            gc_credit: GcCredit::default(),
        }
    }

    /// The client of the main host, created on first use.
    pub fn of(host: &Host) -> Rc<Client> {
        if let Some(c) = host.extension.borrow().as_ref().and_then(|e| e.clone().downcast::<Client>().ok()) {
            return c;
        }
        let c = Rc::new(Client::new(host));
        *host.extension.borrow_mut() = Some(c.clone());
        c
    }

    /// `new_target.prototype` when it is known never to change (`Deferred`'s is fixed),
    /// remembered for the last constructor seen; undefined otherwise (then the Deferred is
    /// made reading the property, as any constructor does).
    fn prototype_for(&self, ctx: Context, new_target: &Value) -> Value {
        let mut cached = self.prototype.borrow_mut();
        match &*cached {
            Some((ctor, proto)) if ctor.identity() == new_target.identity() => proto.clone(),
            _ => match ctx.fixed_prototype(new_target) {
                Some(proto) => {
                    *cached = Some((new_target.clone(), proto.clone()));
                    proto
                }
                None => Value::undefined(ctx),
            },
        }
    }

    /// The compiled code for `f` with its current captures.
    fn code_for(&self, host: &Host, f: &Value, caps: transfer::function::Captures) -> Result<(Arc<FunctionCode>, transfer::function::Captures), Throw> {
        let key = transfer::function::code_id(f);
        if let Some(hit) = self.codes.borrow().get(&key) {
            if hit.captures.same_shape(&caps) {
                return Ok((hit.code.clone(), caps));
            }
        }
        let code = Arc::new(transfer::compile_function(host, f, &caps)?);
        let mut codes = self.codes.borrow_mut();
        if codes.len() >= CODE_CACHE_SIZE {
            codes.clear();
        }
        codes.insert(key, CachedCode { _function: f.clone(), captures: caps.shape(host.ctx), code: code.clone() });
        Ok((code, caps))
    }

    /// Encodes `[captured values, args]`. When that fails, each piece is checked alone so
    /// the TypeError names the argument or captured variable at fault.
    fn encode_payload(&self, host: &Host, caps: &transfer::function::Captures, args: &[Value]) -> Result<Bytes, Throw> {
        let ctx = host.ctx;
        let cap_list: Vec<Value> = caps.params.iter().map(|(_, v)| v.clone()).collect();
        if let Some(bytes) = transfer::encode_primitive_lists(&cap_list, args) {
            return Ok(bytes);
        }
        let cap_values = ctx.new_array_from(cap_list)?;
        let payload = ctx.new_array_from(vec![cap_values, ctx.new_array_from(args.to_vec())?])?;
        if let Some(bytes) = transfer::encode_fast(ctx, &payload) {
            return Ok(bytes);
        }
        // The envelope; only when that fails too is each piece looked at, to name the one
        // at fault (unless the failure is process.exit or an interrupt unwinding).
        match transfer::encode_envelope(host, &payload, "the task's arguments") {
            Ok(bytes) => return Ok(bytes),
            Err(t) if ctx.exception_is_uncatchable() => return Err(t),
            Err(_) => drop(ctx.take_exception()),
        }
        for (name, v) in &caps.params {
            if transfer::encode(host, v, &format!("captured variable '{name}'")).is_err() {
                let exc = ctx.take_exception();
                let why = crate::engine::JsError::from_value(&exc);
                if !why.message.contains("functions cannot be cloned") {
                    return Err(ctx.throw(exc));
                }
                // Usually a module or an object with methods: say how to get it in the task.
                return Err(ctx.throw_type_error(&format!(
                    "{}. Values are copied into a task; an object with methods (a module, a class \
                     instance with behaviour) cannot be. Load modules inside the task instead: \
                     require('x') or await import('x')",
                    why.message
                )));
            }
        }
        for (i, v) in args.iter().enumerate() {
            transfer::encode(host, v, &format!("argument {}", i + 1))?;
        }
        transfer::encode(host, &payload, "the task's arguments")
    }

    /// `new Deferred(fn, ...args)`: queues the call and returns its Deferred, whose
    /// prototype is `new_target.prototype`.
    pub fn submit(
        &self,
        host: &Host,
        f: &Value,
        args: &[Value],
        new_target: &Value,
        options: SpawnOptions,
    ) -> Result<Value, Throw> {
        let ctx = host.ctx;
        let caps = transfer::function::captures(host, f)?;
        let (code, caps) = self.code_for(host, f, caps)?;
        let payload = self.encode_payload(host, &caps, args)?;
        let limits = Limits { timeout: options.timeout, memory_limit: options.memory_limit, wants_progress: options.on_progress.is_some() };
        // The slot is taken before the promise exists (creating it reads
        // `new_target.prototype`, which may run JS that submits too) and filled after.
        let pending = Pending { promise: Value::undefined(ctx), on_progress: options.on_progress };
        let key = self.pending.borrow_mut().insert(pending);
        let proto = self.prototype_for(ctx, new_target);
        let promise = match ctx.new_deferred(new_target, &proto, host.deferred_slot_name(), key.slot) {
            Ok(p) => p,
            Err(e) => {
                self.pending.borrow_mut().remove(key);
                return Err(e);
            }
        };
        if let Some(p) = self.pending.borrow_mut().get_mut(key) {
            p.promise = promise.clone();
        }
        host.refs.set(host.refs.get() + 1);
        self.gc_credit.grant(host.runtime());
        let task = Task { key, code, payload, limits };
        self.pool_handle(host).submit(task);
        Ok(promise)
    }

    /// `d.cancel(reason)`: a queued task is removed, a running one interrupted; either way
    /// the Deferred rejects now with `error`. False when it already settled.
    pub fn cancel(&self, host: &Host, deferred: &Value, error: Value) -> Result<bool, Throw> {
        let Some(slot) = host.ctx.deferred_slot(deferred, host.deferred_slot_name()) else { return Ok(false) };
        let key = match self.pending.borrow().at(slot) {
            Some((key, p)) if p.promise.identity() == deferred.identity() => key,
            _ => return Ok(false),
        };
        let Some(p) = self.pending.borrow_mut().remove(key) else { return Ok(false) };
        host.refs.set(host.refs.get() - 1);
        self.gc_credit.revoke(host.runtime());
        // A running task is interrupted; a queued one is dropped unrun when a worker takes
        // it (O(1) here, where removing it from the deques would scan them).
        self.link.board.cancel(key.id);
        self.counts.cancelled.set(self.counts.cancelled.get() + 1);
        host.ctx.settle_promise(&p.promise, &error, true);
        Ok(true)
    }

    /// `Deferred.stats()`.
    pub fn stats(&self, host: &Host) -> Result<Value, Throw> {
        let ctx = host.ctx;
        let o = ctx.new_object();
        let s = self.pool.borrow().as_ref().map(|p| p.stats()).unwrap_or_default();
        // Unsettled tasks are queued or running; the pool's own running count lags behind
        // completions that already reached this thread.
        let unsettled = self.pending.borrow().len() as u64;
        // Cancelled tasks still in the queues are no longer anyone's (their ids are on the
        // board until a worker drops them).
        let queued = s.queued.saturating_sub(self.link.board.len() as u64).min(unsettled);
        let fields: [(&str, u64); 7] = [
            ("workers", host.config.pool_size() as u64),
            ("queued", queued),
            ("running", unsettled - queued),
            ("completed", self.counts.completed.get()),
            ("failed", self.counts.failed.get()),
            ("cancelled", self.counts.cancelled.get()),
            ("stolen", s.stolen),
        ];
        for (k, v) in fields {
            o.set(k, ctx.new_f64(v as f64))?;
        }
        Ok(o)
    }

    /// A `Deferred.progress(value)` from a worker: calls the task's onProgress.
    fn progress(&self, host: &Host, key: TaskKey, bytes: Bytes) {
        let cb = self.pending.borrow().get(key).and_then(|p| p.on_progress.clone());
        let Some(cb) = cb else { return };
        let result = transfer::decode(host, &bytes).and_then(|v| cb.call(&Value::undefined(host.ctx), &[v]));
        if result.is_err() {
            host.report_pending_exception();
        }
    }

    fn pool_handle(&self, host: &Host) -> std::cell::Ref<'_, Pool<Task>> {
        if self.pool.borrow().is_none() {
            let config = host.config.clone();
            let link = self.link.clone();
            let pool = Pool::new(
                PoolConfig { workers: host.config.pool_size(), name: "protojs-worker".into(), stack_size: Some(8 << 20) },
                move |index| TaskRunner::new(index, config.clone(), link.clone()),
            );
            *self.pool.borrow_mut() = Some(pool);
        }
        std::cell::Ref::map(self.pool.borrow(), |p| p.as_ref().expect("pool started"))
    }

    /// Runs on the main thread when completions arrive: settles (or reports progress for)
    /// every queued one, in arrival order.
    fn drain(ctx: Context) {
        let host = Host::get(ctx);
        let client = Client::of(host);
        // Taken out of the cell: a progress callback may run JS that submits or cancels.
        let mut batch = std::mem::take(&mut *client.batch.borrow_mut());
        client.link.completions.take(&mut batch);
        for c in batch.drain(..) {
            match c {
                Completion::Settled(key, outcome) => client.settle(host, key, outcome),
                Completion::Progress(key, bytes) => client.progress(host, key, bytes),
            }
            // As after any event the loop delivers: the reactions run before the next
            // completion (node runs a checkpoint after each worker message), and nothing
            // more runs once the program must stop (the rest of the batch is dropped).
            host.microtask_checkpoint();
            if host.should_stop() {
                break;
            }
        }
        // Reused next time, unless a burst made it large.
        if batch.capacity() <= BATCH_CAPACITY_KEPT {
            *client.batch.borrow_mut() = batch;
        }
    }

    fn settle(&self, host: &Host, key: TaskKey, outcome: Outcome) {
        let ctx = host.ctx;
        // Absent when the Deferred was cancelled meanwhile: the outcome is dropped, and the
        // cancellation, which no worker will see now, leaves the board.
        let Some(Pending { promise, .. }) = self.pending.borrow_mut().remove(key) else {
            self.link.board.forget(key.id);
            return;
        };
        host.refs.set(host.refs.get() - 1);
        self.gc_credit.revoke(host.runtime());
        let counter = match outcome {
            Outcome::Returned(_) => &self.counts.completed,
            Outcome::Rejected { name: "AbortError", .. } => &self.counts.cancelled,
            _ => &self.counts.failed,
        };
        counter.set(counter.get() + 1);
        let (value, reject) = match outcome {
            Outcome::Returned(bytes) => (transfer::decode(host, &bytes), false),
            Outcome::Threw(bytes) => (transfer::decode(host, &bytes), true),
            Outcome::Rejected { name, message } => (new_error(host, name, &message), true),
        };
        match value {
            Ok(v) => ctx.settle_promise(&promise, &v, reject),
            // Decoding failed: the Deferred rejects with that error.
            Err(Throw) => ctx.settle_promise(&promise, &ctx.take_exception(), true),
        }
    }
}

/// An error of class `name`; AbortError and TimeoutError are DOMExceptions, as in the web
/// platform (instances of Error with that `name`).
pub fn new_error(host: &Host, name: &str, message: &str) -> Result<Value, Throw> {
    if name == "AbortError" || name == "TimeoutError" {
        let make = host.module("abort")?.get("domException")?;
        let ctx = host.ctx;
        return make.call(&Value::undefined(ctx), &[ctx.new_string(message), ctx.new_string(name)]);
    }
    host.ctx.new_error(name, message)
}

impl Drop for Client {
    fn drop(&mut self) {
        // Running tasks see the flag through their interrupt handler and stop; queued ones
        // are dropped by the pool; then every worker runtime is freed as its thread ends.
        self.link.shutdown.store(true, Ordering::SeqCst);
        self.link.board.wake_all_waiting();
        if let Some(pool) = self.pool.borrow_mut().take() {
            pool.shutdown();
        }
    }
}
