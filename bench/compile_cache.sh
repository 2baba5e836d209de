#!/usr/bin/env bash
# Start-up of a large script: parsing from source vs mapping bytecode from the compile cache
# vs a precompiled .jsc file. One command, from anywhere:
#
#     bench/compile_cache.sh [SIZE_KB] [RUNS]        (defaults: 1000 KB, 30 runs)
#
# Generates a CommonJS script of about SIZE_KB of ordinary JS (2000+ small functions
# registered in a Map, one printed), builds protojs in release (or uses $PROTOJS_BIN), fills
# a private cache directory (PROTOJS_CACHE_DIR) and prints the median and best wall time of
# each way to start it. Everything lives in a temporary directory that is removed at exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE_KB="${1:-1000}"
RUNS="${2:-30}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [[ -z "${PROTOJS_BIN:-}" ]]; then
  (cd "$ROOT" && cargo build --release --quiet)
  PROTOJS_BIN="$ROOT/target/release/protojs"
fi

python3 - "$WORK/big.js" "$SIZE_KB" <<'EOF'
import sys
path, size = sys.argv[1], int(sys.argv[2]) * 1000
out = ['"use strict";', 'const registry = new Map();']
i = n = 0
while n < size:
    body = f"""function handler{i}(input, options = {{}}) {{
  const values = [];
  for (let k = 0; k < (options.count || 3); k++) {{
    values.push({{ id: k + {i}, label: `item-${{k}}-{i}`, weight: Math.sqrt(k * {i % 97 + 1}) }});
  }}
  if (input && typeof input === 'object') {{
    return Object.assign({{}}, input, {{ values, total: values.reduce((s, v) => s + v.weight, 0) }});
  }}
  return values.length > {i % 5} ? values.slice(0, {i % 5 + 1}) : values;
}}
registry.set('handler{i}', handler{i});
"""
    out.append(body)
    n += len(body)
    i += 1
out.append("process.stdout.write(registry.size + ' ' + registry.get('handler7')({ a: 1 }).total.toFixed(3) + '\\n');")
open(path, 'w').write('\n'.join(out))
EOF

cd "$WORK"
CACHE="$WORK/cache"
# The cache only stores sources whose timestamps are at least a second old.
touch -d '1 minute ago' big.js
sleep 1.2
PROTOJS_NO_CACHE=1 "$PROTOJS_BIN" compile big.js -o big.jsc
PROTOJS_CACHE_DIR="$CACHE" "$PROTOJS_BIN" big.js >/dev/null
expected="$(PROTOJS_NO_CACHE=1 "$PROTOJS_BIN" big.js)"
for v in "$(PROTOJS_CACHE_DIR="$CACHE" "$PROTOJS_BIN" big.js)" "$(PROTOJS_NO_CACHE=1 "$PROTOJS_BIN" big.jsc)"; do
  [[ "$v" == "$expected" ]] || { echo "output differs: '$v' vs '$expected'" >&2; exit 1; }
done

python3 - "$PROTOJS_BIN" "$RUNS" "$CACHE" <<'EOF'
import os, statistics, subprocess, sys, time
binary, runs, cache = sys.argv[1], int(sys.argv[2]), sys.argv[3]
src = os.path.getsize('big.js')
entry = sum(os.path.getsize(os.path.join(cache, f)) for f in os.listdir(cache))
cases = [
    ('parse from source (PROTOJS_NO_CACHE=1)', ['big.js'], {'PROTOJS_NO_CACHE': '1'}),
    ('compile cache hit (mapped bytecode)', ['big.js'], {'PROTOJS_CACHE_DIR': cache}),
    ('precompiled big.jsc', ['big.jsc'], {'PROTOJS_NO_CACHE': '1'}),
    ('empty program (-e 0), for scale', ['-e', '0'], {'PROTOJS_NO_CACHE': '1'}),
]
times = {name: [] for name, _, _ in cases}
for _ in range(runs):  # interleaved, so drift hits every case alike
    for name, args, env in cases:
        e = dict(os.environ, **env)
        t = time.perf_counter()
        subprocess.run([binary] + args, env=e, stdout=subprocess.DEVNULL, check=True)
        times[name].append((time.perf_counter() - t) * 1000)
print(f"source {src / 1e3:.0f} KB, cache entry {entry / 1e3:.0f} KB (bytecode + source text for toString), {runs} runs each")
base = statistics.median(times[cases[0][0]])
for name, _, _ in cases:
    med = statistics.median(times[name])
    print(f"  {name:42s} median {med:8.2f} ms   best {min(times[name]):8.2f} ms   {base / med:5.1f}x")
EOF
