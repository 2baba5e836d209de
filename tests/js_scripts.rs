//! Runs every script under `tests/js/` with the built `protojs` binary and compares its
//! output with the expectation files beside it. See `tests/README.md` for the format.
//!
//! `PROTOJS_TEST_FILTER=substring cargo test --test js_scripts` runs only the scripts whose
//! path (relative to `tests/js/`) contains `substring`.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
const SCRIPT_EXTENSIONS: &[&str] = &["js", "mjs", "cjs"];

fn js_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("js")
}

/// Scripts under `dir`, sorted. Files and directories whose name starts with `_` are
/// helpers (modules imported by tests, fixtures) and are not run.
fn collect_scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            collect_scripts(&p, out);
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| SCRIPT_EXTENSIONS.contains(&e)) {
            out.push(p);
        }
    }
}

/// `dir/NAME.ext` -> `dir/NAME.suffix` (NAME is the file name without its extension).
fn sibling(script: &Path, suffix: &str) -> PathBuf {
    let stem = script.file_stem().unwrap().to_string_lossy();
    script.with_file_name(format!("{stem}.{suffix}"))
}

fn read_opt(p: &Path) -> Option<String> {
    std::fs::read(p).ok().map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// Lines of an expectation file, without blank lines and without the `\r` of CRLF files.
fn nonblank_lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.strip_suffix('\r').unwrap_or(l).to_string()).filter(|l| !l.trim().is_empty()).collect()
}

struct Expect {
    stdout: Option<String>,
    stdout_contains: Option<Vec<String>>,
    /// None: stderr must be empty.
    stderr: Option<Vec<String>>,
    exit: i32,
    options: Vec<String>,
    script_args: Vec<String>,
    env: Vec<(String, String)>,
    stdin: Option<Vec<u8>>,
}

fn load_expect(script: &Path) -> Result<Expect, String> {
    let stdout = read_opt(&sibling(script, "stdout"));
    let stdout_contains = read_opt(&sibling(script, "stdout_contains")).map(|t| nonblank_lines(&t));
    if stdout.is_none() && stdout_contains.is_none() {
        return Err(format!(
            "no expectation: create {} (or {})",
            sibling(script, "stdout").display(),
            sibling(script, "stdout_contains").display()
        ));
    }
    let stderr = read_opt(&sibling(script, "stderr")).map(|t| nonblank_lines(&t));
    let exit = match read_opt(&sibling(script, "exit")) {
        None => 0,
        Some(t) => t.trim().parse::<i32>().map_err(|_| format!("bad .exit file: {:?}", t.trim()))?,
    };
    let (mut options, mut script_args) = (vec![], vec![]);
    if let Some(t) = read_opt(&sibling(script, "args")) {
        let lines = nonblank_lines(&t);
        match lines.iter().position(|l| l == "--") {
            Some(i) => {
                options = lines[..i].to_vec();
                script_args = lines[i + 1..].to_vec();
            }
            None => script_args = lines,
        }
    }
    let mut env = vec![];
    if let Some(t) = read_opt(&sibling(script, "env")) {
        for l in nonblank_lines(&t) {
            let (k, v) = l.split_once('=').ok_or_else(|| format!("bad .env line (no '='): {l:?}"))?;
            env.push((k.to_string(), v.to_string()));
        }
    }
    let stdin = std::fs::read(sibling(script, "stdin")).ok();
    Ok(Expect { stdout, stdout_contains, stderr, exit, options, script_args, env, stdin })
}

struct Outcome {
    stdout: String,
    stderr: String,
    /// None: killed by a signal.
    code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    elapsed: Duration,
}

