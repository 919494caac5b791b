// Resolving expressions and function definitions.

extension Resolver {
    mutating func expression(_ expr: Expr) -> Node {
        switch expr {
        case .number(let value, let span):
            return ConstantNode(.number(value), span: span)
        case .boolean(let value, let span):
            return ConstantNode(.bool(value), span: span)
        case .nil(let span):
            return ConstantNode(.nil, span: span)
        case .string(let segments, let span):
            if segments.count == 1, case .text(let text) = segments[0] { return ConstantNode(.string(text), span: span) }
            return StringTemplateNode(segments.map { segment in
                switch segment {
                case .text(let text): return .text(text)
                case .expression(let inner): return .value(expression(inner))
                }
            }, span: span)
        case .name(let name, let span):
            return read(name, at: span)
        case .vector(let elements, let span):
            let nodes = elements.map { expression($0) }
            // A vector of number literals is built once, here, not on every evaluation.
            let numbers = nodes.compactMap { node -> Double? in
                if let constant = node as? ConstantNode, case .number(let x) = constant.value { return x }
                return nil
            }
            return numbers.count == nodes.count ? ConstantNode(.numbers(numbers), span: span) : VectorNode(nodes, span: span)
        case .record(let fields, let span):
            return RecordNode(names: fields.map(\.name), values: fields.map { expression($0.value) }, span: span)
        case .unary(let op, let operand, let span):
            let node = expression(operand)
            if op == .negate, let constant = node as? ConstantNode, case .number(let x) = constant.value {
                return ConstantNode(.number(-x), span: span)
            }
            return op == .negate ? NegateNode(node, span: span) : NotNode(node, span: span)
        case .binary(let op, let left, let right, _):
            return BinaryNode(op, expression(left), expression(right))
        case .and(let left, let right, let span):
            return LogicalNode(isAnd: true, expression(left), expression(right), span: span)
        case .or(let left, let right, let span):
            return LogicalNode(isAnd: false, expression(left), expression(right), span: span)
        case .range(let low, let high, let inclusive, let span):
            return RangeNode(low: expression(low), high: expression(high), inclusive: inclusive, span: span)
        case .call(let callee, let arguments, let span):
            let calleeNode = expression(callee)
            var positional: [Node] = []
            var named: [(name: String, span: Span, value: Node)] = []
            for argument in arguments {
                if let label = argument.label {
                    named.append((label, argument.labelSpan ?? argument.value.span, expression(argument.value)))
                } else {
                    positional.append(expression(argument.value))
                }
            }
            return CallNode(callee: calleeNode, positional: positional, named: named, span: span)
        case .index(let base, let index, let span):
            return IndexNode(base: expression(base), index: expression(index), span: span)
        case .member(let base, let name, let span):
            return MemberNode(base: expression(base), name: name, span: span)
        case .function(let syntax):
            return function(syntax)
        case .if(let test, let then, let otherwise, let span):
            return IfNode(test: expression(test), then: block(then), otherwise: otherwise.map { expression($0) }, span: span)
        case .block(let body):
            return block(body)
        case .quantity(let magnitude, let unit, let span):
            return quantity(magnitude, unit, span: span)
        case .convert(let value, let target, let span):
            return conversion(value, target, span: span)
        }
    }

    /// Compiles a function definition into a node that makes its closure.
    mutating func function(_ syntax: FunctionSyntax) -> Node {
        let name = syntax.name ?? "<lambda>"
        let inner = FunctionScope(parent: scope)
        for parameter in syntax.parameters { _ = inner.declare(parameter.name) }
        var native: NativeBody?
        var bodyStatements: [Stmt] = []
        switch syntax.body {
        case .expression(let value): bodyStatements = [.expression(value)]
        case .block(let block): bodyStatements = block.statements
        case .native:
            native = natives[name]
            if native == nil {
                return fail("'\(name)' has no body and is not a native function", at: syntax.nameSpan, label: "missing body",
                            notes: ["help: give it a body: 'fn \(name)(...) = expression' or 'fn \(name)(...) { ... }'"])
            }
        }
        for local in AssignedNames.collect(bodyStatements) { _ = inner.declare(local) }
        let outer = scope
        scope = inner
        let defaults = syntax.parameters.map { parameter in parameter.defaultValue.map { expression($0) } }
        let body: Node?
        switch syntax.body {
        case .expression(let value): body = expression(value)
        case .block(let block): body = self.block(block)
        case .native: body = nil
        }
        scope = outer
        let code = FunctionCode(
            name: name, parameters: syntax.parameters.map(\.name), defaults: defaults,
            restIndex: syntax.parameters.firstIndex(where: \.isRest), slotCount: inner.slotCount, body: body, native: native,
            doc: syntax.doc, span: syntax.span, capturesFrame: inner.capturesFrame)
        return FunctionNode(code)
    }
}
