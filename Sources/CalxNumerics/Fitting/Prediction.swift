// Using a fit: `predict` evaluates the fitted curve (with a delta-method band) and
// `solve` inverts it: analytically for the built-in laws, by Brent's method
// (gsl_root_fsolver_brent) for a user's model.

import CGSL
import CalxCore
import Foundation

/// A fit result record, read back: what predict, solve and bootstrap need of it.
struct FittedCurve {
    var record: Record
    var method: String
    var names: [String]
    var parameters: [Value]
    var function: Closure
    /// Covariance over all parameters (scaled), row-major.
    var covariance: [Double]
    var dof: Int
    var level: Double

    init(_ value: Value, _ arguments: Arguments, position: Int) throws {
        guard case .record(let record) = value, record.kind == "fit",
              case .record(let params)? = record["params"], case .string(let method)? = record["method"],
              case .function(let function)? = record["model"], case .table(let cov)? = record["cov"],
              case .number(let dof)? = record["dof"], case .number(let level)? = record["level"] else {
            throw arguments.mismatch(position, expected: "a fit result (from fit, fit_sigmoid, fit_power, …)")
        }
        self.record = record
        self.method = method
        self.names = params.names
        self.parameters = params.values
        self.function = function
        let p = params.names.count
        var matrix = [Double](repeating: 0, count: p * p)
        for j in 0..<p {
            if case .numbers(let column)? = cov[params.names[j]] { for i in 0..<p { matrix[i * p + j] = column[i] } }
        }
        self.covariance = matrix
        self.dof = Int(dof)
        self.level = level
    }

    /// A parameter as a plain number in its own unit.
    func number(_ name: String) -> Double {
        switch parameters[names.firstIndex(of: name) ?? 0] {
        case .number(let x), .quantity(let x, _): return x
        default: return .nan
        }
    }

    func evaluate(_ x: Value, _ parameters: [Value], _ arguments: Arguments) throws -> Value {
        try arguments.call(function, [x] + parameters)
    }
}

/// Splits a value into numbers and its unit, for arithmetic on the numbers.
func magnitudes(_ value: Value) -> ([Double], CalxCore.Unit?)? {
    switch value {
    case .number(let x): return ([x], nil)
    case .numbers(let xs): return (xs, nil)
    case .quantity(let x, let unit): return ([x], unit)
    case .quantities(let xs, let unit): return (xs, unit)
    default: return nil
    }
}

enum Prediction {
    /// predict(f, x, band): the fitted values, or a table of x, y, lower and upper.
    static func predict(_ arguments: Arguments) throws -> Value {
        let curve = try FittedCurve(arguments[0], arguments, position: 0)
        let x = arguments[1]
        // The curve's values in y's unit (a model on % data computes plain fractions).
        let yUnit = curve.record["y"].flatMap(magnitudes)?.1
        func evaluate(_ parameters: [Value]) throws -> [Double] {
            let value = try curve.evaluate(x, parameters, arguments)
            guard let (numbers, _) = magnitudes(value) else {
                throw NativeError("\(curve.function.name)() returned \(ValueFormatter.brief(value)); a model returns numbers")
            }
            return try modelOutput(value, in: yUnit, count: numbers.count, model: curve.function.name)
        }
        let center = try evaluate(curve.parameters)
        let scalar = center.count == 1 && !isVector(x) && magnitudes(x) != nil
        guard try arguments.bool(2) else { return QuantityArithmetic.keep(scalar ? .number(center[0]) : .numbers(center), yUnit) }
        // Delta method: var ŷ = gᵀ Σ g, with g = ∂ŷ/∂θ by central differences.
        let p = curve.names.count
        var gradients: [[Double]] = []
        for j in 0..<p {
            guard curve.covariance[j * p + j] > 0, let (value, parameterUnit) = magnitudes(curve.parameters[j]) else {
                gradients.append([Double](repeating: 0, count: center.count))
                continue
            }
            let h = 1e-6 * max(abs(value[0]), curve.covariance[j * p + j].squareRoot())
            func shifted(_ step: Double) throws -> [Double] {
                var moved = curve.parameters
                moved[j] = QuantityArithmetic.keep(.number(value[0] + step), parameterUnit)
                return try evaluate(moved)
            }
            let (up, down) = (try shifted(h), try shifted(-h))
            gradients.append(zip(up, down).map { ($0 - $1) / (2 * h) })
        }
        let t = curve.dof > 0 ? gsl_cdf_tdist_Pinv(1 - (1 - curve.level) / 2, Double(curve.dof)) : .nan
        let halfWidths = center.indices.map { i -> Double in
            var variance = 0.0
            for a in 0..<p { for b in 0..<p { variance += gradients[a][i] * curve.covariance[a * p + b] * gradients[b][i] } }
            return t * max(variance, 0).squareRoot()
        }
        let column = { (values: [Double]) in QuantityArithmetic.keep(.numbers(values), yUnit) }
        var names = ["y", "lower", "upper"]
        var columns = [column(center), column(zip(center, halfWidths).map { $0 - $1 }), column(zip(center, halfWidths).map { $0 + $1 })]
        if let (xs, xUnit) = magnitudes(x), xs.count == center.count {
            names.insert("x", at: 0)
            columns.insert(QuantityArithmetic.keep(.numbers(xs), xUnit), at: 0)
        }
        return .table(Table(names: names, columns: columns, rowCount: center.count))
    }

