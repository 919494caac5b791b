#!/usr/bin/env python3
"""The SciPy peer: scipy.optimize.curve_fit with its defaults (method "lm" for an
unbounded problem, finite-difference Jacobian, ftol = xtol = 1.49e-8), from the same
start point as the other sides.

  fit_scipy.py sigmoid sigmoid40.csv FITS REPEATS A B Cmid R0
  fit_scipy.py power power25.csv FITS REPEATS E A alpha
      median over REPEATS loops of the time per fit, in µs
  fit_scipy.py bootstrap sigmoid40.csv RESAMPLES REPEATS A B Cmid R0
      fits the sigmoid once, then RESAMPLES times resamples the rows with replacement
      (np.random.default_rng(1)) and refits from the fitted parameters; median over
      REPEATS of the whole loop's time, in ms

Prints name=value pairs: the time, then the fitted parameters (repr) and rss."""
import sys, time, statistics, warnings
import numpy as np
from scipy.optimize import curve_fit, OptimizeWarning

def sigmoid(C, A, B, Cmid, R0):
    return R0 + (A - R0) / (1 + (Cmid / C) ** B)

def power(N, E, A, alpha):
    return E + A / N**alpha

NAMES = {"sigmoid": ["A", "B", "Cmid", "R0"], "power": ["E", "A", "alpha"]}

def main():
    mode, path, count, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    start = [float(v) for v in sys.argv[5:]]
    x, y = np.loadtxt(path, delimiter=",", skiprows=1, unpack=True)
    model = power if mode == "power" else sigmoid
    names = NAMES["power" if mode == "power" else "sigmoid"]
    warnings.simplefilter("ignore", (OptimizeWarning, RuntimeWarning))
    p, _ = curve_fit(model, x, y, p0=start)  # warm-up, and the result printed
    times, extra = [], ""
    for _ in range(repeats):
        if mode == "bootstrap":
            rng, failures, a = np.random.default_rng(1), 0, []
            t0 = time.perf_counter()
            for _ in range(count):
                rows = rng.integers(0, x.size, x.size)
                try:
                    a.append(curve_fit(model, x[rows], y[rows], p0=p)[0][0])
                except RuntimeError:  # no convergence within maxfev
                    failures += 1
            times.append((time.perf_counter() - t0) * 1e3)
            extra = f" bootstrap_sd_A={float(np.std(a, ddof=1))!r} failures={failures}"
        else:
            t0 = time.perf_counter()
            for _ in range(count):
                curve_fit(model, x, y, p0=start)
            times.append((time.perf_counter() - t0) * 1e6 / count)
    unit = "ms_total" if mode == "bootstrap" else "us_per_fit"
    rss = float(np.sum((model(x, *p) - y) ** 2))
    print(f"{unit}={statistics.median(times):.3f} " + " ".join(f"{n}={float(v)!r}" for n, v in zip(names, p))
          + f" rss={rss!r}" + extra)

if __name__ == "__main__":
    main()
