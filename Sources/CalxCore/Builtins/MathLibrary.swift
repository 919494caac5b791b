// Elementary math natives. Each maps over a vector as well as a number.

import Foundation

public enum MathLibrary {
    /// Lifts a function of one number to numbers and vectors of numbers. With `keepingUnit`
    /// (abs, floor, ceil) a quantity keeps its unit; otherwise it must be dimensionless (exp, sin).
    public static func elementwise(keepingUnit: Bool = false, _ f: @escaping (Double) -> Double) -> NativeBody {
        { arguments in
            switch arguments[0] {
            case .number(let x): return .number(f(x))
            case .numbers(let xs): return .numbers(xs.map(f))
            case .quantity(let x, let unit) where keepingUnit: return .quantity(f(x), unit)
            case .quantities(let xs, let unit) where keepingUnit: return .quantities(xs.map(f), unit)
            case .quantity:
                return .number(f(try arguments.number(0)))  // dimensionless and scaled, or the dimension error
            case .quantities:
                return .numbers(try arguments.numbers(0).map(f))
            default: throw arguments.mismatch(0, expected: "a number or a vector of numbers")
            }
        }
    }

    /// `sqrt`, which roots a unit too: sqrt(9 m^2) is 3 m.
    static func squareRoot(_ arguments: Arguments) throws -> Value {
        let (magnitude, unit) = QuantityArithmetic.split(arguments[0])
        guard let unit, !unit.dimension.isNone else { return try elementwise(Foundation.sqrt)(arguments) }
        guard let root = unit.root(2) else {
            throw ArgumentError(position: 0, "\(unit.symbol) has no square root: its powers must be even, as in m^2")
        }
        switch magnitude {
        case .number(let x): return QuantityArithmetic.attach(.number(Foundation.sqrt(x)), root)
        case .numbers(let xs): return QuantityArithmetic.attach(.numbers(xs.map { Foundation.sqrt($0) }), root)
        default: return try elementwise(Foundation.sqrt)(arguments)
        }
    }

    /// Lifts a function of two numbers, broadcasting a number against a vector.
    public static func elementwise2(_ f: @escaping (Double, Double) -> Double) -> NativeBody {
        { arguments in
            switch (arguments[0], arguments[1]) {
            case (.number(let x), .number(let y)): return .number(f(x, y))
            case (.numbers(let xs), .number(let y)): return .numbers(xs.map { f($0, y) })
            case (.number(let x), .numbers(let ys)): return .numbers(ys.map { f(x, $0) })
            case (.numbers(let xs), .numbers(let ys)):
                guard xs.count == ys.count else {
                    throw NativeError("\(arguments.function)() got vectors of different lengths (\(xs.count) and \(ys.count))")
                }
                return .numbers(zip(xs, ys).map(f))
            case (.number, _), (.numbers, _): throw arguments.mismatch(1, expected: "a number or a vector of numbers")
            default: throw arguments.mismatch(0, expected: "a number or a vector of numbers")
            }
        }
    }

    /// Half away from zero, at `digits` decimals.
    static func round(_ x: Double, digits: Double) -> Double {
        let scale = pow(10, digits)
        // Where x * scale overflows, x is far too large to have any decimals left to round.
        guard (x * scale).isFinite else { return x }
        return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// Logarithm to a base; bases 10 and 2 use the exact routines, so log(1000, 10) is 3.
    static func logarithm(_ x: Double, base: Double) -> Double {
        switch base {
        case 10: return Foundation.log10(x)
        case 2: return Foundation.log2(x)
        default: return Foundation.log(x) / Foundation.log(base)
        }
    }

    public static let natives: [String: NativeBody] = [
        "exp": elementwise(Foundation.exp),
        "sqrt": squareRoot,
        "abs": elementwise(keepingUnit: true, Swift.abs),
        "floor": elementwise(keepingUnit: true, Foundation.floor),
        "ceil": elementwise(keepingUnit: true, Foundation.ceil),
        "sin": elementwise(Foundation.sin),
        "cos": elementwise(Foundation.cos),
        "tan": elementwise(Foundation.tan),
        "asin": elementwise(Foundation.asin),
        "acos": elementwise(Foundation.acos),
        "atan": elementwise(Foundation.atan),
        "sinh": elementwise(Foundation.sinh),
        "cosh": elementwise(Foundation.cosh),
        "tanh": elementwise(Foundation.tanh),
        "log10": elementwise(Foundation.log10),
        "log2": elementwise(Foundation.log2),
        "atan2": elementwise2(Foundation.atan2),
        "round": { arguments in
            // A quantity rounds in its own unit and keeps it.
            let (magnitude, unit) = QuantityArithmetic.split(arguments[0])
            guard unit != nil else { return try elementwise2(round)(arguments) }
            let digits = try arguments.number(1)
            switch magnitude {
            case .number(let x): return QuantityArithmetic.keep(.number(round(x, digits: digits)), unit)
            case .numbers(let xs): return QuantityArithmetic.keep(.numbers(xs.map { round($0, digits: digits) }), unit)
            default: return arguments[0]
            }
        },
        "log": { arguments in
            guard arguments.optional(1) != nil else { return try elementwise(Foundation.log)(arguments) }
            return try elementwise2(logarithm)(arguments)
        },
    ]
}
