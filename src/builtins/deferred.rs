//! Natives behind the `Deferred` class (js/deferred.js).

use crate::deferred::{Client, CurrentTask, SpawnOptions};
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

/// deferredSubmit(fn, args, resolve, reject, options) -> task id
pub fn submit(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    main_only(ctx, host, "new Deferred")?;
    let list = args.get(1);
    let len = list.get("length")?.to_f64()? as u32;
    let items = (0..len).map(|i| list.get_index(i)).collect::<Result<Vec<_>, _>>()?;
    let options = spawn_options(&args.get(4))?;
    let id = Client::of(host).submit(host, &args.get(0), &items, (args.get(2), args.get(3)), options)?;
    Ok(ctx.new_f64(id as f64))
}

/// deferredCancel(id, error) -> whether it cancelled
pub fn cancel(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    main_only(ctx, host, "cancel()")?;
    let id = args.f64(0)? as u64;
    Ok(ctx.new_bool(Client::of(host).cancel(host, id, args.get(1))?))
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
    let task = current.and_then(|c| c.task.borrow().clone());
    let Some((id, reply, wanted)) = task else {
        return Err(ctx.throw_type_error("Deferred.progress() can only be called inside a running task"));
    };
    if wanted {
        let bytes = transfer::encode(host, &args.get(0), "the progress value")?;
        reply.post(Box::new(move |ctx| Client::progress(ctx, id, bytes)));
    }
    Ok(Value::undefined(ctx))
}

pub fn pool_size(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    let n = match host.role {
        Role::Main => Client::of(host).pool_size(),
        Role::Worker => host.config.workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    };
    Ok(ctx.new_f64(n as f64))
}
