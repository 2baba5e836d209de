//! Module loading, `.jsc` bytecode files and the compile cache, end to end with the built
//! binary, in temporary directories (the script tests for modules are in tests/js/modules).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static SEQ: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "protojs-modules-{}-{}-{name}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p.canonicalize().unwrap())
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs protojs in `dir` with `args`; the compile cache is off unless `cache` names a dir.
fn protojs(dir: &Path, args: &[&str], cache: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_protojs"));
    cmd.args(args).current_dir(dir).stdin(Stdio::null());
    match cache {
        Some(c) => cmd.env("PROTOJS_CACHE_DIR", c).env_remove("PROTOJS_NO_CACHE"),
        None => cmd.env("PROTOJS_NO_CACHE", "1"),
    };
    cmd.output().expect("run protojs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[track_caller]
fn assert_ok(o: &Output) -> String {
    assert!(o.status.success(), "exit {:?}\nstdout:\n{}\nstderr:\n{}", o.status, text(&o.stdout), text(&o.stderr));
    text(&o.stdout)
}

/// Exit 1 with a message, never a crash (a signal would have no exit code).
#[track_caller]
fn assert_refused(o: &Output, what: &str) -> String {
    assert_eq!(o.status.code(), Some(1), "{what}: expected exit 1, got {:?}\nstderr:\n{}", o.status, text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains("cannot run"), "{what}: stderr lacks the reason:\n{err}");
    assert!(o.stdout.is_empty(), "{what}: something ran:\n{}", text(&o.stdout));
    err
}

fn app(dir: &TempDir) {
    dir.write("lib/util.mjs", "export const twice = (x) => x * 2;\n");
    dir.write("lib/data.json", "{ \"answer\": 21 }\n");
    dir.write("lib/helper.cjs", "exports.name = 'helper';\n");
    dir.write(
        "app.mjs",
        "import { twice } from './lib/util.mjs';\nimport data from './lib/data.json' with { type: 'json' };\nimport { name } from './lib/helper.cjs';\n\
         console.log(twice(data.answer), name, import.meta.url.endsWith('.jsc') ? 'from bytecode' : 'from source');\n",
    );
    dir.write(
        "app.cjs",
        "const h = require('./lib/helper.cjs');\nconsole.log(h.name, require('./lib/data.json').answer, __filename.endsWith('.jsc') ? 'from bytecode' : 'from source');\n\
         function fail() { throw new Error('thrown at line 4'); }\nif (process.argv[2] === 'fail') fail();\n",
    );
}

#[test]
fn compile_and_run_bytecode() {
    let dir = TempDir::new("jsc");
    app(&dir);
    assert_eq!(assert_ok(&protojs(&dir.0, &["app.mjs"], None)), "42 helper from source\n");
    assert_ok(&protojs(&dir.0, &["compile", "app.mjs", "-o", "app.jsc"], None));
    assert_eq!(assert_ok(&protojs(&dir.0, &["app.jsc"], None)), "42 helper from bytecode\n");
    // default output name, CommonJS
    assert_ok(&protojs(&dir.0, &["compile", "app.cjs"], None));
    assert_eq!(assert_ok(&protojs(&dir.0, &["app.jsc"], None)), "helper 21 from bytecode\n");
    // errors in bytecode keep the source's file and line
    let o = protojs(&dir.0, &["app.jsc", "fail"], None);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("thrown at line 4") && err.contains("app.cjs:3"), "{err}");
}

#[test]
fn bytecode_resolves_imports_next_to_the_jsc_file() {
    let dir = TempDir::new("jsc-moved");
    app(&dir);
    assert_ok(&protojs(&dir.0, &["compile", "app.mjs", "-o", "app.jsc"], None));
    let other = TempDir::new("jsc-moved-to");
    app(&other);
    std::fs::write(other.path("lib/data.json"), "{ \"answer\": 50 }").unwrap();
    std::fs::rename(dir.path("app.jsc"), other.path("app.jsc")).unwrap();
    assert_eq!(assert_ok(&protojs(&other.0, &["app.jsc"], None)), "100 helper from bytecode\n");
}

#[test]
fn compile_errors() {
    let dir = TempDir::new("jsc-errors");
    dir.write("bad.js", "const x = ;\n");
    dir.write("missing_dep.mjs", "import './nope.mjs';\n");
    let o = protojs(&dir.0, &["compile", "bad.js"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("SyntaxError"), "{}", text(&o.stderr));
    let o = protojs(&dir.0, &["compile", "missing_dep.mjs"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("Cannot find module './nope.mjs'"), "{}", text(&o.stderr));
    let o = protojs(&dir.0, &["compile", "nothere.js"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("cannot open 'nothere.js'"));
    let o = protojs(&dir.0, &["compile", "bad.js", "-o", "out.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path("bad.jsc").exists() && !dir.path("missing_dep.jsc").exists());
}

#[test]
fn corrupt_bytecode_is_refused_never_run() {
    let dir = TempDir::new("jsc-corrupt");
    dir.write(
        "prog.js",
        &format!("console.log('ran');\n{}", "function pad(a, b) { return [a, b, 'padding'].join('-'); }\n".repeat(20)),
    );
    assert_ok(&protojs(&dir.0, &["compile", "prog.js"], None));
    let good = std::fs::read(dir.path("prog.jsc")).unwrap();
    assert_eq!(assert_ok(&protojs(&dir.0, &["prog.jsc"], None)), "ran\n");

    // truncated at every 7th length (and the edges)
    let mut lengths: Vec<usize> = (0..good.len()).step_by(7).collect();
    lengths.extend([1, 8, 69, 70, good.len() - 1]);
    for n in lengths {
        std::fs::write(dir.path("cut.jsc"), &good[..n]).unwrap();
        assert_refused(&protojs(&dir.0, &["cut.jsc"], None), &format!("truncated to {n}"));
    }
    // one flipped bit, spread over header and payload
    for i in (0..good.len() * 8).step_by(good.len() * 8 / 97) {
        let mut bad = good.clone();
        bad[i / 8] ^= 1 << (i % 8);
        std::fs::write(dir.path("flip.jsc"), &bad).unwrap();
        assert_refused(&protojs(&dir.0, &["flip.jsc"], None), &format!("bit {i} flipped"));
    }
    // trailing garbage, text, empty file
    let mut longer = good.clone();
    longer.extend_from_slice(b"junk");
    for (name, bytes) in
        [("long.jsc", longer), ("text.jsc", b"console.log('not bytecode')".to_vec()), ("empty.jsc", vec![])]
    {
        std::fs::write(dir.path(name), &bytes).unwrap();
        assert_refused(&protojs(&dir.0, &[name], None), name);
    }
}

/// Rewrites the engine version in a `.jsc` header and fixes the header checksum, as a file
/// from another protojs build would look.
fn other_engine(file: &mut [u8]) {
    use protojs::compile::format::crc32;
    file[16..32].copy_from_slice(b"1999-01-01\0\0\0\0\0\0");
    let header_len = u32::from_le_bytes(file[12..16].try_into().unwrap()) as usize;
    let crc = crc32(&file[..header_len - 4]);
    file[header_len - 4..header_len].copy_from_slice(&crc.to_le_bytes());
}

#[test]
fn bytecode_of_another_engine_version_is_refused() {
    let dir = TempDir::new("jsc-version");
    dir.write("v.js", "console.log('ran');\n");
    assert_ok(&protojs(&dir.0, &["compile", "v.js"], None));
    let mut bytes = std::fs::read(dir.path("v.jsc")).unwrap();
    other_engine(&mut bytes);
    std::fs::write(dir.path("v.jsc"), &bytes).unwrap();
    let err = assert_refused(&protojs(&dir.0, &["v.jsc"], None), "other engine");
    assert!(err.contains("compiled for QuickJS 1999-01-01") && err.contains("recompile"), "{err}");
}

/// A script big enough for the cache (4 KiB) whose output is `tag`.
fn big_script(tag: &str) -> String {
    let mut s = format!("const tag = '{tag}';\n");
    for i in 0..120 {
        s.push_str(&format!("function f{i}(x) {{ return x + {i}; }}\n"));
    }
    s.push_str("console.log(tag, f7(1));\n");
    s
}

/// The cache's entries for user files (protojs's own builtin modules live in `builtins/`).
fn cache_entries(cache: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(cache)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Lets the sources' timestamps age past the cache's racy-timestamp window.
fn settle() {
    std::thread::sleep(protojs::compile::cache::SETTLE + Duration::from_millis(100));
}

#[test]
fn compile_cache_hits_invalidates_and_survives_corruption() {
    let dir = TempDir::new("cache");
    let cache = dir.path("cache");
    dir.write("main.js", &big_script("AAAA"));
    dir.write("lib.mjs", &format!("export const x = 1;\n{}", "// padding to be worth caching\n".repeat(200)));
    dir.write("esm.mjs", "import { x } from './lib.mjs';\nconsole.log('esm', x);\n");
    dir.write("small.js", "console.log('small');\n");
    settle();

    // first run stores, second run reads (same output)
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "AAAA 8\n");
    assert_eq!(cache_entries(&cache).len(), 1);
    let entry = cache_entries(&cache).remove(0);
    let stored = std::fs::read(&entry).unwrap();
    assert!(protojs::compile::format::decode(&stored).is_ok());
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "AAAA 8\n");

    // proof that the entry is what runs: swap in another program's bytecode under the same key
    dir.write("other.cjs", "console.log('bytecode from the cache');\n");
    assert_ok(&protojs(&dir.0, &["compile", "other.cjs"], None));
    let other = std::fs::read(dir.path("other.jsc")).unwrap();
    let (_, other_payload) = protojs::compile::format::decode(&other).unwrap();
    let (header, _) = protojs::compile::format::decode(&stored).unwrap();
    std::fs::write(&entry, protojs::compile::format::encode(&header, other_payload)).unwrap();
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "bytecode from the cache\n");
    std::fs::write(&entry, &stored).unwrap();

    // imported modules are cached too; small files are not
    assert_eq!(assert_ok(&protojs(&dir.0, &["esm.mjs"], Some(&cache))), "esm 1\n");
    assert_ok(&protojs(&dir.0, &["small.js"], Some(&cache)));
    assert_eq!(cache_entries(&cache).len(), 2, "{:?}", cache_entries(&cache));

    // an edit of the same size is seen (mtime/ctime are part of the key)
    dir.write("main.js", &big_script("BBBB"));
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "BBBB 8\n");
    settle();
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "BBBB 8\n");
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "BBBB 8\n");

    // a corrupt or truncated entry is a miss, then rewritten
    for damage in [
        |b: &mut Vec<u8>| {
            let n = b.len() / 2;
            b[n] ^= 4;
        },
        |b: &mut Vec<u8>| b.truncate(b.len() / 3),
        |b: &mut Vec<u8>| other_engine(b),
    ] {
        let mut bytes = std::fs::read(&entry).unwrap();
        damage(&mut bytes);
        std::fs::write(&entry, &bytes).unwrap();
        assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "BBBB 8\n");
        assert!(protojs::compile::format::decode(&std::fs::read(&entry).unwrap()).is_ok(), "entry not rewritten");
    }

    // PROTOJS_NO_CACHE=1 neither reads nor writes
    let off = dir.path("cache-off");
    let o = Command::new(env!("CARGO_BIN_EXE_protojs"))
        .arg("main.js")
        .current_dir(&dir.0)
        .env("PROTOJS_CACHE_DIR", &off)
        .env("PROTOJS_NO_CACHE", "1")
        .output()
        .unwrap();
    assert_eq!(assert_ok(&o), "BBBB 8\n");
    assert!(!off.exists());
}

