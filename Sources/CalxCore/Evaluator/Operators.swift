// What the arithmetic and comparison operators do to each kind of value:
// numbers by IEEE rules, vectors element-wise with scalars broadcast.

import Foundation

/// A type or shape mistake in an operator's operands; the node adds the span.
struct OperandError: Error {
    var message: String
    var notes: [String] = []
}

enum Operators {
    @inline(__always)
    static func arithmetic(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide: return x / y
        case .remainder: return flooredRemainder(x, y)
        case .power: return pow(x, y)
        default: return .nan
        }
    }

    /// Floored, as in Python and R: the result takes the divisor's sign. Built on the
    /// exact `fmod`, since `x - y * floor(x / y)` goes wrong when `x / y` rounds (`7 % 0.1`).
    static func flooredRemainder(_ x: Double, _ y: Double) -> Double {
        let r = fmod(x, y)
        if r == 0 { return 0 }
        return (r < 0) != (y < 0) ? r + y : r
    }

    @inline(__always)
    static func compare(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Bool {
        switch op {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        case .equal: return x == y
        case .notEqual: return x != y
        default: return false
        }
    }

    static func isComparison(_ op: BinaryOperator) -> Bool {
        switch op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        default: return false
        }
    }

    static let verbs: [BinaryOperator: String] = [
        .add: "add", .subtract: "subtract", .multiply: "multiply", .divide: "divide", .remainder: "take the remainder of",
        .power: "raise", .less: "compare", .lessEqual: "compare", .greater: "compare", .greaterEqual: "compare",
        .equal: "compare", .notEqual: "compare",
    ]

    /// The general case, after the number-number fast path has missed.
    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, names: UnitRegistry? = nil) throws(OperandError) -> Value {
        switch (a, b) {
        case (.quantity, _), (.quantities, _), (_, .quantity), (_, .quantities):
            return try QuantityArithmetic.binary(op, a, b, names: names)
        case (.number(let x), .number(let y)):
            return isComparison(op) ? .bool(compare(op, x, y)) : .number(arithmetic(op, x, y))
        case (.numbers(let xs), .number(let y)):
            return elementwise(op, xs.count, xs, 0, nil, y)
        case (.number(let x), .numbers(let ys)):
            return elementwise(op, ys.count, nil, x, ys, 0)
        case (.numbers(let xs), .numbers(let ys)):
            guard xs.count == ys.count else {
                throw OperandError(message: "vectors of different lengths (\(xs.count) and \(ys.count))",
                                   notes: ["help: element-wise operations need vectors of equal length, or a vector and a number"])
            }
            return elementwise(op, xs.count, xs, 0, ys, 0)
        default:
            break
        }
        if op == .equal || op == .notEqual {
            return equality(op == .equal, a, b)
        }
        switch (op, a, b) {
        case (.add, .string(let x), .string(let y)):
            return .string(x + y)
        case (_, .string(let x), .string(let y)) where isComparison(op):
            let result: Bool
            switch op {
            case .less: result = x < y
            case .lessEqual: result = x <= y
            case .greater: result = x > y
            default: result = x >= y
            }
            return .bool(result)
        default:
            var notes: [String] = []
            if op == .add, a.typeName == "string" || b.typeName == "string" {
                notes.append("help: to join text and values, use interpolation: \"total: {x}\"")
            }
            if a.typeName == "nil" || b.typeName == "nil" {
                notes.append("note: a block or loop with no value gives nil")
            }
            let verb = verbs[op] ?? op.rawValue
            throw OperandError(message: "cannot \(verb) \(describe(a)) and \(describe(b))", notes: notes)
        }
    }

    private static func describe(_ value: Value) -> String {
        switch value {
        case .list(let values):
            if let first = values.first { return "a vector of \(first.typeName)s" }
            return "a vector"
        case .nil, .undefined:
            return "nil"
        default:
            return "a \(value.typeName)"
        }
    }

    /// A vector operation; a nil vector side is the number beside it, broadcast.
    private static func elementwise(_ op: BinaryOperator, _ count: Int, _ xs: [Double]?, _ x: Double, _ ys: [Double]?, _ y: Double) -> Value {
        switch op {
        case .add: return .numbers(Kernels.combine(Addition.self, count, xs, x, ys, y))
        case .subtract: return .numbers(Kernels.combine(Subtraction.self, count, xs, x, ys, y))
        case .multiply: return .numbers(Kernels.combine(Multiplication.self, count, xs, x, ys, y))
        case .divide: return .numbers(Kernels.combine(Division.self, count, xs, x, ys, y))
        case .remainder: return .numbers(Kernels.combine(Remainder.self, count, xs, x, ys, y))
        case .power: return .numbers(Kernels.combine(Power.self, count, xs, x, ys, y))
        default:
            var flags: [Value] = []
            flags.reserveCapacity(count)
            for i in 0..<count { flags.append(.bool(compare(op, xs?[i] ?? x, ys?[i] ?? y))) }
            return .list(flags)
        }
    }

    /// `==` and `!=`: element-wise when one side is a vector and the other a scalar, else whole values.
    private static func equality(_ wantEqual: Bool, _ a: Value, _ b: Value) -> Value {
        if case .list(let values) = a, b.elements == nil {
            return .list(values.map { .bool(valuesEqual($0, b) == wantEqual) })
        }
        if case .list(let values) = b, a.elements == nil {
            return .list(values.map { .bool(valuesEqual(a, $0) == wantEqual) })
        }
        if let xs = a.elements, let ys = b.elements, xs.count == ys.count {
            return .list(zip(xs, ys).map { .bool(valuesEqual($0, $1) == wantEqual) })
        }
        return .bool(valuesEqual(a, b) == wantEqual)
    }

    static func negate(_ value: Value) throws(OperandError) -> Value {
        switch value {
        case .number(let x): return .number(-x)
        case .numbers(let xs): return .numbers(xs.map { -$0 })
        // Negating keeps the unit, offset units included: -40 °C is a temperature.
        case .quantity(let x, let unit): return .quantity(-x, unit)
        case .quantities(let xs, let unit): return .quantities(xs.map { -$0 }, unit)
        default: throw OperandError(message: "cannot negate a \(value.typeName)")
        }
    }

    /// Bool vectors (masks) as Swift booleans, or nil if this is not one.
    static func mask(_ value: Value) -> [Bool]? {
        guard case .list(let values) = value else { return nil }
        var flags: [Bool] = []
        flags.reserveCapacity(values.count)
        for value in values {
            guard case .bool(let flag) = value else { return nil }
            flags.append(flag)
        }
        return flags
    }
}
