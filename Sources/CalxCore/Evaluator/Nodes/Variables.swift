// Reading and binding names: locals by slot, captured names by depth and slot, globals by index.

final class LocalGetNode: Node {
    let slot: Int
    let name: String
    init(slot: Int, name: String, span: Span) {
        self.slot = slot
        self.name = name
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let value = frame[slot]
        if case .undefined = value {
            // The Python surprise: `x = x + 1` in a function, meant for the global x.
            if runtime.globals.value(of: name) != nil {
                throw failure(.runtime, "'\(name)' is used before it is given a value", label: "the local '\(name)', not bound yet",
                              notes: ["note: '\(name)' is assigned in this function, so it is local to the whole function and the global '\(name)' is not seen",
                                      "help: give the local another name, or pass the value in as a parameter"])
            }
            throw unbound(name, self)
        }
        return value
    }
}

final class CapturedGetNode: Node {
    let depth: Int
    let slot: Int
    let name: String
    init(depth: Int, slot: Int, name: String, span: Span) {
        self.depth = depth
        self.slot = slot
        self.name = name
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let value = frame.ancestor(depth)[slot]
        if case .undefined = value { throw unbound(name, self) }
        return value
    }
}

final class GlobalGetNode: Node {
    let index: Int
    let name: String
    init(index: Int, name: String, span: Span) {
        self.index = index
        self.name = name
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let value = runtime.globals[index]
        if case .undefined = value { throw unbound(name, self) }
        return value
    }
}

private func unbound(_ name: String, _ node: Node) -> Unwind {
    node.failure(.runtime, "'\(name)' is used before it is given a value", label: "not bound yet",
                 notes: ["help: bind it first, e.g. '\(name) = ...', above this line"])
}

/// Where an assignment or a loop variable stores its value.
enum Target {
    case local(Int)
    case global(Int)

    @inline(__always)
    func store(_ value: Value, _ frame: Frame, _ runtime: Runtime) {
        switch self {
        case .local(let slot): frame[slot] = value
        case .global(let index): runtime.globals[index] = value
        }
    }
}

/// `name = value`. As a statement its value is nil, so the REPL shows nothing.
final class AssignNode: Node {
    let target: Target
    let value: Node
    init(target: Target, value: Node, span: Span) {
        self.target = target
        self.value = value
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        target.store(try value.eval(frame, runtime), frame, runtime)
        return .nil
    }
}
