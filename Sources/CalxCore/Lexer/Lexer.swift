// The scanner: UTF-8 bytes in, tokens out. Lexical errors are collected and
// scanning goes on, so one run reports every mistake it can.

public struct LexResult {
    public var tokens: [Token]
    public var errors: [Diagnostic]
    /// Text of `## ...` lines by 0-based line index: the help text of the `fn` below them.
    public var docComments: [Int: String]
}

public struct Lexer {
    let bytes: [UInt8]
    let source: Int32
    var position: Int
    let end: Int
    var tokens: [Token] = []
    var errors: [Diagnostic] = []
    var docComments: [Int: String] = [:]
    var line = 0

    /// Scans `bytes[start..<end]`; interpolations lex their slice of the same source.
    public init(bytes: [UInt8], source: Int32, start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.source = source
        self.position = start
        self.end = end ?? bytes.count
        for byte in bytes[0..<start] where byte == UInt8(ascii: "\n") { line += 1 }
    }

    public static func scan(_ text: String, source: Int32) -> LexResult {
        var lexer = Lexer(bytes: Array(text.utf8), source: source)
        return lexer.scanAll()
    }

    public mutating func scanAll() -> LexResult {
        while true {
            skipSpaceAndComments()
            if position >= end {
                tokens.append(Token(kind: .endOfInput, start: end, end: end))
                return LexResult(tokens: tokens, errors: errors, docComments: docComments)
            }
            scanToken()
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        position + ahead < end ? bytes[position + ahead] : 0
    }

    private func span(_ start: Int, _ stop: Int) -> Span { Span(source: source, start: start, end: stop) }

    private mutating func skipSpaceAndComments() {
        while position < end {
            switch peek() {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\\") where peek(1) == UInt8(ascii: "\n") || (peek(1) == UInt8(ascii: "\r") && peek(2) == UInt8(ascii: "\n")):
                position += peek(1) == UInt8(ascii: "\r") ? 3 : 2  // an explicit line continuation
                line += 1
            case UInt8(ascii: "#"):
                let start = position
                while position < end, peek() != UInt8(ascii: "\n") { position += 1 }
                // Only a `##` line is help text: one after code on its line is an ordinary comment.
                let startsLine = tokens.last.map { $0.kind == .newline } ?? true
                if startsLine, bytes[start..<min(start + 2, end)].elementsEqual("##".utf8) {
                    var text = String(decoding: bytes[(start + 2)..<position], as: UTF8.self)
                    if text.hasPrefix(" ") { text.removeFirst() }
                    docComments[line] = text
                }
            default:
                return
            }
        }
    }

    private mutating func add(_ kind: Token.Kind, _ start: Int) {
        tokens.append(Token(kind: kind, start: start, end: position))
    }

    private mutating func scanToken() {
        let start = position
        let byte = peek()
        position += 1
        func next(_ expected: Character) -> Bool {
            if peek() == UInt8(ascii: expected.unicodeScalars.first!) { position += 1; return true }
            return false
        }
        switch byte {
        case UInt8(ascii: "\n"):
            add(.newline, start)
            line += 1
        case UInt8(ascii: "("): add(.leftParen, start)
        case UInt8(ascii: ")"): add(.rightParen, start)
        case UInt8(ascii: "["): add(.leftBracket, start)
        case UInt8(ascii: "]"): add(.rightBracket, start)
        case UInt8(ascii: "{"): add(.leftBrace, start)
        case UInt8(ascii: "}"): add(.rightBrace, start)
        case UInt8(ascii: ","): add(.comma, start)
        case UInt8(ascii: ":"): add(.colon, start)
        case UInt8(ascii: ";"): add(.semicolon, start)
        case UInt8(ascii: "+"): add(.plus, start)
        case UInt8(ascii: "-"): add(next(">") ? .convert : .minus, start)
        case UInt8(ascii: "*"): add(.star, start)
        case UInt8(ascii: "/"): add(.slash, start)
        case UInt8(ascii: "%"): add(.percent, start)
        case UInt8(ascii: "^"): add(.caret, start)
        case UInt8(ascii: "="):
            add(next("=") ? .equal : next(">") ? .arrow : .assign, start)
        case UInt8(ascii: "!"):
            if next("=") { add(.notEqual, start) } else { unexpected(start, "'!' is not an operator", note: "use 'not' for negation") }
        case UInt8(ascii: "<"): add(next("=") ? .lessEqual : .less, start)
        case UInt8(ascii: ">"): add(next("=") ? .greaterEqual : .greater, start)
        case UInt8(ascii: "|"):
            if next(">") {
                add(.pipe, start)
            } else if next("|") {
                unexpected(start, "'||' is not an operator", note: "use 'or' for logical or")
            } else {
                unexpected(start, "'|' is not an operator", note: "the pipeline operator is '|>'; use 'or' for logical or")
            }
        case UInt8(ascii: "&"):
            unexpected(start, next("&") ? "'&&' is not an operator" : "'&' is not an operator", note: "use 'and' for logical and")
        case UInt8(ascii: "."):
            if next(".") { add(next("<") ? .rangeExclusive : next(".") ? .ellipsis : .range, start) } else { add(.dot, start) }
        case UInt8(ascii: "\""):
            scanString(start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            scanNumber(start)
        default:
            if isIdentifierStart(byte), byte < 0x80 || nameCharacterLength(at: start) != nil {
                position = start
                while position < end {
                    if peek() < 0x80, isIdentifierPart(peek()) {
                        position += 1
                    } else if let length = nameCharacterLength(at: position) {
                        position += length
                    } else {
                        break
                    }
                }
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                var token = Token(kind: Token.keywords[text] ?? .identifier, start: start, end: position)
                token.text = text
                tokens.append(token)
            } else if byte == 0xC2, peek() == 0xB7 {
                position += 1  // '·', the middle dot of unit products like W·h
                add(.star, start)
            } else {
                // Skip the whole UTF-8 sequence so the message names one character.
                while position < end, bytes[position] & 0xC0 == 0x80 { position += 1 }
                let character = String(decoding: bytes[start..<position], as: UTF8.self)
                let ascii: [String: String] = ["“": "\"", "”": "\"", "×": "*", "÷": "/", "−": "-", "≤": "<=", "≥": ">=", "≠": "!="]
                unexpected(start, "unexpected character '\(character)'", note: ascii[character].map { "write '\($0)' instead" })
            }
        }
    }

    private mutating func unexpected(_ start: Int, _ message: String, note: String? = nil) {
        errors.append(Diagnostic(.syntax, message, at: span(start, position), notes: note.map { ["help: \($0)"] } ?? []))
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte >= 0xC0  // letters beyond ASCII (µ, °, Greek)
    }

    private func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= 0x80 && byte < 0xC0)
    }

