//! Fuzz target: the fuzzer's bytes choose a JS value (tests/js/deferred/_roundtrip_lib.mjs
//! draws every decision from them), which goes to a worker and back through the transfer
//! layer; a value that does not come back deeply equal (shared references and cycles
//! included) is a crash. One host and one worker serve every input (AFL persistent mode).

use protojs::event_loop::Inbox;
use protojs::host::{Config, Host, Role};
use std::sync::Arc;

const LIB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/js/deferred/_roundtrip_lib.mjs");

fn check_script() -> String {
    format!(
        "import {{ randomValue, equal }} from '{LIB}';
         const bytes = globalThis.__input;
         let i = 0;
         const rnd = () => (i < bytes.length ? bytes[i++] : 0) / 256;
         const value = randomValue(rnd);
         globalThis.__ok = undefined;
         new Deferred((v) => v, value).then(
           (back) => {{ globalThis.__ok = equal(value, back); }},
           (e) => {{ globalThis.__ok = 'rejected: ' + e; }});"
    )
}

fn main() {
    let config = Config { argv: vec!["protojs-fuzz".into()], workers: Some(1), ..Config::default() };
    let host = Host::new(Role::Main, Arc::new(config), Arc::new(Inbox::new()));
    let script = check_script();
    // A failed check aborts the process (AFL's crash), so no state is observed after unwinding.
    let host = std::panic::AssertUnwindSafe(&*host);
    afl::fuzz!(|data: &[u8]| {
        let ctx = host.ctx;
        ctx.global().set("__input", ctx.new_uint8_array(data).unwrap()).unwrap();
        host.run_main(script.as_bytes(), "fuzz.mjs", true).expect("check script runs");
        host.run_loop();
        let ok = ctx.global().get("__ok").unwrap();
        if ok.as_bool() != Some(true) {
            panic!("round trip failed: {}", ok.to_string_lossy());
        }
    });
}
