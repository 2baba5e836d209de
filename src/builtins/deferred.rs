//! Natives behind the `Deferred` class (js/deferred.js).

use crate::deferred::{Client, Completion, CurrentTask, SpawnOptions};
use crate::engine::{Args, Context, Throw, Value};
use crate::host::{Host, Role};
use crate::transfer;
use std::time::Duration;

fn main_only(ctx: Context, host: &Host, what: &str) -> Result<(), Throw> {
    if host.role != Role::Main {
        return Err(ctx.throw_type_error(&format!(
            "Deferred: {what} is only available on the main thread, not inside a task"
        )));
    }
    Ok(())
}

/// Reads the options js/deferred.js validated: { timeout, memoryLimit, onProgress }.
fn spawn_options(opts: &Value) -> Result<SpawnOptions, Throw> {
    if !opts.is_object() {
        return Ok(SpawnOptions::default());
    }
    let timeout = opts.get("timeout")?;
    let memory = opts.get("memoryLimit")?;
    let on_progress = opts.get("onProgress")?;
    Ok(SpawnOptions {
        timeout: if timeout.is_undefined() { None } else { Some(Duration::from_secs_f64(timeout.to_f64()? / 1000.0)) },
        memory_limit: if memory.is_undefined() { None } else { Some(memory.to_f64()? as usize) },
        on_progress: on_progress.is_function().then_some(on_progress),
    })
}

/// The `Deferred` constructor: `new Deferred(fn, ...args)`. Native, so a task costs one
/// promise and no JS executor closure; js/deferred.js adds the methods and statics.
pub fn construct(ctx: Context, new_target: &Value, args: &Args) -> Result<Value, Throw> {
    create(ctx, new_target, &args.get(0), &args.rest(1), &Value::undefined(ctx))
}

/// deferredSpawn(newTarget, fn, args, options): the Deferred of `Deferred.spawn`.
pub fn spawn(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let list = args.get(2);
    let items = crate::transfer::array_items(&list)?;
    create(ctx, &args.get(0), &args.get(1), &items, &args.get(3))
}

/// A Deferred (a promise whose prototype is `newTarget.prototype`) for fn(...args). When
/// `options.aborted` is set, it is rejected with that value at once and nothing is queued.
fn create(ctx: Context, new_target: &Value, f: &Value, args: &[Value], options: &Value) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    main_only(ctx, host, "new Deferred")?;
    if !f.is_function() {
        let what = if f.is_null() { "null".to_string() } else { type_name(f) };
        return Err(ctx.throw_type_error(&format!("Deferred: the first argument must be a function, not {what}")));
    }
    if options.is_object() {
        let aborted = options.get("aborted")?;
        if !aborted.is_undefined() {
            // No task: a slot that matches nothing, and the Deferred settles at once.
            let promise = ctx.new_deferred(new_target, &Value::undefined(ctx), host.deferred_slot_name(), u32::MAX)?;
            ctx.settle_promise(&promise, &aborted, true);
            return Ok(promise);
        }
    }
    let options = spawn_options(options)?;
    Client::of(host).submit(host, f, args, new_target, options)
}

/// `typeof` of a non-function value, for error messages.
fn type_name(v: &Value) -> String {
    if v.is_undefined() {
        "undefined"
    } else if v.is_bool() {
        "boolean"
    } else if v.is_number() {
        "number"
    } else if v.is_string() {
        "string"
    } else if v.is_symbol() {
        "symbol"
    } else if v.is_bigint() {
        "bigint"
    } else {
        "object"
    }
    .to_string()
}

/// deferredCancel(deferred, error) -> whether it cancelled
pub fn cancel(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    main_only(ctx, host, "cancel()")?;
    Ok(ctx.new_bool(Client::of(host).cancel(host, &args.get(0), args.get(1))?))
}

pub fn stats(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    main_only(ctx, host, "Deferred.stats()")?;
    Client::of(host).stats(host)
}

/// deferredProgress(value), inside a task: sends the value to the task's onProgress.
pub fn progress(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    let current = host.extension.borrow().as_ref().and_then(|e| e.clone().downcast::<CurrentTask>().ok());
    let Some(current) = current else {
        return Err(ctx.throw_type_error("Deferred.progress() can only be called inside a running task"));
    };
    let task = *current.task.borrow();
    let Some((key, wanted)) = task else {
        return Err(ctx.throw_type_error("Deferred.progress() can only be called inside a running task"));
    };
    if wanted {
        let bytes = transfer::encode(host, &args.get(0), "the progress value")?;
        current.completions.push(Completion::Progress(key, bytes));
    }
    Ok(Value::undefined(ctx))
}

pub fn pool_size(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    Ok(ctx.new_f64(Host::get(ctx).config.pool_size() as f64))
}
