#!/usr/bin/env bash
# protojs benchmark suite: ONE command, run from anywhere:
#
#     bench/run.sh [--quick] [--rounds N] [--json FILE]
#
# 1. builds protojs in release (`cargo build --release`; set PROTOJS_BIN=/path/to/protojs to
#    benchmark that binary instead, without building);
# 2. builds the reference `qjs` from the vendored QuickJS release (vendor/quickjs, copied to
#    bench/.peers/quickjs, `make qjs`; cached until vendor/quickjs changes);
# 3. installs piscina with npm into bench/.peers/node_modules when missing;
# 4. runs every benchmark (bench/harness.py) and prints one table with the ratios
#    protojs / best peer against the targets of issues 2 and 6.
#
# Everything installed or built goes to bench/.peers/ (ignored by git). Needs: cargo, a C
# compiler and make, python3; node and npm for the node/piscina peers (else reported n/a);
# hyperfine is used for start-up times when installed (apt-get install hyperfine).
# See bench/README.md. Takes about 3-4 minutes on a 2-core machine.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
PEERS="$BENCH/.peers"
mkdir -p "$PEERS"

say() { printf '== %s\n' "$*" >&2; }

if [[ -n "${PROTOJS_BIN:-}" ]]; then
  say "using PROTOJS_BIN=$PROTOJS_BIN (no cargo build)"
else
  say "building protojs (cargo build --release)"
  (cd "$ROOT" && cargo build --release --quiet)
fi

# Reference qjs: same QuickJS release, its own Makefile and options (-O2), built in a copy
# so that vendor/ stays untouched. The stamp is a hash of the vendored sources.
QJS_DIR="$PEERS/quickjs"
stamp="$(cd "$ROOT/vendor/quickjs" && cat ./*.c ./*.h Makefile VERSION | sha256sum | cut -c1-16)"
if [[ ! -x "$QJS_DIR/qjs" || "$(cat "$QJS_DIR/.stamp" 2>/dev/null)" != "$stamp" ]]; then
  say "building reference qjs from vendor/quickjs (about 30-60 s, cached afterwards)"
  rm -rf "$QJS_DIR"
  cp -r "$ROOT/vendor/quickjs" "$QJS_DIR"
  make -C "$QJS_DIR" -j"$(nproc)" qjs >"$PEERS/qjs-build.log" 2>&1 \
    || { tail -20 "$PEERS/qjs-build.log" >&2; exit 1; }
  echo "$stamp" >"$QJS_DIR/.stamp"
fi

if command -v npm >/dev/null && [[ ! -d "$PEERS/node_modules/piscina" ]]; then
  say "installing piscina into bench/.peers (npm)"
  npm install --silent --no-audit --no-fund --prefix "$PEERS" piscina@5 >&2
fi
if [[ ! -x /usr/bin/time ]] && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
  say "installing GNU time (peak RSS)"
  apt-get install -y -qq time >/dev/null 2>&1 || say "could not install time: peak RSS not measured"
fi
command -v hyperfine >/dev/null || say "hyperfine not found: start-up times use a Python loop"

say "running benchmarks"
exec python3 "$BENCH/harness.py" "$@"
