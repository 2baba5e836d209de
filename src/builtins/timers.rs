//! Timer natives (wrapped in Timeout/Immediate objects by js/timers.js) and queueMicrotask.

use crate::engine::{Args, Context, Throw, Value};
use crate::event_loop::Timer;
use crate::ffi;
use crate::host::Host;
use crate::native;
use std::time::Duration;

/// Global natives: only queueMicrotask (the timer globals come from js/timers.js).
pub fn install(ctx: Context, global: &Value) -> Result<(), Throw> {
    global.define_hidden("queueMicrotask", ctx.new_function(native!(queue_microtask), "queueMicrotask", 1))
}

/// Timer natives for the binding object.
pub const BINDING: &[(&str, crate::engine::NativeFn, i32)] = &[
    ("setTimeout", native!(set_timeout), 2),
    ("setInterval", native!(set_interval), 2),
    ("setImmediate", native!(set_immediate), 1),
    ("clearTimer", native!(clear_timer), 1),
    ("timerRef", native!(timer_ref), 2),
    ("timerHasRef", native!(timer_has_ref), 1),
    ("timerRefresh", native!(timer_refresh), 1),
];

fn callback_arg(ctx: Context, args: &Args, what: &str) -> Result<Value, Throw> {
    let cb = args.get(0);
    if !cb.is_function() {
        return Err(ctx.throw_type_error(&format!(
            "The \"callback\" argument of {what} must be of type function"
        )));
    }
    Ok(cb)
}

/// Node's delay rule: not a number, below 1 or above 2^31-1 means 1 ms.
fn delay_arg(args: &Args) -> Result<Duration, Throw> {
    let ms = if args.len() > 1 { args.f64(1)? } else { 0.0 };
    let ms = if ms.is_nan() || !(1.0..=2147483647.0).contains(&ms) { 1.0 } else { ms.trunc() };
    Ok(Duration::from_micros((ms * 1000.0) as u64))
}

fn add_timer(ctx: Context, args: &Args, repeat: bool) -> Result<Value, Throw> {
    let callback = callback_arg(ctx, args, if repeat { "setInterval" } else { "setTimeout" })?;
    let timer = Timer::new(callback, args.rest(2), delay_arg(args)?, repeat);
    let id = Host::get(ctx).loop_state.borrow_mut().timers.add(timer);
    Ok(ctx.new_f64(id as f64))
}

fn set_timeout(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    add_timer(ctx, args, false)
}

fn set_interval(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    add_timer(ctx, args, true)
}

fn set_immediate(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let callback = callback_arg(ctx, args, "setImmediate")?;
    let id = Host::get(ctx).loop_state.borrow_mut().timers.add_immediate(callback, args.rest(1));
    Ok(ctx.new_f64(id as f64))
}

/// The numeric id of argument `i`, if it is one.
fn id_arg(args: &Args, i: usize) -> Option<u64> {
    args.get(i).as_f64().filter(|id| *id >= 1.0).map(|id| id as u64)
}

fn clear_timer(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    if let Some(id) = id_arg(args, 0) {
        Host::get(ctx).loop_state.borrow_mut().timers.clear(id);
    }
    Ok(Value::undefined(ctx))
}

fn timer_ref(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    if let Some(id) = id_arg(args, 0) {
        Host::get(ctx).loop_state.borrow_mut().timers.set_ref(id, args.get(1).truthy());
    }
    Ok(Value::undefined(ctx))
}

fn timer_has_ref(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let has = id_arg(args, 0).is_some_and(|id| Host::get(ctx).loop_state.borrow().timers.has_ref(id));
    Ok(ctx.new_bool(has))
}

fn timer_refresh(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    if let Some(id) = id_arg(args, 0) {
        Host::get(ctx).loop_state.borrow_mut().timers.refresh(id);
    }
    Ok(Value::undefined(ctx))
}

fn queue_microtask(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let cb = callback_arg(ctx, args, "queueMicrotask")?;
    let argv = [cb.raw()];
    // SAFETY: context live; JS_EnqueueJob dups the arguments it keeps.
    let r = unsafe { ffi::JS_EnqueueJob(ctx.raw(), Some(run_microtask), 1, argv.as_ptr() as *mut _) };
    if r < 0 {
        return Err(Throw);
    }
    Ok(Value::undefined(ctx))
}

/// Job body for queueMicrotask: calls the callback; an exception propagates to the loop,
/// which reports it as uncaught (Node's behaviour).
unsafe extern "C" fn run_microtask(ctx: *mut ffi::JSContext, _argc: i32, argv: *mut ffi::JSValue) -> ffi::JSValue {
    // SAFETY: QuickJS passes the one argument we enqueued, live for this call.
    unsafe { ffi::JS_Call(ctx, *argv, ffi::pj_undefined(), 0, std::ptr::null_mut()) }
}
