// The parser: tokens in, syntax tree out. Recursive descent, one method per
// grammar rule (statements here, expressions in Parser+Expressions.swift).
// It recovers at the end of a statement so that one run reports every error.

struct ParseFailure: Error {}

public struct Parser {
    /// Brackets nested deeper than this are an error rather than a stack overflow.
    static let maximumNesting = 512

    let source: SourceFile
    let sourceID: Int32
    var tokens: [Token]
    var current = 0
    var errors: [Diagnostic]
    let docComments: [Int: String]
    /// True where newlines end statements (blocks, top level); false inside ( [ and records.
    var newlineSensitive: [Bool] = [true]
    var nesting = 0
    /// Where the lexer found errors, so the parser does not report their consequences too.
    var lexicalErrors: Set<Span> = []
    /// Blocks open around the current token: a '}' only ends a statement inside one.
    var blockDepth = 0

    public static func parse(_ text: String, source: Int32, registry: SourceRegistry) -> ParsedProgram {
        let lexed = Lexer.scan(text, source: source)
        guard let file = registry.file(source) else { return ParsedProgram(statements: [], errors: lexed.errors) }
        var parser = Parser(source: file, sourceID: source, tokens: lexed.tokens, errors: lexed.errors, docComments: lexed.docComments)
        parser.lexicalErrors = Set(lexed.errors.map(\.primary.span))
        let statements = parser.program()
        return ParsedProgram(statements: statements, errors: parser.errors)
    }

    // MARK: Token access

    /// Index of the next significant token, skipping newlines where they do not count.
    func significant(_ index: Int) -> Int {
        var i = index
        if !(newlineSensitive.last ?? true) {
            while i < tokens.count - 1, tokens[i].kind == .newline { i += 1 }
        }
        return i
    }

    var peek: Token { tokens[significant(current)] }

    func peekAfter(_ offset: Int) -> Token {
        var i = significant(current)
        for _ in 0..<offset { i = significant(min(i + 1, tokens.count - 1)) }
        return tokens[i]
    }

    func check(_ kind: Token.Kind) -> Bool { peek.kind == kind }

    @discardableResult
    mutating func advance() -> Token {
        current = significant(current)
        let token = tokens[current]
        if current < tokens.count - 1 { current += 1 }
        return token
    }

    mutating func match(_ kinds: Token.Kind...) -> Token? {
        kinds.contains(peek.kind) ? advance() : nil
    }

    var previous: Token { tokens[max(0, current - 1)] }

    func span(_ token: Token) -> Span { Span(source: sourceID, start: token.start, end: token.end) }

    func span(from start: Span) -> Span { start.to(span(previous)) }

    mutating func skipNewlines() {
        while tokens[current].kind == .newline || tokens[current].kind == .semicolon { current += 1 }
    }

    @discardableResult
    mutating func expect(_ kind: Token.Kind, _ what: String, opening: Token? = nil) throws -> Token {
        if check(kind) { return advance() }
        throw error(expected: what, opening: opening)
    }

    /// Records "expected X, found Y" at the next token and returns the error to throw.
    mutating func error(expected what: String, opening: Token? = nil) -> ParseFailure {
        let found = peek
        var secondary: [Diagnostic.Label] = []
        var notes: [String] = []
        if let opening {
            secondary.append(.init(span: span(opening), text: "to close this '\(Token.symbol(opening.kind))'"))
            let line = source.location(of: opening.start).line
            notes.append("note: '\(Token.symbol(opening.kind))' opened at line \(line) is not closed")
        }
        let message = found.kind == .endOfInput ? "unexpected end of input, expected \(what)" : "expected \(what), found \(found.description)"
        errors.append(Diagnostic(.syntax, message, at: place(found), label: "expected \(what)", secondary: secondary, notes: notes, atEndOfInput: found.kind == .endOfInput))
        return ParseFailure()
    }

    /// Where to point at the next token: a line or the input ends right after its last
    /// token, not after a trailing comment or on an empty line past the end.
    func place(_ found: Token) -> Span {
        guard found.kind == .newline || found.kind == .endOfInput else { return span(found) }
        var i = significant(current) - 1
        while i >= 0, tokens[i].kind == .newline { i -= 1 }
        return i >= 0 ? Span(source: sourceID, start: tokens[i].end, end: tokens[i].end) : span(found)
    }

