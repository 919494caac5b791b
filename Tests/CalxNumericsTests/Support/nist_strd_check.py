#!/usr/bin/env python3
"""Cross-check of the NIST StRD fixtures used by NISTStRDTests.swift (not part of the Swift build).

For each .dat file under Tests/CalxNumericsTests/Fixtures/nist-strd/ it
  1. parses the file the way NISTStRDTests.swift does (by pattern, not by line number),
  2. checks the certified parameters reproduce the certified residual sum of squares,
  3. fits with scipy.optimize.least_squares from Start 1 and Start 2 and reports the LRE
     (log relative error, digits of agreement) of parameters, standard deviations and RSS,
  4. with --calx PATH, evaluates sum((y - model(x, certified))^2) with the Calx interpreter,
     using the same Calx model text as the Swift test, and compares it with the certified RSS.

Usage: python3 Tests/CalxNumericsTests/Support/nist_strd_check.py [--calx .build/debug/calx]
"""
import math
import os
import re
import subprocess
import sys
import warnings

import numpy as np
from scipy.optimize import least_squares

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "CalxNumericsTests", "Fixtures", "nist-strd")

NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"

# The Calx models, exactly as in NISTStRDTests.swift, and the same models in NumPy.
CALX = {
    "BoxBOD": "b1 * (1 - exp(-b2 * x))",
    "Chwirut1": "exp(-b1 * x) / (b2 + b3 * x)",
    "Chwirut2": "exp(-b1 * x) / (b2 + b3 * x)",
    "DanWood": "b1 * x^b2",
    "Gauss1": "b1 * exp(-b2 * x) + b3 * exp(-(x - b4)^2 / b5^2) + b6 * exp(-(x - b7)^2 / b8^2)",
    "Gauss2": "b1 * exp(-b2 * x) + b3 * exp(-(x - b4)^2 / b5^2) + b6 * exp(-(x - b7)^2 / b8^2)",
    "Hahn1": "(b1 + b2 * x + b3 * x^2 + b4 * x^3) / (1 + b5 * x + b6 * x^2 + b7 * x^3)",
    "Kirby2": "(b1 + b2 * x + b3 * x^2) / (1 + b4 * x + b5 * x^2)",
    "Lanczos2": "b1 * exp(-b2 * x) + b3 * exp(-b4 * x) + b5 * exp(-b6 * x)",
    "Lanczos3": "b1 * exp(-b2 * x) + b3 * exp(-b4 * x) + b5 * exp(-b6 * x)",
    "MGH09": "b1 * (x^2 + x * b2) / (x^2 + x * b3 + b4)",
    "MGH17": "b1 + b2 * exp(-x * b4) + b3 * exp(-x * b5)",
    "Misra1a": "b1 * (1 - exp(-b2 * x))",
    "Misra1b": "b1 * (1 - (1 + b2 * x / 2)^(-2))",
    # Nelson: log(y) = b1 - b2*x1*exp(-b3*x2); x is x1, x2 is a global vector, y is log of the data.
    "Nelson": "b1 - b2 * x * exp(-b3 * x2)",
    "Rat42": "b1 / (1 + exp(b2 - b3 * x))",
    "Thurber": "(b1 + b2 * x + b3 * x^2 + b4 * x^3) / (1 + b5 * x + b6 * x^2 + b7 * x^3)",
}