fn timeout() -> Duration {
    std::env::var("PROTOJS_TEST_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_TIMEOUT)
}

fn run_script(script: &Path, e: &Expect) -> Result<(Outcome, String), String> {
    let dir = script.parent().unwrap();
    let file = script.file_name().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_protojs"));
    cmd.args(&e.options).arg(file).args(&e.script_args).current_dir(dir);
    // FORCE_COLOR would colour console output even into the pipe.
    cmd.env_remove("PROTOJS_TEST_FILTER").env_remove("PROTOJS_WORKERS").env_remove("FORCE_COLOR");
    for (k, v) in &e.env {
        cmd.env(k, v);
    }
    cmd.stdin(if e.stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let shown = format!(
        "(cd {} && protojs {})",
        dir.display(),
        e.options
            .iter()
            .map(String::as_str)
            .chain([file.to_string_lossy().as_ref()])
            .chain(e.script_args.iter().map(String::as_str))
            .map(|a| if a.contains(' ') || a.is_empty() { format!("'{a}'") } else { a.to_string() })
            .collect::<Vec<_>>()
            .join(" ")
    );
    let start = Instant::now();
    let mut child = cmd.spawn().map_err(|err| format!("cannot start protojs: {err}"))?;
    if let Some(input) = e.stdin.clone() {
        let mut sin = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            let _ = sin.write_all(&input);
        });
    }
    let reader = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out_t = reader(Box::new(child.stdout.take().unwrap()));
    let err_t = reader(Box::new(child.stderr.take().unwrap()));
    let limit = timeout();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() > limit => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().map_err(|err| err.to_string())?;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(err) => return Err(format!("waiting for protojs: {err}")),
        }
    };
    let elapsed = start.elapsed();
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    use std::os::unix::process::ExitStatusExt;
    Ok((Outcome { stdout, stderr, code: status.code(), signal: status.signal(), timed_out, elapsed }, shown))
}

/// A line diff (longest common subsequence): ` ` common, `-` expected only, `+` actual only.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    let mut out = String::new();
    let show = |out: &mut String, mark: char, line: &str| {
        let (text, nl) = match line.strip_suffix('\n') {
            Some(t) => (t, ""),
            None => (line, "  ⏎ (no newline at end)"),
        };
        let _ = writeln!(out, "    {mark} {text}{nl}");
    };
    if a.len() * b.len() > 4_000_000 {
        out.push_str("    (outputs too large to diff; expected then actual)\n");
        a.iter().for_each(|l| show(&mut out, '-', l));
        b.iter().for_each(|l| show(&mut out, '+', l));
        return out;
    }
    // lcs[i][j]: LCS length of a[i..] and b[j..]
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            show(&mut out, ' ', a[i]);
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            show(&mut out, '-', a[i]);
            i += 1;
        } else {
            show(&mut out, '+', b[j]);
            j += 1;
        }
    }
    out
}

/// Checks that every pattern occurs in `text`, in order (plain substrings); returns the
/// first missing pattern.
fn patterns_in_order<'a>(patterns: &'a [String], text: &str) -> Result<(), &'a str> {
    let mut pos = 0;
    for p in patterns {
        match text[pos..].find(p.as_str()) {
            Some(i) => pos += i + p.len(),
            None => return Err(p),
        }
    }
    Ok(())
}

fn indent(text: &str) -> String {
    if text.is_empty() {
        return "    (empty)\n".to_string();
    }
    let mut s: String = text.lines().map(|l| format!("    | {l}\n")).collect();
    if !text.ends_with('\n') {
        s.push_str("    (no newline at end)\n");
    }
    s
}

