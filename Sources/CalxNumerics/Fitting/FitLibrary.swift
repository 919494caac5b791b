// The fitting natives: `fit` for any Calx model, and the built-in scaling laws with
// automatic starting values (sections 1–3 of models.md).

import CalxCore
import Foundation

public enum FitLibrary {
    /// fit(model, x, y, start, weights, fix, lower, upper, loss, delta, max_iter, level)
    static func fit(_ arguments: Arguments) throws -> Value {
        let closure = try arguments.function(0)
        let names = Array(closure.parameters.dropFirst())
        guard !names.isEmpty else {
            throw ArgumentError(position: 0, "the model \(closure.signature) has no parameters to fit: write it as model(x, b1, b2, ...)")
        }
        let data = try FitData.read(arguments, x: 1, y: 2)
        let start = try arguments.perParameter(3, names: names)
        let fix = try arguments.perParameter(5, names: names)
        let lower = try arguments.perParameter(6, names: names), upper = try arguments.perParameter(7, names: names)
        var units: [CalxCore.Unit?] = names.map { fix[$0]?.1 ?? start[$0]?.1 }
        var θ = names.map { fix[$0]?.0 ?? start[$0]?.0 ?? 1 }
        // A bound in another unit than the start is read in the start's unit.
        func bound(_ record: [String: (Double, CalxCore.Unit?)], _ j: Int, _ position: Int) throws -> Double? {
            guard let (value, unit) = record[names[j]] else { return nil }
            if units[j] == nil, let unit { units[j] = unit; return value }
            return try inUnit(value, unit, units[j], arguments, position)
        }
        var bounds: [Bound] = []
        for j in names.indices {
            let b = Bound(lower: try bound(lower, j, 6), upper: try bound(upper, j, 7))
            if let lo = b.lower, let hi = b.upper, !(lo < hi) {
                throw ArgumentError(position: 6, "the lower bound of \(names[j]) (\(ValueFormatter.number(lo))) is not below its upper bound (\(ValueFormatter.number(hi)))")
            }
            if !b.contains(θ[j]) {
                let range = "[\(b.lower.map(ValueFormatter.number) ?? "-inf"), \(b.upper.map(ValueFormatter.number) ?? "inf")]"
                throw ArgumentError(position: 3, "the start of \(names[j]) (\(ValueFormatter.number(θ[j]))) lies outside its bounds \(range)")
            }
            // MINUIT's sine map cannot leave a start that sits exactly on a bound; nudge it inside.
            if b.isAtBound(θ[j]), let lo = b.lower, let hi = b.upper { θ[j] = lo + (θ[j] == lo ? 1e-6 : 1 - 1e-6) * (hi - lo) }
            bounds.append(b)
        }
        let loss = try lossOption(arguments, loss: 8, delta: 9)
        let fixed = names.map { fix[$0] != nil }
        try data.requireEnough(parameters: fixed.filter { !$0 }.count)
        let xUnit = data.xUnit
        // Data with units and a parameter without: the usual cause of a unit error inside the model.
        let unitless = names.indices.filter { units[$0] == nil }.map { names[$0] }
        let unitHint: String? = (data.xUnit != nil || data.yUnit != nil) && !unitless.isEmpty
            ? "help: the data have units; a parameter takes the unit of its value in start: (start: {\(unitless[0]): 1 \((data.yUnit ?? data.xUnit)?.symbol ?? "")})"
            : nil
        let model = CurveModel(
            name: "fit", parameters: names, formula: "\(closure.name)(x, \(names.joined(separator: ", ")))",
            values: { x, θ in
                let values = [QuantityArithmetic.keep(.numbers(x), xUnit)] + θ.indices.map { QuantityArithmetic.keep(.number(θ[$0]), units[$0]) }
                do {
                    return try modelOutput(try arguments.call(closure, values), in: data.yUnit, count: x.count, model: closure.name)
                } catch Unwind.error(var diagnostic) where unitHint != nil {
                    diagnostic.notes.append(unitHint ?? "")
                    throw Unwind.error(diagnostic)
                }
            },
            jacobian: nil, libraryFunction: nil, threadSafe: false)
        let spec = FitSpecification(model: model, x: data.x, y: data.y, weights: try arguments.weights(4, count: data.x.count),
                                    start: θ, fixed: fixed, bounds: bounds, loss: loss, maxIterations: try arguments.integer(10, minimum: 1))
        let outcome = try Fitter.fit(spec)
        var summary = FitSummary(model: model, spec: spec, outcome: outcome, level: try arguments.probability(11), units: units,
                                 xUnit: data.xUnit, yUnit: data.yUnit, function: arguments[0])
        if case .huber(let delta) = loss { summary.method = "Huber loss (δ = \(ValueFormatter.number(delta)))" }
        return summary.record
    }

