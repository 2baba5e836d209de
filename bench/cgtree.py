#!/usr/bin/env python3
"""Per-task instruction costs from two callgrind profiles (N tasks vs 0 tasks).

    python3 bench/cgtree.py RUN_N RUN_0 N [--top K] [--tree FUNC ...] [--depth D]

RUN_N and RUN_0 are callgrind output files (or comma-separated lists of them, e.g. the
per-thread files of --separate-threads=yes for every worker) of the same script with N and 0 measured tasks
(same warm-up); every figure printed is (cost in RUN_N - cost in RUN_0) / N, i.e. what one
more task costs. Functions are keyed by name only: the file parts callgrind splits an
inlined function into are merged. Used by bench/profile.sh.
"""

import argparse
import collections
import re
import sys


class Profile:
    def __init__(self, path):
        self.self_cost = collections.Counter()
        self.calls = collections.defaultdict(collections.Counter)  # caller -> callee -> incl
        self.ncalls = collections.defaultdict(collections.Counter)  # caller -> callee -> count
        self.total = 0
        names = {"fn": {}}
        fn = None
        pending_call = None  # (callee, count)
        cfn = None
        with open(path, errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    continue
                c = line[0]
                if c.isdigit() or c in "+-*":
                    parts = line.split()
                    cost = int(parts[1]) if len(parts) > 1 else 0
                    if pending_call is not None:
                        callee, count = pending_call
                        self.calls[fn][callee] += cost
                        self.ncalls[fn][callee] += count
                        pending_call = None
                    else:
                        self.self_cost[fn] += cost
                    continue
                if line.startswith(("summary:", "totals:")):
                    self.total = int(line.split()[1])
                    continue
                key, _, val = line.partition("=")
                if key == "fn":
                    fn = self._name(names["fn"], val)
                elif key == "cfn":
                    cfn = self._name(names["fn"], val)
                elif key == "calls":
                    pending_call = (cfn, int(val.split()[0]))

    @staticmethod
    def _name(table, val):
        m = re.match(r"\((\d+)\)(?: (.*))?$", val)
        if not m:
            return val
        if m.group(2) is not None:
            table[m.group(1)] = m.group(2)
        return table.get(m.group(1), val)

    def inclusive(self, fn):
        return self.self_cost[fn] + sum(v for k, v in self.calls[fn].items() if k != fn)


def norm(name):
    """Merges callgrind's recursion copies (`f'2`) into one name."""
    return re.sub(r"'\d+$", "", name)


def merged(p):
    """Self costs and call edges with recursion copies merged (recursive edges dropped)."""
    self_cost = collections.Counter()
    calls = collections.defaultdict(collections.Counter)
    ncalls = collections.defaultdict(collections.Counter)
    for fn, v in p.self_cost.items():
        self_cost[norm(fn)] += v
    for fn, cs in p.calls.items():
        for callee, v in cs.items():
            a, b = norm(fn), norm(callee)
            if a != b:
                calls[a][b] += v
                ncalls[a][b] += p.ncalls[fn][callee]
    return self_cost, calls, ncalls


def load(paths):
    """Merged costs of one or more profiles (comma-separated: e.g. every worker thread)."""
    self_cost = collections.Counter()
    calls = collections.defaultdict(collections.Counter)
    ncalls = collections.defaultdict(collections.Counter)
    for path in paths.split(","):
        s, c, n = merged(Profile(path))
        self_cost.update(s)
        for k, v in c.items():
            calls[k].update(v)
        for k, v in n.items():
            ncalls[k].update(v)
    return self_cost, calls, ncalls


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run_n")
    ap.add_argument("run_0")
    ap.add_argument("n", type=int)
    ap.add_argument("--top", type=int, default=25, help="self-cost rows")
    ap.add_argument("--tree", nargs="*", default=[], help="functions whose callees to list")
    ap.add_argument("--depth", type=int, default=2)
    ap.add_argument("--min", type=float, default=1.0, help="hide tree rows under this %% of a task")
    opts = ap.parse_args()

    sa, ca, na = load(opts.run_n)
    sb, cb, nb = load(opts.run_0)
    n = opts.n
    per_task = (sum(sa.values()) - sum(sb.values())) / n
    print(f"instructions per task: {per_task:,.0f}")
    if per_task <= 0:
        return
    print(f"\ntop self cost per task (% of a task's instructions)")
    rows = sorted(((sa[k] - sb.get(k, 0)) / n, k) for k in sa)
    for v, k in reversed(rows[-opts.top:] if opts.top else []):
        if v <= 0:
            break
        print(f"  {v:9,.0f} {100 * v / per_task:5.1f}%  {k[:140]}")

    def incl(self_c, calls, fn):
        return self_c[fn] + sum(calls[fn].values())

    def show(fn, depth, indent, parent):
        for callee in sorted(ca[fn], key=lambda k: -(ca[fn][k] - cb[fn].get(k, 0))):
            v = (ca[fn][callee] - cb[fn].get(callee, 0)) / n
            # A callee "costing" more than its caller is an artefact of merging recursion
            # (JS_CallInternal re-entered through natives): not a real edge cost.
            if 100 * v / per_task < opts.min or v > parent * 1.001:
                continue
            cnt = (na[fn][callee] - nb[fn].get(callee, 0)) / n
            print(f"  {'  ' * indent}{v:9,.0f} {100 * v / per_task:5.1f}%  {callee[:120]}  ({cnt:.2g} calls/task)")
            if depth > 1:
                show(callee, depth - 1, indent + 1, v)

    for fn in opts.tree:
        matches = [k for k in sa if fn in k]
        if not matches:
            continue
        best = max(matches, key=lambda k: incl(sa, ca, k) - incl(sb, cb, k))
        v = (incl(sa, ca, best) - incl(sb, cb, best)) / n
        if v <= 0:
            continue
        print(f"\n{v:9,.0f} {100 * v / per_task:5.1f}%  {best[:140]}  (inclusive, self {(sa[best] - sb.get(best, 0)) / n:,.0f})")
        if v > 0:
            show(best, opts.depth, 1, v)


if __name__ == "__main__":
    main()
