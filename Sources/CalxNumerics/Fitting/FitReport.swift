// What a fit tells its user: estimates with standard errors and t-based intervals,
// fit statistics, honest warnings, and the record that carries them to Calx.

import CGSL
import CalxCore
import Foundation

/// Refits a model to the points at `indexes` (with repeats), from the original estimates.
/// Pure Swift models may refit on several threads at once; Calx models only on the interpreter's.
struct Refit {
    var threadSafe: Bool
    var run: (_ indexes: [Int]) throws -> FitOutcome
}

/// What a fit record keeps for bootstrap.
final class FitState {
    let summary: FitSummary
    let refit: Refit?
    init(summary: FitSummary, refit: Refit?) {
        self.summary = summary
        self.refit = refit
    }
}

/// Everything a fit result is built from. A class, so that each statistic is computed
/// once however often the record, the display and the warnings read it.
final class FitSummary {
    let model: CurveModel
    let spec: FitSpecification
    let outcome: FitOutcome
    let level: Double
    /// Each parameter's unit (nil: a plain number).
    let units: [CalxCore.Unit?]
    let xUnit: CalxCore.Unit?
    let yUnit: CalxCore.Unit?
    /// The Calx function `predict` evaluates: the user's model, or the library's formula.
    let function: Value
    /// Warnings the model knows of (the data stop before the asymptote, …).
    var modelWarnings: [String] = []
    /// Extra fields at the end of the record (a Chinchilla fit's objective).
    var extraFields: [(String, Value)] = []
    /// Shown under the formula: "Huber loss (δ = 0.001) on log L".
    var method: String?
    /// The data as the record shows them, where the fit ran on transformed values (log L).
    var observed: (x: Value, y: Value)?
    /// Fits the same model to resampled data (for bootstrap); nil where resampling cannot work.
    var refit: Refit?

    init(model: CurveModel, spec: FitSpecification, outcome: FitOutcome, level: Double, units: [CalxCore.Unit?],
         xUnit: CalxCore.Unit?, yUnit: CalxCore.Unit?, function: Value) {
        self.model = model
        self.spec = spec
        self.outcome = outcome
        self.level = level
        self.units = units
        self.xUnit = xUnit
        self.yUnit = yUnit
        self.function = function
    }

    var names: [String] { model.parameters }
    var n: Int { spec.x.count }
    lazy var freeCount: Int = spec.fixed.filter { !$0 }.count
    var dof: Int { n - freeCount }

    /// The residual variance the covariance is scaled by (curve_fit's absolute_sigma=False).
    lazy var residualVariance: Double = dof > 0 ? outcome.rss / Double(dof) : .nan

    lazy var covariance: [Double] = { [residualVariance] in outcome.covariance.map { $0 * residualVariance } }()

    lazy var standardErrors: [Double] = {
        let p = names.count
        return (0..<p).map { spec.fixed[$0] ? 0 : max(covariance[$0 * p + $0], 0).squareRoot() }
    }()