    static func inUnit(_ value: Double, _ unit: CalxCore.Unit?, _ target: CalxCore.Unit?, _ arguments: Arguments, _ position: Int) throws -> Double {
        switch (unit, target) {
        case (nil, nil): return value
        case (let from?, let to?) where from.dimension == to.dimension:
            if case .number(let x) = QuantityArithmetic.convert(.number(value), from: from, to: to) { return x }
            return value
        default:
            throw ArgumentError(position: position, "a bound must be in the unit of its parameter (\(target?.symbol ?? "a plain number"))")
        }
    }

    static func lossOption(_ arguments: Arguments, loss: Int, delta: Int) throws -> Loss {
        switch try arguments.string(loss) {
        case "squared", "linear": return .squared
        case "huber":
            let δ = try arguments.number(delta)
            guard δ > 0 else { throw ArgumentError(position: delta, "delta must be positive, got \(ValueFormatter.number(δ))") }
            return .huber(delta: δ)
        case let other:
            throw ArgumentError(position: loss, "unknown loss \"\(other)\"; the losses are \"squared\" and \"huber\"")
        }
    }

    /// Fits from each start and keeps the best converged result (the lowest objective).
    static func bestOf(_ specs: [FitSpecification]) throws -> (FitSpecification, FitOutcome) {
        var best: (FitSpecification, FitOutcome)?
        var firstError: Error?
        for spec in specs {
            do {
                let outcome = try Fitter.fit(spec)
                if let current = best {
                    let better = (outcome.converged && !current.1.converged)
                        || (outcome.converged == current.1.converged && outcome.objective < current.1.objective)
                    if better { best = (spec, outcome) }
                } else {
                    best = (spec, outcome)
                }
            } catch {
                firstError = firstError ?? error
            }
        }
        if let best { return best }
        throw firstError ?? NativeError("no start produced a fit")
    }

    /// The library function a built-in model's `predict` evaluates.
    static func libraryFunction(_ model: CurveModel, _ arguments: Arguments) -> Value {
        model.libraryFunction.flatMap { arguments.runtime.globals.library($0) } ?? .nil
    }

    /// Fixed start values given by the user replace the automatic ones (and skip multi-start).
    static func userStart(_ arguments: Arguments, _ position: Int, _ model: CurveModel, units: [CalxCore.Unit?]) throws -> [Double]? {
        let given = try arguments.perParameter(position, names: model.parameters)
        guard !given.isEmpty else { return nil }
        guard given.count == model.parameters.count || (given.count == model.parameters.count - 1 && model.name == "fit_sigmoid" && given["R0"] == nil) else {
            let missing = model.parameters.filter { given[$0] == nil }
            throw ArgumentError(position: position, "start: gives some parameters but not \(missing.joined(separator: ", ")); give all of them, or none for automatic starts")
        }
        return try model.parameters.indices.map { j in
            guard let (value, unit) = given[model.parameters[j]] else { return .nan }
            return try inUnit(value, unit ?? units[j], units[j], arguments, position)
        }
    }

    public static let natives: [String: NativeBody] = [
        "fit": fit,
        "fit_sigmoid": ScalingFits.sigmoid,
        "fit_power": ScalingFits.power,
        "fit_coverage": ScalingFits.coverage,
        "predict": Prediction.predict,
        "solve": Prediction.solve,
        "bootstrap": Bootstrap.bootstrap,
        "fit_chinchilla": Chinchilla.fit,
        "optimal_allocation": Chinchilla.optimalAllocation,
        "pass_at_k": PassAtK.native,
        "root": Roots.native,
    ]
}
