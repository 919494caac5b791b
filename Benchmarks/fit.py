#!/usr/bin/env python3
"""Times Calx's scaling-law fits against GSL called from C and SciPy's curve_fit in
one run, prints each median, the ratio Calx/peer against its target, and checks
that the fitted A agrees (1e-6 relative). Data: Benchmarks/fitting/*.csv (written
by fitting/make_data.py). Needs Benchmarks/out/fit_gsl (Benchmarks/run compiles it).

Calx has no clock, so its per-fit time is whole-process wall time of a program that
fits K times minus that of the same program fitting 0 times, divided by K. The C
program and the SciPy script time their own loops (fitting/fit_gsl.c,
fitting/fit_scipy.py). Trials are interleaved, as in bench.py, so a burst of load
on the machine falls on every side alike; every figure is a median over trials.
"""
import os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALX = os.path.join(ROOT, ".build", "release", "calx")
DATA = os.path.join(HERE, "fitting")
OUT = os.path.join(HERE, "out", "fitting")
GSL = os.path.join(HERE, "out", "fit_gsl")
SCIPY = [sys.executable, os.path.join(DATA, "fit_scipy.py")]
CHINCHILLA = os.path.join(ROOT, "Tests", "CalxNumericsTests", "Fixtures", "chinchilla-epoch", "svg_extracted_data.csv")
TRIALS = int(os.environ.get("BENCH_TRIALS", "7"))
CHINCHILLA_TRIALS = min(TRIALS, 3)  # a few seconds each
K_FIT, K_GENERIC = 5000, 500        # fits per Calx program (per-fit lines)
C_FITS = SCIPY_FITS = 2000         # fits per timed loop of the peers
SIGMOID_START = {"A": 0.6, "B": 1.5, "Cmid": 2000, "R0": 0.3}
POWER_START = {"E": 2, "A": 300, "alpha": 0.3}

def record(start):
    return "{" + ", ".join(f"{k}: {v!r}" for k, v in start.items()) + "}"

def calx_programs():
    """name -> (source fitting K times, source fitting 0 times); each prints A, or 0 for K = 0."""
    sigmoid, power = os.path.join(DATA, "sigmoid40.csv"), os.path.join(DATA, "power25.csv")
    def looped(setup, body, k):
        return {k_: f"{setup}\nfor i in 1..{k_} {{ {body} }}\nprint({'f.params.A' if k_ else 0})\n" for k_ in (k, 0)}
    fit_sigmoid = f"f = fit_sigmoid(t.C, t.R, start: {record(SIGMOID_START)})"
    programs = {
        "fit_sigmoid": looped(f't = read_csv("{sigmoid}")', fit_sigmoid, K_FIT),
        "fit_power": looped(f't = read_csv("{power}")', f"f = fit_power(t.N, t.L, start: {record(POWER_START)})", K_FIT),
        "fit": looped("fn model(C, A, B, Cmid, R0) = R0 + (A - R0) / (1 + (Cmid / C)^B)\n"
                      f't = read_csv("{sigmoid}")', f"f = fit(model, t.C, t.R, start: {record(SIGMOID_START)})", K_GENERIC),
        "bootstrap": {k: f't = read_csv("{sigmoid}")\n{fit_sigmoid}\nfor i in 1..{k} {{ b = bootstrap(f, n: 1000, seed: 1) }}\n'
                         "print(f.params.A)\n" for k in (1, 0)},
        # Epoch's replication drops the 5 runs with the highest loss, leaving 240; D = C / (6 N).
        "fit_chinchilla": {1: f't = read_csv("{CHINCHILLA}")\nt = t[t.loss < sort(t.loss)[-5]]\n'
                              'N = t["Model Size"]\nD = t["Training FLOP"] / (6 * N)\n'
                              "f = fit_chinchilla(N, D, t.loss)\nprint(f.params.A)\n"},
    }
    os.makedirs(OUT, exist_ok=True)
    paths = {}
    for name, sources in programs.items():
        for k, src in sources.items():
            path = os.path.join(OUT, f"{name}_{k}.calx")
            with open(path, "w") as f:
                f.write(src)
            paths[(name, k)] = path
    return paths

