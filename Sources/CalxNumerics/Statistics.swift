// Quantiles from GSL (R's type 7). The rest of stats/summary is written in Calx.

import CGSL
import CalxCore

public enum Statistics {
    static func sample(_ arguments: Arguments, minimum: Int) throws -> [Double] {
        let values = try arguments.measured(0).numbers
        guard values.count >= minimum else {
            throw NativeError("\(arguments.function)() needs at least \(minimum) value\(minimum == 1 ? "" : "s"), got \(values.count)")
        }
        return values
    }

    static func quantile(_ arguments: Arguments) throws -> Value {
        let unit = try arguments.measured(0).unit
        var sorted = try sample(arguments, minimum: 1)
        // GSL's sort leaves nan anywhere; like NumPy, a sample holding nan has nan quantiles.
        let poisoned = sorted.contains { $0.isNaN }
        sorted.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        func at(_ p: Double) throws -> Double {
            guard p >= 0, p <= 1 else { throw ArgumentError(position: 1, "a probability must lie in [0, 1], got \(ValueFormatter.number(p))") }
            if poisoned { return .nan }
            return sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p) }
        }
        let keep = { (value: Value) in QuantityArithmetic.keep(value, unit) }
        switch arguments[1] {
        case .number(let p): return keep(.number(try at(p)))
        case .numbers(let ps): return keep(.numbers(try ps.map(at)))
        default: throw arguments.mismatch(1, expected: "a probability or a vector of them")
        }
    }

    public static let natives: [String: NativeBody] = [
        "quantile": quantile,
    ]
}
