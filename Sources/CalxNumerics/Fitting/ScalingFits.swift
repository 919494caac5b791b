// The built-in scaling laws: fit_sigmoid (ScaleRL), fit_power (with or without an
// asymptote) and fit_coverage (Large Language Monkeys), with automatic starts,
// analytic Jacobians, and the units of the data carried to the parameters.

import CGSL
import CalxCore
import Foundation

enum ScalingFits {
    /// fit_sigmoid(C, R, r0, from, start, weights, max_iter, level)
    static func sigmoid(_ arguments: Arguments) throws -> Value {
        var data = try FitData.read(arguments, x: 0, y: 1)
        if let threshold = arguments.optional(3) {
            data = data.keeping(from: try number(threshold, in: data.xUnit, arguments, 3))
        }
        try data.requirePositive(arguments, x: 0)
        let model = ScalingModels.sigmoid
        let units = [data.yUnit, nil, data.xUnit, data.yUnit]
        let r0 = try arguments.optional(2).map { try number($0, in: data.yUnit, arguments, 2) }
        let fixed = [false, false, false, r0 != nil]
        try data.requireEnough(parameters: fixed.filter { !$0 }.count,
                               note: arguments.optional(3) == nil ? nil : "note: from: keeps only the points at or above it")
        var base = FitSpecification(model: model, x: data.x, y: data.y, weights: try arguments.weights(5, count: data.x.count),
                                    start: [], fixed: fixed, bounds: Array(repeating: .none, count: 4),
                                    maxIterations: try arguments.integer(6, minimum: 1))
        let starts: [[Double]]
        if var given = try FitLibrary.userStart(arguments, 4, model, units: units) {
            if let r0 { given[3] = r0 }
            guard !given[3].isNaN else { throw ArgumentError(position: 4, "start: needs R0 too, unless r0: fixes it") }
            starts = [given]
        } else {
            starts = automaticSigmoidStarts(data, r0: r0)
        }
        let (spec, outcome) = try FitLibrary.bestOf(starts.map { base.start = $0; return base })
        var summary = FitSummary(model: model, spec: spec, outcome: outcome, level: try arguments.probability(7), units: units,
                                 xUnit: data.xUnit, yUnit: data.yUnit, function: FitLibrary.libraryFunction(model, arguments))
        let cmid = outcome.parameters[2]
        if let largest = data.x.max(), largest < cmid {
            summary.modelWarnings.append("the data stop before Cmid (the midpoint of the gain): A is an extrapolation")
        }
        return summary.record
    }

    /// R0 from the lowest reward, A a little above the highest, Cmid where the data cross
    /// half-way, then a few slopes and midpoints around them.
    static func automaticSigmoidStarts(_ data: FitData, r0: Double?) -> [[Double]] {
        let order = data.x.indices.sorted { data.x[$0] < data.x[$1] }
        let low = data.y.min() ?? 0, high = data.y.max() ?? 1
        let r = r0 ?? low - 0.01 * max(high - low, 1e-12)
        let a = high + 0.05 * (high - low)
        let half = (a + r) / 2
        var mid = data.x[order[order.count / 2]]
        if let crossing = order.first(where: { data.y[$0] >= half }) { mid = data.x[crossing] }
        return [[a, 1, mid, r], [a, 0.5, mid, r], [a, 2, mid, r], [a, 4, mid, r], [a, 1, mid / 4, r], [a, 1, mid * 4, r]]
    }