    /// solve(f, y): the x at which the fitted curve reaches y.
    static func solve(_ arguments: Arguments) throws -> Value {
        let curve = try FittedCurve(arguments[0], arguments, position: 0)
        guard case .record(let record) = arguments[0], let xField = record["x"], let yField = record["y"],
              let (xs, xUnit) = magnitudes(xField), let (_, yUnit) = magnitudes(yField) else {
            throw arguments.mismatch(0, expected: "a fit result")
        }
        guard let (targets, targetUnit) = magnitudes(arguments[1]) else { throw arguments.mismatch(1, expected: "a number or a vector") }
        let ys = try targets.map { target -> Double in
            do {
                return try ScalingFits.number(QuantityArithmetic.keep(.number(target), targetUnit), in: yUnit, arguments, 1)
            } catch is ArgumentError {
                throw ArgumentError(position: 1, "a target of the fit's y is \(yUnit.map { "in " + $0.symbol } ?? "a plain number"), not \(targetUnit.map { "in " + $0.symbol } ?? "a plain number")")
            }
        }
        let solutions = try ys.map { y -> Double in
            switch curve.method {
            case "fit_sigmoid": return try invertSigmoid(curve, y)
            case "fit_power": return try invertPower(curve, y)
            case "fit_coverage":
                let (a, b) = (curve.number("a"), curve.number("b"))
                guard y > 0, y < 1 else { throw ArgumentError(position: 1, "a coverage to reach lies strictly between 0 and 1, got \(short(y))") }
                return pow(log(y) / a, 1 / b)
            default: return try invertByBrent(curve, y, xs: xs, xUnit: xUnit, yUnit: yUnit, arguments)
            }
        }
        let numbers: Value = solutions.count == 1 && magnitudes(arguments[1])?.0.count == 1 && !isVector(arguments[1]) ? .number(solutions[0]) : .numbers(solutions)
        return QuantityArithmetic.keep(numbers, xUnit)
    }

    static func isVector(_ value: Value) -> Bool {
        switch value {
        case .numbers, .quantities: return true
        default: return false
        }
    }

    static func short(_ x: Double) -> String { ValueFormatter.significant(x, digits: 6) }

    static func invertSigmoid(_ curve: FittedCurve, _ r: Double) throws -> Double {
        let (a, b, mid, r0) = (curve.number("A"), curve.number("B"), curve.number("Cmid"), curve.number("R0"))
        guard (r - r0) * (a - r) > 0 else {
            throw NativeError("the curve never reaches \(short(r)): it runs between R0 = \(short(r0)) and A = \(short(a)) without reaching either",
                              notes: ["note: a target must lie strictly between R0 and A"])
        }
        return mid * pow((a - r0) / (r - r0) - 1, -1 / b)
    }

    static func invertPower(_ curve: FittedCurve, _ l: Double) throws -> Double {
        let e = curve.names.contains("E") ? curve.number("E") : 0
        let (a, alpha) = (curve.number("A"), curve.number("alpha"))
        guard (l - e) * a > 0 else {
            throw NativeError("the curve never reaches \(short(l)): it approaches E = \(short(e)) and does not cross it")
        }
        return pow(a / (l - e), 1 / alpha)
    }

