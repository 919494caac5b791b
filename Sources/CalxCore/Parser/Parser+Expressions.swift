// Expression rules, lowest precedence first:
// lambda, pipe |>, or, and, not, comparison, range, + -, * / %, unary -, ^, postfix, primary.

extension Parser {
    mutating func expression() throws -> Expr {
        let start = peek
        try enterNesting(start)
        defer { nesting -= 1 }
        if start.kind == .identifier, peekAfter(1).kind == .arrow {
            advance()
            advance()
            let parameter = Parameter(name: start.text, span: span(start), defaultValue: nil)
            return try lambda(parameters: [parameter], start: start)
        }
        if start.kind == .leftParen, isLambdaParameterList() {
            let open = advance()
            let parameters = try with(newlines: false) { parser in try parser.parameterList(open: open) }
            try expect(.arrow, "'=>'")
            return try lambda(parameters: parameters, start: start)
        }
        var value = try pipeline()
        while atConversion {
            advance()
            let target = try conversionTarget()
            let end: Span
            switch target {
            case .unit(let unit): end = unit.span
            case .best(let span): end = span
            }
            value = .convert(value, target, value.span.to(end))
        }
        return value
    }

    private mutating func lambda(parameters: [Parameter], start: Token) throws -> Expr {
        let body = try expression()
        return .function(FunctionSyntax(name: nil, nameSpan: span(start), parameters: parameters, body: .expression(body), doc: nil, span: span(start).to(body.span)))
    }

    /// Looks past a `( ... )` for `=>`.
    private func isLambdaParameterList() -> Bool {
        var i = significant(current), depth = 0
        while i < tokens.count {
            switch tokens[i].kind {
            case .leftParen: depth += 1
            case .rightParen:
                depth -= 1
                if depth == 0 {
                    var j = i + 1
                    while j < tokens.count - 1, tokens[j].kind == .newline { j += 1 }
                    return tokens[j].kind == .arrow
                }
            case .endOfInput: return false
            default: break
            }
            i += 1
        }
        return false
    }

    /// `x |> f(a)` is `f(x, a)`; a `|>` may also start the next line.
    private mutating func pipeline() throws -> Expr {
        var value = try or()
        while true {
            if !check(.pipe) {
                var j = current
                while tokens[j].kind == .newline { j += 1 }
                guard tokens[j].kind == .pipe else { break }
                current = j
            }
            advance()
            let target = try or()
            switch target {
            case .call(let callee, let arguments, let s):
                value = .call(callee, [CallArgument(label: nil, labelSpan: nil, value: value)] + arguments, value.span.to(s))
            default:
                value = .call(target, [CallArgument(label: nil, labelSpan: nil, value: value)], value.span.to(target.span))
            }
        }
        return value
    }

    private mutating func or() throws -> Expr {
        var value = try and()
        while match(.or) != nil {
            let right = try and()
            value = .or(value, right, value.span.to(right.span))
        }
        return value
    }

    private mutating func and() throws -> Expr {
        var value = try not()
        while match(.and) != nil {
            let right = try not()
            value = .and(value, right, value.span.to(right.span))
        }
        return value
    }

    private mutating func not() throws -> Expr {
        if let keyword = match(.not) {
            try enterNesting(keyword)
            defer { nesting -= 1 }
            let operand = try not()
            return .unary(.not, operand, span(keyword).to(operand.span))
        }
        return try comparison()
    }

    static let comparisonOperators: [Token.Kind: BinaryOperator] = [
        .equal: .equal, .notEqual: .notEqual, .less: .less, .lessEqual: .lessEqual, .greater: .greater, .greaterEqual: .greaterEqual,
    ]

    private mutating func comparison() throws -> Expr {
        let left = try range()
        let operators = Parser.comparisonOperators
        guard let op = operators[peek.kind] else { return left }
        let token = advance()
        let right = try range()
        if operators[peek.kind] != nil {
            throw report("comparisons cannot be chained", at: span(peek), label: "second comparison",
                         notes: ["help: write 'a < b and b < c' instead of 'a < b < c'"])
        }
        return .binary(op, left, right, operatorSpan: span(token))
    }

    private mutating func range() throws -> Expr {
        let low = try additive()
        guard let token = match(.range, .rangeExclusive) else { return low }
        let high = try additive()
        return .range(low, high, inclusive: token.kind == .range, low.span.to(high.span))
    }

