#!/usr/bin/env python3
"""Writes the benchmark's data sets, deterministically (fixed seeds):
  sigmoid40.csv  C,R  40 points, C log-spaced 100..50,000 GPU-hours,
                 R = R0 + (A - R0) / (1 + (Cmid / C)^B) with A=0.61 B=1.6 Cmid=3000 R0=0.25,
                 plus gaussian noise sd 0.01 (seed 1)
  power25.csv    N,L  25 points, N log-spaced 1e7..1e10, L = E + A / N^alpha with
                 E=1.8 A=400 alpha=0.34, times 1 + gaussian noise sd 0.005 (seed 4)
They are the cases sigmoid_scalerl and power_relative_noise of
Tests/CalxNumericsTests/Support/scipy_reference.py. Numbers are written with repr,
so C, Python and Calx read back the same doubles."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

def write(name, header, x, y):
    with open(os.path.join(HERE, name), "w") as f:
        f.write(header + "\n" + "".join(f"{a!r},{b!r}\n" for a, b in zip(x.tolist(), y.tolist())))

C = np.logspace(2, np.log10(50_000), 40)
R = 0.25 + (0.61 - 0.25) / (1 + (3000 / C) ** 1.6)
write("sigmoid40.csv", "C,R", C, R + np.random.default_rng(1).normal(0, 0.01, C.size))

N = np.logspace(7, 10, 25)
L = 1.8 + 400 / N**0.34
write("power25.csv", "N,L", N, L * (1 + np.random.default_rng(4).normal(0, 0.005, N.size)))
