//! Memory checks: every Deferred script under valgrind memcheck must show zero bytes
//! definitely lost and no invalid reads or writes, with its usual exit code. (QuickJS's own
//! leak assertion at JS_FreeRuntime is active too: the test binary is a debug build.)

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/deferred");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/js/deferred")
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("js" | "mjs" | "cjs")))
        // `_name` files are helpers imported by the scripts, as in tests/js_scripts.rs
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    v.sort();
    v
}

fn side_file(script: &Path, ext: &str) -> Option<String> {
    std::fs::read_to_string(script.with_extension(ext)).ok()
}

fn check(script: &Path) -> Result<(), String> {
    let mut cmd = Command::new("valgrind");
    cmd.args([
        "--tool=memcheck",
        "--leak-check=full",
        "--show-leak-kinds=definite",
        "--errors-for-leak-kinds=definite",
        "--error-exitcode=99",
        "--quiet",
    ]);
    cmd.arg(env!("CARGO_BIN_EXE_protojs"));
    if let Some(args) = side_file(script, "args") {
        let args: Vec<&str> = args.lines().filter(|l| !l.is_empty()).collect();
        // Same format as tests/js_scripts.rs: protojs options before a `--` line, script
        // arguments after it (all script arguments when there is no `--`).
        let (opts, rest) = match args.iter().position(|a| *a == "--") {
            Some(i) => (&args[..i], &args[i + 1..]),
            None => (&args[..0], &args[..]),
        };
        cmd.args(opts);
        cmd.arg(script);
        cmd.args(rest);
    } else {
        cmd.arg(script);
    }
    cmd.current_dir(script.parent().unwrap());
    let out = cmd.output().map_err(|e| format!("cannot run valgrind ({e}); install it: apt-get install valgrind"))?;
    let expected: i32 = side_file(script, "exit").map_or(0, |s| s.trim().parse().unwrap());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code().unwrap_or(-1);
    let bad = ["definitely lost", "Invalid read", "Invalid write", "Invalid free", "uninitialised", "Mismatched free"];
    if code != expected || bad.iter().any(|b| stderr.contains(b)) {
        return Err(format!("{}: exit {code} (expected {expected})\n{stderr}", script.display()));
    }
    Ok(())
}

#[test]
fn deferred_scripts_are_clean_under_valgrind() {
    let scripts = scripts();
    assert!(!scripts.is_empty());
    let queue = Mutex::new(scripts.clone());
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let Some(script) = queue.lock().unwrap().pop() else { break };
                if let Err(e) = check(&script) {
                    failures.lock().unwrap().push(e);
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    println!("valgrind: {} passed, {} failed", scripts.len() - failures.len(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
