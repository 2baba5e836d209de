//! AddressSanitizer + LeakSanitizer over the Deferred scripts: a second build of protojs with
//! the C parts (QuickJS and our helpers) compiled with -fsanitize=address (build.rs reads
//! PROTOJS_ASAN), the ASan runtime preloaded, leak detection on. The Rust code itself is not
//! instrumented (that needs a nightly toolchain), but every allocation is tracked for leaks.

use std::path::{Path, PathBuf};
use std::process::Command;

fn asan_runtime() -> Option<String> {
    let out = Command::new("cc").arg("-print-file-name=libasan.so").output().ok()?;
    let path = String::from_utf8(out.stdout).ok()?.trim().to_string();
    Path::new(&path).is_absolute().then_some(path)
}

fn build() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = root.join("target/asan");
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--bin", "protojs", "--target-dir"])
        .arg(&target)
        .env("PROTOJS_ASAN", "1")
        .env("RUSTFLAGS", "-C link-arg=-lasan")
        .current_dir(root)
        .status()
        .expect("cargo build");
    assert!(status.success(), "the ASan build failed");
    target.join("debug/protojs")
}

#[test]
fn deferred_scripts_are_clean_under_asan() {
    let runtime = asan_runtime().expect("libasan (gcc) is required for this test");
    let bin = build();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js/deferred");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "mjs" || e == "js"))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    scripts.sort();
    let mut failures = vec![];
    for script in &scripts {
        let args = std::fs::read_to_string(script.with_extension("args")).unwrap_or_default();
        let opts: Vec<&str> = args.lines().take_while(|l| *l != "--").filter(|l| !l.is_empty()).collect();
        let expected: i32 = std::fs::read_to_string(script.with_extension("exit")).map_or(0, |s| s.trim().parse().unwrap());
        let out = Command::new(&bin)
            .args(&opts)
            .arg(script)
            .current_dir(&dir)
            .env("LD_PRELOAD", &runtime)
            .env("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(expected) || stderr.contains("Sanitizer") {
            failures.push(format!("{}: exit {:?}\n{stderr}", script.display(), out.status.code()));
        }
    }
    println!("asan: {} passed, {} failed", scripts.len() - failures.len(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