    mutating func report(_ message: String, at span: Span, label: String = "", notes: [String] = []) -> ParseFailure {
        errors.append(Diagnostic(.syntax, message, at: span, label: label, notes: notes))
        return ParseFailure()
    }

    /// Runs a rule with newlines significant or not, restoring the previous setting.
    mutating func with<T>(newlines sensitive: Bool, _ rule: (inout Parser) throws -> T) rethrows -> T {
        newlineSensitive.append(sensitive)
        defer { newlineSensitive.removeLast() }
        return try rule(&self)
    }

    mutating func enterNesting(_ at: Token) throws {
        nesting += 1
        if nesting > Parser.maximumNesting {
            nesting -= 1  // no `defer` balances a level that was refused
            // Each bracket or block counts as one or two levels of the parser's own, so the
            // message gives no number that a user would count differently.
            throw report("expression nested too deeply", at: span(at), label: "nested more deeply than Calx allows",
                         notes: ["help: split it up, binding the inner parts to names"])
        }
    }

    // MARK: Statements

    mutating func program() -> [Stmt] {
        var statements: [Stmt] = []
        skipNewlines()
        while peek.kind != .endOfInput {
            let start = current
            if let statement = statementOrRecover() { statements.append(statement) }
            // Only a stray '}' stops a statement from moving on; step over it (it was reported).
            if current == start { advance() }
            skipNewlines()
        }
        return statements
    }

    /// A statement followed by its separator; on error, skip to the next statement.
    mutating func statementOrRecover() -> Stmt? {
        let errorCount = errors.count
        let start = peek.start
        do {
            let statement = try statement()
            if !(check(.newline) || check(.semicolon) || check(.rightBrace) || check(.endOfInput)) {
                throw error(expected: "end of line after statement")
            }
            return statement
        } catch {
            if errors.count == errorCount { _ = self.error(expected: "statement") }
            // A statement holding a lexical error ('&&', an unclosed string) reports only that:
            // what the parser trips over next is a consequence, not a second mistake.
            let stop = peek.end
            if lexicalErrors.contains(where: { Int($0.start) >= start && Int($0.start) <= stop }) {
                errors = Array(errors[..<errorCount]) + errors[errorCount...].filter { lexicalErrors.contains($0.primary.span) }
            }
            synchronize()
            return nil
        }
    }