    private mutating func additive() throws -> Expr {
        var value = try multiplicative()
        while let token = match(.plus, .minus) {
            let right = try multiplicative()
            value = .binary(token.kind == .plus ? .add : .subtract, value, right, operatorSpan: span(token))
        }
        return value
    }

    private mutating func multiplicative() throws -> Expr {
        var value = try unary()
        while let token = match(.star, .slash, .percent) {
            let right = try unary()
            let op: BinaryOperator = token.kind == .star ? .multiply : token.kind == .slash ? .divide : .remainder
            value = .binary(op, value, right, operatorSpan: span(token))
        }
        return value
    }

    /// Unary minus binds looser than `^`, so `-2^2` is `-(2^2)`.
    private mutating func unary() throws -> Expr {
        if let minus = match(.minus) {
            try enterNesting(minus)
            defer { nesting -= 1 }
            let operand = try unary()
            return .unary(.negate, operand, span(minus).to(operand.span))
        }
        return try power()
    }

    /// `^` is right-associative; its right side may carry a sign (`2^-1`).
    private mutating func power() throws -> Expr {
        let base = try postfix()
        guard let token = match(.caret) else { return base }
        try enterNesting(token)
        defer { nesting -= 1 }
        let exponent = try unary()
        return .binary(.power, base, exponent, operatorSpan: span(token))
    }

    private mutating func postfix() throws -> Expr {
        var value = try primary()
        while true {
            // A call or index must start on the same line, or `f\n(x)` would be one call.
            if tokens[current].kind == .leftParen {
                let open = advance()
                let arguments = try with(newlines: false) { parser in try parser.argumentList(open: open) }
                value = .call(value, arguments, value.span.to(span(previous)))
            } else if tokens[current].kind == .leftBracket {
                let open = advance()
                let index = try with(newlines: false) { parser -> Expr in
                    let index = try parser.expression()
                    try parser.expect(.rightBracket, "']'", opening: open)
                    return index
                }
                value = .index(value, index, value.span.to(span(previous)))
            } else if check(.dot) {
                advance()
                let name = try expect(.identifier, "a field name after '.'")
                value = .member(value, name.text, value.span.to(span(name)))
            } else {
                return value
            }
        }
    }

    private mutating func argumentList(open: Token) throws -> [CallArgument] {
        var arguments: [CallArgument] = []
        while !check(.rightParen) {
            if peek.kind == .identifier, peekAfter(1).kind == .colon {
                let label = advance()
                advance()
                // Mistakes that leave the syntax intact are reported without stopping the parse.
                if arguments.contains(where: { $0.label == label.text }) {
                    _ = report("argument '\(label.text)' given twice", at: span(label), label: "already given")
                }
                arguments.append(CallArgument(label: label.text, labelSpan: span(label), value: try expression()))
            } else {
                let value = try expression()
                if arguments.contains(where: { $0.label != nil }) {
                    _ = report("positional argument after a named one", at: value.span, label: "give this argument a name, or move it before the named ones")
                }
                arguments.append(CallArgument(label: nil, labelSpan: nil, value: value))
            }
            if match(.comma) == nil { break }
        }
        try expect(.rightParen, "')'", opening: open)
        return arguments
    }

    private mutating func primary() throws -> Expr {
        let token = peek
        switch token.kind {
        case .number:
            advance()
            let number = Expr.number(token.number, span(token))
            if let unit = try trailingUnit() { return .quantity(number, unit, span(token).to(unit.span)) }
            return number
        case .string:
            advance()
            return .string(try stringSegments(token), span(token))
        case .true, .false:
            advance()
            return .boolean(token.kind == .true, span(token))
        case .nil:
            advance()
            return .nil(span(token))
        case .identifier:
            advance()
            return .name(token.text, span(token))
        case .leftParen:
            try enterNesting(peek)  // before taking the bracket, so recovery skips what it encloses
            defer { nesting -= 1 }
            let open = advance()
            return try with(newlines: false) { parser in
                let inner = try parser.expression()
                try parser.expect(.rightParen, "')'", opening: open)
                return inner
            }
        case .leftBracket:
            try enterNesting(peek)  // before taking the bracket, so recovery skips what it encloses
            defer { nesting -= 1 }
            let open = advance()
            let vector = try with(newlines: false) { parser -> Expr in
                var elements: [Expr] = []
                while !parser.check(.rightBracket) {
                    elements.append(try parser.expression())
                    if parser.match(.comma) == nil { break }
                }
                try parser.expect(.rightBracket, "']'", opening: open)
                return .vector(elements, parser.span(open).to(parser.span(parser.previous)))
            }
            if let unit = try trailingUnit() { return .quantity(vector, unit, vector.span.to(unit.span)) }
            return vector
        case .leftBrace:
            return try record()
        case .if:
            return try ifExpression()
        case .fn:
            let keyword = advance()
            return .function(try functionRest(keyword: keyword, named: false))
        case .endOfInput:
            throw error(expected: "an expression")
        default:
            throw report("expected an expression, found \(token.description)", at: place(token), label: "expected an expression")
        }
    }

