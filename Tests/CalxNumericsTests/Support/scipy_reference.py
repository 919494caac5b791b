#!/usr/bin/env python3
"""Reference fits for Calx's fit_sigmoid / fit_power / fit, computed with SciPy.

Writes ../Fixtures/scipy-reference.json. Rerun with `python3 scipy_reference.py`;
the output is deterministic (fixed default_rng seeds, no clocks).

Each case is fitted with scipy.optimize.curve_fit(method="lm", ftol=xtol=gtol=1e-15)
from the start point recorded in the case, with the analytic Jacobian (finite
differences would cost the reference a few digits). Standard errors are
sqrt(diag(pcov)) with curve_fit's default absolute_sigma=False, i.e. scaled by
rss / (n - p). `spread` is the largest relative difference of any parameter from
a second fit started at the true values: how far apart two converged LM runs can
land on that case (the rss surface is flat below ~1e-16 relative), so a test
should not ask for closer agreement than that.
"""
import json, os
import numpy as np, scipy
from scipy.optimize import curve_fit

# ScaleRL sigmoid R(C) = R0 + (A - R0) / (1 + (Cmid / C)^B) and its Jacobian.
def sigmoid(C, A, B, Cmid, R0):
    return R0 + (A - R0) / (1 + (Cmid / C) ** B)

def sigmoid_jac(C, A, B, Cmid, R0):
    u = (Cmid / C) ** B
    d = 1 + u
    return np.column_stack([1 / d, -(A - R0) * u * np.log(Cmid / C) / d**2,
                            -(A - R0) * u * B / Cmid / d**2, 1 - 1 / d])

# Power law with asymptote L(N) = E + A / N^alpha and its Jacobian.
def power(N, E, A, alpha):
    return E + A / N**alpha

def power_jac(N, E, A, alpha):
    v = N ** -alpha
    return np.column_stack([np.ones_like(N), v, -A * np.log(N) * v])

MODELS = {"sigmoid": (sigmoid, sigmoid_jac, ["A", "B", "Cmid", "R0"]),
          "power": (power, power_jac, ["E", "A", "alpha"])}
TIGHT = dict(method="lm", ftol=1e-15, xtol=1e-15, gtol=1e-15, maxfev=100_000)

def fit(model, x, y, start, fixed):
    """curve_fit over the free parameters, the fixed ones held at their values."""
    f, jac, names = MODELS[model]
    free = [n for n in names if n not in fixed]
    def full(p):  # free values -> all parameters, in the model's order
        values = dict(fixed, **dict(zip(free, p)))
        return [values[n] for n in names]
    columns = [names.index(n) for n in free]
    p, pcov = curve_fit(lambda x, *p: f(x, *full(p)), x, y, p0=[start[n] for n in free],
                        jac=lambda x, *p: jac(x, *full(p))[:, columns], **TIGHT)
    rss = float(np.sum((f(x, *full(p)) - y) ** 2))
    return free, p, np.sqrt(np.diag(pcov)), rss

# name, model, seed, true parameters, start point, fixed parameters, noise (a function of rng, clean y).
C = np.logspace(2, np.log10(50_000), 40)   # GPU-hours
N = np.logspace(7, 10, 25)                 # parameters
gaussian = lambda sd: (lambda rng, y: y + rng.normal(0, sd, y.size))
relative = lambda sd: (lambda rng, y: y * (1 + rng.normal(0, sd, y.size)))
CASES = [
    ("sigmoid_scalerl", "sigmoid", C, 1, dict(A=0.61, B=1.6, Cmid=3000, R0=0.25),
     dict(A=0.6, B=1.5, Cmid=2000, R0=0.3), {}, gaussian(0.01), "additive gaussian, sd 0.01"),
    ("sigmoid_late", "sigmoid", C, 2, dict(A=0.72, B=1.1, Cmid=5000, R0=0.18),
     dict(A=0.7, B=1.0, Cmid=4000, R0=0.2), {}, gaussian(0.01), "additive gaussian, sd 0.01"),
    ("sigmoid_fixed_r0", "sigmoid", C, 3, dict(A=0.55, B=2.0, Cmid=1500, R0=0.2),
     dict(A=0.5, B=1.5, Cmid=1000), {"R0": 0.2}, gaussian(0.01), "additive gaussian, sd 0.01"),
    ("power_relative_noise", "power", N, 4, dict(E=1.8, A=400, alpha=0.34),
     dict(E=2, A=300, alpha=0.3), {}, relative(0.005), "multiplicative: y * (1 + gaussian sd 0.005)"),
    ("power_additive_noise", "power", N, 5, dict(E=2.2, A=80, alpha=0.25),
     dict(E=2, A=100, alpha=0.3), {}, gaussian(0.005), "additive gaussian, sd 0.005"),
]

cases = []
for name, model, x, seed, true, start, fixed, noise, noise_text in CASES:
    y = noise(np.random.default_rng(seed), MODELS[model][0](x, **true))
    free, p, se, rss = fit(model, x, y, start, fixed)
    _, p_true, _, _ = fit(model, x, y, {n: true[n] for n in free}, fixed)
    cases.append(dict(
        name=name, model=model, seed=seed, noise=noise_text, true=true,
        x=x.tolist(), y=y.tolist(), start=start, fixed=fixed,
        params=dict(zip(free, map(float, p))), stderr=dict(zip(free, map(float, se))),
        rss=rss, dof=len(x) - len(free), spread=float(np.max(np.abs(p_true / p - 1)))))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "scipy-reference.json")
with open(out, "w") as f:  # json writes floats with repr: shortest round-trip form
    json.dump(dict(generator="Tests/CalxNumericsTests/Support/scipy_reference.py",
                   numpy=np.__version__, scipy=scipy.__version__,
                   fit='curve_fit(method="lm", ftol=1e-15, xtol=1e-15, gtol=1e-15, maxfev=100000, analytic jac)',
                   cases=cases), f, indent=1)
    f.write("\n")
for c in cases:
    print(f"{c['name']:<22} rss {c['rss']:.6g}  spread {c['spread']:.1e}  " +
          "  ".join(f"{k}={v:.10g}±{c['stderr'][k]:.3g}" for k, v in c["params"].items()))
