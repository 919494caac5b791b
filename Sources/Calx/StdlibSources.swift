// Generated from Stdlib/ by StdlibEmbeddingTests: do not edit.
// After changing Stdlib/, run `swift test --filter StdlibEmbedding` once to refresh it.

enum StdlibSources {
    static let files: [String: String] = [
        "core/math": #####"""
# Elementary and special functions. Those without a body are native (Swift or GSL);
# every one maps over a vector as well as a number.
use core/vectors
use core/text

## The ratio of a circle's circumference to its diameter.
pi = 3.141592653589793
## Euler's number, the base of natural logarithms.
e = 2.718281828459045
## Positive infinity (IEEE 754).
inf = 1 / 0
## Not a number (IEEE 754): the result of 0/0.
nan = 0 / 0

## e raised to the power x.
## @example exp(1)  # 2.718281828459045
fn exp(x)
## Logarithm of x: natural, or to the given base.
## @example log(100, 10)  # 2
fn log(x, base = nil)
## Base-10 logarithm.
## @example log10(1000)  # 3
fn log10(x)
## Base-2 logarithm.
## @example log2(8)  # 3
fn log2(x)
## Square root; nan for negative numbers.
## @example sqrt(16)  # 4
fn sqrt(x)
## Absolute value.
## @example abs(-3)  # 3
fn abs(x)
## Largest whole number not greater than x.
## @example floor(2.7)  # 2
fn floor(x)
## Smallest whole number not less than x.
## @example ceil(2.1)  # 3
fn ceil(x)
## Rounds half away from zero, to `digits` decimals.
## @example round(2.345, 2)  # 2.35
fn round(x, digits = 0)
## Sine of an angle in radians.
## @example sin(0)  # 0
fn sin(x)
## Cosine of an angle in radians.
## @example cos(0)  # 1
fn cos(x)
## Tangent of an angle in radians.
## @example tan(0)  # 0
fn tan(x)
## Inverse sine, in radians.
## @example asin(1)  # 1.5707963267948966
fn asin(x)
## Inverse cosine, in radians.
## @example acos(1)  # 0
fn acos(x)
## Inverse tangent, in radians.
## @example atan(1)  # 0.7853981633974483
fn atan(x)
## Angle of the point (x, y) from the x axis, in radians.
## @example atan2(1, 1)  # 0.7853981633974483
fn atan2(y, x)
## Hyperbolic sine.
## @example sinh(0)  # 0
fn sinh(x)
## Hyperbolic cosine.
## @example cosh(0)  # 1
fn cosh(x)
## Hyperbolic tangent.
## @example tanh(0)  # 0
fn tanh(x)
## The gamma function (GSL); gamma(n) is (n − 1)!.
## @example gamma(5)  # 24
fn gamma(x)
## Natural logarithm of |gamma(x)| (GSL).
## @example lngamma(10)  # 12.801827480081476
fn lngamma(x)
## The beta function B(a, b) (GSL).
## @example beta(2, 3)  # 0.08333333333333333
fn beta(a, b)
## The error function (GSL).
## @example erf(0)  # 0
fn erf(x)
## The complementary error function 1 − erf(x) (GSL).
## @example erfc(0.5)  # 0.4795001221869534
fn erfc(x)
## The binomial coefficient n choose k (GSL).
## @example choose(5, 2)  # 10
fn choose(n, k)
## Natural logarithm of n choose k (GSL), for counts too large for choose.
## @example lnchoose(5, 2)  # 2.3025850929940455
fn lnchoose(n, k)

## Limits x to the interval [low, high]; maps over vectors.
## @example clamp(12, 0, 10)  # 10
fn clamp(x, low, high) {
    if type_of(x) == "vector" { map(x, v => clamp(v, low, high)) }
    else if x < low { low } else if x > high { high } else { x }
}

"""#####,
        "core/tables": #####"""
# Tables: named columns of equal length.

## A table from named columns of equal length.
## @example len(table(x: [1, 2, 3], y: [4, 5, 6]))  # 3
fn table(...columns)
## Reads a CSV file with a header row into a table; numeric columns become numbers.
## Paths are relative to the running file.
fn read_csv(path)
## Writes a table to a CSV file, atomically.
fn write_csv(t, path)

"""#####,
        "core/text": #####"""
# Output, text and checks.

## Prints its arguments separated by spaces, then a newline.
## @example print("total:", 42)
fn print(...values)
## The value as text (strings unchanged).
## @example str(1.5)  # "1.5"
fn str(x)
## A number as text with `digits` significant digits, or `decimals` fixed decimals.
## @example format(3.14159, digits: 3)  # "3.14"
fn format(x, digits = nil, decimals = nil)
## The name of a value's type: number, bool, string, vector, record, table, function or nil.
## @example type_of([1, 2])  # "vector"
fn type_of(x)
## Stops with an error unless the condition is true.
## @example assert(1 + 1 == 2, "arithmetic")
fn assert(condition, message = nil)
## Stops with an error carrying the message.
fn error(message)
## Up to three of the candidates that a mistyped or partial name may mean (those that
## contain it, else the nearest by edits), for "did you mean" messages.
## @example suggest("a100", ["NVIDIA A100 40GB PCIe", "NVIDIA V100", "AMD RX480"])  # ["NVIDIA A100 40GB PCIe"]
fn suggest(name, candidates)

"""#####,
        "core/vectors": #####"""
# Building, reducing and transforming vectors.

## Number of elements of a vector, characters of a string, rows of a table or fields of a record.
## @example len([4, 5, 6])  # 3
fn len(x)
## Sum of the elements; for a vector of bools, how many are true.
## @example sum([1, 2, 3])  # 6
fn sum(v)
## Product of the elements.
## @example prod([1, 2, 3, 4])  # 24
fn prod(v)
## Running sums.
## @example cumsum([1, 2, 3])  # [1, 3, 6]
fn cumsum(v)
## Smallest of the numbers given, vectors included.
## @example min([3, 1, 2])  # 1
fn min(...values)
## Largest of the numbers given, vectors included.
## @example max(3, 7, 5)  # 7
fn max(...values)
## The elements in ascending order (numbers, or strings).
## @example sort([3, 1, 2])  # [1, 2, 3]
fn sort(v)
## The distinct elements, in ascending order.
## @example unique([3, 1, 3, 2, 1])  # [1, 2, 3]
fn unique(v)
## The elements (or characters) in reverse order.
## @example reverse([1, 2, 3])  # [3, 2, 1]
fn reverse(v)
## Applies f to each element (or each row of a table).
## @example map([1, 2, 3], x => x * 10)  # [10, 20, 30]
fn map(v, f)
## The elements for which f returns true.
## @example filter([1, 2, 3, 4], x => x % 2 == 0)  # [2, 4]
fn filter(v, f)
## Folds the elements with f(accumulator, element), starting from `initial` or the first element.
## @example reduce([1, 2, 3], (a, b) => a + b)  # 6
fn reduce(v, f, initial = nil)
## Pairs of corresponding elements.
## @example zip([1, 2], [3, 4])  # [[1, 3], [2, 4]]
fn zip(a, b)
## `n` evenly spaced numbers from start to stop, both included (NumPy's linspace).
## @example linspace(0, 1, 5)  # [0, 0.25, 0.5, 0.75, 1]
fn linspace(start, stop, n = 50)
## `n` numbers spaced evenly on a log scale, from base^start to base^stop (NumPy's logspace).
## @example logspace(2, 4, 3)  # [100, 1000, 10000]
fn logspace(start, stop, n = 50, base = 10) = base ^ linspace(start, stop, n)
## Joins vectors (and single values) into one vector.
## @example concat([1, 2], 3, [4])  # [1, 2, 3, 4]
fn concat(...parts)
## True if any element of a vector of bools is true.
## @example any([1, 5, 2] > 4)  # true
fn any(mask) = sum(mask) > 0
## True if every element of a vector of bools is true.
## @example all([1, 5, 2] > 0)  # true
fn all(mask) = len(mask) == 0 or sum(mask) == len(mask)
## The field names of a record, or the column names of a table.
## @example keys({a: 1, b: 2})  # ["a", "b"]
fn keys(x)

"""#####,
        "plot": #####"""
# Figures: each function returns a figure, which the REPL draws in the terminal and a
# notebook writes as an SVG file. Every one takes title, xlabel, ylabel, and xlog/ylog
# for logarithmic axes; units of the data join the axis labels.

## Points at (x, y).
fn scatter(x, y, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## A line through (x, y).
fn line(x, y, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## A shaded band between lower and upper over x.
fn band(x, lower, upper, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## A histogram of v in equal-width bins.
fn hist(v, bins = 20, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## One bar per label.
fn bar(labels, values, label = nil, title = nil, xlabel = nil, ylabel = nil, xlog = nil, ylog = nil)
## Figures overlaid on one set of axes; a fit result as its data, fitted curve and
## confidence band; or plot(x, y) as a line. Named options: title, xlabel, ylabel, xlog, ylog.
fn plot(...items)

"""#####,
        "prelude": #####"""
# The prelude: loaded before every program. It only imports.
use units
use core/math
use core/vectors
use core/text
use core/tables
use stats/summary
use stats/fitting
use plot

"""#####,
        "stats/fitting": #####"""
# Curve fitting on GSL: least squares (gsl_multifit_nlinear), robust losses
# (gsl_multimin), and the scaling laws of models.md sections 1–4. Functions
# without a body are native; a fit returns a record that displays as a table.
use core/math

## The ScaleRL compute curve: reward R at compute C (models.md §1).
## @example sigmoid(1000, 0.6, 2, 1000, 0.2)  # 0.4
fn sigmoid(C, A, B, Cmid, R0) = R0 + (A - R0) / (1 + (Cmid / C) ^ B)
## A power law with an asymptote: E + A / N^alpha (models.md §2).
## @example power_law(100, 1, 10, 1)  # 1.1
fn power_law(N, E, A, alpha) = E + A / N ^ alpha
## A pure power law, A / N^alpha.
## @example pure_power(100, 10, 1)  # 0.1
fn pure_power(N, A, alpha) = A / N ^ alpha
## Coverage after k samples, exp(a·k^b) (models.md §3).
## @example coverage_law(1, -1, -0.5)  # 0.36787944117144233
fn coverage_law(k, a, b) = exp(a * k ^ b)

## Fits model(x, p1, p2, ...) to y by least squares (or loss: "huber"), from start
## (default 1 for each parameter); fix holds parameters constant, lower/upper bound them.
## The result reads f.params.p1, f.stderr.p1, f.ci.p1, f.rss, f.converged, ...
fn fit(model, x, y, start = nil, weights = nil, fix = nil, lower = nil, upper = nil, loss = "squared", delta = 1, max_iter = 1000, level = 0.95)
## Fits the ScaleRL curve R0 + (A − R0)/(1 + (Cmid/C)^B); r0 fixes R0, from drops compute
## below a threshold. Automatic multi-start unless start gives the parameters.
fn fit_sigmoid(C, R, r0 = nil, from = nil, start = nil, weights = nil, max_iter = 1000, level = 0.95)
## Fits E + A/N^alpha; with asymptote: false, A/N^alpha by log–log regression.
fn fit_power(N, L, asymptote = true, start = nil, weights = nil, max_iter = 1000, level = 0.95)
## Fits coverage c = exp(a·k^b) over the number of samples k.
fn fit_coverage(k, c, start = nil, weights = nil, max_iter = 1000, level = 0.95)
## The fitted curve at x; with band: true a table of x, y and the confidence band (delta method).
fn predict(f, x, band = false)
## The x at which a fitted curve reaches y (the compute needed for a target).
fn solve(f, y)
## Refits f on n resamples of its data (rows drawn with replacement, seeded) and gives
## bootstrap standard errors and percentile intervals; stat (a function of the refitted
## parameters, like g => g.A) bootstraps a derived quantity instead. The seed defaults
## to a notebook's params.seed, else 1.
fn bootstrap(f, n = 1000, seed = nil, stat = nil, level = 0.95)

## The x between low and high where f(x) = 0 (GSL's Brent solver); f must change sign there.
## @example round(root(x => x^2 - 2, 0, 2), 12)  # 1.414213562373
fn root(f, low, high)

## The Chinchilla loss law E + A/N^alpha + B/D^beta, for x a record or table with
## fields N (parameters) and D (training tokens).
## @example chinchilla_loss({N: 1e9, D: 2e10}, 400, 400, 1.7, 0.34, 0.28)  # 2.5705069546382315
fn chinchilla_loss(x, A, B, E, alpha, beta) = E + A / x.N ^ alpha + B / x.D ^ beta
## Fits the Chinchilla law to runs of N parameters and D tokens reaching loss L as
## Approach 3 does: Huber loss (delta) on log L, BFGS from a grid of 4,500 starts.
fn fit_chinchilla(N, D, L, delta = 1e-3, start = nil, level = 0.95)
## The compute-optimal split of a budget C (FLOP) under C = 6·N·D for a Chinchilla fit:
## N_opt, D_opt, tokens per parameter and the predicted loss.
fn optimal_allocation(f, C)

## Unbiased pass@k of a problem with c correct out of n samples (Chen et al. 2021),
## computed as a product, never with factorials; n and c may be vectors (one per problem).
## @example pass_at_k(10, 3, 1)  # 0.30000000000000004
fn pass_at_k(n, c, k)
## The data-efficiency multiplier of a recipe reaching loss L with D tokens, against a
## baseline data law `law` = fit_power(D, L): D_eff = (A / (L − E))^(1/alpha).
fn data_efficiency(law, L, D) {
    p = law.params
    if L <= p.E { error("a loss of {L} is at or below the baseline's asymptote E = {p.E}: no amount of baseline data reaches it") }
    D_eff = (p.A / (L - p.E)) ^ (1 / p.alpha)
    {D_eff: D_eff, multiplier: D_eff / D}
}
## Ensemble scaling (models.md §2): for each model size N, fits L = E_K + A_K/K^alpha_K over
## ensemble sizes K, then fits the asymptotes E_K(N) = E + A/N^alpha. E is the joint limit.
fn fit_ensemble(N, K, L, level = 0.95) {
    sizes = unique(N)
    if len(sizes) < 3 { error("fit_ensemble needs at least 3 model sizes to fit E_K(N), got {len(sizes)}") }
    inner = map(sizes, s => fit_power(K[N == s], L[N == s], level: level))
    E_K = map(inner, f => f.params.E)
    outer = fit_power(sizes, E_K, level: level)
    per_size = table(N: sizes, E_K: E_K, E_K_stderr: map(inner, f => f.stderr.E), A_K: map(inner, f => f.params.A), alpha_K: map(inner, f => f.params.alpha))
    {E: outer.params.E, ci: outer.ci.E, law: outer, per_size: per_size, fits: inner}
}

"""#####,
        "stats/summary": #####"""
# Summary statistics. Quantiles come from GSL.
use core/vectors
use core/math

## Arithmetic mean.
## @example mean([1, 2, 3, 4])  # 2.5
fn mean(v) = sum(v) / len(v)
## Sample variance (divides by n − 1, as R and NumPy's ddof=1 do).
## @example var([1, 2, 3, 4])  # 1.6666666666666667
fn var(v) {
    # Two passes, as NumPy does: GSL's running update drifts in the last digit.
    n = len(v)
    if n < 2 { error("var() needs at least 2 values, got {n}") }
    sum((v - mean(v)) ^ 2) / (n - 1)
}
## Sample standard deviation (n − 1).
## @example sd([2, 4, 4, 4, 5, 5, 7, 9])  # 2.138089935299395
fn sd(v) = sqrt(var(v))
## Quantile by linear interpolation (R's type 7, as GSL and NumPy); p may be a vector.
## @example quantile([1, 2, 3, 4], 0.25)  # 1.75
fn quantile(v, p)
## The middle value (the 0.5 quantile).
## @example median([3, 1, 2])  # 2
fn median(v) = quantile(v, 0.5)

"""#####,
        "units": #####"""
# The standard dimensions and units, declared in Calx as a program declares its own.
#
#   dimension Token                        a new base dimension
#   dimension Power = Energy / Time        a named combination (used in messages)
#   unit m, meter, meters: Length [si]     a base unit, its other names, and its prefixes
#   unit h, hour, hours = 3600 s           a unit defined from others
#   unit degC = K [offset: 273.15]         a unit whose zero is elsewhere (temperatures)
#
# [si] allows SI prefixes (k, M, G, m, µ or u, n …) on the symbol and long prefixes
# (kilo, mega …) on the other names; [binary] allows Ki, Mi, Gi, Ti, Pi, Ei.
# Sources: the SI Brochure (9th edition, 2019) and NIST SP 811 for the conversion factors.

dimension Length
dimension Mass
dimension Time
dimension Current
dimension Temperature
dimension Amount
dimension Luminosity
dimension Information
dimension Currency
## Floating-point operations: a dimension of its own, so FLOP/s and FLOP/W are checked.
dimension Compute

dimension Area = Length^2
dimension Volume = Length^3
dimension Speed = Length / Time
dimension Acceleration = Length / Time^2
dimension Frequency = Time^-1
dimension Force = Mass * Length / Time^2
dimension Energy = Mass * Length^2 / Time^2
dimension Power = Energy / Time
dimension Pressure = Force / Area
dimension Charge = Current * Time
dimension Voltage = Power / Current
dimension DataRate = Information / Time
dimension ComputeRate = Compute / Time
dimension ComputePerEnergy = Compute / Energy
dimension CarbonIntensity = Mass / Energy
dimension CostRate = Currency / Time
dimension EnergyPrice = Currency / Energy

# SI base units (the gram rather than the kilogram, so that prefixes work: kg is k + g).
unit m, meter, meters, metre, metres: Length [si]
unit g, gram, grams: Mass [si]
unit s, second, seconds, sec: Time [si]
unit A, ampere, amperes: Current [si]
unit K, kelvin: Temperature [si]
unit mol, mole, moles: Amount [si]
unit cd, candela: Luminosity [si]

# Information, currency and compute.
unit bit, bits: Information [si, binary]
unit B, byte, bytes = 8 bit [si, binary]
unit USD, dollar, dollars: Currency
unit FLOP, flop, FLOPs: Compute [si]

# Time.
unit min, minute, minutes = 60 s
unit h, hour, hours, hr = 3600 s
unit day, days = 86400 s
unit week, weeks = 7 day
## The Julian year: 365.25 days.
unit year, years, yr = 365.25 day

# Mechanics and electricity.
unit Hz, hertz = s^-1 [si]
unit N, newton, newtons = kg * m / s^2 [si]
unit J, joule, joules = N * m [si]
unit W, watt, watts = J / s [si]
unit Wh = W * h [si]
unit Pa, pascal = N / m^2 [si]
unit C, coulomb = A * s [si]
unit V, volt, volts = W / A [si]
unit eV, electronvolt = 1.602176634e-19 J [si]
unit cal, calorie, calories = 4.184 J [si]

# Length, volume and mass outside SI.
unit L, liter, liters, litre, litres = 0.001 m^3 [si]
unit t, tonne, tonnes = 1000 kg [si]
unit mi, mile, miles = 1609.344 m
unit ft, foot, feet = 0.3048 m
unit inch, inches = 0.0254 m
unit lb, pound, pounds = 0.45359237 kg

# Temperatures with an offset zero: convert them, compare them, but do not add them.
unit °C, degC, celsius = K [offset: 273.15]
unit °F, degF, fahrenheit = 5 / 9 * K [offset: 255.37222222222223]

# Dimensionless ratios.
unit %, percent = 0.01
unit ppm = 1e-6

## The speed of light in vacuum (exact).
speed_of_light = 299792458 m/s
## Standard gravity (exact).
standard_gravity = 9.80665 m/s^2
## The Planck constant (exact since 2019).
planck = 6.62607015e-34 J*s
## The Boltzmann constant (exact since 2019).
boltzmann = 1.380649e-23 J/K
## The Avogadro constant (exact since 2019).
avogadro = 6.02214076e23 mol^-1
## The elementary charge (exact since 2019).
elementary_charge = 1.602176634e-19 C

## A quantity's plain number in a unit: value_of(90 min, h) is 1.5. Name the unit in
## quotes when a variable or function has its name: value_of(90 s, "min").
## @example value_of(1.5 h, "min")  # 90
fn value_of(q, unit)
## The dimension of a quantity by name, "1" for a plain number: for checking units in Calx.
## @example dimension_of(3 kWh)  # "Energy"
fn dimension_of(q)

"""#####,
    ]
}