    /// fit_power(N, L, asymptote, start, weights, max_iter, level)
    static func power(_ arguments: Arguments) throws -> Value {
        let data = try FitData.read(arguments, x: 0, y: 1)
        try data.requirePositive(arguments, x: 0)
        guard try arguments.bool(2) else { return try purePower(arguments, data) }
        let model = ScalingModels.power
        // A / N^alpha is in y's unit only when N is a plain number.
        let units = [data.yUnit, data.xUnit == nil ? data.yUnit : nil, nil]
        try data.requireEnough(parameters: 3)
        var base = FitSpecification(model: model, x: data.x, y: data.y, weights: try arguments.weights(4, count: data.x.count),
                                    start: [], fixed: [false, false, false], bounds: Array(repeating: .none, count: 3),
                                    maxIterations: try arguments.integer(5, minimum: 1))
        let starts = try FitLibrary.userStart(arguments, 3, model, units: units).map { [$0] } ?? automaticPowerStarts(data)
        let (spec, outcome) = try FitLibrary.bestOf(starts.map { base.start = $0; return base })
        var summary = FitSummary(model: model, spec: spec, outcome: outcome, level: try arguments.probability(6), units: units,
                                 xUnit: data.xUnit, yUnit: data.yUnit, function: FitLibrary.libraryFunction(model, arguments))
        if data.xUnit != nil { summary.modelWarnings.append("A is a plain number: it pairs with N in \(data.xUnit?.symbol ?? "")") }
        // The data never bend: what remains to the asymptote at the largest N exceeds the whole observed drop.
        let values = try model.evaluate(data.x, outcome.parameters)
        if let first = data.x.indices.min(by: { data.x[$0] < data.x[$1] }), let last = data.x.indices.max(by: { data.x[$0] < data.x[$1] }) {
            let drop = abs(values[first] - values[last]), remaining = abs(values[last] - outcome.parameters[0])
            if remaining > drop {
                summary.modelWarnings.append("the data never bend towards the asymptote: E lies beyond their reach (the gap left at the largest N exceeds the whole observed drop)")
            }
        }
        return summary.record
    }

    /// Starts from log–log regressions of L − E over N for a few guesses of E below the data.
    static func automaticPowerStarts(_ data: FitData) -> [[Double]] {
        let low = data.y.min() ?? 0
        let guesses = low > 0 ? [0, 0.5 * low, 0.9 * low, 0.99 * low] : [low - 1, low - 0.1 * abs(low) - 1e-3]
        return guesses.compactMap { e in
            let logN = data.x.map { log($0) }, logGap = data.y.map { log($0 - e) }
            guard logGap.allSatisfy(\.isFinite), let line = try? LinearFit.fit(logN, logGap) else { return nil }
            return [e, exp(line.intercept), -line.slope]
        } + [[0, 1, 0.5]]
    }

    /// A / N^alpha by least squares on log L (log–log regression with gsl_multifit_linear).
    static func purePower(_ arguments: Arguments, _ data: FitData) throws -> Value {
        if let bad = data.y.firstIndex(where: { $0 <= 0 }) {
            throw ArgumentError(position: 1, "L[\(bad)] is \(ValueFormatter.number(data.y[bad])): a log–log fit needs positive values")
        }
        try data.requireEnough(parameters: 2)
        let logL = data.y.map { log($0) }
        let line = try LinearFit.fit(data.x.map { log($0) }, logL)
        let a = exp(line.intercept), alpha = -line.slope
        let model = CurveModel(name: "fit_power", parameters: ["A", "alpha"], formula: "A / N^alpha",
                               values: { x, θ in x.map { log(θ[0]) - θ[1] * log($0) } }, jacobian: nil, libraryFunction: "pure_power")
        // Covariance of (log A, −alpha) carried to (A, alpha), unscaled as the fitter gives it.
        let c = line.unscaledCovariance
        let covariance = [a * a * c[0], -a * c[1], -a * c[2], c[3]]
        let residuals = zip(data.x, logL).map { line.intercept + line.slope * log($0) - $1 }
        let outcome = FitOutcome(parameters: [a, alpha], covariance: covariance, residuals: residuals, rss: line.rss, objective: line.rss,
                                 iterations: 0, converged: true, reason: nil, conditioning: 1)
        let spec = FitSpecification(model: model, x: data.x, y: logL, weights: nil, start: [a, alpha], fixed: [false, false],
                                    bounds: [.none, .none])
        var summary = FitSummary(model: model, spec: spec, outcome: outcome, level: try arguments.probability(6),
                                 units: [data.xUnit == nil ? data.yUnit : nil, nil], xUnit: data.xUnit, yUnit: data.yUnit,
                                 function: arguments.runtime.globals.library("pure_power") ?? .nil)
        summary.method = "least squares on log L (rss, r² in log space)"
        summary.observed = (QuantityArithmetic.keep(.numbers(data.x), data.xUnit), QuantityArithmetic.keep(.numbers(data.y), data.yUnit))
        return summary.record
    }

