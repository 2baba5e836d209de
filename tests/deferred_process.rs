//! Deferred behaviours that need a whole process to observe: output from workers, exit
//! with work in flight, worker count validation.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn protojs() -> Command {
    Command::new(env!("CARGO_BIN_EXE_protojs"))
}

fn run_script(args: &[&str], script: &str) -> (i32, String, String, Duration) {
    let dir = std::env::temp_dir().join(format!("protojs-deferred-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = dir.join(format!("script{n}.mjs"));
    std::fs::File::create(&path).unwrap().write_all(script.as_bytes()).unwrap();
    let start = Instant::now();
    let out = protojs().args(args).arg(&path).stdin(Stdio::null()).output().unwrap();
    let took = start.elapsed();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        took,
    )
}

#[test]
fn console_lines_from_workers_never_interleave() {
    let script = r#"
        const line = (id) => { for (let i = 0; i < 2000; i++) console.log(`worker-${id}-line-${i}-` + 'x'.repeat(60)); return id; };
        await Promise.all([new Deferred(line, 'a'), new Deferred(line, 'b'), new Deferred(line, 'c')]);
    "#;
    let (code, stdout, stderr, _) = run_script(&["--workers", "3"], script);
    assert_eq!(code, 0, "stderr: {stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6000);
    for l in &lines {
        let ok = l.starts_with("worker-") && l.ends_with(&"x".repeat(60)) && l.len() < 100;
        assert!(ok, "broken line: {l:?}");
    }
    for id in ["a", "b", "c"] {
        // each worker's lines arrive in its own order
        let mine: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with(&format!("worker-{id}-"))).collect();
        assert_eq!(mine.len(), 2000);
        assert!(mine[1999].starts_with(&format!("worker-{id}-line-1999-")));
    }
}

#[test]
fn exit_with_tasks_queued_and_running_is_immediate() {
    let script = r#"
        const spin = () => { for (;;) {} };
        new Deferred(spin); new Deferred(spin);
        for (let i = 0; i < 10000; i++) new Deferred((x) => x, i);
        console.log('queued');
        setTimeout(() => process.exit(7), 50);
    "#;
    let (code, stdout, stderr, took) = run_script(&["--workers", "2"], script);
    assert_eq!(code, 7, "stderr: {stderr}");
    assert_eq!(stdout, "queued\n");
    assert!(stderr.is_empty(), "stderr: {stderr}");
    assert!(took < Duration::from_secs(10), "exit took {took:?}");
}

#[test]
fn uncaught_error_with_running_tasks_exits_1() {
    let script = r#"
        new Deferred(() => { for (;;) {} });
        setTimeout(() => { throw new Error('main failed'); }, 20);
    "#;
    let (code, _, stderr, took) = run_script(&["--workers", "1"], script);
    assert_eq!(code, 1);
    assert!(stderr.contains("Error: main failed"), "stderr: {stderr}");
    assert!(took < Duration::from_secs(10));
}

#[test]
fn worker_count_comes_from_flag_then_env() {
    let (code, stdout, _, _) = run_script(&["--workers", "5"], "console.log(Deferred.poolSize);");
    assert_eq!((code, stdout.as_str()), (0, "5\n"));
    let out = protojs().args(["-p", "Deferred.poolSize"]).env("PROTOJS_WORKERS", "3").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3\n");
    let bad = protojs().args(["-e", "1"]).env("PROTOJS_WORKERS", "zero").output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("PROTOJS_WORKERS"));
}

/// Number of threads of a running protojs, sampled after `delay`.
fn threads_after(code: &str, delay: Duration) -> usize {
    let mut child = protojs().args(["--workers", "2", "-e", code]).stdout(Stdio::null()).spawn().unwrap();
    std::thread::sleep(delay);
    let n = std::fs::read_dir(format!("/proc/{}/task", child.id())).map(|d| d.count()).unwrap_or(0);
    child.kill().ok();
    child.wait().ok();
    n
}

#[test]
fn the_pool_starts_only_when_deferred_is_used() {
    // Deferred.poolSize does not start the pool; the first task does.
    let idle = threads_after("Deferred.poolSize; setTimeout(() => {}, 3000)", Duration::from_millis(500));
    assert_eq!(idle, 1, "a script without tasks must run on the main thread only");
    let busy = threads_after("new Deferred(() => 1); setTimeout(() => {}, 3000)", Duration::from_millis(500));
    assert_eq!(busy, 3, "main thread + 2 workers");
}