    /// Brent's method on model(x) − y, bracketed within the data's range, widened
    /// (geometrically for positive x) until the sign changes.
    static func invertByBrent(_ curve: FittedCurve, _ y: Double, xs: [Double], xUnit: CalxCore.Unit?, yUnit: CalxCore.Unit?,
                              _ arguments: Arguments) throws -> Double {
        func g(_ x: Double) throws -> Double {
            let value = try curve.evaluate(QuantityArithmetic.keep(.number(x), xUnit), curve.parameters, arguments)
            return try modelOutput(value, in: yUnit, count: 1, model: curve.function.name)[0] - y
        }
        var (low, high) = (xs.min() ?? 0, xs.max() ?? 1)
        let (dataLow, dataHigh) = (low, high)
        var widenings = 0
        while try g(low) * g(high) > 0 {
            widenings += 1
            guard widenings <= 20 else {
                let (from, to) = (try g(dataLow) + y, try g(dataHigh) + y)
                throw NativeError("the fitted curve never reaches \(short(y)): over the data (x from \(short(dataLow)) to \(short(dataHigh))) it runs from \(short(from)) to \(short(to)), and no x far beyond crosses it")
            }
            if low > 0 { (low, high) = (low / 10, high * 10) } else { let width = high - low; (low, high) = (low - width, high + width) }
        }
        return try Roots.brent(g, low, high)
    }
}

/// Root finding with GSL's Brent solver.
enum Roots {
    /// root(f, low, high): the x in [low, high] where f(x) = 0, f changing sign there.
    static func native(_ arguments: Arguments) throws -> Value {
        let function = try arguments.function(0)
        let (lowValue, unit) = QuantityArithmetic.split(arguments[1])
        let (highValue, highUnit) = QuantityArithmetic.split(arguments[2])
        guard case .number(var low) = lowValue, case .number(var high) = highValue else {
            throw arguments.mismatch(1, expected: "two numbers (or quantities) bracketing the root")
        }
        if let unit, let highUnit, unit !== highUnit {
            guard unit.dimension == highUnit.dimension, case .number(let converted) = QuantityArithmetic.convert(.number(high), from: highUnit, to: unit) else {
                throw ArgumentError(position: 2, "low and high must have the same dimension")
            }
            high = converted
        } else if (unit == nil) != (highUnit == nil) {
            throw ArgumentError(position: 2, "low and high must both be plain numbers or both quantities")
        }
        if low > high { (low, high) = (high, low) }
        func f(_ x: Double) throws -> Double {
            let value = try arguments.call(function, [QuantityArithmetic.keep(.number(x), unit)])
            let (magnitude, _) = QuantityArithmetic.split(value)
            guard case .number(let y) = magnitude else { throw NativeError("\(function.name)() returned \(ValueFormatter.brief(value)); root() needs a number") }
            return y
        }
        let a: Double = try f(low), b: Double = try f(high)
        guard a * b <= 0 else {
            throw NativeError("\(function.name)() has the same sign at both ends (\(short(a)) and \(short(b))): the interval does not bracket a root",
                              notes: ["help: give low and high where the function has opposite signs"])
        }
        return QuantityArithmetic.keep(.number(try brent(f, low, high)), unit)
    }

    static func short(_ x: Double) -> String { ValueFormatter.significant(x, digits: 6) }

    static func brent(_ f: (Double) throws -> Double, _ low: Double, _ high: Double) throws -> Double {
        if try f(low) == 0 { return low }
        if try f(high) == 0 { return high }
        return try withoutActuallyEscaping(f) { f in
            final class Box { let f: (Double) throws -> Double; var failure: Error?; init(_ f: @escaping (Double) throws -> Double) { self.f = f } }
            let box = Box(f)
            var function = gsl_function()
            function.params = Unmanaged.passUnretained(box).toOpaque()
            function.function = { x, params in
                let box = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue()
                do { return try box.f(x) } catch { box.failure = error; return .nan }
            }
            let solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent)!
            defer { gsl_root_fsolver_free(solver) }
            var status = gsl_root_fsolver_set(solver, &function, low, high)
            guard status == GSL_SUCCESS else { throw NativeError("root finding could not start: \(GSL.describe(status))", stage: .numerics) }
            for _ in 0..<200 {
                status = gsl_root_fsolver_iterate(solver)
                if let failure = box.failure { throw failure }
                guard status == GSL_SUCCESS else { throw NativeError("root finding failed: \(GSL.describe(status))", stage: .numerics) }
                let (a, b) = (gsl_root_fsolver_x_lower(solver), gsl_root_fsolver_x_upper(solver))
                if gsl_root_test_interval(a, b, 0, 1e-14) == GSL_SUCCESS { return gsl_root_fsolver_root(solver) }
            }
            throw NativeError("root finding did not converge in 200 iterations", stage: .numerics)
        }
    }
}
