// Blocks, conditionals, loops and the statements that leave them.

final class BlockNode: Node {
    let statements: [Node]
    init(_ statements: [Node], span: Span) {
        self.statements = statements
        super.init(span: span)
    }
    /// The value of the last statement, or nil for an empty block.
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        var last = Value.nil
        for statement in statements { last = try statement.eval(frame, runtime) }
        return last
    }
}

final class IfNode: Node {
    let test: Node
    let then: Node
    let otherwise: Node?
    init(test: Node, then: Node, otherwise: Node?, span: Span) {
        self.test = test
        self.then = then
        self.otherwise = otherwise
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        if try condition(test, frame, runtime, "an 'if' condition") { return try then.eval(frame, runtime) }
        return try otherwise?.eval(frame, runtime) ?? .nil
    }
}

/// Runs a loop body once; true means the loop should stop (`break`).
@inline(__always)
private func runBody(_ body: Node, _ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Bool {
    do {
        _ = try body.eval(frame, runtime)
    } catch {
        switch error {
        case .breaking: return true
        case .continuing: return false
        default: throw error
        }
    }
    return false
}

final class WhileNode: Node {
    let test: Node
    let body: Node
    init(test: Node, body: Node, span: Span) {
        self.test = test
        self.body = body
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        while try condition(test, frame, runtime, "a 'while' condition") {
            try runtime.checkInterrupt(span)
            if try runBody(body, frame, runtime) { break }
        }
        return .nil
    }
}

/// `for x in sequence { }` over a vector, a list or a table's rows.
final class ForNode: Node {
    let variable: Target
    let sequence: Node
    let body: Node
    init(variable: Target, sequence: Node, body: Node, span: Span) {
        self.variable = variable
        self.sequence = sequence
        self.body = body
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        if let range = sequence as? RangeNode {
            // Counting loops do not build the vector they count over.
            let (start, count) = try range.bounds(frame, runtime)
            for step in 0..<count {
                try runtime.checkInterrupt(span)
                variable.store(.number(start + Double(step)), frame, runtime)
                if try runBody(body, frame, runtime) { break }
            }
            return .nil
        }
        let values = try sequence.eval(frame, runtime)
        let count: Int
        let element: (Int) -> Value
        switch values {
        case .numbers(let numbers): count = numbers.count; element = { .number(numbers[$0]) }
        case .quantities(let numbers, let unit): count = numbers.count; element = { .quantity(numbers[$0], unit) }
        case .list(let list): count = list.count; element = { list[$0] }
        case .table(let table): count = table.rowCount; element = { .record(table.row($0)) }
        case .string(let text):
            let characters = Array(text)
            count = characters.count
            element = { .string(String(characters[$0])) }
        default:
            throw sequence.failure(.type, "cannot loop over a \(values.typeName)", label: "expected a vector, a table or a string")
        }
        for index in 0..<count {
            try runtime.checkInterrupt(span)
            variable.store(element(index), frame, runtime)
            if try runBody(body, frame, runtime) { break }
        }
        return .nil
    }
}

final class BreakNode: Node {
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value { throw .breaking }
}

final class ContinueNode: Node {
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value { throw .continuing }
}

final class ReturnNode: Node {
    let value: Node?
    init(value: Node?, span: Span) {
        self.value = value
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        throw .returning(try value?.eval(frame, runtime) ?? .nil)
    }
}

/// `use name`: runs a module's top level the first time it is reached.
final class UseNode: Node {
    let module: Node?
    init(module: Node?, span: Span) {
        self.module = module
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        _ = try module?.eval(frame, runtime)
        return .nil
    }
}
