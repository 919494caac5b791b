// Chinchilla Approach 3 (models.md §4): L(N, D) = E + A/N^alpha + B/D^beta, fitted
// as Hoffmann et al. and Epoch do: a Huber loss (δ = 1e-3) on log L in the
// log-sum-exp parameterisation, BFGS from every point of the published grid of
// 4,500 starts, run in parallel; the best converged result wins.

import CalxCore
import Foundation

enum Chinchilla {
    /// θ = (a, b, e, alpha, beta) with A = e^a, B = e^b, E = e^e.
    struct Data {
        var logN: [Double]
        var logD: [Double]
        var logL: [Double]

        /// Σ Huber_δ(LSE(a − alpha·log N, b − beta·log D, e) − log L), and its gradient.
        func objective(_ θ: [Double], delta: Double, gradient: Bool) -> (Double, [Double]) {
            let (a, b, e, alpha, beta) = (θ[0], θ[1], θ[2], θ[3], θ[4])
            var total = 0.0
            var g = [Double](repeating: 0, count: gradient ? 5 : 0)
            // No max-shift in the log-sum-exp: a ≤ 25 and alpha·log N ≤ 2·log 1e12 keep every term
            // far from overflow, and one exp less per point matters over 4,500 starts.
            let expE = exp(e)
            for i in logN.indices {
                let x1 = exp(a - alpha * logN[i]), x2 = exp(b - beta * logD[i]), x3 = expE
                let sum = x1 + x2 + x3
                let r = log(sum) - logL[i]
                total += abs(r) <= delta ? r * r / 2 : delta * (abs(r) - delta / 2)
                if gradient {
                    let psi = max(-delta, min(delta, r)) / sum
                    g[0] += psi * x1
                    g[1] += psi * x2
                    g[2] += psi * x3
                    g[3] -= psi * x1 * logN[i]
                    g[4] -= psi * x2 * logD[i]
                }
            }
            return (total, g)
        }

        /// log L̂ and its gradient in (A, B, E, alpha, beta), for the covariance.
        func jacobianInNaturalParameters(_ θ: [Double]) -> [Double] {
            let (A, B, E) = (exp(θ[0]), exp(θ[1]), exp(θ[2]))
            var J = [Double](repeating: 0, count: logN.count * 5)
            for i in logN.indices {
                let termN = A * exp(-θ[3] * logN[i]), termD = B * exp(-θ[4] * logD[i])
                let L = E + termN + termD
                J[5 * i] = termN / A / L
                J[5 * i + 1] = termD / B / L
                J[5 * i + 2] = 1 / L
                J[5 * i + 3] = -termN * logN[i] / L
                J[5 * i + 4] = -termD * logD[i] / L
            }
            return J
        }
    }

    /// Hoffmann et al.'s grid: alpha, beta ∈ {0, 0.5, …, 2}, e ∈ {−1, −0.5, …, 1}, a, b ∈ {0, 5, …, 25}.
    static let grid: [[Double]] = {
        let exponents = stride(from: 0.0, through: 2.0, by: 0.5), es = stride(from: -1.0, through: 1.0, by: 0.5)
        let scales = stride(from: 0.0, through: 25.0, by: 5.0)
        var starts: [[Double]] = []
        for alpha in exponents { for beta in exponents { for e in es { for a in scales { for b in scales {
            starts.append([a, b, e, alpha, beta])
        } } } } }
        return starts
    }()

    /// BFGS to a gradient norm of 1e-6 (screening), or as far as the line search can go (finals).
    static func minimize(_ data: Data, delta: Double, from start: [Double], maxIterations: Int = 5000, polish: Bool = true) -> Minimum? {
        let objective = Objective(dimension: 5,
                                  value: { data.objective($0, delta: delta, gradient: false).0 },
                                  valueAndGradient: { data.objective($0, delta: delta, gradient: true) })
        return try? Minimizer.bfgs(objective, from: start, gradientTolerance: polish ? 1e-12 : 1e-6, acceptance: 1e-5,
                                   maxIterations: maxIterations)
    }

