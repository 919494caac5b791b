#!/usr/bin/env python3
"""The notebook benchmark (issue 5): the same notebook, written once in Calx
(notebooks/fit.md) and once for Jupyter with NumPy and SciPy (notebooks/fit.ipynb),
loads the 40 points of fitting/sigmoid40.csv, fits the sigmoid, shows a table and
computes an estimate. In one run it times, as whole-process wall time,

  calx render fit.md -o OUT/fit.report.md
  jupyter nbconvert --to markdown --execute fit.ipynb --output-dir OUT

(target: Calx at most 1/20 of nbconvert), then `calx render DIR -o OUTDIR --jobs 2`
on a folder of 100 copies of fit.md against 50 times the single render (target: at
most 1.2 times that). Trials are interleaved, as in bench.py, so a burst of load on
the machine falls on every side alike; every figure is a median (5 trials, 3 for the
folder; BENCH_TRIALS lowers both). Each side is run once, untimed, before the trials.

Jupyter runs from a virtual environment, Benchmarks/.venv (ignored by git), made here
with nbconvert, ipykernel, NumPy and SciPy if it is missing; its kernel is installed
into it under the name calx-bench, so the kernel is the venv's python whatever other
kernels the machine has. A render that fails, or estimates on which the two reports
disagree, make the exit status non-zero. Reports go to Benchmarks/out/notebooks/.
"""
import json, os, re, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CALX = os.path.join(ROOT, ".build", "release", "calx")
NOTEBOOKS = os.path.join(HERE, "notebooks")
CSV = os.path.join(HERE, "fitting", "sigmoid40.csv")  # fit.md and fit.ipynb read ../fitting/sigmoid40.csv
OUT = os.path.join(HERE, "out", "notebooks")
VENV = os.path.join(HERE, ".venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
JUPYTER = os.path.join(VENV, "bin", "jupyter")
KERNEL = "calx-bench"
PACKAGES = {"nbconvert": "nbconvert", "ipykernel": "ipykernel", "numpy": "numpy", "scipy": "scipy"}  # module: pip name
TRIALS = int(os.environ.get("BENCH_TRIALS", "5"))
FOLDER_TRIALS = min(TRIALS, 3)
COPIES, JOBS = 100, 2
RATIO_TARGET, FOLDER_TARGET = 0.05, 1.2
ESTIMATE = re.compile(r"R\(1e5\) = (\S+)\s+C at R = 0\.5: (\S+)")

def say(text):
    print(text, file=sys.stderr, flush=True)

def check(cmd, what):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{what}: {' '.join(cmd)} failed ({out.returncode}):\n{out.stdout}{out.stderr}")
    return out.stdout

def setup_venv():
    """Benchmarks/.venv with the packages, and its python as the kernel calx-bench."""
    if not os.access(VENV_PYTHON, os.X_OK):
        say(f"making {os.path.relpath(VENV, ROOT)}")
        check([sys.executable, "-m", "venv", VENV], "venv")
    missing = [pip for module, pip in PACKAGES.items()
               if subprocess.run([VENV_PYTHON, "-c", f"import {module}"], capture_output=True).returncode != 0]
    if missing:
        say(f"pip installing {', '.join(missing)} into {os.path.relpath(VENV, ROOT)}")
        check([VENV_PYTHON, "-m", "pip", "install", "-q"] + missing, "pip install")
    spec = os.path.join(VENV, "share", "jupyter", "kernels", KERNEL, "kernel.json")
    try:
        with open(spec) as f:
            installed = json.load(f)["argv"][0] == VENV_PYTHON
    except (OSError, ValueError, KeyError, IndexError):
        installed = False
    if not installed:
        check([VENV_PYTHON, "-m", "ipykernel", "install", "--prefix", VENV, "--name", KERNEL,
               "--display-name", "Python 3 (Benchmarks/.venv)"], "kernel install")
    version = check([VENV_PYTHON, "-c", "import sys, nbconvert, numpy, scipy; "
                     "print(f'python {sys.version.split()[0]}, nbconvert {nbconvert.__version__}, "
                     "NumPy {numpy.__version__}, SciPy {scipy.__version__}')"], "versions")
    return version.strip()

def run(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}):\n{out.stdout}{out.stderr}")
    return elapsed

def interleaved(cmds, trials, before=lambda: None):
    """Runs every command once per trial, in turn (before() ahead of each, untimed); the wall times per command."""
    times = {k: [] for k in cmds}
    for _ in range(trials):
        for key, cmd in cmds.items():
            before()
            times[key].append(run(cmd))
    return times

def estimates(path):
    """R(1e5) and the C at which R = 0.5, as the report prints them."""
    with open(path) as f:
        match = ESTIMATE.search(f.read())
    if not match:
        sys.exit(f"{os.path.relpath(path, ROOT)}: no estimates (R(1e5) = ..., C at R = 0.5: ...) in the report")
    return float(match.group(1)), float(match.group(2))