/// Runs one script; Err is the failure report.
fn check(script: &Path) -> Result<(), String> {
    let e = load_expect(script).map_err(|err| format!("  {err}"))?;
    let (o, shown) = run_script(script, &e)?;
    let mut problems = String::new();
    if o.timed_out {
        let _ = writeln!(problems, "  timed out after {:?} (killed)", o.elapsed);
    }
    match (o.code, o.signal) {
        (Some(c), _) if c == e.exit => {}
        (Some(c), _) => {
            let _ = writeln!(problems, "  exit code: expected {}, got {c}", e.exit);
        }
        (None, sig) => {
            let _ = writeln!(problems, "  exit code: expected {}, got killed by signal {sig:?}", e.exit);
        }
    }
    if let Some(want) = &e.stdout {
        if *want != o.stdout {
            let _ = write!(problems, "  stdout differs (- expected, + actual):\n{}", diff(want, &o.stdout));
        }
    }
    if let Some(pats) = &e.stdout_contains {
        if let Err(p) = patterns_in_order(pats, &o.stdout) {
            let _ = write!(
                problems,
                "  stdout lacks pattern {p:?} (patterns must appear in order: {pats:?})\n  stdout was:\n{}",
                indent(&o.stdout)
            );
        }
    }
    match &e.stderr {
        None if !o.stderr.is_empty() => {
            let _ = write!(problems, "  stderr should be empty, was:\n{}", indent(&o.stderr));
        }
        None => {}
        Some(pats) => {
            if let Err(p) = patterns_in_order(pats, &o.stderr) {
                let _ = write!(
                    problems,
                    "  stderr lacks pattern {p:?} (patterns must appear in order: {pats:?})\n  stderr was:\n{}",
                    indent(&o.stderr)
                );
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    // Show the other stream too when it helps to understand the failure.
    if e.stderr.is_some() && !problems.contains("stderr") && !o.stderr.is_empty() && o.code != Some(e.exit) {
        let _ = write!(problems, "  stderr was:\n{}", indent(&o.stderr));
    }
    if !problems.contains("stdout") && o.code != Some(e.exit) && !o.stdout.is_empty() {
        let _ = write!(problems, "  stdout was:\n{}", indent(&o.stdout));
    }
    Err(format!("  command: {shown}\n{problems}"))
}

#[test]
fn js_scripts() {
    let root = js_root();
    let mut scripts = vec![];
    collect_scripts(&root, &mut scripts);
    assert!(!scripts.is_empty(), "no scripts found under {}", root.display());
    let filter = std::env::var("PROTOJS_TEST_FILTER").unwrap_or_default();
    let rel = |p: &Path| p.strip_prefix(&root).unwrap_or(p).to_string_lossy().into_owned();
    if !filter.is_empty() {
        scripts.retain(|p| rel(p).contains(&filter));
        assert!(!scripts.is_empty(), "PROTOJS_TEST_FILTER={filter:?} matches no script under {}", root.display());
    }
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(4).clamp(2, 8).min(scripts.len());
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(String, String)>> = Mutex::new(vec![]);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(script) = scripts.get(i) else { break };
                if let Err(report) = check(script) {
                    failures.lock().unwrap().push((rel(script), report));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    // Written to the real stderr/stdout (not the captured test output) so the report and the
    // summary show even when the harness passes.
    let mut err = std::io::stderr().lock();
    for (name, report) in &failures {
        let _ = writeln!(err, "\n---- FAIL tests/js/{name}\n{report}");
    }
    drop(err);
    let summary = format!("js scripts: {} passed, {} failed", scripts.len() - failures.len(), failures.len());
    let _ = writeln!(std::io::stdout().lock(), "\n{summary}");
    if !failures.is_empty() {
        let names: Vec<&str> = failures.iter().map(|(n, _)| n.as_str()).collect();
        panic!("{} of {} js scripts failed:\n  {}", failures.len(), scripts.len(), names.join("\n  "));
    }
}

#[test]
fn harness_patterns_in_order() {
    let pats = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(patterns_in_order(&pats(&["a", "c"]), "abc").is_ok());
    assert_eq!(patterns_in_order(&pats(&["c", "a"]), "abc"), Err("a"));
    assert_eq!(patterns_in_order(&pats(&["ab", "b"]), "ab"), Err("b"), "matches must not overlap");
    assert!(patterns_in_order(&[], "").is_ok());
}

#[test]
fn harness_diff() {
    assert_eq!(diff("a\nb\n", "a\nb\n"), "      a\n      b\n");
    assert_eq!(diff("a\nb\n", "a\nc\n"), "      a\n    - b\n    + c\n");
    assert_eq!(diff("a\n", "a"), "    - a\n    + a  ⏎ (no newline at end)\n");
}
