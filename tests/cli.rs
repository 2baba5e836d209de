//! The `protojs` command line: options, eval/print, --check, usage errors, stdin scripts.
//! (Running script files is covered by `tests/js_scripts.rs`.)

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Debug)]
struct Out {
    code: Option<i32>,
    /// The signal that killed protojs (a crash), if any.
    signal: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs protojs with `args` in `cwd`, feeding `stdin` (None: /dev/null).
fn run_in(cwd: Option<&Path>, args: &[&str], stdin: Option<&str>) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_protojs"));
    cmd.args(args).env_remove("PROTOJS_WORKERS").env_remove("FORCE_COLOR");
    if let Some(d) = cwd {
        cmd.current_dir(d);
    }
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("cannot start protojs");
    if let Some(input) = stdin {
        let mut sin = child.stdin.take().unwrap();
        let input = input.to_string();
        std::thread::spawn(move || {
            let _ = sin.write_all(input.as_bytes());
        });
    }
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let t_err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("protojs {args:?} timed out after {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    use std::os::unix::process::ExitStatusExt;
    Out { code: status.code(), signal: status.signal(), stdout: t_out.join().unwrap(), stderr: t_err.join().unwrap() }
}

fn run(args: &[&str]) -> Out {
    run_in(None, args, None)
}

/// A fresh scratch directory for one test (removed when dropped).
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("protojs-cli-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        // The real path, as getcwd() reports it in the child.
        TempDir(p.canonicalize().unwrap())
    }
    fn path(&self) -> &Path {
        &self.0
    }
    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[track_caller]
fn assert_ok(o: &Out, stdout: &str) {
    assert_eq!(o.signal, None, "protojs was killed by a signal (crash); output: {o:#?}");
    assert_eq!(o.code, Some(0), "exit code; output: {o:#?}");
    assert_eq!(o.stdout, stdout, "stdout; output: {o:#?}");
    assert_eq!(o.stderr, "", "stderr; output: {o:#?}");
}

/// A usage error: exit 2, nothing on stdout, one `protojs: ...` line then the usage text.
#[track_caller]
fn assert_usage_error(o: &Out, first_line_contains: &str) {
    assert_eq!(o.code, Some(2), "exit code; output: {o:#?}");
    assert_eq!(o.stdout, "", "stdout; output: {o:#?}");
    let lines: Vec<&str> = o.stderr.lines().collect();
    assert!(lines.len() >= 2, "stderr: {:?}", o.stderr);
    assert!(lines[0].starts_with("protojs: "), "first stderr line: {:?}", lines[0]);
    assert!(lines[0].contains(first_line_contains), "first stderr line {:?} lacks {first_line_contains:?}", lines[0]);
    assert!(lines[1].starts_with("Usage: protojs"), "the usage must follow the one error line: {:?}", o.stderr);
    assert!(o.stderr.contains("--check"), "usage text incomplete: {:?}", o.stderr);
}

#[track_caller]
fn assert_contains_in_order(text: &str, patterns: &[&str]) {
    let mut pos = 0;
    for p in patterns {
        match text[pos..].find(p) {
            Some(i) => pos += i + p.len(),
            None => panic!("{p:?} not found (in order {patterns:?}) in:\n{text}"),
        }
    }
}

// ---- -e / --eval ----

#[test]
fn eval_runs_code() {
    assert_ok(&run(&["-e", "console.log(1 + 1)"]), "2\n");
    assert_ok(&run(&["--eval", "console.log('long form')"]), "long form\n");
    assert_ok(&run(&["--eval=console.log('inline form')"]), "inline form\n");
}

#[test]
fn eval_argv_is_exec_path_then_args() {
    let o = run(&["-e", "console.log(JSON.stringify(process.argv.slice(1)), process.argv[0] === process.execPath)", "a", "--b", "-e"]);
    assert_ok(&o, "[\"a\",\"--b\",\"-e\"] true\n");
}

#[test]
fn eval_runs_the_event_loop() {
    let o = run(&["-e", "setTimeout(() => console.log('later'), 1); Promise.resolve().then(() => console.log('microtask')); console.log('now')"]);
    assert_ok(&o, "now\nmicrotask\nlater\n");
}

#[test]
fn eval_uncaught_error() {
    let o = run(&["-e", "console.log('before'); throw new Error('eval boom')"]);
    assert_eq!(o.code, Some(1), "{o:#?}");
    assert_eq!(o.stdout, "before\n");
    assert_contains_in_order(&o.stderr, &["[eval]:1", "throw new Error('eval boom')", "^", "Error: eval boom"]);
}

#[test]
fn eval_syntax_error_runs_nothing() {
    let o = run(&["-e", "console.log('NOT REACHED'); let = ;"]);
    assert_eq!(o.code, Some(1), "{o:#?}");
    assert_eq!(o.stdout, "");
    assert_contains_in_order(&o.stderr, &["[eval]:1", "SyntaxError:"]);
}

#[test]
fn eval_exit_code() {
    let o = run(&["-e", "console.log('out'); process.exit(42)"]);
    assert_eq!(o.code, Some(42));
    assert_eq!(o.stdout, "out\n");
}

#[test]
fn eval_empty_code() {
    assert_ok(&run(&["-e", ""]), "");
}

#[test]
fn eval_needs_a_value() {
    assert_usage_error(&run(&["-e"]), "needs a value");
    assert_usage_error(&run(&["-p"]), "needs a value");
}

// ---- -p / --print ----

#[test]
fn print_values_like_console_log() {
    let cases: &[(&str, &str)] = &[
        ("1 + 2", "3\n"),
        ("'str'", "str\n"),
        ("({ a: 1, b: [1, 2] })", "{ a: 1, b: [ 1, 2 ] }\n"),
        ("[1, 'a', null]", "[ 1, 'a', null ]\n"),
        ("undefined", "undefined\n"),
        ("null", "null\n"),
        ("new Map([[1, 2]])", "Map(1) { 1 => 2 }\n"),
        ("Promise.resolve(5)", "Promise { 5 }\n"),
        ("let x = 6; x * 7", "42\n"),
    ];
    for (code, want) in cases {
        let o = run(&["-p", code]);
        assert_eq!(o.code, Some(0), "-p {code:?}: {o:#?}");
        assert_eq!(o.stdout, *want, "-p {code:?}: {o:#?}");
        assert_eq!(o.stderr, "", "-p {code:?}");
    }
    assert_ok(&run(&["--print", "6 * 7"]), "42\n");
    assert_ok(&run(&["--print=6 * 7"]), "42\n");
}

#[test]
fn print_then_event_loop() {
    assert_ok(&run(&["-p", "setTimeout(() => console.log('later'), 1); 'now'"]), "now\nlater\n");
}

#[test]
fn print_args() {
    assert_ok(&run(&["-p", "process.argv.slice(1).join(',')", "x", "y"]), "x,y\n");
}

#[test]
fn print_error() {
    let o = run(&["-p", "throw new TypeError('print boom')"]);
    assert_eq!(o.code, Some(1), "{o:#?}");
    assert_eq!(o.stdout, "");
    assert_contains_in_order(&o.stderr, &["[eval]:1", "TypeError: print boom"]);
}

// ---- --check ----

#[test]
fn check_good_file_runs_nothing() {
    let d = TempDir::new("check-good");
    d.write("good.js", "console.log('NOT REACHED: --check must not run the script');\nthrow new Error('not run either');\n");
    d.write("good.mjs", "console.log('NOT REACHED');\nawait null;\nexport const x = 1;\n");
    assert_ok(&run_in(Some(d.path()), &["--check", "good.js"], None), "");
    assert_ok(&run_in(Some(d.path()), &["--check", "good.mjs"], None), "");
    assert_ok(&run_in(Some(d.path()), &["--check=good.js"], None), "");
}

#[test]
fn check_bad_file() {
    let d = TempDir::new("check-bad");
    d.write("bad.js", "console.log('NOT REACHED');\nconst x = (1 + ;\n");
    let o = run_in(Some(d.path()), &["--check", "bad.js"], None);
    assert_eq!(o.code, Some(1), "{o:#?}");
    assert_eq!(o.stdout, "");
    assert_contains_in_order(&o.stderr, &["bad.js:2", "const x = (1 + ;", "^", "SyntaxError:"]);
}

#[test]
fn check_missing_file() {
    let o = run(&["--check", "no-such-file.js"]);
    assert_eq!(o.code, Some(1));
    assert_eq!(o.stdout, "");
    assert_eq!(o.stderr, "protojs: cannot open 'no-such-file.js': No such file or directory\n");
}

#[test]
fn check_empty_file() {
    let d = TempDir::new("check-empty");
    d.write("empty.js", "");
    assert_ok(&run_in(Some(d.path()), &["--check", "empty.js"], None), "");
}

// ---- version, help, usage errors ----

#[test]
fn version() {
    for flag in ["-v", "--version"] {
        let o = run(&[flag]);
        assert_eq!(o.code, Some(0));
        assert_eq!(o.stderr, "");
        assert!(o.stdout.starts_with(&format!("protojs {} ", env!("CARGO_PKG_VERSION"))), "{:?}", o.stdout);
        assert!(o.stdout.contains("QuickJS"), "{:?}", o.stdout);
        assert_eq!(o.stdout.lines().count(), 1, "{:?}", o.stdout);
    }
}

#[test]
fn help() {
    for flag in ["-h", "--help"] {
        let o = run(&[flag]);
        assert_eq!(o.code, Some(0));
        assert_eq!(o.stderr, "");
        assert!(o.stdout.starts_with("Usage: protojs"), "{:?}", o.stdout);
        for opt in ["--eval", "--print", "--check", "--workers", "--version", "--help"] {
            assert!(o.stdout.contains(opt), "help lacks {opt}: {:?}", o.stdout);
        }
    }
}

#[test]
fn unknown_option() {
    let d = TempDir::new("unknown-option");
    d.write("a.js", "console.log('NOT REACHED');\n");
    assert_usage_error(&run_in(Some(d.path()), &["--bogus", "a.js"], None), "unknown option '--bogus'");
    assert_usage_error(&run_in(Some(d.path()), &["-x", "a.js"], None), "'-x'");
    assert_usage_error(&run_in(Some(d.path()), &["--bogus=1", "a.js"], None), "--bogus");
}

#[test]
fn missing_file() {
    let o = run(&["no-such-file.js"]);
    assert_eq!(o.code, Some(1));
    assert_eq!(o.stdout, "");
    assert_eq!(o.stderr, "protojs: cannot open 'no-such-file.js': No such file or directory\n");
    let o = run(&["some/dir/x.js", "arg"]);
    assert_eq!(o.stderr, "protojs: cannot open 'some/dir/x.js': No such file or directory\n");
}

#[test]
fn directory_as_script() {
    let d = TempDir::new("directory");
    std::fs::create_dir(d.path().join("sub")).unwrap();
    let o = run_in(Some(d.path()), &["sub"], None);
    assert_eq!(o.code, Some(1));
    assert_eq!(o.stdout, "");
    assert_eq!(o.stderr, "protojs: cannot open 'sub': Is a directory\n");
}

#[test]
fn invalid_worker_counts() {
    let d = TempDir::new("workers");
    d.write("a.js", "console.log('NOT REACHED');\n");
    let at = |args: &[&str]| run_in(Some(d.path()), args, None);
    assert_usage_error(&at(&["--workers", "0", "a.js"]), "'0'");
    assert_usage_error(&at(&["--workers=0", "a.js"]), "'0'");
    assert_usage_error(&at(&["--workers", "abc", "a.js"]), "'abc'");
    assert_usage_error(&at(&["--workers", "-1", "a.js"]), "'-1'");
    assert_usage_error(&at(&["--workers"]), "needs a value");
    assert_usage_error(&at(&["--worker-memory-limit", "lots", "a.js"]), "'lots'");
}

#[test]
fn valid_worker_options() {
    let d = TempDir::new("workers-ok");
    d.write("a.js", "console.log('ran', process.argv.length);\n");
    let o = run_in(Some(d.path()), &["--workers", "2", "--worker-memory-limit", "64m", "a.js"], None);
    assert_ok(&o, "ran 2\n");
}

// ---- `--`, script arguments ----

#[test]
fn options_after_the_script_belong_to_it() {
    let d = TempDir::new("script-args");
    d.write("a.js", "console.log(JSON.stringify(process.argv.slice(2)));\n");
    let o = run_in(Some(d.path()), &["a.js", "--workers", "0", "-e", "x", "--", "-h"], None);
    assert_ok(&o, "[\"--workers\",\"0\",\"-e\",\"x\",\"--\",\"-h\"]\n");
}

#[test]
fn double_dash_ends_options() {
    let d = TempDir::new("double-dash");
    d.write("-weird.js", "console.log('weird name ran', JSON.stringify(process.argv.slice(2)));\n");
    d.write("a.js", "console.log(JSON.stringify(process.argv.slice(2)));\n");
    assert_ok(&run_in(Some(d.path()), &["--", "-weird.js", "x"], None), "weird name ran [\"x\"]\n");
    assert_ok(&run_in(Some(d.path()), &["--workers", "1", "--", "a.js", "--", "--bogus"], None), "[\"--\",\"--bogus\"]\n");
}

#[test]
fn argv1_is_the_resolved_absolute_path() {
    let d = TempDir::new("argv1");
    d.write("sub/n.js", "console.log(process.argv[1]);\n");
    let want = format!("{}\n", d.path().join("sub").join("n.js").display());
    assert_ok(&run_in(Some(d.path()), &["sub/n.js"], None), &want);
    // Like Node's path.resolve: `.` and `..` segments are removed.
    assert_ok(&run_in(Some(d.path()), &["./sub/n.js"], None), &want);
    assert_ok(&run_in(Some(d.path()), &["sub/../sub/n.js"], None), &want);
    let abs = d.path().join("sub/n.js");
    assert_ok(&run_in(None, &[abs.to_str().unwrap()], None), &want);
}

#[test]
fn empty_script_file() {
    let d = TempDir::new("empty-file");
    d.write("empty.js", "");
    d.write("empty.mjs", "");
    d.write("comment.js", "// nothing but a comment, no newline at the end");
    assert_ok(&run_in(Some(d.path()), &["empty.js"], None), "");
    assert_ok(&run_in(Some(d.path()), &["empty.mjs"], None), "");
    assert_ok(&run_in(Some(d.path()), &["comment.js"], None), "");
}

// ---- scripts from standard input ----

#[test]
fn stdin_with_dash() {
    let o = run_in(None, &["-", "a", "b"], Some("console.log('from stdin', JSON.stringify(process.argv.slice(1)))\n"));
    assert_ok(&o, "from stdin [\"-\",\"a\",\"b\"]\n");
}

#[test]
fn stdin_implicit_when_piped() {
    let o = run_in(None, &[], Some("setTimeout(() => console.log('timer'), 1); console.log('piped script')"));
    assert_ok(&o, "piped script\ntimer\n");
    let o = run_in(None, &["--workers", "2"], Some("console.log('after options')"));
    assert_ok(&o, "after options\n");
}

#[test]
fn stdin_module() {
    let o = run_in(None, &["-"], Some("export {};\nawait null;\nconsole.log('module from stdin', typeof this);\n"));
    assert_ok(&o, "module from stdin undefined\n");
}

#[test]
fn stdin_error_names_stdin() {
    let o = run_in(None, &["-"], Some("console.log('before');\nthrow new Error('stdin boom');\n"));
    assert_eq!(o.code, Some(1), "{o:#?}");
    assert_eq!(o.stdout, "before\n");
    assert_contains_in_order(&o.stderr, &["[stdin]:2", "throw new Error('stdin boom');", "^", "Error: stdin boom"]);
}

#[test]
fn stdin_empty() {
    assert_ok(&run_in(None, &["-"], Some("")), "");
    assert_ok(&run_in(None, &[], None), "");
}

// ---- the interactive prompt (-i forces it on piped input) ----

/// The prompt's output for `input`: the banner dropped, one line per prompt.
fn repl(input: &str) -> Out {
    run_in(None, &["-i"], Some(input))
}

#[test]
fn repl_evaluates_inputs_keeps_declarations_and_prints_values() {
    let o = repl("1 + 1\nlet x = 5\nx * 2\n{ a: 1, b: [1, 2] }\n'str'\n_\n");
    assert_eq!(o.code, Some(0), "{o:?}");
    assert!(o.stdout.starts_with("Welcome to protojs "), "{o:?}");
    let body = o.stdout.split_once("information.\n").unwrap().1;
    assert_eq!(body, "> 2\n> undefined\n> 10\n> { a: 1, b: [ 1, 2 ] }\n> 'str'\n> 'str'\n> \n");
}

#[test]
fn repl_continues_unfinished_inputs_and_reports_errors() {
    let o = repl("function f(a) {\n  return a * 3\n}\nf(4)\n`one\ntwo`\nnosuch\n\"open\nthrow new TypeError('bad')\n[1,\n.break\n3\n");
    assert_eq!(o.code, Some(0), "{o:?}");
    let body = o.stdout.split_once("information.\n").unwrap().1;
    assert_contains_in_order(
        body,
        &[
            "> ... ... undefined\n",
            "> 12\n",
            "> ... 'one\\ntwo'\n",
            "> Uncaught ReferenceError: 'nosuch' is not defined\n    at <eval> (REPL",
            "> Uncaught SyntaxError: unexpected end of string",
            "> Uncaught TypeError: bad\n    at <eval> (REPL",
            "> ... > 3\n",
        ],
    );
    assert!(!body.contains("protojs:repl"), "the prompt's own frames are not shown: {body}");
}

#[test]
fn repl_awaits_at_top_level_and_runs_the_loop_between_inputs() {
    let o = repl("await new Promise((r) => setTimeout(() => r('waited'), 20))\nawait new Deferred((a) => a * 7, 6)\nsetTimeout(() => console.log('timer fired'), 10); 'scheduled'\n");
    assert_eq!(o.code, Some(0), "{o:?}");
    let body = o.stdout.split_once("information.\n").unwrap().1;
    assert_contains_in_order(body, &["> 'waited'\n", "> 42\n", "> 'scheduled'\n", "timer fired\n"]);
}

#[test]
fn repl_commands_and_exit_codes() {
    let o = repl(".help\n.nope\n.exit\n1\n");
    assert_eq!(o.code, Some(0), "{o:?}");
    assert_contains_in_order(&o.stdout, &[".exit     Exit the REPL", "> Invalid REPL keyword\n"]);
    assert!(!o.stdout.contains("> 1"), ".exit stops reading: {o:?}");
    let o = repl("process.exit(4)\n1\n");
    assert_eq!(o.code, Some(4), "{o:?}");
    // An uncaught error in a callback is reported and the prompt goes on.
    let o = repl("setTimeout(() => { throw new Error('late') }, 1); 0\nawait new Promise((r) => setTimeout(r, 50)); 'after'\n");
    assert_eq!(o.code, Some(0), "{o:?}");
    assert!(o.stderr.contains("Error: late"), "{o:?}");
    assert!(o.stdout.contains("> 'after'\n"), "{o:?}");
}

#[test]
fn console_colours_follow_node_rules() {
    let code = "console.log({ a: 1 }, 2, 's', [null, undefined])";
    // Into a pipe: no colours.
    assert_ok(&run(&["-e", code]), "{ a: 1 } 2 s [ null, undefined ]\n");
    // FORCE_COLOR forces them, as in node; FORCE_COLOR=0 does not.
    let forced = |value: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_protojs")).args(["-e", code]).env("FORCE_COLOR", value).output().unwrap();
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert_eq!(
        forced("1"),
        "{ a: \u{1b}[33m1\u{1b}[39m } \u{1b}[33m2\u{1b}[39m s [ \u{1b}[1mnull\u{1b}[22m, \u{1b}[90mundefined\u{1b}[39m ]\n"
    );
    assert_eq!(forced("0"), "{ a: 1 } 2 s [ null, undefined ]\n");
    assert_eq!(forced("yes"), "{ a: 1 } 2 s [ null, undefined ]\n", "as node: only '', 1, true, 2, 3 force colours");
    assert_eq!(forced(""), forced("1"));
}

#[test]
fn repl_survives_values_that_cannot_be_shown_and_bad_bytes() {
    // Inspecting the thrown proxy throws; a line that is not UTF-8 still evaluates.
    let o = repl("const p = new Proxy({}, { get() { throw new Error('g') } })\nthrow p\n2 + 2\n\"\u{fffd}\"\n'\\xff'.length\n");
    assert_eq!(o.code, Some(0), "{o:?}");
    assert_contains_in_order(&o.stdout, &["> Uncaught ", "> 4\n", "> '\u{fffd}'\n", "> 1\n"]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_protojs"))
        .args(["-i", "--workers", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"'a\xffb'\nDeferred.poolSize\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("> 'a\u{fffd}b'\n> 1\n"), "{text}");
}

#[test]
fn repl_ctrl_c_stops_a_running_input_and_the_prompt_goes_on() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_protojs"))
        .arg("-i")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = seen.clone();
    let reader = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let text = || String::from_utf8_lossy(&seen.lock().unwrap()).into_owned();
    let wait_for = |what: &str| {
        let start = Instant::now();
        while !text().contains(what) {
            assert!(start.elapsed() < TIMEOUT, "waiting for {what:?}: {}", text());
            std::thread::sleep(Duration::from_millis(10));
        }
    };
    stdin.write_all(b"console.log('looping'); while (true) {}\n").unwrap();
    wait_for("looping");
    std::thread::sleep(Duration::from_millis(50));
    // SAFETY: sends SIGINT to our own child process.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) }, 0);
    wait_for("interrupted");
    // An awaited input (its task spins on a worker) stops being waited for.
    stdin.write_all(b"console.log('awaiting'); await new Deferred(() => { for (;;); })\n").unwrap();
    wait_for("awaiting");
    std::thread::sleep(Duration::from_millis(50));
    // SAFETY: sends SIGINT to our own child process.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) }, 0);
    wait_for("ERR_SCRIPT_EXECUTION_INTERRUPTED");
    stdin.write_all(b"6 * 7\n.exit\n").unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert_eq!(status.code(), Some(0), "{}", text());
    assert_contains_in_order(
        &text(),
        &["> looping\n", "Uncaught InternalError: interrupted", "> awaiting\n", "Error [ERR_SCRIPT_EXECUTION_INTERRUPTED]: Script execution was interrupted", "> 42\n"],
    );
}
