#!/usr/bin/env bash
# Builds the AFL++ target and fuzzes it for a fixed budget (default 60 s); prints executions,
# coverage and crashes, and fails if AFL++ found a crash. Needs cargo-afl (cargo install
# cargo-afl) and runs as root-free or root alike.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_BUDGET="${1:-60}"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
cargo afl build --release --quiet
rm -rf out && mkdir -p in
printf 'seed' > in/seed
printf '\x0a\x09\x0b\x0c\x0d\x0e\x0f\x10\x20\x30' > in/nested
cargo afl fuzz -i in -o out -V "$SECONDS_BUDGET" target/release/roundtrip >/dev/null 2>&1 || true
stats=out/default/fuzzer_stats
[ -f "$stats" ] || { echo "fuzz: AFL++ did not run (no $stats)" >&2; exit 1; }
field() { awk -F' *: *' -v k="$1" '$1==k {print $2}' "$stats"; }
crashes=$(ls out/default/crashes 2>/dev/null | grep -vc README || true)
echo "fuzz roundtrip: $(field execs_done) executions in $(field run_time) s, $(field corpus_count) corpus entries, bitmap coverage $(field bitmap_cvg), $crashes crashes"
[ "$crashes" -eq 0 ] || { echo "fuzz: crashing inputs in fuzz/out/default/crashes" >&2; exit 1; }