def run(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stderr}")
    return elapsed, out.stdout.strip()

def fields(output):
    """name=value pairs printed by fit_gsl and fit_scipy.py."""
    return {k: float(v) for k, v in (item.split("=") for item in output.split())}

def calx_failure(path):
    """None if the program runs, else what calx said."""
    if not os.access(CALX, os.X_OK):
        return f"no calx binary at {CALX} (Benchmarks/run builds it)"
    out = subprocess.run([CALX, "run", path], capture_output=True, text=True)
    if out.returncode == 0:
        return None
    return f"calx run {os.path.relpath(path, ROOT)} exited {out.returncode}:\n" + \
        "\n".join("    " + l for l in (out.stderr or out.stdout).strip().splitlines()[:12])

def interleaved(cmds, trials):
    """Runs every command once per trial, in turn; per command, the wall times and outputs of all trials."""
    times, outputs = {k: [] for k in cmds}, {k: [] for k in cmds}
    for _ in range(trials):
        for key, cmd in cmds.items():
            t, out = run(cmd)
            times[key].append(t)
            outputs[key].append(out)
    return times, outputs

def agree(a, b):
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))

def main():
    if not os.access(GSL, os.X_OK):
        sys.exit(f"no {GSL}: compile it with\n  cc -O2 -o {GSL} {DATA}/fit_gsl.c $(pkg-config --cflags --libs gsl)")
    paths = calx_programs()
    failures = {name: calx_failure(path) for (name, k), path in paths.items() if k != 0}
    sigmoid, power = os.path.join(DATA, "sigmoid40.csv"), os.path.join(DATA, "power25.csv")
    sig_start, pow_start = [repr(v) for v in SIGMOID_START.values()], [repr(v) for v in POWER_START.values()]
    cmds = {
        "gsl sigmoid": [GSL, "sigmoid", sigmoid, str(C_FITS), "1"] + sig_start,
        "gsl power": [GSL, "power", power, str(C_FITS), "1"] + pow_start,
        "scipy sigmoid": SCIPY + ["sigmoid", sigmoid, str(SCIPY_FITS), "1"] + sig_start,
        "scipy power": SCIPY + ["power", power, str(SCIPY_FITS), "1"] + pow_start,
        "scipy bootstrap": SCIPY + ["bootstrap", sigmoid, "1000", "1"] + sig_start,
    }
    for (name, k), path in paths.items():
        if failures[name] is None and name != "fit_chinchilla":
            cmds[(name, k)] = [CALX, "run", path]
    print(f"fitting: median of {TRIALS} interleaved trials"
          f"{'' if failures['fit_chinchilla'] else f' ({CHINCHILLA_TRIALS} for fit_chinchilla)'}; ratio = Calx / peer")
    times, outputs = interleaved(cmds, TRIALS)
    chinchilla = None
    if failures["fit_chinchilla"] is None:
        chinchilla = interleaved({"c": [CALX, "run", paths[("fit_chinchilla", 1)]]}, CHINCHILLA_TRIALS)

    # Peers: their own figure from each trial (µs per fit, ms per bootstrap), and their fitted A.
    peer, peer_a = {}, {}
    for key in [k for k in cmds if isinstance(k, str)]:
        runs = [fields(o) for o in outputs[key]]
        peer[key] = statistics.median(r.get("us_per_fit", r.get("ms_total")) for r in runs)
        peer_a[key] = runs[-1]["A"]
    for model in ("sigmoid", "power"):  # the peers must agree before Calx is judged against them
        if not agree(peer_a["gsl " + model], peer_a["scipy " + model]):
            sys.exit(f"{model}: GSL and SciPy disagree: A = {peer_a['gsl ' + model]!r} vs {peer_a['scipy ' + model]!r}")

    def calx(name, k):
        """Calx's time for one of k repetitions (µs), start-up excluded, and the A it printed."""
        if failures[name]:
            return None, None
        per = (statistics.median(times[(name, k)]) - statistics.median(times[(name, 0)])) / k * 1e6
        return per, float(outputs[(name, k)][-1].splitlines()[-1])

    print(f"{'line':<34}{'calx':>12}{'peer':>12}{'ratio':>8}  {'target':<22}verdict")
    missed = []
    def line(label, value, peer_value, unit, target, limit, a=None, peer_keys=()):
        scale = {"µs": 1, "ms": 1e3, "s": 1e6}[unit]
        peer_text = f"{peer_value / scale:9.2f} {unit}" if peer_value is not None else f"{'-':>12}"
        if value is None:
            print(f"{label:<34}{'-':>12}{peer_text}{'-':>8}  {target:<22}NO CALX")
            return
        ratio = value / peer_value if peer_value is not None else value / scale
        # limit None: a figure reported for reference, with no target in the issue.
        met = limit is None or (ratio <= limit if peer_value is not None else ratio < limit)  # absolute targets are strict
        verdict = ("ok" if limit is not None else "reported") if met else "MISSED"
        wrong = [k for k in peer_keys if not agree(a, peer_a[k])]
        if wrong:
            verdict += "; A DIFFERS: calx " + repr(a) + ", " + ", ".join(f"{k} {peer_a[k]!r}" for k in wrong)
        if verdict not in ("ok", "reported"):
            missed.append(label)
        ratio_text = f"{ratio:8.2f}" if peer_value is not None else f"{'-':>8}"
        print(f"{label:<34}{value / scale:9.2f} {unit}{peer_text}{ratio_text}  {target:<22}{verdict}")

    t, a = calx("fit_sigmoid", K_FIT)
    line("fit_sigmoid per fit vs GSL (C)", t, peer["gsl sigmoid"], "µs", "≤ 1.5", 1.5, a, ["gsl sigmoid"])
    line("fit_sigmoid per fit vs curve_fit", t, peer["scipy sigmoid"], "µs", "≤ 0.2 (5× faster)", 0.2, a, ["scipy sigmoid"])
    t, a = calx("fit_power", K_FIT)
    # The issue sets targets for fit_sigmoid; fit_power is shown beside it for reference.
    line("fit_power per fit vs GSL (C)", t, peer["gsl power"], "µs", "-", None, a, ["gsl power"])
    line("fit_power per fit vs curve_fit", t, peer["scipy power"], "µs", "-", None, a, ["scipy power"])
    t, a = calx("fit", K_GENERIC)
    line("fit, model in Calx, vs curve_fit", t, peer["scipy sigmoid"], "µs", "≤ 1 (no slower)", 1.0, a,
         ["gsl sigmoid", "scipy sigmoid"])
    t, a = calx("bootstrap", 1)
    line("bootstrap 1000 vs SciPy loop", t, peer["scipy bootstrap"] * 1e3, "ms", "≤ 0.2 (5× faster)", 0.2, a,
         ["gsl sigmoid", "scipy sigmoid"])
    if chinchilla:
        c_times, c_out = chinchilla
        t, a = statistics.median(c_times["c"]) * 1e6, float(c_out["c"][-1].splitlines()[-1])
        line("fit_chinchilla, 240 runs, whole", t, None, "s", "< 5 s", 5.0)
        # Epoch's "replicate exactly" fit of the same Huber objective (arXiv:2404.10102) has A ≈ 477.8.
        verdict = "ok" if abs(a - 477.8) <= 1e-3 * 477.8 else "DIFFERS"
        if verdict != "ok":
            missed.append("fit_chinchilla A")
        print(f"  fit_chinchilla A = {a!r} (Epoch's replication of the Huber fit: A ≈ 477.8) {verdict}")
    else:
        line("fit_chinchilla, 240 runs, whole", None, None, "s", "< 5 s", 5.0)
    print("fitted A: " + ", ".join(f"{k} {v!r}" for k, v in peer_a.items() if "bootstrap" not in k))

    broken = {name: why for name, why in failures.items() if why}
    if broken:
        print("\nthe Calx side did not run:")
        for name, why in broken.items():
            print(f"  {name}: {why}")
        sys.exit(1)
    print("targets met" if not missed else f"targets missed: {', '.join(missed)}")

if __name__ == "__main__":
    main()