#[test]
fn fresh_sources_are_not_cached_until_their_timestamps_settle() {
    let dir = TempDir::new("cache-racy");
    let cache = dir.path("cache");
    dir.write("main.js", &big_script("NEW"));
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "NEW 8\n");
    assert!(cache_entries(&cache).is_empty(), "a just-written source was cached");
}

#[test]
fn concurrent_writers_leave_one_valid_entry() {
    let dir = TempDir::new("cache-race");
    let cache = dir.path("cache");
    dir.write("main.js", &big_script("RACE"));
    settle();
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_protojs"))
                .arg("main.js")
                .current_dir(&dir.0)
                .env("PROTOJS_CACHE_DIR", &cache)
                .env_remove("PROTOJS_NO_CACHE")
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        assert_eq!(assert_ok(&c.wait_with_output().unwrap()), "RACE 8\n");
    }
    let entries = cache_entries(&cache);
    assert_eq!(entries.len(), 1, "temporary files left behind: {entries:?}");
    assert!(protojs::compile::format::decode(&std::fs::read(&entries[0]).unwrap()).is_ok());
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], Some(&cache))), "RACE 8\n");
}

#[test]
fn require_in_eval_and_stdin() {
    let dir = TempDir::new("eval");
    dir.write("lib.js", "module.exports = 'lib';\n");
    let o = protojs(
        &dir.0,
        &["-e", "console.log(require('./lib'), __filename, __dirname, module.id, require('path').sep)"],
        None,
    );
    assert_eq!(assert_ok(&o), "lib [eval] . [eval] /\n");
    let o = protojs(&dir.0, &["-p", "require('./lib').length"], None);
    assert_eq!(assert_ok(&o), "3\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_protojs"))
        .current_dir(&dir.0)
        .env("PROTOJS_NO_CACHE", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"console.log(require('./lib'), __filename)").unwrap();
    assert_eq!(assert_ok(&child.wait_with_output().unwrap()), "lib [stdin]\n");
    // ES module code from -e resolves relative imports from the working directory
    dir.write("m.mjs", "export default 'esm';\n");
    let o = protojs(&dir.0, &["-e", "import m from './m.mjs'; console.log(m, typeof require)"], None);
    assert_eq!(assert_ok(&o), "esm undefined\n");
}

