// Functions: the code the resolver compiled, a closure over a frame, and the
// argument view natives receive. Natives and Calx functions share one calling
// convention, so named arguments, defaults and arity errors work alike for both.

/// A native function's body. It reads its bound arguments and returns a value, or
/// throws an `ArgumentError`, a `NativeError`, or an `Unwind` from a callback.
public typealias NativeBody = (Arguments) throws -> Value

public final class FunctionCode {
    public let name: String
    public let parameters: [String]
    /// Default values, evaluated in the callee's frame when the argument is missing.
    let defaults: [Node?]
    /// The `...rest` parameter's position, if any: it collects extra positional arguments.
    let restIndex: Int?
    let slotCount: Int
    let body: Node?
    let native: NativeBody?
    public let doc: String?
    let span: Span
    /// Whether the function reads names of an enclosing function (so closures keep the frame).
    let capturesFrame: Bool

    init(name: String, parameters: [String], defaults: [Node?], restIndex: Int?, slotCount: Int, body: Node?,
         native: NativeBody?, doc: String?, span: Span, capturesFrame: Bool) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.restIndex = restIndex
        self.slotCount = slotCount
        self.body = body
        self.native = native
        self.doc = doc
        self.span = span
        self.capturesFrame = capturesFrame
    }

    var fixedCount: Int { restIndex ?? parameters.count }
    var requiredCount: Int { (0..<fixedCount).filter { defaults[$0] == nil }.count }

    /// `area(w, h = 1)` as shown by help and display.
    public var signature: String {
        let list = parameters.indices.map { index -> String in
            if index == restIndex { return "..." + parameters[index] }
            if defaults[index] != nil { return parameters[index] + " = …" }
            return parameters[index]
        }
        return "\(name)(\(list.joined(separator: ", ")))"
    }
}

public final class Closure {
    let code: FunctionCode
    let parent: Frame?

    init(code: FunctionCode, parent: Frame?) {
        self.code = code
        self.parent = parent
    }

    public var name: String { code.name }
    public var signature: String { code.signature }
    public var parameters: [String] { code.parameters }
    public var doc: String? { code.doc }
    public var isNative: Bool { code.native != nil }
}

/// A mistake in one argument of a native call: the call underlines that argument.
public struct ArgumentError: Error {
    public var position: Int
    public var message: String
    public init(position: Int, _ message: String) {
        self.position = position
        self.message = message
    }
}

/// Any other failure of a native call, underlined at the call.
public struct NativeError: Error {
    public var stage: Diagnostic.Stage
    public var message: String
    public var notes: [String]
    public init(_ message: String, stage: Diagnostic.Stage = .runtime, notes: [String] = []) {
        self.stage = stage
        self.message = message
        self.notes = notes
    }
}

/// The bound arguments of a native call, with readers that check their types.
public struct Arguments {
    let frame: Frame
    public let count: Int
    public let function: String
    public let parameterNames: [String]
    public let runtime: Runtime
    /// Named arguments no parameter claimed, kept in order (for `table(a: ..., b: ...)`).
    public let extraNamed: [(name: String, value: Value)]
    /// The span of the call, for natives that raise their own diagnostics.
    public let callSpan: Span

    public subscript(position: Int) -> Value { frame[position] }

    /// The argument at `position`, or nil if it was left as nil.
    public func optional(_ position: Int) -> Value? {
        if case .nil = frame[position] { return nil }
        return frame[position]
    }

    public func mismatch(_ position: Int, expected: String) -> ArgumentError {
        let value = frame[position]
        return ArgumentError(position: position, "expected \(expected), got \(ValueFormatter.brief(value))")
    }

    public func number(_ position: Int) throws -> Double {
        switch frame[position] {
        case .number(let x): return x
        case .quantity(let x, let unit) where unit.dimension.isNone: return x * unit.scale
        case .quantity(_, let unit): throw dimensioned(position, unit)
        default: throw mismatch(position, expected: "a number")
        }
    }

    /// "expected a plain number, got 3 m, a Length": for natives that need no unit (exp, log, sin).
    public func dimensioned(_ position: Int, _ unit: Unit) -> ArgumentError {
        let value = ValueFormatter.display(frame[position])
        let dimension = runtime.globals.units.name(of: unit.dimension)
        let article = "AEIOU".contains(dimension.first ?? "x") ? "an" : "a"
        return ArgumentError(position: position, "expected a plain number, got \(value), \(article) \(dimension)")
    }

    /// Numbers with their unit (nil for plain numbers), for natives that keep units (sum, sort, quantile).
    public func measured(_ position: Int) throws -> (numbers: [Double], unit: Unit?) {
        switch frame[position] {
        case .quantities(let xs, let unit): return (xs, unit)
        case .quantity(let x, let unit): return ([x], unit)
        default: return (try numbers(position), nil)
        }
    }

    public func integer(_ position: Int, minimum: Int = Int.min) throws -> Int {
        let x = try number(position)
        guard x == x.rounded(), abs(x) < 1e15, Int(x) >= minimum else {
            throw ArgumentError(position: position, "expected a whole number\(minimum == 0 ? " ≥ 0" : minimum == 1 ? " ≥ 1" : ""), got \(ValueFormatter.number(x))")
        }
        return Int(x)
    }

    public func string(_ position: Int) throws -> String {
        if case .string(let text) = frame[position] { return text }
        throw mismatch(position, expected: "a string")
    }

    public func bool(_ position: Int) throws -> Bool {
        if case .bool(let flag) = frame[position] { return flag }
        throw mismatch(position, expected: "a bool")
    }

    /// A vector of numbers (a single number counts as a vector of one).
    public func numbers(_ position: Int) throws -> [Double] {
        switch frame[position] {
        case .numbers(let numbers): return numbers
        case .number(let x): return [x]
        case .list(let values) where values.isEmpty: return []
        case .quantities(let xs, let unit) where unit.dimension.isNone: return xs.map { $0 * unit.scale }
        case .quantity(let x, let unit) where unit.dimension.isNone: return [x * unit.scale]
        case .quantities(_, let unit), .quantity(_, let unit): throw dimensioned(position, unit)
        default: throw mismatch(position, expected: "a vector of numbers")
        }
    }

    /// Any vector's elements.
    public func elements(_ position: Int) throws -> [Value] {
        if let elements = frame[position].elements { return elements }
        throw mismatch(position, expected: "a vector")
    }

    public func function(_ position: Int) throws -> Closure {
        if case .function(let closure) = frame[position] { return closure }
        throw mismatch(position, expected: "a function")
    }

    /// Calls a Calx function from native code.
    public func call(_ closure: Closure, _ values: [Value]) throws -> Value {
        do {
            return try runtime.call(closure, values, at: callSpan)
        } catch {
            throw error as Unwind
        }
    }
}
