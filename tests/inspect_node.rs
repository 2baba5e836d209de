//! Runs the inspector's comparison against Node (tests/inspect/compare.js): every value in
//! its corpus must print exactly as Node v20's util.inspect / util.format prints it.

use std::process::Command;

#[test]
fn inspect_matches_node() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("node")
        .arg(format!("{dir}/tests/inspect/compare.js"))
        .output()
        .expect("node is required for this test (apt-get install nodejs)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "inspect differs from node:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains(" passed, 0 failed"), "unexpected summary:\n{stdout}");
}