    /// Every start runs `screening` iterations; the `finalists` lowest then run to convergence,
    /// and the best converged one wins. (Starts far from the valley crawl for hundreds of
    /// iterations without ever coming near the best; running all 4,500 to the end would take
    /// minutes for the same answer.)
    static let screening = 60, finalists = 10

    /// The best converged minimum over `starts`, computed on every core.
    static func bestOfGrid(_ data: Data, delta: Double, starts: [[Double]]) -> Minimum? {
        let screened = Parallel.map(starts.count) { index, _ in minimize(data, delta: delta, from: starts[index], maxIterations: screening, polish: false) }
        let leaders = screened.compactMap { $0 }.filter { $0.value.isFinite }.sorted { $0.value < $1.value }.prefix(finalists)
        let points = leaders.map(\.point)
        let finals = Parallel.map(points.count) { index, _ in minimize(data, delta: delta, from: points[index]) }
        let counted = zip(leaders, finals).compactMap { leader, final in
            final.map { Minimum(point: $0.point, value: $0.value, iterations: leader.iterations + $0.iterations, converged: $0.converged) }
        }
        return counted.filter(\.converged).min { $0.value < $1.value }
    }

    /// fit_chinchilla(N, D, L, delta, start, level)
    static func fit(_ arguments: Arguments) throws -> Value {
        let (n, _) = try arguments.measured(0), (d, _) = try arguments.measured(1), (l, lUnit) = try arguments.measured(2)
        guard n.count == d.count, d.count == l.count else {
            throw NativeError("N, D and L must have one value per run; they have \(n.count), \(d.count) and \(l.count)")
        }
        for (position, values) in [(0, n), (1, d), (2, l)] {
            if let bad = values.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
                throw ArgumentError(position: position, "\(arguments.parameterNames[position])[\(bad)] is \(ValueFormatter.number(values[bad])): the Chinchilla fit needs positive, finite values")
            }
        }
        guard n.count >= 5 else { throw NativeError("\(n.count) runs cannot determine the 5 parameters of the Chinchilla law") }
        let delta = try arguments.number(3)
        guard delta > 0 else { throw ArgumentError(position: 3, "delta must be positive, got \(ValueFormatter.number(delta))") }
        let data = Data(logN: n.map { log($0) }, logD: d.map { log($0) }, logL: l.map { log($0) })
        let names = ["A", "B", "E", "alpha", "beta"]
        var starts = grid
        if let given = try FitLibrary.userStart(arguments, 4, CurveModel(name: "fit_chinchilla", parameters: names, formula: nil, values: { _, _ in [] }), units: Array(repeating: nil, count: 5)) {
            starts = [[log(given[0]), log(given[1]), log(given[2]), given[3], given[4]]]
        }
        guard let best = bestOfGrid(data, delta: delta, starts: starts) else {
            throw NativeError("no start of the Chinchilla fit converged", stage: .numerics)
        }
        return try record(data, best, delta: delta, starts: starts.count, arguments: arguments, n: n, d: d, l: l, lUnit: lUnit)
    }

    static func record(_ data: Data, _ best: Minimum, delta: Double, starts: Int, arguments: Arguments,
                       n: [Double], d: [Double], l: [Double], lUnit: CalxCore.Unit?) throws -> Value {
        let θ = best.point
        let natural = [exp(θ[0]), exp(θ[1]), exp(θ[2]), θ[3], θ[4]]
        let model = CurveModel(
            name: "fit_chinchilla", parameters: ["A", "B", "E", "alpha", "beta"], formula: "E + A / N^alpha + B / D^beta",
            values: { _, p in data.logN.indices.map { log(p[2] + p[0] * exp(-p[3] * data.logN[$0]) + p[1] * exp(-p[4] * data.logD[$0])) } },
            jacobian: nil, libraryFunction: "chinchilla_loss")
        let residuals = try model.values([], natural).enumerated().map { $1 - data.logL[$0] }
        let rss = residuals.reduce(0) { $0 + $1 * $1 }
        let (covariance, conditioning) = Fitter.covariance(data.jacobianInNaturalParameters(θ), n: n.count, p: 5, weights: nil)
        let outcome = FitOutcome(parameters: natural, covariance: covariance, residuals: residuals, rss: rss, objective: best.value,
                                 iterations: best.iterations, converged: best.converged, reason: nil, conditioning: conditioning)
        let spec = FitSpecification(model: model, x: n, y: data.logL, weights: nil, start: natural, fixed: Array(repeating: false, count: 5),
                                    bounds: Array(repeating: .none, count: 5), loss: .huber(delta: delta))
        var summary = FitSummary(model: model, spec: spec, outcome: outcome, level: try arguments.probability(5),
                                 units: [lUnit, lUnit, lUnit, nil, nil], xUnit: nil, yUnit: nil,
                                 function: arguments.runtime.globals.library("chinchilla_loss") ?? .nil)
        summary.method = "Huber loss (δ = \(ValueFormatter.number(delta))) on log L, BFGS from \(starts) start\(starts == 1 ? "" : "s")"
        summary.extraFields = [("objective", .number(best.value))]
        summary.observed = (.table(Table(names: ["N", "D"], columns: [.numbers(n), .numbers(d)], rowCount: n.count)),
                            QuantityArithmetic.keep(.numbers(l), lUnit))
        summary.refit = Refit(threadSafe: true) { indexes in
            let resampled = Data(logN: indexes.map { data.logN[$0] }, logD: indexes.map { data.logD[$0] }, logL: indexes.map { data.logL[$0] })
            guard let minimum = minimize(resampled, delta: delta, from: θ) else { throw NativeError("the refit failed") }
            let p = minimum.point
            return FitOutcome(parameters: [exp(p[0]), exp(p[1]), exp(p[2]), p[3], p[4]], covariance: [], residuals: [], rss: .nan,
                              objective: minimum.value, iterations: minimum.iterations, converged: minimum.converged, reason: nil, conditioning: 1)
        }
        return summary.record
    }

    /// optimal_allocation(f, C): N_opt, D_opt and tokens per parameter under C = 6·N·D.
    static func optimalAllocation(_ arguments: Arguments) throws -> Value {
        let curve = try FittedCurve(arguments[0], arguments, position: 0)
        guard curve.method == "fit_chinchilla" else {
            throw ArgumentError(position: 0, "optimal_allocation needs a fit_chinchilla result, got a \(curve.method) fit")
        }
        guard let (budgets, unit) = magnitudes(arguments[1]) else { throw arguments.mismatch(1, expected: "a compute budget in FLOP") }
        let flops: [Double]
        if let unit {
            guard let flop = arguments.runtime.globals.units.lookup("FLOP"), unit.dimension == flop.dimension else {
                throw ArgumentError(position: 1, "a compute budget is in FLOP, not \(unit.symbol)")
            }
            guard case .numbers(let converted) = QuantityArithmetic.convert(.numbers(budgets), from: unit, to: flop) else { return .nil }
            flops = converted
        } else {
            flops = budgets
        }
        let (A, B, alpha, beta) = (curve.number("A"), curve.number("B"), curve.number("alpha"), curve.number("beta"))
        let G = pow(alpha * A / (beta * B), 1 / (alpha + beta))
        let (aOpt, bOpt) = (beta / (alpha + beta), alpha / (alpha + beta))
        let nOpt = flops.map { G * pow($0 / 6, aOpt) }, dOpt = flops.map { pow($0 / 6, bOpt) / G }
        let loss = zip(nOpt, dOpt).map { curve.number("E") + A / pow($0, alpha) + B / pow($1, beta) }
        let vector = { (xs: [Double]) -> Value in xs.count == 1 && !Prediction.isVector(arguments[1]) ? .number(xs[0]) : .numbers(xs) }
        return .record(Record(names: ["C", "N_opt", "D_opt", "tokens_per_param", "loss"],
                              values: [QuantityArithmetic.keep(vector(budgets), unit), vector(nOpt), vector(dOpt),
                                       vector(zip(dOpt, nOpt).map { $0 / $1 }), vector(loss)]))
    }
}
