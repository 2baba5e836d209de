//! Load tests (tests/stress/*.mjs): long-running scripts, run one at a time with a generous
//! time bound, each checking its own results and that memory stays flat.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn run(name: &str, args: &[&str]) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stress");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_protojs"))
        .args(args)
        .arg(dir.join(name))
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let limit = Duration::from_secs(300);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            panic!("{name} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{name}: {:.1}s\n{stdout}", start.elapsed().as_secs_f64());
    assert!(out.status.success(), "{name} failed: {stderr}\n{stdout}");
    assert!(stderr.is_empty(), "{name} wrote to stderr: {stderr}");
    stdout
}

fn expect_lines(stdout: &str, wanted: &[&str]) {
    let mut rest = stdout;
    for w in wanted {
        let at = rest.find(w).unwrap_or_else(|| panic!("missing {w:?} in:\n{stdout}"));
        rest = &rest[at + w.len()..];
    }
}

#[test]
fn a_million_tasks_in_waves() {
    let out = run("million.mjs", &["--workers", "2"]);
    expect_lines(&out, &["1000000 tasks, 0 wrong", "rss flat", "0 0 true"]);
}

#[test]
fn rejections_and_cancellations() {
    let out = run("reject_cancel.mjs", &["--workers", "2"]);
    let expected = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/stress/reject_cancel.stdout")).unwrap();
    assert_eq!(out, expected);
}

#[test]
fn large_values_cross_or_are_refused_clearly() {
    let out = run("big_values.mjs", &["--workers", "2"]);
    assert_eq!(out, "string true true\nbuffer true 7\nRangeError true\nresult RangeError true\n0\n");
}