    /// Skips to the end of the current line at this bracket depth.
    mutating func synchronize() {
        var depth = 0
        while tokens[current].kind != .endOfInput {
            switch tokens[current].kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket: depth = max(0, depth - 1)
            case .rightBrace:
                if depth == 0, blockDepth > 0 { return }
                depth = max(0, depth - 1)
            case .newline, .semicolon:
                if depth == 0 { return }
            default: break
            }
            current += 1
        }
    }

    mutating func statement() throws -> Stmt {
        let token = peek
        switch token.kind {
        case .fn where peekAfter(1).kind == .identifier:
            advance()
            return .function(try functionRest(keyword: token, named: true))
        case .for:
            advance()
            let variable = try expect(.identifier, "a loop variable name")
            try expect(.in, "'in'")
            let sequence = try expression()
            let body = try block()
            return .for(variable: variable.text, variableSpan: span(variable), sequence: sequence, body: body, span(from: span(token)))
        case .while:
            advance()
            let condition = try expression()
            let body = try block()
            return .while(condition, body, span(from: span(token)))
        case .break:
            advance()
            return .break(span(token))
        case .continue:
            advance()
            return .continue(span(token))
        case .return:
            advance()
            if check(.newline) || check(.semicolon) || check(.rightBrace) || check(.endOfInput) { return .return(nil, span(token)) }
            let value = try expression()
            return .return(value, span(from: span(token)))
        case .use:
            advance()
            var name = try expect(.identifier, "a module name").text
            while match(.slash) != nil { name += "/" + (try expect(.identifier, "a module name").text) }
            return .use(module: name, span(from: span(token)))
        case .identifier where isDeclaration("dimension"):
            return try dimensionDeclaration()
        case .identifier where isDeclaration("unit"):
            return try unitDeclaration()
        default:
            let value = try expression()
            if let equals = match(.assign) {
                guard case .name(let name, let nameSpan) = value else {
                    throw report("cannot assign to this expression", at: value.span, label: "only a name can be assigned to",
                                 notes: ["help: values in Calx are not changed in place; bind a new value to a name instead"])
                }
                _ = equals
                return .assign(name: name, nameSpan: nameSpan, value: try expression())
            }
            return .expression(value)
        }
    }

    /// `{ statements }` with newlines significant inside.
    mutating func block() throws -> Block {
        if check(.leftBrace) { try enterNesting(peek) }  // before taking the '{', so recovery skips the block
        let open = try expect(.leftBrace, "'{' to start a block")
        blockDepth += 1
        defer { blockDepth -= 1; nesting -= 1 }
        return try with(newlines: true) { parser in
            var statements: [Stmt] = []
            parser.skipNewlines()
            while !parser.check(.rightBrace) {
                if parser.check(.endOfInput) { throw parser.error(expected: "'}'", opening: open) }
                if let statement = parser.statementOrRecover() { statements.append(statement) }
                parser.skipNewlines()
            }
            let close = parser.advance()
            return Block(statements: statements, span: parser.span(open).to(parser.span(close)))
        }
    }

    /// After `fn`: `name(params) = expr`, `name(params) { block }` or `name(params)` (native).
    mutating func functionRest(keyword: Token, named: Bool) throws -> FunctionSyntax {
        var nameToken: Token?
        if named { nameToken = advance() }
        if !named, check(.identifier) {
            // `f = fn g(x) = ...`: a function written inside an expression has no name of its own.
            throw report("a function in an expression has no name", at: span(peek), label: "remove this name",
                         notes: ["help: write 'fn \(peek.text)(...) = ...' as a statement, or '\(peek.text) = fn(...) = ...'"])
        }
        let open = try expect(.leftParen, named ? "'(' after the function name" : "'(' after 'fn'")
        let parameters = try with(newlines: false) { parser in try parser.parameterList(open: open) }
        let body: FunctionBody
        if match(.assign) != nil {
            body = .expression(try expression())
        } else if check(.leftBrace) {
            body = .block(try block())
        } else if named {
            body = .native
        } else {
            throw error(expected: "'=' or '{' to start the function body")
        }
        let line = source.location(of: keyword.start).line - source.firstLine
        var docLines: [String] = []
        var docLine = line - 1
        while let text = docComments[docLine] { docLines.insert(text, at: 0); docLine -= 1 }
        return FunctionSyntax(
            name: nameToken?.text, nameSpan: nameToken.map(span) ?? span(keyword), parameters: parameters, body: body,
            doc: docLines.isEmpty ? nil : docLines.joined(separator: "\n"), span: span(from: span(keyword)))
    }

    /// `a, b = 1)`: names with optional defaults, up to and including the `)`.
    mutating func parameterList(open: Token) throws -> [Parameter] {
        var parameters: [Parameter] = []
        while !check(.rightParen) {
            if let ellipsis = match(.ellipsis) {
                let name = try expect(.identifier, "a parameter name after '...'")
                parameters.append(Parameter(name: name.text, span: span(ellipsis).to(span(name)), defaultValue: nil, isRest: true))
                guard check(.rightParen) else { throw report("'...\(name.text)' must be the last parameter", at: span(name), label: "rest parameter") }
                break
            }
            let name = try expect(.identifier, "a parameter name")
            if parameters.contains(where: { $0.name == name.text }) {
                _ = report("duplicate parameter '\(name.text)'", at: span(name), label: "already a parameter")
            }
            var defaultValue: Expr?
            if match(.assign) != nil { defaultValue = try expression() }
            parameters.append(Parameter(name: name.text, span: span(name), defaultValue: defaultValue))
            if match(.comma) == nil { break }
        }
        try expect(.rightParen, "')'", opening: open)
        return parameters
    }
}
