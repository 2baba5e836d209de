#!/usr/bin/env python3
"""Runs every protojs benchmark and its peers in one go and prints one table.

Called by bench/run.sh after it has built protojs and qjs and installed piscina; see
bench/README.md for what each figure means. Python 3.8+, standard library only.

    python3 bench/harness.py [--rounds N] [--quick] [--json FILE]

Figures (each system measured in this same run, rounds interleaved across systems):
  startup   `X -e 0`: median wall time (hyperfine if installed, else a Python loop)
  rss       `X -e 0`: median peak RSS (GNU time's %M)
  cpu       bench/cpu.js: best-of-N wall time, protojs vs qjs
  roundtrip 2,000 trivial tasks awaited one by one: best-of-N us/task
  throughput 100,000 trivial tasks at once + Promise.all: best-of-N tasks/s
  speedup   8 x fib(27) on 2 workers vs the main thread: best-of-N ratio
  idle_mem  RSS with 9 idle workers minus RSS with 1, divided by 8: median of N (each
            worker has run one task: a SharedArrayBuffer barrier holds all N at once)
"""

import argparse
import datetime
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
PEERS_DIR = os.path.join(BENCH, ".peers")
PROTOJS = os.environ.get("PROTOJS_BIN", os.path.join(ROOT, "target", "release", "protojs"))
QJS = os.environ.get("QJS_BIN", os.path.join(PEERS_DIR, "quickjs", "qjs"))
NODE = shutil.which("node")
HAVE_PISCINA = os.path.isdir(os.path.join(PEERS_DIR, "node_modules", "piscina"))

SYSTEMS = ["protojs", "qjs", "node", "piscina"]
TIMEOUT = 300


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def available(system):
    if system in ("protojs", "protojs-hoisted"):
        return os.access(PROTOJS, os.X_OK)
    if system == "qjs":
        return os.access(QJS, os.X_OK)
    if system == "node":
        return NODE is not None
    if system == "piscina":
        return NODE is not None and HAVE_PISCINA
    return False


def workload_cmd(system, workload, args=()):
    """The command line that runs `workload` (roundtrip, throughput, speedup, idle_mem)."""
    args = [str(a) for a in args]
    if system in ("protojs", "protojs-hoisted"):
        workers = args.pop(0) if workload == "idle_mem" else "2"
        cmd = [PROTOJS, "--workers", workers, os.path.join(BENCH, "protojs", workload + ".mjs")] + args
        if system == "protojs-hoisted":  # N WARMUP hoisted: one function object for all tasks
            defaults = {"roundtrip": ["2000", "200"], "throughput": ["100000", "2000"]}[workload]
            cmd += defaults[len(args):] + ["hoisted"]
        return cmd
    if system == "qjs":
        return [QJS, os.path.join(BENCH, "peers", "qjs_" + workload + ".js")] + args
    if system == "node":
        return [NODE, os.path.join(BENCH, "peers", "node_" + workload + ".mjs")] + args
    if system == "piscina":
        return [NODE, os.path.join(BENCH, "peers", "piscina_" + workload + ".mjs")] + args
    raise ValueError(system)


