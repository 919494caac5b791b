#!/usr/bin/env python3
"""Runs the same programs in Calx, Python (NumPy for vectors) and Lua in one run,
prints each median and the ratio Calx/python3, and checks that the results agree.

Whole-process wall time is measured for every line (start-up included). The vector
line is also measured without start-up: the operation is repeated R times and the
time of a run with R = 0 is subtracted, so NumPy's import does not flatter Calx.
"""
import os, re, statistics, subprocess, sys, tempfile, time, pty, select

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALX = os.path.join(ROOT, ".build", "release", "calx")
TRIALS = int(os.environ.get("BENCH_TRIALS", "7"))

def run(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr}")
    return elapsed, out.stdout.strip()

def median_times(*cmds):
    """Median wall time of each command; trials are interleaved so that a burst of
    load on the machine falls on every side alike."""
    times = [[] for _ in cmds]
    outputs = [None] * len(cmds)
    for _ in range(TRIALS):
        for i, cmd in enumerate(cmds):
            t, outputs[i] = run(cmd)
            times[i].append(t)
    return [(statistics.median(t), o) for t, o in zip(times, outputs)]

def same_number(a, b):
    x, y = float(a), float(b)
    return abs(x - y) <= 1e-9 * max(abs(x), abs(y), 1)

def line(name, calx, python, lua=None, note=""):
    ratio = calx / python
    lua_text = f"{lua * 1000:9.1f}" if lua is not None else "        -"
    verdict = "ok" if ratio <= 1.0 else "SLOWER"
    print(f"{name:<28}{calx * 1000:9.1f}{python * 1000:9.1f}{lua_text}{ratio:10.2f}  {verdict} {note}")
    return ratio

def scripted(name, calx_src, py_src, reps):
    """Writes generated programs for the vector line."""
    directory = tempfile.mkdtemp(prefix="calx-bench-")
    paths = {}
    for lang, src in (("calx", calx_src), ("py", py_src)):
        path = os.path.join(directory, f"{name}.{lang}")
        with open(path, "w") as f:
            f.write(src.replace("REPS", str(reps)))
        paths[lang] = path
    return paths

def idle_repl_rss_mb():
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["CALX_HISTORY"] = "/dev/null"
        os.execv(CALX, [CALX])
    buffer = b""
    deadline = time.time() + 10
    while b"calx> " not in buffer and time.time() < deadline:
        if select.select([fd], [], [], 0.1)[0]:
            buffer += os.read(fd, 4096)
    time.sleep(0.3)
    with open(f"/proc/{pid}/status") as status:
        rss = int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1)) / 1024
    os.write(fd, b":quit\r")
    os.waitpid(pid, 0)
    return rss

def main():
    lua = "lua5.4"
    print(f"median of {TRIALS} runs, milliseconds; ratio = Calx / python3")
    print(f"{'program':<28}{'calx':>9}{'python3':>9}{'lua5.4':>9}{'ratio':>10}")
    ratios = {}
    for name in ("fib", "loop", "empty"):
        base = os.path.join(HERE, "programs", name)
        (c, c_out), (p, p_out), (l, l_out) = median_times(
            [CALX, "run", base + ".calx"], [sys.executable, base + ".py"], [lua, base + ".lua"])
        if name != "empty" and not (same_number(c_out, p_out) and same_number(c_out, l_out)):
            sys.exit(f"{name}: results differ: calx {c_out}, python {p_out}, lua {l_out}")
        label = {"fib": "fib(27) recursive", "loop": "3M-iteration loop", "empty": "start-up (empty program)"}[name]
        ratios[name] = line(label, c, p, l)

    calx_vec = "v = 0..<1000000\ns = 0\nfor r in 0..<REPS { s = sum(v * v) }\nprint(s)\n"
    py_vec = "import numpy as np\nv = np.arange(1000000, dtype=float)\ns = 0.0\nfor r in range(REPS):\n    s = float(np.sum(v * v))\nprint(s)\n"
    times = {}
    for reps in (0, 1, 500):
        paths = scripted("vector", calx_vec, py_vec, reps)
        times[reps] = median_times([CALX, "run", paths["calx"]], [sys.executable, paths["py"]])
    (c1, c_out), (p1, p_out) = times[1]
    if not same_number(c_out, p_out):
        sys.exit(f"vector: results differ: calx {c_out}, numpy {p_out}")
    ratios["vector"] = line("sum(v * v), 1M, whole run", c1, p1, note="(NumPy, import included)")
    per_calx = (times[500][0][0] - times[0][0][0]) / 500
    per_numpy = (times[500][1][0] - times[0][1][0]) / 500
    compute_ratio = per_calx / per_numpy
    print(f"{'sum(v * v), 1M, per op':<28}{per_calx * 1000:9.2f}{per_numpy * 1000:9.2f}{'':9}{compute_ratio:10.2f}  "
          f"{'ok' if compute_ratio <= 1.5 else 'SLOWER'} (target ≤ 1.5× NumPy, start-up excluded)")

    # Units: converting a 1M-element kWh vector to MJ against the same size of plain vector work.
    units = {}
    for name, body in (("plain", "w = v * 3.6"), ("units", "w = q -> MJ")):
        for reps in (0, 500):
            src = f"v = 0..<1000000\nq = v * 1 kWh\nfor r in 0..<{reps} {{ {body} }}\nprint(len(w))\n" if reps else \
                  "v = 0..<1000000\nq = v * 1 kWh\nw = v\nprint(len(w))\n"
            path = os.path.join(tempfile.mkdtemp(prefix="calx-bench-"), "units.calx")
            with open(path, "w") as f:
                f.write(src)
            units[(name, reps)] = median_times([CALX, "run", path])[0][0]
    per_plain = (units[("plain", 500)] - units[("plain", 0)]) / 500
    per_units = (units[("units", 500)] - units[("units", 0)]) / 500
    units_ratio = per_units / per_plain
    print(f"{'1M kWh -> MJ vs v * 3.6':<28}{per_units * 1000:9.2f}{per_plain * 1000:9.2f}{'':9}{units_ratio:10.2f}  "
          f"{'ok' if units_ratio <= 2 else 'SLOWER'} (target ≤ 2× the dimensionless operation; columns: units, plain)")

    baseline = os.environ.get("BASELINE_CALX")
    if baseline:
        for name in ("fib", "loop"):
            path = os.path.join(HERE, "programs", name + ".calx")
            (now, _), (before, _) = median_times([CALX, "run", path], [baseline, "run", path])
            change = now / before
            print(f"{name + ' vs baseline':<28}{now * 1000:9.1f}{before * 1000:9.1f}{'':9}{change:10.2f}  "
                  f"{'ok' if change <= 1.10 else 'SLOWER'} (target ≤ 1.10; columns: now, baseline)")
            if change > 1.10:
                ratios[name + " vs baseline"] = change

    rss = idle_repl_rss_mb()
    print(f"idle REPL resident memory: {rss:.1f} MB ({'ok' if rss < 30 else 'OVER'} target < 30 MB)")
    failed = [k for k, r in ratios.items() if r > 1.0] + (["vector per op"] if compute_ratio > 1.5 else []) + (["memory"] if rss >= 30 else []) \
        + (["units conversion"] if units_ratio > 2 else [])
    print("targets met" if not failed else f"targets missed: {', '.join(failed)}")

if __name__ == "__main__":
    main()
