//! Natives behind the `Deferred` class (js/deferred.js).

use crate::deferred::Client;
use crate::engine::{Args, Context, Throw, Value};
use crate::host::{Host, Role};

/// deferredSubmit(fn, args, resolve, reject)
pub fn submit(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    if host.role != Role::Main {
        return Err(ctx.throw_type_error("Deferred: tasks cannot be created inside a worker; return the data and create them on the main thread"));
    }
    let list = args.get(1);
    let len = list.get("length")?.to_f64()? as u32;
    let items = (0..len).map(|i| list.get_index(i)).collect::<Result<Vec<_>, _>>()?;
    let id = Client::of(host).submit(host, &args.get(0), &items, args.get(2), args.get(3))?;
    Ok(ctx.new_f64(id as f64))
}

pub fn pool_size(ctx: Context, _this: &Value, _args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    let n = match host.role {
        Role::Main => Client::of(host).pool_size(),
        Role::Worker => host.config.workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
    };
    Ok(ctx.new_f64(n as f64))
}
