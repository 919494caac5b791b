// Calling a function: binding arguments to parameter slots, then running the
// body (Calx) or the native implementation, with depth and interrupt checks.

final class CallNode: Node {
    let callee: Node
    let positional: [Node]
    let named: [(name: String, span: Span, value: Node)]

    init(callee: Node, positional: [Node], named: [(name: String, span: Span, value: Node)], span: Span) {
        self.callee = callee
        self.positional = positional
        self.named = named
        globalCallee = (callee as? GlobalGetNode)?.index
        super.init(span: span)
    }

    /// The callee's global index when it is a global name, the usual case, read without a call.
    let globalCallee: Int?

    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        var target: Value
        if let index = globalCallee {
            target = runtime.globals[index]
            if case .undefined = target { target = try callee.eval(frame, runtime) }
        } else {
            target = try callee.eval(frame, runtime)
        }
        guard case .function(let closure) = target else {
            throw callee.failure(.type, "cannot call a \(target.typeName)", label: "this is a \(target.typeName), not a function")
        }
        let code = closure.code
        var callee = runtime.frames.make(count: code.slotCount, parent: closure.parent)
        let result: Value
        if named.isEmpty, positional.count == code.parameters.count, code.restIndex == nil {
            for index in positional.indices { callee[index] = try positional[index].eval(frame, runtime) }
            result = try runtime.invoke(code, callee, extraNamed: [], at: span, argumentSpan: argumentSpan)
        } else {
            var values: [Value] = []
            values.reserveCapacity(positional.count)
            for node in positional { values.append(try node.eval(frame, runtime)) }
            var labelled: [(name: String, span: Span, value: Value)] = []
            for argument in named { labelled.append((argument.name, argument.span, try argument.value.eval(frame, runtime))) }
            let extra = try runtime.bind(code, into: callee, values, labelled, at: span) { index in
                index < self.positional.count ? self.positional[index].span : self.span
            }
            result = try runtime.invoke(code, callee, extraNamed: extra, at: span, argumentSpan: argumentSpan)
        }
        // A frame left behind by an error is simply freed.
        runtime.frames.recycle(&callee)
        return result
    }

    /// Where parameter `position` of the callee came from, to underline a bad argument.
    private func argumentSpan(_ position: Int, _ code: FunctionCode) -> Span {
        if position < positional.count { return positional[position].span }
        if position < code.parameters.count, let argument = named.first(where: { $0.name == code.parameters[position] }) {
            return argument.value.span
        }
        return span
    }
}

extension Runtime {
    /// Binds positional and named arguments to parameter slots, filling defaults.
    /// Returns the named arguments a native's `...rest` parameter collects.
    func bind(
        _ code: FunctionCode, into frame: Frame, _ values: [Value], _ named: [(name: String, span: Span, value: Value)],
        at span: Span, positionalSpan: (Int) -> Span
    ) throws(Unwind) -> [(name: String, value: Value)] {
        let fixed = code.fixedCount
        if values.count > fixed, code.restIndex == nil {
            throw .error(Diagnostic(.type, "\(code.name)() \(Runtime.takes(code)), but \(values.count) \(values.count == 1 ? "was" : "were") given",
                                    at: positionalSpan(fixed), label: "unexpected argument", notes: ["note: the signature is \(code.signature)"]))
        }
        for index in 0..<min(values.count, fixed) { frame[index] = values[index] }
        if let rest = code.restIndex { frame[rest] = Value.arguments(values.count > fixed ? Array(values[fixed...]) : []) }
        var extra: [(name: String, value: Value)] = []
        for argument in named {
            guard let index = code.parameters.firstIndex(of: argument.name), index != code.restIndex else {
                if code.restIndex != nil, code.native != nil, Runtime.nativesTakingNamedArguments.contains(code.name) {
                    extra.append((argument.name, argument.value))
                    continue
                }
                var notes = ["note: the signature is \(code.signature)"]
                if let guess = suggestion(for: argument.name, among: code.parameters) { notes.insert("help: did you mean '\(guess)'?", at: 0) }
                throw .error(Diagnostic(.type, "\(code.name)() has no parameter named '\(argument.name)'", at: argument.span, label: "unknown parameter", notes: notes))
            }
            if case .undefined = frame[index] {
                frame[index] = argument.value
            } else {
                throw .error(Diagnostic(.type, "argument '\(argument.name)' given twice in call to \(code.name)()", at: argument.span, label: "already given by position"))
            }
        }
        for index in 0..<fixed {
            guard case .undefined = frame[index] else { continue }
            guard let value = code.defaults[index] else {
                throw .error(Diagnostic(.type, "missing argument '\(code.parameters[index])' in call to \(code.name)()", at: span,
                                        label: "\(code.name)() \(Runtime.takes(code))", notes: ["note: the signature is \(code.signature)"]))
            }
            // A default runs before the call is counted, and may itself call the function
            // (`fn f(n, m = f(n + 1))`): count it, or that recursion has no limit.
            depth += 1
            defer { depth -= 1 }
            if depth > Runtime.maximumDepth { throw Runtime.tooDeep(code, at: span) }
            frame[index] = try value.eval(frame, self)
        }
        return extra
    }

