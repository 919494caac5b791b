// Reading a fit's arguments: the data with their units, weights, and the
// per-parameter records (`start:`, `fix:`, `lower:`, `upper:`), with errors that
// name what is wrong.

import CalxCore

/// The observations of a fit, as plain numbers in the units they came in.
struct FitData {
    var x: [Double]
    var y: [Double]
    var xUnit: CalxCore.Unit?
    var yUnit: CalxCore.Unit?

    static func read(_ arguments: Arguments, x: Int, y: Int) throws -> FitData {
        let (xs, xUnit) = try arguments.measured(x)
        let (ys, yUnit) = try arguments.measured(y)
        let names = arguments.parameterNames
        guard xs.count == ys.count else {
            throw NativeError("\(names[x]) has \(xs.count) values but \(names[y]) has \(ys.count): a fit needs one \(names[y]) per \(names[x])")
        }
        for (position, values) in [(x, xs), (y, ys)] {
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw ArgumentError(position: position, "\(names[position])[\(bad)] is \(ValueFormatter.number(values[bad])): remove or fill missing values before fitting")
            }
        }
        return FitData(x: xs, y: ys, xUnit: xUnit, yUnit: yUnit)
    }

    /// Only the points whose x is at least `threshold` (`from:` of fit_sigmoid).
    func keeping(from threshold: Double) -> FitData {
        let kept = x.indices.filter { x[$0] >= threshold }
        return FitData(x: kept.map { x[$0] }, y: kept.map { y[$0] }, xUnit: xUnit, yUnit: yUnit)
    }

    func requirePositive(_ arguments: Arguments, x position: Int) throws {
        if let bad = x.firstIndex(where: { $0 <= 0 }) {
            throw ArgumentError(position: position, "\(arguments.parameterNames[position])[\(bad)] is \(ValueFormatter.number(x[bad])): this model needs positive values")
        }
    }

    func requireEnough(parameters: Int, note: String? = nil) throws {
        guard x.count >= parameters else {
            throw NativeError("\(x.count) point\(x.count == 1 ? "" : "s") cannot determine \(parameters) parameter\(parameters == 1 ? "" : "s")",
                              notes: [note ?? "note: a fit needs at least as many points as free parameters, and more to estimate their errors"])
        }
    }
}

extension Arguments {
    /// Weights w_i ≥ 0, one per point, or nil.
    func weights(_ position: Int, count: Int) throws -> [Double]? {
        guard optional(position) != nil else { return nil }
        let w = try numbers(position)
        guard w.count == count else { throw ArgumentError(position: position, "expected \(count) weights, one per point, got \(w.count)") }
        if let bad = w.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
            throw ArgumentError(position: position, "weights[\(bad)] is \(ValueFormatter.number(w[bad])): weights must be finite and ≥ 0")
        }
        guard w.contains(where: { $0 > 0 }) else { throw ArgumentError(position: position, "every weight is 0: no point would count") }
        return w
    }

    /// A record of values by parameter name (`start: {b1: 100}`), each as a number with its unit.
    func perParameter(_ position: Int, names: [String]) throws -> [String: (Double, CalxCore.Unit?)] {
        guard let value = optional(position) else { return [:] }
        guard case .record(let record) = value else { throw mismatch(position, expected: "a record like {\(names.first ?? "b1"): 1}") }
        var out: [String: (Double, CalxCore.Unit?)] = [:]
        for (name, field) in zip(record.names, record.values) {
            guard names.contains(name) else {
                throw ArgumentError(position: position, "the model has no parameter '\(name)'; its parameters are \(names.joined(separator: ", "))")
            }
            switch field {
            case .number(let x) where x.isFinite: out[name] = (x, nil)
            case .quantity(let x, let unit) where x.isFinite: out[name] = (x, unit)
            default: throw ArgumentError(position: position, "'\(name)' must be a finite number, got \(ValueFormatter.brief(field))")
            }
        }
        return out
    }

    func probability(_ position: Int) throws -> Double {
        let level = try number(position)
        guard level > 0, level < 1 else { throw ArgumentError(position: position, "a confidence level lies strictly between 0 and 1, got \(ValueFormatter.number(level))") }
        return level
    }
}

/// The numbers a Calx model returned, in the unit of y.
func modelOutput(_ value: Value, in unit: CalxCore.Unit?, count: Int, model: String) throws -> [Double] {
    func plain(_ xs: [Double]) throws -> [Double] {
        guard let unit else { return xs }
        guard unit.dimension.isNone else {
            throw NativeError("\(model)() returned plain numbers, but y is in \(unit.symbol)", notes: ["help: give the model's parameters units, or fit value_of(y, \(unit.symbol))"])
        }
        return xs.map { $0 / unit.scale }
    }
    var numbers: [Double]
    switch value {
    case .number(let x): numbers = try plain([Double](repeating: x, count: count))
    case .numbers(let xs): numbers = try plain(xs)
    case .quantity(let x, let from): numbers = try converted([Double](repeating: x, count: count), from, unit, model)
    case .quantities(let xs, let from): numbers = try converted(xs, from, unit, model)
    default:
        throw NativeError("\(model)() returned \(ValueFormatter.brief(value)); a model must return numbers, one per point")
    }
    guard numbers.count == count else {
        throw NativeError("\(model)() returned \(numbers.count) values for \(count) points; a model must return one value per point")
    }
    return numbers
}

private func converted(_ xs: [Double], _ from: CalxCore.Unit, _ to: CalxCore.Unit?, _ model: String) throws -> [Double] {
    // A plain y takes dimensionless results (20 % is 0.2).
    let target = to ?? CalxCore.Unit(dimension: from.dimension, scale: 1, factors: [])
    guard from.dimension == target.dimension, to != nil || from.dimension.isNone else {
        throw NativeError("\(model)() returned values in \(from.symbol), but y is \(to.map { "in " + $0.symbol } ?? "a plain number")")
    }
    guard case .numbers(let out) = QuantityArithmetic.convert(.numbers(xs), from: from, to: target) else { return xs }
    return out
}
