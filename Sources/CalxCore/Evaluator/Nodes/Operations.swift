// Operator nodes. Each tries the number-number case first: it is what loops do.

final class BinaryNode: Node {
    let op: BinaryOperator
    let left: Node
    let right: Node
    /// The right operand when it is a number literal (`n - 1`, `i < 10`), read without a call.
    let constant: Double?

    init(_ op: BinaryOperator, _ left: Node, _ right: Node) {
        self.op = op
        self.left = left
        self.right = right
        if let literal = right as? ConstantNode, case .number(let y) = literal.value { constant = y } else { constant = nil }
        super.init(span: left.span.to(right.span))
    }

    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let a = try left.eval(frame, runtime)
        let b: Value
        if let y = constant {
            if case .number(let x) = a { return BinaryNode.numbers(op, x, y) }
            b = .number(y)
        } else {
            b = try right.eval(frame, runtime)
        }
        if case .number(let x) = a, case .number(let y) = b { return BinaryNode.numbers(op, x, y) }
        do {
            return try Operators.binary(op, a, b, names: runtime.globals.units)
        } catch {
            throw .error(Diagnostic(.type, error.message, at: span, label: "\(BinaryNode.kind(a)) \(op.rawValue) \(BinaryNode.kind(b))",
                                    secondary: [], notes: error.notes))
        }
    }

    /// An operand as an error label names it: its type, or its unit for a quantity.
    static func kind(_ value: Value) -> String {
        switch value {
        case .quantity(_, let unit), .quantities(_, let unit): return unit.symbol
        default: return value.typeName
        }
    }

    @inline(__always)
    static func numbers(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value {
        switch op {
        case .add: return .number(x + y)
        case .subtract: return .number(x - y)
        case .multiply: return .number(x * y)
        case .divide: return .number(x / y)
        case .less: return .bool(x < y)
        case .lessEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterEqual: return .bool(x >= y)
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        case .remainder, .power: return .number(Operators.arithmetic(op, x, y))
        }
    }
}

final class NegateNode: Node {
    let operand: Node
    init(_ operand: Node, span: Span) {
        self.operand = operand
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let value = try operand.eval(frame, runtime)
        if case .number(let x) = value { return .number(-x) }
        do {
            return try Operators.negate(value)
        } catch {
            throw failure(.type, error.message, label: "this is a \(value.typeName)")
        }
    }
}

/// `not`, on a bool or element-wise on a vector of bools.
final class NotNode: Node {
    let operand: Node
    init(_ operand: Node, span: Span) {
        self.operand = operand
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let value = try operand.eval(frame, runtime)
        if case .bool(let flag) = value { return .bool(!flag) }
        if let flags = Operators.mask(value) { return .list(flags.map { .bool(!$0) }) }
        throw operand.failure(.type, "'not' needs a bool, not a \(value.typeName)", label: "this is a \(value.typeName)")
    }
}

/// `and` / `or`: short-circuit on bools, element-wise on bool vectors (masks).
final class LogicalNode: Node {
    let isAnd: Bool
    let left: Node
    let right: Node
    init(isAnd: Bool, _ left: Node, _ right: Node, span: Span) {
        self.isAnd = isAnd
        self.left = left
        self.right = right
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let word = isAnd ? "and" : "or"
        let a = try left.eval(frame, runtime)
        if case .bool(let flag) = a {
            if flag != isAnd { return .bool(flag) }
            let b = try right.eval(frame, runtime)
            guard case .bool = b else {
                throw right.failure(.type, "'\(word)' needs bools, not a \(b.typeName)", label: "this is a \(b.typeName)")
            }
            return b
        }
        guard let xs = Operators.mask(a) else {
            throw left.failure(.type, "'\(word)' needs bools, not a \(a.typeName)", label: "this is a \(a.typeName)")
        }
        let b = try right.eval(frame, runtime)
        guard let ys = Operators.mask(b), ys.count == xs.count else {
            throw right.failure(.type, "'\(word)' on a vector of \(xs.count) bools needs another of the same length",
                                label: "this is a \(b.typeName)")
        }
        return .list(zip(xs, ys).map { .bool(isAnd ? $0 && $1 : $0 || $1) })
    }
}

/// `a..b` and `a..<b`: a vector of whole steps.
final class RangeNode: Node {
    let low: Node
    let high: Node
    let inclusive: Bool
    static let maximumLength = 100_000_000
    init(low: Node, high: Node, inclusive: Bool, span: Span) {
        self.low = low
        self.high = high
        self.inclusive = inclusive
        super.init(span: span)
    }

    func bounds(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> (Double, Int) {
        let a = try low.eval(frame, runtime), b = try high.eval(frame, runtime)
        guard case .number(let start) = a, start.isFinite else { throw low.failure(.type, "a range needs finite numbers, not \(ValueFormatter.brief(a))", label: "range start") }
        guard case .number(let stop) = b, stop.isFinite else { throw high.failure(.type, "a range needs finite numbers, not \(ValueFormatter.brief(b))", label: "range end") }
        let span = (stop - start).rounded(.down)
        let count = span < 0 ? 0 : span + (inclusive || (stop - start) > span ? 1 : 0)
        guard count <= Double(RangeNode.maximumLength) else {
            throw failure(.runtime, "range too long (\(ValueFormatter.number(count)) elements)", label: "at most \(RangeNode.maximumLength) elements")
        }
        return (start, Int(count))
    }

    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let (start, count) = try bounds(frame, runtime)
        return .numbers((0..<count).map { start + Double($0) })
    }
}