    /// Natives whose `...rest` also collects named arguments, as `table(a: [1], b: [2])` does.
    /// Any other unknown name is a mistake to report, not to drop: `print(x, sep: ",")`.
    static let nativesTakingNamedArguments: Set<String> = ["table", "plot"]

    static func takes(_ code: FunctionCode) -> String {
        let required = code.requiredCount, fixed = code.fixedCount
        let count = code.restIndex != nil ? "at least \(required)" : required == fixed ? "\(fixed)" : "\(required) to \(fixed)"
        return "takes \(count) argument\(count == "1" ? "" : "s")"
    }

    static func tooDeep(_ code: FunctionCode, at span: Span) -> Unwind {
        .error(Diagnostic(.runtime, "recursion too deep", at: span, label: "more than \(Runtime.maximumDepth) calls deep",
                          notes: ["help: check that the recursion in \(code.name)() reaches a base case"]))
    }

    /// Runs a bound call.
    func invoke(
        _ code: FunctionCode, _ frame: Frame, extraNamed: [(name: String, value: Value)], at span: Span,
        argumentSpan: (Int, FunctionCode) -> Span
    ) throws(Unwind) -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > Runtime.maximumDepth { throw Runtime.tooDeep(code, at: span) }
        try checkInterrupt(span)
        if let native = code.native {
            let arguments = Arguments(frame: frame, count: code.parameters.count, function: code.name, parameterNames: code.parameters,
                                      runtime: self, extraNamed: extraNamed, callSpan: span)
            do {
                return try native(arguments)
            } catch let unwind as Unwind {
                throw unwind
            } catch let error as ArgumentError {
                let name = error.position < code.parameters.count ? " '\(code.parameters[error.position])'" : ""
                throw .error(Diagnostic(.type, "bad argument #\(error.position + 1)\(name) to \(code.name)(): \(error.message)",
                                        at: argumentSpan(error.position, code), label: error.message))
            } catch let error as NativeError {
                throw .error(Diagnostic(error.stage, error.message, at: span, label: "in this call to \(code.name)()", notes: error.notes))
            } catch let error as Diagnostic {
                throw .error(error)
            } catch {
                throw .error(Diagnostic(.runtime, "\(code.name)() failed: \(error)", at: span))
            }
        }
        guard let body = code.body else { return .nil }
        do {
            return try body.eval(frame, self)
        } catch {
            if case .returning(let value) = error { return value }
            if case .error(let diagnostic) = error, let moved = atCall(diagnostic, of: code.name, span) { throw .error(moved) }
            throw error
        }
    }

    /// An error raised inside a standard-library function, moved to the user's call
    /// of it: the user should see their own line, not one of Stdlib/ they never wrote.
    func atCall(_ diagnostic: Diagnostic, of name: String, _ call: Span) -> Diagnostic? {
        guard isLibrary(diagnostic.primary.span.source), sources.file(call.source) != nil, !isLibrary(call.source) else { return nil }
        var moved = diagnostic
        var notes = diagnostic.notes
        if let file = sources.file(diagnostic.primary.span.source) {
            let line = file.location(of: Int(diagnostic.primary.span.start)).line
            notes.append("note: raised in the standard library, at \(file.origin):\(line)")
        }
        moved.primary = Diagnostic.Label(span: call, text: "in this call to \(name)()")
        moved.secondary = []
        moved.notes = notes
        return moved
    }

    func isLibrary(_ source: Int32) -> Bool {
        sources.file(source)?.origin.hasPrefix("Stdlib/") ?? false
    }

    /// Calls a function value with positional arguments (for natives such as `map`).
    public func call(_ closure: Closure, _ values: [Value], at span: Span) throws(Unwind) -> Value {
        var frame = frames.make(count: closure.code.slotCount, parent: closure.parent)
        if values.count == closure.code.parameters.count, closure.code.restIndex == nil {
            for index in values.indices { frame[index] = values[index] }
        } else {
            _ = try bind(closure.code, into: frame, values, [], at: span) { _ in span }
        }
        let result = try invoke(closure.code, frame, extraNamed: [], at: span) { _, _ in span }
        frames.recycle(&frame)
        return result
    }
}