def run_json(cmd):
    """Runs cmd; returns the last JSON line of its stdout, or raises RuntimeError."""
    p = subprocess.run(cmd, cwd=BENCH, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, timeout=TIMEOUT)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.strip()[-500:]}")
    for line in reversed(p.stdout.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise RuntimeError(f"{' '.join(cmd)}: no JSON line in output: {p.stdout[-300:]!r}")


def wall_and_rss(cmd):
    """One run of cmd: (wall seconds, ru_maxrss bytes). The RSS includes the forked Python
    image (see peak_rss), so only the wall time is used."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status) if hasattr(os, "waitstatus_to_exitcode") else status
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")
    return wall, ru.ru_maxrss * 1024


# ---------------------------------------------------------------------------------------
# Measurements


def startup_cmds():
    cmds = {}
    if available("protojs"):
        cmds["protojs"] = [PROTOJS, "-e", "0"]
    if available("qjs"):
        cmds["qjs"] = [QJS, "-e", "0"]
    if available("node"):
        cmds["node"] = [NODE, "-e", "0"]
    return cmds


def measure_startup(runs):
    """Median wall time (ms) of `X -e 0`, and the tool used."""
    cmds = startup_cmds()
    out = {}
    if shutil.which("hyperfine"):
        # hyperfine runs each command's runs back to back; three passes with the runs split
        # between them spread a burst of noise over every system. Median of all runs.
        names = list(cmds)
        times = {n: [] for n in names}
        passes = 3
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "hf.json")
            for _ in range(passes):
                hf = ["hyperfine", "-N", "--style", "none", "--warmup", "3",
                      "--runs", str(max(2, -(-runs // passes))), "--export-json", path]
                for n in names:
                    hf += ["-n", n, shlex.join(cmds[n])]
                subprocess.run(hf, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               timeout=TIMEOUT)
                with open(path) as f:
                    for n, r in zip(names, json.load(f)["results"]):
                        times[n] += r["times"]
        for n in names:
            out[n] = statistics.median(times[n]) * 1000
        return out, "hyperfine -N"
    samples = {n: [] for n in cmds}
    for n, c in cmds.items():  # warm-up
        for _ in range(3):
            wall_and_rss(c)
    for _ in range(runs):  # interleaved
        for n, c in cmds.items():
            samples[n].append(wall_and_rss(c)[0] * 1000)
    return {n: statistics.median(s) for n, s in samples.items()}, "python loop"


GNU_TIME = "/usr/bin/time"


def peak_rss(cmd):
    """Peak RSS (bytes) of one run of cmd, measured by GNU time.

    Not wait4's ru_maxrss on our own child: Linux carries the high-water mark of the
    forked Python image (~15 MiB) across exec, which would hide a 2-3 MiB process. GNU time
    is a small C program, so its child starts from ~1 MiB.
    """
    p = subprocess.run([GNU_TIME, "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, timeout=TIMEOUT)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.strip()[-300:]}")
    return int(p.stderr.strip().splitlines()[-1]) * 1024


def measure_rss(runs):
    """Median peak RSS (bytes) of `X -e 0`; empty when GNU time is missing."""
    if not os.access(GNU_TIME, os.X_OK):
        log("  /usr/bin/time missing (apt-get install time): peak RSS not measured")
        return {}
    cmds = startup_cmds()
    samples = {n: [] for n in cmds}
    for _ in range(runs):
        for n, c in cmds.items():
            samples[n].append(peak_rss(c))
    return {n: statistics.median(s) for n, s in samples.items()}


def measure_cpu(runs):
    """Best wall time (ms) of bench/cpu.js under protojs, qjs (and node, for information)."""
    script = os.path.join(BENCH, "cpu.js")
    cmds = {}
    if available("protojs"):
        cmds["protojs"] = [PROTOJS, script]
    if available("qjs"):
        cmds["qjs"] = [QJS, script]
    if available("node"):
        cmds["node"] = [NODE, script]
    samples = {n: [] for n in cmds}
    for _ in range(runs):
        for n, c in cmds.items():
            samples[n].append(wall_and_rss(c)[0] * 1000)
    return {n: min(s) for n, s in samples.items()}


def measure_workload(workload, key, better, rounds, args=(), extra=()):
    """Best-of-`rounds` figure `key` of `workload` per system, rounds interleaved. `extra`:
    more variants measured alongside (reported, never compared)."""
    samples = {s: [] for s in list(SYSTEMS) + list(extra) if available(s)}
    errors = {}
    for r in range(rounds):
        for s in list(samples):
            try:
                samples[s].append(run_json(workload_cmd(s, workload, args))[key])
            except (RuntimeError, subprocess.TimeoutExpired, KeyError, ValueError) as e:
                errors[s] = str(e)
                log(f"  {workload}/{s}: FAILED: {e}")
        log(f"  {workload} round {r + 1}/{rounds}: " +
            ", ".join(f"{s}={v[-1]:.4g}" for s, v in samples.items() if v))
    best = {s: (better(v) if v else None) for s, v in samples.items()}
    return best, samples, errors


def measure_idle_mem(rounds, low=1, high=9):
    """Per-worker idle memory (bytes): (RSS with `high` workers - RSS with `low`)/(high-low)."""
    out, raw = {}, {}
    for s in ["protojs", "qjs", "node"]:
        if not available(s):
            continue
        lows, highs = [], []
        try:
            for _ in range(rounds):
                for n, into in ((low, lows), (high, highs)):
                    r = run_json(workload_cmd(s, "idle_mem", [n]))
                    if not r.get("all_ran", True):
                        log(f"  idle_mem/{s}: with {n} workers, not every worker ran a task")
                    into.append(r["rss"])
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            log(f"  idle_mem/{s}: FAILED: {e}")
            continue
        lo, hi = statistics.median(lows), statistics.median(highs)
        out[s] = (hi - lo) / (high - low)
        raw[s] = {"rss_low": lo, "rss_high": hi}
    return out, raw


# ---------------------------------------------------------------------------------------
# Report


def fmt(v, unit):
    if v is None:
        return "n/a"
    if unit == "ms":
        return f"{v:.2f} ms" if v < 10 else f"{v:.0f} ms"
    if unit == "us":
        return f"{v:.1f} µs"
    if unit == "MiB":
        return f"{v / 2**20:.2f} MiB"
    if unit == "/s":
        return f"{v / 1000:.0f}k/s"
    if unit == "x":
        return f"{v:.2f}×"
    return str(v)


def git_rev():
    try:
        rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True).stdout.strip()
        return rev + ("+dirty src" if dirty else "")
    except OSError:
        return "?"


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.release()}"


def cpu_busy_seconds():
    """CPU time the whole machine spent busy since boot (all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    # user nice system idle iowait irq softirq steal ...
    busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields[7] if len(fields) > 7 else 0)
    return busy / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds():
    """CPU time of this script and every benchmark process it ran (and waited for)."""
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", 3)),
                    help="runs per workload figure (best-of); default 3")
    ap.add_argument("--startup-runs", type=int, default=30)
    ap.add_argument("--quick", action="store_true", help="smaller workloads, 1 round (a smoke test)")
    ap.add_argument("--json", help="also write every sample to this file")
    opts = ap.parse_args()

    rounds = 1 if opts.quick else opts.rounds
    rt_args = [200, 20] if opts.quick else []
    tp_args = [5000, 500] if opts.quick else []
    sp_args = [22, 8] if opts.quick else []
    startup_runs = 5 if opts.quick else opts.startup_runs

    missing = [s for s in SYSTEMS if not available(s)]
    if missing:
        log(f"not available (reported n/a): {', '.join(missing)}")
    busy0, own0 = cpu_busy_seconds(), own_cpu_seconds()
    started = time.time()
    res = {}

    log(f"startup: `X -e 0`, {startup_runs} runs each")
    res["startup"], startup_tool = measure_startup(startup_runs)
    res["rss"] = measure_rss(max(5, startup_runs // 3))
    log(f"cpu: bench/cpu.js, best of {max(rounds, 3)}")
    res["cpu"] = measure_cpu(max(rounds, 3))
    log(f"roundtrip / throughput / speedup: best of {rounds}, rounds interleaved")
    res["roundtrip"], rt_samples, rt_err = measure_workload("roundtrip", "us_per_task", min, rounds, rt_args,
                                                                ["protojs-hoisted"])
    res["throughput"], tp_samples, tp_err = measure_workload("throughput", "tasks_per_s", max, rounds, tp_args,
                                                                 ["protojs-hoisted"])
    res["speedup"], sp_samples, sp_err = measure_workload("speedup", "speedup", max, rounds, sp_args)
    log("idle memory per worker: workers=1 vs workers=9")
    res["idle_mem"], idle_raw = measure_idle_mem(1 if opts.quick else rounds)
    elapsed = time.time() - started
    busy1, own1 = cpu_busy_seconds(), own_cpu_seconds()
    # Cores kept busy by other processes during the run, on average: the noise indicator.
    others = ((busy1 - busy0) - (own1 - own0)) / elapsed if busy0 is not None else float("nan")

    # Rows: (label, key, unit, lower_is_better, peers compared, target text, target check)
    rows = [
        ("startup `-e 0` (median)", "startup", "ms", True, ["qjs"], "≤ 1.5× qjs", lambda r: r <= 1.5),
        ("peak RSS `-e 0` (median)", "rss", "MiB", True, ["qjs"], "≤ 1.5× qjs", lambda r: r <= 1.5),
        ("cpu.js wall (best)", "cpu", "ms", True, ["qjs"], "≤ 1.05× qjs", lambda r: r <= 1.05),
        ("round-trip (best)", "roundtrip", "us", True, ["qjs", "node", "piscina"], "≤ 0.5× best",
         lambda r: r <= 0.5),
        ("throughput (best)", "throughput", "/s", False, ["qjs", "node", "piscina"], "≥ 2× best",
         lambda r: r >= 2.0),
        ("speedup 8×fib(27) (best)", "speedup", "x", False, ["qjs", "node", "piscina"], "protojs ≥ 1.9×",
         None),
        ("idle memory / worker", "idle_mem", "MiB", True, ["qjs", "node"], "protojs ≤ 1 MiB", None),
    ]
    lines = []
    lines.append("| figure | protojs | qjs | node | piscina | protojs / best peer | target | met |")
    lines.append("|---|---|---|---|---|---|---|---|")
    summary = {}
    for label, key, unit, lower, peers, target, check in rows:
        vals = res[key]
        cells = []
        for s in SYSTEMS:
            v = vals.get(s)
            if key == "cpu" and s == "piscina":
                cells.append("")
            elif key in ("startup", "rss", "cpu", "idle_mem") and s == "piscina":
                cells.append("—")
            else:
                cells.append(fmt(v, unit))
        peer_vals = [(vals[p], p) for p in peers if vals.get(p) is not None]
        ratio, best_peer = None, None
        if vals.get("protojs") is not None and peer_vals:
            best_v, best_peer = (min if lower else max)(peer_vals)
            ratio = vals["protojs"] / best_v if best_v else None
        if key == "speedup":
            met = vals.get("protojs") is not None and vals["protojs"] >= 1.9
        elif key == "idle_mem":
            met = vals.get("protojs") is not None and vals["protojs"] <= 2**20
        else:
            met = ratio is not None and check(ratio)
        rtxt = f"{ratio:.2f} (vs {best_peer})" if ratio is not None else "n/a"
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {rtxt} | {target} | {'yes' if met else '**no**'} |")
        summary[key] = {"values": vals, "ratio": ratio, "best_peer": best_peer, "met": met}

    date = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    node_v = subprocess.run([NODE, "--version"], capture_output=True, text=True).stdout.strip() if NODE else "n/a"
    built = f"binary {PROTOJS}" if "PROTOJS_BIN" in os.environ else git_rev()
    header = (f"protojs {built} · {date} · {machine()} · node {node_v} · "
              f"startup via {startup_tool} · best of {rounds} · other processes used {max(others, 0):.2f} cores · "
              f"{elapsed:.0f} s")
    print()
    print(header)
    print()
    print("\n".join(lines))
    print()
    h_rt, h_tp = res["roundtrip"].get("protojs-hoisted"), res["throughput"].get("protojs-hoisted")
    if h_rt is not None or h_tp is not None:
        print(f"protojs, one function object for every task (`hoisted`, not a target figure): "
              f"round-trip {fmt(h_rt, 'us')}, throughput {fmt(h_tp, '/s')}")
    if "protojs" in idle_raw:
        r = idle_raw["protojs"]
        print(f"idle RSS protojs: 1 worker {r['rss_low'] / 2**20:.2f} MiB, 9 workers {r['rss_high'] / 2**20:.2f} MiB")
    if others > 0.2:
        print(f"warning: other processes kept {others:.2f} cores busy during the run; "
              "figures are noisy, rerun when the machine is idle.")

    if opts.json:
        with open(opts.json, "w") as f:
            json.dump({"header": header, "summary": summary,
                       "samples": {"roundtrip": rt_samples, "throughput": tp_samples, "speedup": sp_samples},
                       "errors": {**rt_err, **tp_err, **sp_err}, "idle_raw": idle_raw}, f, indent=1)


if __name__ == "__main__":
    main()