    /// fit_coverage(k, c, start, weights, max_iter, level)
    static func coverage(_ arguments: Arguments) throws -> Value {
        let data = try FitData.read(arguments, x: 0, y: 1)
        try data.requirePositive(arguments, x: 0)
        if let unit = data.yUnit, !unit.dimension.isNone {
            throw ArgumentError(position: 1, "coverage is a fraction, not a quantity in \(unit.symbol)")
        }
        try data.requireEnough(parameters: 2)
        let model = ScalingModels.coverage
        var start = [-1.0, -0.5]
        if let given = try FitLibrary.userStart(arguments, 2, model, units: [nil, nil]) {
            start = given
        } else {
            let usable = data.x.indices.filter { data.y[$0] > 0 && data.y[$0] < 1 }
            if usable.count >= 2, let line = try? LinearFit.fit(usable.map { log(data.x[$0]) }, usable.map { log(-log(data.y[$0])) }) {
                start = [-exp(line.intercept), line.slope]
            }
        }
        let spec = FitSpecification(model: model, x: data.x, y: data.y, weights: try arguments.weights(3, count: data.x.count),
                                    start: start, fixed: [false, false], bounds: [.none, .none],
                                    maxIterations: try arguments.integer(4, minimum: 1))
        let outcome = try Fitter.fit(spec)
        let summary = FitSummary(model: model, spec: spec, outcome: outcome, level: try arguments.probability(5), units: [nil, nil],
                                 xUnit: nil, yUnit: nil, function: FitLibrary.libraryFunction(model, arguments))
        return summary.record
    }

    /// A number given in x's or y's unit (or plain when the data are plain).
    static func number(_ value: Value, in unit: CalxCore.Unit?, _ arguments: Arguments, _ position: Int) throws -> Double {
        switch value {
        case .number(let x) where unit == nil || unit?.dimension.isNone == true: return unit.map { x / $0.scale } ?? x
        case .quantity(let x, let from):
            return try FitLibrary.inUnit(x, from, unit ?? (from.dimension.isNone ? CalxCore.Unit(dimension: from.dimension, scale: 1, factors: []) : nil), arguments, position)
        default:
            throw ArgumentError(position: position, "expected \(unit.map { "a quantity in " + $0.symbol } ?? "a number"), got \(ValueFormatter.brief(value))")
        }
    }
}

/// y = intercept + slope·x by gsl_multifit_linear.
struct LinearFit {
    var intercept: Double
    var slope: Double
    /// (XᵀX)⁻¹, row-major 2 × 2.
    var unscaledCovariance: [Double]
    var rss: Double

    static func fit(_ x: [Double], _ y: [Double]) throws -> LinearFit {
        let n = x.count
        guard n >= 2 else { throw NativeError("a line needs at least 2 points, got \(n)") }
        let X = gsl_matrix_alloc(n, 2)!, Y = gsl_vector_alloc(n)!, c = gsl_vector_alloc(2)!, cov = gsl_matrix_alloc(2, 2)!
        let work = gsl_multifit_linear_alloc(n, 2)!
        defer { gsl_matrix_free(X); gsl_vector_free(Y); gsl_vector_free(c); gsl_matrix_free(cov); gsl_multifit_linear_free(work) }
        for i in 0..<n {
            gsl_matrix_set(X, i, 0, 1)
            gsl_matrix_set(X, i, 1, x[i])
            gsl_vector_set(Y, i, y[i])
        }
        var chisq = 0.0
        let status = gsl_multifit_linear(X, Y, c, cov, &chisq, work)
        guard status == GSL_SUCCESS else { throw NativeError("the linear fit failed: \(GSL.describe(status))", stage: .numerics) }
        // GSL scales the covariance by chisq/(n − 2); undo it so every fit is scaled in one place.
        let variance = n > 2 ? chisq / Double(n - 2) : 1
        let unscaled = (0..<4).map { gsl_matrix_get(cov, $0 / 2, $0 % 2) / (variance > 0 ? variance : 1) }
        return LinearFit(intercept: gsl_vector_get(c, 0), slope: gsl_vector_get(c, 1), unscaledCovariance: unscaled, rss: chisq)
    }
}
