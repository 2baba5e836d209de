//! Natives behind `js/os.js`: facts about the machine, read from libc and /proc (Linux).

use crate::engine::{Args, Context, Throw, Value};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

fn hostname() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: buf is writable for its length; gethostname NUL-terminates when it fits.
    if unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) } != 0 {
        return "localhost".into();
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

fn uname() -> [String; 4] {
    // SAFETY: utsname is plain bytes; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: u is a valid out-pointer.
    if unsafe { libc::uname(&mut u) } != 0 {
        return Default::default();
    }
    let s = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    [s(&u.sysname), s(&u.release), s(&u.version), s(&u.machine)]
}

/// (MemTotal, MemAvailable) in bytes.
fn memory() -> (f64, f64) {
    let info = read("/proc/meminfo");
    let field = |name: &str| {
        info.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .map(|kb| kb * 1024.0)
    };
    (field("MemTotal:").unwrap_or(0.0), field("MemAvailable:").or_else(|| field("MemFree:")).unwrap_or(0.0))
}

/// Per CPU: (model, MHz, [user, nice, sys, idle, irq] in ms).
fn cpus() -> Vec<(String, f64, [f64; 5])> {
    let info = read("/proc/cpuinfo");
    let mut models = vec![];
    let mut speeds = vec![];
    for l in info.lines() {
        if let Some((k, v)) = l.split_once(':') {
            match k.trim() {
                "model name" => models.push(v.trim().to_string()),
                "cpu MHz" => speeds.push(v.trim().parse::<f64>().unwrap_or(0.0).floor()),
                _ => {}
            }
        }
    }
    // SAFETY: sysconf has no preconditions.
    let tick = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let ms = 1000.0 / tick;
    let mut out = vec![];
    for l in read("/proc/stat").lines() {
        let mut parts = l.split_whitespace();
        let Some(name) = parts.next() else { continue };
        if !name.starts_with("cpu") || name == "cpu" {
            continue;
        }
        let v: Vec<f64> = parts.map(|x| x.parse::<f64>().unwrap_or(0.0)).collect();
        let get = |i: usize| v.get(i).copied().unwrap_or(0.0) * ms;
        let i = out.len();
        out.push((
            models.get(i).or(models.first()).cloned().unwrap_or_else(|| "unknown".into()),
            speeds.get(i).or(speeds.first()).copied().unwrap_or(0.0),
            [get(0), get(1), get(2), get(3), get(5)],
        ));
    }
    out
}

/// (username, uid, gid, shell, homedir) of the current user.
fn user_info() -> Option<(String, u32, u32, String, String)> {
    // SAFETY: getuid/getgid have no preconditions.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    let mut buf = vec![0u8; 16384];
    // SAFETY: passwd is plain data filled by getpwuid_r, whose strings point into buf.
    let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: all pointers are valid for the sizes given.
    let r = unsafe { libc::getpwuid_r(uid, &mut pw, buf.as_mut_ptr() as *mut libc::c_char, buf.len(), &mut result) };
    if r != 0 || result.is_null() {
        return None;
    }
    let s = |p: *const libc::c_char| {
        if p.is_null() {
            String::new()
        } else {
            // SAFETY: getpwuid_r set p to a NUL-terminated string inside buf.
            unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()
        }
    };
    Some((s(pw.pw_name), uid, gid, s(pw.pw_shell), s(pw.pw_dir)))
}

/// osInfo(what) -> the requested fact (see js/os.js).
pub fn os_info(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let what = args.string(0)?;
    let strs = |v: Vec<String>| ctx.new_array_from(v.iter().map(|s| ctx.new_string(s)).collect());
    match what.as_str() {
        "hostname" => Ok(ctx.new_string(&hostname())),
        "uname" => strs(uname().to_vec()),
        "memory" => {
            let (total, free) = memory();
            ctx.new_array_from(vec![ctx.new_f64(total), ctx.new_f64(free)])
        }
        "cpus" => {
            let list = cpus()
                .into_iter()
                .map(|(model, speed, times)| {
                    let o = ctx.new_object();
                    o.set("model", ctx.new_string(&model))?;
                    o.set("speed", ctx.new_f64(speed))?;
                    let t = ctx.new_object();
                    for (k, v) in ["user", "nice", "sys", "idle", "irq"].iter().zip(times) {
                        t.set(k, ctx.new_f64(v))?;
                    }
                    o.set("times", t)?;
                    Ok(o)
                })
                .collect::<Result<Vec<_>, Throw>>()?;
            ctx.new_array_from(list)
        }
        "uptime" => {
            Ok(ctx.new_f64(read("/proc/uptime").split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0.0)))
        }
        "loadavg" => {
            let l = read("/proc/loadavg");
            let v: Vec<Value> = l.split_whitespace().take(3).map(|x| ctx.new_f64(x.parse().unwrap_or(0.0))).collect();
            ctx.new_array_from(v)
        }
        "user" => match user_info() {
            Some((name, uid, gid, shell, home)) => {
                let o = ctx.new_object();
                o.set("uid", ctx.new_f64(uid as f64))?;
                o.set("gid", ctx.new_f64(gid as f64))?;
                o.set("username", ctx.new_string(&name))?;
                o.set("homedir", ctx.new_string(&home))?;
                o.set("shell", if shell.is_empty() { Value::null(ctx) } else { ctx.new_string(&shell) })?;
                Ok(o)
            }
            None => Ok(Value::undefined(ctx)),
        },
        "parallelism" => Ok(ctx.new_f64(std::thread::available_parallelism().map_or(1, |n| n.get()) as f64)),
        other => Err(ctx.throw_type_error(&format!("unknown os fact '{other}'"))),
    }
}