def numpy_model(name):
    if name in ("BoxBOD", "Misra1a"):
        return lambda x, b: b[0] * (1 - np.exp(-b[1] * x[0]))
    if name.startswith("Chwirut"):
        return lambda x, b: np.exp(-b[0] * x[0]) / (b[1] + b[2] * x[0])
    if name == "DanWood":
        return lambda x, b: b[0] * x[0] ** b[1]
    if name.startswith("Gauss"):
        return lambda x, b: (b[0] * np.exp(-b[1] * x[0]) + b[2] * np.exp(-(x[0] - b[3]) ** 2 / b[4] ** 2)
                             + b[5] * np.exp(-(x[0] - b[6]) ** 2 / b[7] ** 2))
    if name in ("Hahn1", "Thurber"):
        return lambda x, b: ((b[0] + b[1] * x[0] + b[2] * x[0] ** 2 + b[3] * x[0] ** 3)
                             / (1 + b[4] * x[0] + b[5] * x[0] ** 2 + b[6] * x[0] ** 3))
    if name == "Kirby2":
        return lambda x, b: (b[0] + b[1] * x[0] + b[2] * x[0] ** 2) / (1 + b[3] * x[0] + b[4] * x[0] ** 2)
    if name.startswith("Lanczos"):
        return lambda x, b: b[0] * np.exp(-b[1] * x[0]) + b[2] * np.exp(-b[3] * x[0]) + b[4] * np.exp(-b[5] * x[0])
    if name == "MGH09":
        return lambda x, b: b[0] * (x[0] ** 2 + x[0] * b[1]) / (x[0] ** 2 + x[0] * b[2] + b[3])
    if name == "MGH17":
        return lambda x, b: b[0] + b[1] * np.exp(-x[0] * b[3]) + b[2] * np.exp(-x[0] * b[4])
    if name == "Misra1b":
        return lambda x, b: b[0] * (1 - (1 + b[1] * x[0] / 2) ** (-2))
    if name == "Nelson":
        return lambda x, b: b[0] - b[1] * x[0] * np.exp(-b[2] * x[1])
    if name == "Rat42":
        return lambda x, b: b[0] / (1 + np.exp(b[1] - b[2] * x[0]))
    raise KeyError(name)


def parse(path):
    """The parts of a .dat file, found by pattern, with consistency checks."""
    lines = open(path, encoding="ascii").read().replace("\r\n", "\n").split("\n")
    params = []          # (index, start1, start2, certified, sd)
    rss = nobs = nparams_declared = None
    columns = None
    rows = []
    param_re = re.compile(rf"^\s*b(\d+)\s*=\s*({NUM})\s+({NUM})\s+({NUM})\s+({NUM})\s*$")
    for line in lines:
        if columns is not None:
            if line.strip():
                fields = line.split()
                assert all(re.fullmatch(NUM, f) for f in fields), f"{path}: bad data line {line!r}"
                rows.append([float(f) for f in fields])
            continue
        if m := param_re.match(line):
            params.append((int(m[1]), *(float(m[i]) for i in range(2, 6))))
        elif m := re.match(rf"^\s*Residual Sum of Squares:\s*({NUM})\s*$", line):
            rss = float(m[1])
        elif m := re.match(r"^\s*Number of Observations:\s*(\d+)\s*$", line):
            nobs = int(m[1])
        elif m := re.search(r"(\d+)\s+Parameters?\s*\(", line):
            nparams_declared = int(m[1])
        elif m := re.match(r"^Data:\s+([A-Za-z]\w*(?:\s+[A-Za-z]\w*)*)\s*$", line):
            columns = m[1].split()
    assert [p[0] for p in params] == list(range(1, len(params) + 1)), path
    assert len(params) == nparams_declared, path
    assert rss is not None and nobs is not None and columns and columns[0] == "y", path
    assert len(rows) == nobs and all(len(r) == len(columns) for r in rows), path
    data = np.array(rows).T
    return {
        "start1": [p[1] for p in params], "start2": [p[2] for p in params],
        "certified": [p[3] for p in params], "sd": [p[4] for p in params],
        "rss": rss, "y": data[0], "x": data[1:], "columns": columns,
    }


def lre(got, expected):
    if not math.isfinite(got):
        return 0.0
    if got == expected:
        return 15.0
    return max(0.0, min(15.0, -math.log10(abs(got - expected) / abs(expected))))