    /// The two-sided t quantile for `level` with the fit's degrees of freedom.
    lazy var tQuantile: Double = {
        dof > 0 ? gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, Double(dof)) : .nan
    }()

    lazy var intervals: [(Double, Double)] = {
        let t = tQuantile
        return zip(outcome.parameters, standardErrors).map { ($0 - t * $1, $0 + t * $1) }
    }()

    lazy var correlation: [Double] = {
        let p = names.count, se = standardErrors, cov = covariance
        return (0..<p * p).map { k in
            let (i, j) = (k / p, k % p)
            if spec.fixed[i] || spec.fixed[j] { return i == j ? 1 : 0 }
            return cov[k] / (se[i] * se[j])
        }
    }()

    lazy var totalSumOfSquares: Double = {
        let w = spec.weights ?? [Double](repeating: 1, count: n)
        let mean = zip(w, spec.y).reduce(0.0) { $0 + $1.0 * $1.1 } / w.reduce(0, +)
        return zip(w, spec.y).reduce(0.0) { $0 + $1.0 * ($1.1 - mean) * ($1.1 - mean) }
    }()

    lazy var warnings: [String] = {
        var out: [String] = []
        if !outcome.converged { out.append("the fit did not converge: \(outcome.reason ?? "unknown reason")") }
        if dof < 2 {
            out.append("only \(n) point\(n == 1 ? "" : "s") for \(freeCount) parameter\(freeCount == 1 ? "" : "s") (\(dof) residual degree\(dof == 1 ? "" : "s") of freedom): the parameters are weakly identified")
        }
        let se = standardErrors, p = names.count
        // A parameter on its bound has a zero column in the solver's Jacobian (the bound's map is
        // flat there); only a singular Jacobian away from bounds means the data cannot fix a parameter.
        let atBound = (0..<p).filter { !spec.fixed[$0] && spec.bounds[$0].isAtBound(outcome.parameters[$0]) }
        if outcome.conditioning < 1e-12, atBound.isEmpty {
            let variances = (0..<p).map { outcome.covariance[$0 * p + $0] }
            let largest = variances.filter(\.isFinite).max() ?? 0
            let suspects = (0..<p).filter { !spec.fixed[$0] && (!variances[$0].isFinite || variances[$0] == 0 || variances[$0] >= 1e-3 * largest) }
            let which = suspects.count == freeCount || suspects.isEmpty ? "some parameters are" : suspects.map { names[$0] }.joined(separator: ", ") + (suspects.count == 1 ? " is" : " are")
            out.append("\(which) not identified by the data: the Jacobian is singular")
        }
        for (j, (low, high)) in intervals.enumerated() where !spec.fixed[j] && low.isFinite && high.isFinite {
            // Same sign: the ends a hundredfold apart. Either side of zero: a half-width ten times the estimate.
            let wide = low > 0 ? high / low > 100 : high < 0 ? low / high > 100 : (high - low) / 2 > 10 * abs(outcome.parameters[j])
            if wide {
                out.append("the \(percent) interval of \(names[j]) spans orders of magnitude ([\(short(low)), \(short(high))])")
            }
        }
        for j in 0..<p where !spec.fixed[j] && spec.bounds[j].isAtBound(outcome.parameters[j]) {
            out.append("\(names[j]) sits on its bound: its standard error is not meaningful there")
        }
        let corr = correlation
        for i in 0..<p {
            for j in (i + 1)..<max(p, i + 1) where !spec.fixed[i] && !spec.fixed[j] && abs(corr[i * p + j]) > 0.99 {
                out.append("\(names[i]) and \(names[j]) are correlated (\(short(corr[i * p + j]))): the data cannot tell them apart well")
            }
        }
        if case .huber = spec.loss {
            out.append("standard errors use the least-squares approximation at the robust estimate; bootstrap(f) gives percentile intervals")
        }
        return out + outcome.notes + modelWarnings
    }()

    var percent: String { ValueFormatter.number(level * 100) + "%" }

    func short(_ x: Double) -> String { ValueFormatter.significant(x, digits: 4) }

    /// A record of one value per parameter, each in the parameter's unit.
    func byParameter(_ values: [Value]) -> Value {
        .record(Record(names: names, values: values))
    }

    func quantity(_ x: Double, _ j: Int) -> Value { QuantityArithmetic.keep(.number(x), units[j]) }

    func matrix(_ values: [Double]) -> Value {
        let p = names.count
        let columns = (0..<p).map { j in Value.numbers((0..<p).map { values[$0 * p + j] }) }
        return .table(Table(names: ["param"] + names, columns: [.list(names.map(Value.string))] + columns, rowCount: p))
    }

    var record: Value {
        let θ = outcome.parameters, se = standardErrors, rss = outcome.rss, count = Double(n), k = Double(freeCount)
        let logLikelihoodTerm = count * log(rss / count)
        let fields: [(String, Value)] = [
            ("params", byParameter(θ.indices.map { quantity(θ[$0], $0) })),
            ("stderr", byParameter(se.indices.map { quantity(se[$0], $0) })),
            ("ci", byParameter(intervals.indices.map { QuantityArithmetic.keep(.numbers([intervals[$0].0, intervals[$0].1]), units[$0]) })),
            ("cov", matrix(covariance)),
            ("corr", matrix(correlation)),
            ("rss", .number(rss)),
            ("rmse", .number((rss / count).squareRoot())),
            ("r2", .number(1 - rss / totalSumOfSquares)),
            ("aic", .number(logLikelihoodTerm + 2 * k)),
            ("bic", .number(logLikelihoodTerm + k * log(count))),
            ("dof", .number(Double(dof))),
            ("n", .number(count)),
            ("iterations", .number(Double(outcome.iterations))),
            ("converged", .bool(outcome.converged)),
            ("warnings", .list(warnings.map(Value.string))),
            ("level", .number(level)),
            ("fixed", .list(names.indices.filter { spec.fixed[$0] }.map { .string(names[$0]) })),
            ("model", function),
            ("method", .string(model.name)),
            ("x", observed?.x ?? QuantityArithmetic.keep(.numbers(spec.x), xUnit)),
            ("y", observed?.y ?? QuantityArithmetic.keep(.numbers(spec.y), yUnit)),
        ] + extraFields
        return .record(Record(names: fields.map(\.0), values: fields.map(\.1), kind: "fit", summary: { [self] _ in display },
                              attachment: FitState(summary: self, refit: refit ?? resampling)))
    }

    /// Refits the same specification to the resampled points, starting from this fit's estimates.
    var resampling: Refit {
        let (spec, start) = (self.spec, outcome.parameters)
        return Refit(threadSafe: model.threadSafe) { indexes in
            var resampled = spec
            resampled.x = indexes.map { spec.x[$0] }
            resampled.y = indexes.map { spec.y[$0] }
            resampled.weights = spec.weights.map { w in indexes.map { w[$0] } }
            resampled.start = start
            return try Fitter.fit(resampled)
        }
    }

    /// The compact parameter table the REPL and `print` show.
    var display: String {
        let θ = outcome.parameters, se = standardErrors, ci = intervals
        var lines = ["\(model.name): " + (model.formula ?? "\(model.name)(x, \(names.joined(separator: ", ")))")]
        let converged = outcome.iterations == 0 ? "solved directly" : "converged in \(outcome.iterations) iteration\(outcome.iterations == 1 ? "" : "s")"
        var status = "n = \(n), " + (outcome.converged ? converged : "NOT converged")
        if let method { status += ", " + method }
        lines.append(status)
        let header = ["param", "estimate", "std. error", "\(percent) CI"]
        var rows = [header]
        for j in names.indices {
            let unit = units[j].map { " " + $0.symbol } ?? ""
            let error = spec.fixed[j] ? "fixed" : short(se[j]) + unit
            let interval = spec.fixed[j] ? "" : "[\(short(ci[j].0)), \(short(ci[j].1))]" + unit
            rows.append([names[j], short(θ[j]) + unit, error, interval])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            let cells = row.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                return c == 0 || c == 3 || index == 0 ? row[c] + pad : pad + row[c]
            }
            lines.append("  " + cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
        let rss = outcome.rss, count = Double(n), k = Double(freeCount)
        let statistics = [("rss", rss), ("rmse", (rss / count).squareRoot()), ("r²", 1 - rss / totalSumOfSquares),
                          ("aic", count * log(rss / count) + 2 * k), ("bic", count * log(rss / count) + k * log(count))]
        lines.append("  " + statistics.map { "\($0.0) = \(short($0.1))" }.joined(separator: "  ") + "  dof = \(dof)")
        for (name, value) in extraFields { lines.append("  \(name) = \(ValueFormatter.display(value))") }
        lines += warnings.map { "warning: " + $0 }
        return lines.joined(separator: "\n")
    }
}