    /// `{name: value, ...}`.
    private mutating func record() throws -> Expr {
        // A block where an expression belongs (`x => { y = x; y }`) reads as a broken record: say so once.
        var i = significant(current) + 1
        while i < tokens.count - 1, tokens[i].kind == .newline { i += 1 }
        var j = min(i + 1, tokens.count - 1)
        while j < tokens.count - 1, tokens[j].kind == .newline { j += 1 }
        let incomplete = tokens[i].kind == .endOfInput || (tokens[i].kind == .identifier && tokens[j].kind == .endOfInput)
        if tokens[i].kind != .rightBrace, !(tokens[i].kind == .identifier && tokens[j].kind == .colon), !incomplete {
            throw report("expected a record after '{', found \(tokens[i].description)", at: span(tokens[i]),
                         label: "a record holds 'name: value' fields",
                         notes: ["help: in an expression '{' starts a record; a function whose body has statements is written 'fn(x) { ... }'"])
        }
        try enterNesting(peek)  // before taking the bracket, so recovery skips what it encloses
        defer { nesting -= 1 }
        let open = advance()
        return try with(newlines: false) { parser in
            var fields: [(name: String, span: Span, value: Expr)] = []
            while !parser.check(.rightBrace) {
                let name = try parser.expect(.identifier, "a field name")
                try parser.expect(.colon, "':' after the field name")
                if fields.contains(where: { $0.name == name.text }) {
                    _ = parser.report("field '\(name.text)' given twice", at: parser.span(name), label: "already a field")
                }
                fields.append((name.text, parser.span(name), try parser.expression()))
                if parser.match(.comma) == nil { break }
            }
            try parser.expect(.rightBrace, "'}'", opening: open)
            return .record(fields, parser.span(open).to(parser.span(parser.previous)))
        }
    }

    /// `if c { } else if d { } else { }`; `else` may start the next line.
    private mutating func ifExpression() throws -> Expr {
        let keyword = advance()
        let condition = try with(newlines: false) { parser in try parser.expression() }
        let then = try block()
        var j = current
        while tokens[j].kind == .newline { j += 1 }
        guard tokens[j].kind == .else else {
            return .if(condition, then, elseBranch: nil, span(keyword).to(then.span))
        }
        current = j + 1
        let otherwise: Expr = check(.if) ? try ifExpression() : .block(try block())
        return .if(condition, then, elseBranch: otherwise, span(keyword).to(otherwise.span))
    }

    /// Parses each `{expr}` of a string token from its slice of the same source.
    private mutating func stringSegments(_ token: Token) throws -> [StringSegment] {
        var segments: [StringSegment] = []
        for part in token.parts {
            switch part {
            case .text(let text):
                segments.append(.text(text))
            case .interpolation(let start, let end):
                var lexer = Lexer(bytes: source.bytes, source: sourceID, start: start, end: end)
                let lexed = lexer.scanAll()
                errors += lexed.errors
                lexicalErrors.formUnion(lexed.errors.map(\.primary.span))
                var inner = Parser(source: source, sourceID: sourceID, tokens: lexed.tokens, errors: [], docComments: [:])
                inner.newlineSensitive = [false]
                inner.nesting = nesting
                if inner.check(.endOfInput) {
                    throw report("empty interpolation in string", at: Span(source: sourceID, start: start - 1, end: end + 1), label: "put an expression between the braces, or write \\{ for a brace")
                }
                let value = try? inner.expression()
                if let value, !inner.check(.endOfInput) { _ = inner.error(expected: "'}' to end the interpolation") }
                errors += inner.errors
                guard let value, inner.errors.isEmpty else { throw ParseFailure() }
                segments.append(.expression(value))
            }
        }
        return segments
    }
}
