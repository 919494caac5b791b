// Units in the grammar. A unit written after a number or a vector literal runs to
// the first space (`3.35 TB/s`, `9.81 m/s^2`), so `80 GB / n` still divides by n;
// after `->` and in declarations, spaces are allowed (`-> kg * m / s^2`).

extension Parser {
    /// True when `token` follows the token before it with no space between.
    func isAdjacent(_ index: Int) -> Bool {
        index > 0 && tokens[index].start == tokens[index - 1].end
    }

    /// Whether a token can begin an operand (so a `%` before it is the remainder operator).
    func startsOperand(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .number, .string, .identifier, .true, .false, .nil, .leftParen, .leftBracket, .leftBrace, .minus, .not, .if, .fn:
            return true
        default:
            return false
        }
    }

    /// After a number or vector literal: its unit, if one follows on the same line.
    mutating func trailingUnit() throws -> UnitExpr? {
        let next = tokens[current]
        if next.kind == .identifier, next.text != "to" {
            return try unitProduct(spaced: false)
        }
        if next.kind == .percent, !startsOperand(tokens[min(current + 1, tokens.count - 1)].kind) {
            advance()
            return .name("%", span(next))
        }
        return nil
    }

    /// `->` or `to`, and what follows: a unit or `best`.
    mutating func conversionTarget() throws -> ConversionTarget {
        if peek.kind == .identifier, peek.text == "best" {
            return .best(span(advance()))
        }
        return .unit(try unitProduct(spaced: true))
    }

    var atConversion: Bool {
        peek.kind == .convert || (peek.kind == .identifier && peek.text == "to" && tokens[current].kind != .newline)
    }

    /// `a*b/c^2`: with `spaced` false, every operator and operand must touch the one before.
    mutating func unitProduct(spaced: Bool) throws -> UnitExpr {
        var value = try unitPower(spaced: spaced)
        while true {
            let index = significant(current)
            let kind = tokens[index].kind
            // In declarations and after `->`, a number may stand before a unit: `= 3600 s`.
            if spaced, case .number = value, [.identifier, .leftParen, .percent].contains(kind) {
                value = .product(value, try unitPower(spaced: spaced))
                continue
            }
            guard kind == .star || kind == .slash else { return value }
            if !spaced {
                guard index + 1 < tokens.count, isAdjacent(index), isAdjacent(index + 1),
                      [.identifier, .leftParen, .percent].contains(tokens[index + 1].kind) else { return value }
            }
            advance()
            let right = try unitPower(spaced: spaced)
            value = kind == .star ? .product(value, right) : .quotient(value, right)
        }
    }

    private mutating func unitPower(spaced: Bool) throws -> UnitExpr {
        let base = try unitAtom(spaced: spaced)
        let index = significant(current)
        guard tokens[index].kind == .caret, spaced || isAdjacent(index) else { return base }
        advance()
        let negative = match(.minus) != nil
        let exponent = try expect(.number, "a whole-number exponent")
        guard exponent.number == exponent.number.rounded(), abs(exponent.number) <= 64 else {
            throw report("a unit's exponent must be a whole number", at: span(exponent), label: "not a whole number")
        }
        let power = Int(exponent.number) * (negative ? -1 : 1)
        return .power(base, power, span(exponent))
    }

    private mutating func unitAtom(spaced: Bool) throws -> UnitExpr {
        let token = peek
        switch token.kind {
        case .identifier:
            advance()
            return .name(token.text, span(token))
        case .percent:
            advance()
            return .name("%", span(token))
        case .number where spaced:
            advance()
            return .number(token.number, span(token))
        case .leftParen:
            let open = advance()
            return try with(newlines: false) { parser in
                let inner = try parser.unitProduct(spaced: true)
                try parser.expect(.rightParen, "')'", opening: open)
                return inner
            }
        default:
            throw error(expected: "a unit")
        }
    }

    // MARK: Declarations

    /// `dimension` or `unit` at the start of a statement, when what follows fits a declaration.
    func isDeclaration(_ keyword: String) -> Bool {
        guard peek.kind == .identifier, peek.text == keyword else { return false }
        let name = peekAfter(1), after = peekAfter(2).kind
        guard name.kind == .identifier || (keyword == "unit" && name.kind == .percent) else { return false }
        if keyword == "dimension" { return [.newline, .endOfInput, .semicolon, .assign].contains(after) }
        return [.comma, .colon, .assign].contains(after)
    }

    mutating func dimensionDeclaration() throws -> Stmt {
        advance()
        let name = try expect(.identifier, "a dimension name")
        let definition = match(.assign) != nil ? try unitProduct(spaced: true) : nil
        return .dimension(name: name.text, nameSpan: span(name), definition: definition)
    }

    mutating func unitDeclaration() throws -> Stmt {
        let keyword = advance()
        var names: [(name: String, span: Span)] = []
        repeat {
            let name = peek.kind == .percent ? advance() : try expect(.identifier, "a unit name")
            names.append((name.kind == .percent ? "%" : name.text, span(name)))
        } while match(.comma) != nil
        var dimension: (name: String, span: Span)?
        var definition: UnitExpr?
        if match(.colon) != nil {
            let name = try expect(.identifier, "a dimension name")
            dimension = (name.text, span(name))
        } else {
            try expect(.assign, "':' and a dimension, or '=' and a definition")
            definition = try unitProduct(spaced: true)
        }
        var prefixes: [(name: String, span: Span)] = []
        var offset = 0.0
        if let open = match(.leftBracket) {
            try with(newlines: false) { parser in
                while !parser.check(.rightBracket) {
                    let option = try parser.expect(.identifier, "'si', 'binary' or 'offset: N'")
                    if option.text == "offset" {
                        try parser.expect(.colon, "':' after 'offset'")
                        let negative = parser.match(.minus) != nil
                        offset = try parser.expect(.number, "a number").number * (negative ? -1 : 1)
                    } else {
                        prefixes.append((option.text, parser.span(option)))
                    }
                    if parser.match(.comma) == nil { break }
                }
                try parser.expect(.rightBracket, "']'", opening: open)
            }
        }
        return .unit(UnitDeclaration(names: names, dimension: dimension, definition: definition, prefixes: prefixes,
                                     offset: offset, span: span(from: span(keyword))))
    }
}