    /// The length of the non-ASCII character at `offset` if it may stand in a name: letters
    /// and symbols (µ, °, σ²), but not spaces, punctuation or operators (NBSP, “, ×, →).
    private func nameCharacterLength(at offset: Int) -> Int? {
        guard offset < end, bytes[offset] >= 0xC0 else { return nil }
        var length = 1
        while offset + length < end, bytes[offset + length] & 0xC0 == 0x80 { length += 1 }
        guard let scalar = String(decoding: bytes[offset..<offset + length], as: UTF8.self).unicodeScalars.first else { return nil }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .mathSymbol,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return nil
        default:
            return length
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func scanNumber(_ start: Int) {
        func digits() { while position < end, isDigit(peek()) || (peek() == UInt8(ascii: "_") && isDigit(peek(1))) { position += 1 } }
        digits()
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            position += 1
            digits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
            if isDigit(peek(1 + sign)) {
                position += 1 + sign
                digits()
            }
        }
        let text = String(decoding: bytes[start..<position].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        var token = Token(kind: .number, start: start, end: position)
        token.number = Double(text) ?? .nan
        tokens.append(token)
    }

    private mutating func scanString(_ start: Int) {
        var parts: [Token.StringPart] = []
        var text: [UInt8] = []
        while true {
            guard position < end, peek() != UInt8(ascii: "\n") else {
                errors.append(Diagnostic(.syntax, "unterminated string", at: span(start, start + 1), label: "this string is never closed", atEndOfInput: position >= end))
                break
            }
            let byte = peek()
            position += 1
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                let escape = peek()
                position += 1
                switch escape {
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "0"): text.append(0)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): text.append(escape)
                default:
                    position = min(position, end)
                    errors.append(Diagnostic(.syntax, "unknown escape sequence", at: span(position - 2, position), label: "not one of \\n \\t \\r \\0 \\\" \\\\ \\{ \\}"))
                }
            } else if byte == UInt8(ascii: "{") {
                if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
                let inner = position
                guard skipInterpolation() else {
                    errors.append(Diagnostic(.syntax, "unterminated interpolation in string", at: span(inner - 1, inner), label: "this '{' is never closed", atEndOfInput: position >= end))
                    break
                }
                parts.append(.interpolation(start: inner, end: position - 1))
            } else {
                text.append(byte)
            }
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
        var token = Token(kind: .string, start: start, end: position)
        token.parts = parts
        tokens.append(token)
    }

    /// Moves past the `}` that closes an interpolation, skipping nested braces and strings.
    private mutating func skipInterpolation() -> Bool {
        var depth = 1
        while position < end, peek() != UInt8(ascii: "\n") {
            let byte = peek()
            position += 1
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") { depth -= 1; if depth == 0 { return true } }
            if byte == UInt8(ascii: "\"") {
                while position < end, peek() != UInt8(ascii: "\""), peek() != UInt8(ascii: "\n") {
                    position += peek() == UInt8(ascii: "\\") ? 2 : 1
                }
                position = min(position + 1, end)
            }
        }
        return false
    }
}
