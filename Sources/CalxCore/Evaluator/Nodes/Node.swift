// The executable tree the resolver builds. Each node knows its span and how to
// evaluate itself; names are already slots, so evaluation never looks up a string.

/// A resolved program, ready to run. Only the resolver makes one.
public struct ResolvedProgram {
    let body: Node
}

class Node {
    let span: Span

    init(span: Span) { self.span = span }

    /// Subclasses override this; the base node is never built.
    func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value { .nil }

    /// An error anchored at this node.
    final func failure(_ stage: Diagnostic.Stage = .type, _ message: String, label: String = "", notes: [String] = []) -> Unwind {
        .error(Diagnostic(stage, message, at: span, label: label, notes: notes))
    }

    /// Evaluates a condition, which must be a bool.
    @inline(__always)
    final func condition(_ node: Node, _ frame: Frame, _ runtime: Runtime, _ role: String) throws(Unwind) -> Bool {
        let value = try node.eval(frame, runtime)
        if case .bool(let flag) = value { return flag }
        throw node.failure(.type, "\(role) must be a bool, not a \(value.typeName)", label: "this is a \(value.typeName)",
                           notes: value.typeName == "vector" ? ["help: use any(v) or all(v) to turn a vector of bools into one bool"] : [])
    }
}

final class ConstantNode: Node {
    let value: Value
    init(_ value: Value, span: Span) {
        self.value = value
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value { value }
}

/// `"text {expr} text"`.
final class StringTemplateNode: Node {
    enum Part { case text(String), value(Node) }
    let parts: [Part]
    init(_ parts: [Part], span: Span) {
        self.parts = parts
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        var text = ""
        for part in parts {
            switch part {
            case .text(let piece): text += piece
            case .value(let node): text += ValueFormatter.plain(try node.eval(frame, runtime))
            }
        }
        return .string(text)
    }
}

final class VectorNode: Node {
    let elements: [Node]
    init(_ elements: [Node], span: Span) {
        self.elements = elements
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try element.eval(frame, runtime)) }
        return Value.vector(values)
    }
}

final class RecordNode: Node {
    let names: [String]
    let values: [Node]
    init(names: [String], values: [Node], span: Span) {
        self.names = names
        self.values = values
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        var evaluated: [Value] = []
        evaluated.reserveCapacity(values.count)
        for value in values { evaluated.append(try value.eval(frame, runtime)) }
        return .record(Record(names: names, values: evaluated))
    }
}

/// Creates a closure over the current frame.
final class FunctionNode: Node {
    let code: FunctionCode
    init(_ code: FunctionCode) {
        self.code = code
        super.init(span: code.span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        .function(Closure(code: code, parent: code.capturesFrame ? frame : nil))
    }
}