def jacobian(f, b):
    """d model / d b by central differences with one Richardson step (about 10 good digits)."""
    b = np.array(b, float)
    columns = []
    for i in range(len(b)):
        def central(h):
            e = np.zeros_like(b)
            e[i] = h
            return (f(b + e) - f(b - e)) / (2 * h)
        h = 1e-4 * max(abs(b[i]), 1e-300)
        columns.append((4 * central(h / 2) - central(h)) / 3)
    return np.array(columns).T


def standard_deviations(J, rss, n, k):
    """NIST's standard deviations: sqrt(diag((J'J)^-1) * rss / (n - k)), via QR."""
    try:
        r_inv = np.linalg.inv(np.linalg.qr(J)[1])
    except np.linalg.LinAlgError:
        return np.full(k, np.nan)
    return np.sqrt(np.sum(r_inv * r_inv, axis=1) * rss / (n - k))


def calx_rss(calx, name, p):
    k = len(p["certified"])
    names = ", ".join(f"b{i}" for i in range(1, k + 1))
    vec = lambda v: "[" + ", ".join(repr(float(t)) for t in v) + "]"
    program = f"x = {vec(p['x'][0])}\n"
    if name == "Nelson":
        program += f"x2 = {vec(p['x'][1])}\ny = log({vec(p['y'])})\n"
    else:
        program += f"y = {vec(p['y'])}\n"
    program += f"fn model(x, {names}) = {CALX[name]}\n"
    program += f"sum((y - model(x, {', '.join(repr(c) for c in p['certified'])}))^2)\n"
    out = subprocess.run([calx, "-e", program], capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def main():
    calx = None
    if "--calx" in sys.argv:
        calx = sys.argv[sys.argv.index("--calx") + 1]
    warnings.simplefilter("ignore", RuntimeWarning)  # overflow while scipy wanders from a far start
    ok = True
    for file in sorted(os.listdir(FIXTURES)):
        if not file.endswith(".dat"):
            continue
        name = file[:-4]
        p = parse(os.path.join(FIXTURES, file))
        y = np.log(p["y"]) if name == "Nelson" else p["y"]
        model = numpy_model(name)
        r = y - model(p["x"], np.array(p["certified"]))
        rss = math.fsum(r * r)
        rel = abs(rss - p["rss"]) / p["rss"]
        ok &= rel <= 1e-8
        line = f"{name:9s} n={len(y):3d} k={len(p['certified'])}  numpy RSS rel err {rel:.1e}"
        if calx:
            c = calx_rss(calx, name, p)
            crel = abs(c - p["rss"]) / p["rss"]
            ok &= crel <= 1e-8
            line += f"  calx RSS {c!r} rel err {crel:.1e}"
        print(line)
        n, k = len(y), len(p["certified"])
        f = lambda b: model(p["x"], b)
        for label in ("start1", "start2"):
            # Levenberg-Marquardt with an accurate Jacobian; the better of two parameter scalings.
            best = None
            for scale in ("jac", np.abs(np.array(p[label]))):
                fit = least_squares(lambda b: y - f(b), p[label], jac=lambda b: -jacobian(f, b), method="lm",
                                    x_scale=scale, xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=100000)
                if best is None or fit.fun @ fit.fun < best.fun @ best.fun:
                    best = fit
            frss = float(best.fun @ best.fun)
            sd = standard_deviations(jacobian(f, best.x), frss, n, k)
            lp = min(lre(g, e) for g, e in zip(best.x, p["certified"]))
            ls = min(lre(g, e) for g, e in zip(sd, p["sd"]))
            print(f"    scipy {label}: min LRE params {lp:4.1f}  sd {ls:4.1f}  rss {lre(frss, p['rss']):4.1f}")
        sd = standard_deviations(jacobian(f, p["certified"]), p["rss"], n, k)
        print(f"    sd at certified params: min LRE {min(lre(g, e) for g, e in zip(sd, p['sd'])):4.1f}")
    print("all certified RSS reproduced" if ok else "SOME CERTIFIED RSS NOT REPRODUCED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