def agree(a, b):
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))

def main():
    help_text = subprocess.run([CALX, "--help"], capture_output=True, text=True).stdout if os.access(CALX, os.X_OK) else ""
    if not re.search(r"^\s+render\s", help_text, re.M):
        sys.exit(f"no calx with a render command at {CALX} (Benchmarks/run builds it)")
    versions = setup_venv()
    shutil.rmtree(OUT, ignore_errors=True)
    single = os.path.join(OUT, "single")
    os.makedirs(single)
    calx_report, jupyter_report = os.path.join(single, "fit.report.md"), os.path.join(single, "fit.md")
    cmds = {
        "calx": [CALX, "render", os.path.join(NOTEBOOKS, "fit.md"), "-o", calx_report],
        "jupyter": [JUPYTER, "nbconvert", "--to", "markdown", "--execute", os.path.join(NOTEBOOKS, "fit.ipynb"),
                    f"--ExecutePreprocessor.kernel_name={KERNEL}", "--output-dir", single],
    }
    interleaved(cmds, 1)  # warm-up, and a first check that both render
    calx_estimates, jupyter_estimates = estimates(calx_report), estimates(jupyter_report)

    # 100 copies of fit.md, with the CSV where their ../fitting/sigmoid40.csv points.
    copies, reports = os.path.join(OUT, "copies"), os.path.join(OUT, "reports")
    os.makedirs(copies)
    os.makedirs(os.path.join(OUT, "fitting"))
    shutil.copy(CSV, os.path.join(OUT, "fitting"))
    for i in range(COPIES):
        shutil.copy(os.path.join(NOTEBOOKS, "fit.md"), os.path.join(copies, f"fit_{i:03}.md"))
    folder_cmd = {"folder": [CALX, "render", copies, "-o", reports, "--jobs", str(JOBS)]}
    clear_reports = lambda: shutil.rmtree(reports, ignore_errors=True)

    print(f"notebooks: median of {TRIALS} interleaved trials ({FOLDER_TRIALS} for the folder); {versions}")
    times = interleaved(cmds, TRIALS)
    folder = interleaved(folder_cmd, FOLDER_TRIALS, before=clear_reports)["folder"]
    rendered = sorted(os.listdir(reports))
    if len(rendered) != COPIES or not all(agree(estimates(os.path.join(reports, r))[0], calx_estimates[0]) for r in rendered):
        sys.exit(f"the folder render wrote {len(rendered)} reports for {COPIES} notebooks, or reports that differ")

    calx, jupyter, folder_time = (statistics.median(t) for t in (times["calx"], times["jupyter"], folder))
    print(f"{'line':<44}{'calx':>11}{'peer':>11}{'ratio':>8}  {'target':<9}verdict")
    missed = []
    def line(label, value, peer, limit):
        ratio = value / peer
        verdict = "ok" if ratio <= limit else "MISSED"
        if verdict != "ok":
            missed.append(label)
        print(f"{label:<44}{value * 1e3:8.1f} ms{peer * 1e3:8.1f} ms{ratio:8.3f}  {'≤ ' + str(limit):<9}{verdict}")
    line("calx render vs jupyter nbconvert --execute", calx, jupyter, RATIO_TARGET)
    line(f"{COPIES} copies, --jobs {JOBS}, vs {COPIES // JOBS} × single", folder_time, COPIES // JOBS * calx, FOLDER_TARGET)
    print(f"  single render: calx {min(times['calx']) * 1e3:.1f}–{max(times['calx']) * 1e3:.1f} ms, "
          f"nbconvert {min(times['jupyter']) * 1e3:.0f}–{max(times['jupyter']) * 1e3:.0f} ms; "
          f"folder {min(folder) * 1e3:.0f}–{max(folder) * 1e3:.0f} ms ({folder_time / COPIES * 1e3:.2f} ms a notebook)")

    differ = [name for name, a, b in zip(("R(1e5)", "C at R = 0.5"), calx_estimates, jupyter_estimates) if not agree(a, b)]
    print(f"estimates: calx R(1e5) = {calx_estimates[0]!r}, C at R = 0.5: {calx_estimates[1]!r}; "
          f"jupyter {jupyter_estimates[0]!r}, {jupyter_estimates[1]!r} "
          f"({'agree to 1e-6' if not differ else 'DIFFER: ' + ', '.join(differ)})")
    print(f"reports in {os.path.relpath(OUT, ROOT)}/")
    print("targets met" if not missed else f"targets missed: {', '.join(missed)}")
    if differ:
        sys.exit(1)

if __name__ == "__main__":
    main()
