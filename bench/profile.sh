#!/usr/bin/env bash
# Where protojs's time goes per Deferred task, in instructions (callgrind: repeatable on a
# noisy machine). Usage:
#
#     bench/profile.sh [roundtrip|throughput|all] [inline|hoisted|both]
#
# Builds protojs in release WITH debug info into bench/.peers/prof-target (the optimised
# code is the same as `cargo build --release`; only symbols and line tables are added), then
# for each workload runs it twice under valgrind's callgrind, with N tasks and with 0 tasks
# (same warm-up), one profile per thread, and prints what one more task costs:
# instructions per task on the main thread and on the workers, the top functions by self
# cost, and the main call paths (bench/cgtree.py). Profiles stay in bench/.peers/callgrind/
# for callgrind_annotate or kcachegrind. Needs valgrind. Takes 1-3 minutes.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
OUT="$BENCH/.peers/callgrind"
WHICH="${1:-all}"
MODES="${2:-both}"
mkdir -p "$OUT"
command -v valgrind >/dev/null || { echo "valgrind is required (apt-get install valgrind)" >&2; exit 1; }

echo "== building protojs (release + debug info) into bench/.peers/prof-target" >&2
(cd "$ROOT" && CARGO_PROFILE_RELEASE_DEBUG=1 cargo build --release --quiet --target-dir "$BENCH/.peers/prof-target")
BIN="$BENCH/.peers/prof-target/release/protojs"

join_files() {
  local f files=()
  for f in "$1"-*; do
    [[ "$f" == "$1-01" || "$f" == *.log ]] || files+=("$f")
  done
  (IFS=,; echo "${files[*]}")
}

[[ "$MODES" == both ]] && MODES="inline hoisted"
case "$WHICH" in
  all) WORKLOADS="roundtrip throughput" ;;
  roundtrip | throughput) WORKLOADS="$WHICH" ;;
  *) echo "usage: $0 [roundtrip|throughput|all] [inline|hoisted|both]" >&2; exit 2 ;;
esac

for w in $WORKLOADS; do
  if [[ $w == roundtrip ]]; then n=2000; warm=200; else n=20000; warm=2000; fi
  for m in $MODES; do
    for k in "$n" 0; do
      rm -f "$OUT/$w.$m.$k"-*
      valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$OUT/$w.$m.$k" \
        "$BIN" --workers 2 "$BENCH/protojs/$w.mjs" "$k" "$warm" "$m" >/dev/null 2>"$OUT/$w.$m.$k.log" \
        || { tail "$OUT/$w.$m.$k.log" >&2; exit 1; }
    done
    main_n="$OUT/$w.$m.$n-01"
    main_0="$OUT/$w.$m.0-01"
    # Thread 01 is the main thread; every other per-thread file is a worker.
    workers_n="$(join_files "$OUT/$w.$m.$n")"
    workers_0="$(join_files "$OUT/$w.$m.0")"
    echo
    echo "################ $w, $m function ($n tasks vs 0, --workers 2)"
    echo "---- main thread"
    python3 "$BENCH/cgtree.py" "$main_n" "$main_0" "$n" --top 20 --depth 2 --min 1.5 \
      --tree 'builtins::deferred::construct' 'builtins::deferred::submit' 'Client::submit' \
      'Client::settle' 'js_promise_resolve_thenable_job' 'js_promise_all' 'JS_RunGC'
    echo "---- worker threads (together)"
    python3 "$BENCH/cgtree.py" "$workers_n" "$workers_0" "$n" --top 12 --depth 2 --min 2 \
      --tree 'TaskRunner as protojs::pool::Worker>::run' 'WorkerThread<T>::search'
  done
done