#[test]
fn symlinked_files_are_one_module() {
    let dir = TempDir::new("symlink");
    dir.write("real/counter.js", "module.exports = { n: 0 };\n");
    std::os::unix::fs::symlink(dir.path("real"), dir.path("alias")).unwrap();
    dir.write("main.js", "const a = require('./real/counter'); const b = require('./alias/counter'); a.n++; console.log(a === b, b.n);\n");
    assert_eq!(assert_ok(&protojs(&dir.0, &["main.js"], None)), "true 1\n");
}

#[test]
fn builtin_modules_are_cached_as_bytecode() {
    let dir = TempDir::new("builtin-cache");
    let cache = dir.path("cache");
    dir.write("show.js", "console.log({ a: [1, 2], m: new Map([[1, 'x']]) });\n");
    let first = assert_ok(&protojs(&dir.0, &["show.js"], Some(&cache)));
    let builtins = cache.join("builtins");
    let entries: Vec<_> = std::fs::read_dir(&builtins).expect("builtins/ in the cache").collect();
    assert!(!entries.is_empty(), "the inspector's bytecode was not stored");
    // A second run reads the entries (same output); a corrupted entry is a miss, not a crash.
    assert_eq!(assert_ok(&protojs(&dir.0, &["show.js"], Some(&cache))), first);
    for e in std::fs::read_dir(&builtins).unwrap() {
        let p = e.unwrap().path();
        let mut bytes = std::fs::read(&p).unwrap();
        let mid = bytes.len() / 2;
        bytes[mid] ^= 0x55;
        std::fs::write(&p, bytes).unwrap();
    }
    assert_eq!(assert_ok(&protojs(&dir.0, &["show.js"], Some(&cache))), first);
    assert_eq!(first, "{ a: [ 1, 2 ], m: Map(1) { 1 => 'x' } }\n");
}
