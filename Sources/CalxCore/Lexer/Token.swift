// The tokens the lexer produces.

public struct Token: Sendable {
    public enum Kind: Equatable, Sendable {
        case number, string, identifier
        case fn, `if`, `else`, `for`, `in`, `while`, `break`, `continue`, `return`, `use`
        case `true`, `false`, `nil`, and, or, not
        case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case comma, dot, colon, semicolon, newline
        case assign, arrow, pipe, range, rangeExclusive, ellipsis, convert
        case plus, minus, star, slash, percent, caret
        case equal, notEqual, less, lessEqual, greater, greaterEqual
        case endOfInput
    }

    /// One piece of a string literal: text, or an embedded `{expression}` (its byte range).
    public enum StringPart: Sendable {
        case text(String)
        case interpolation(start: Int, end: Int)
    }

    public var kind: Kind
    public var start: Int
    public var end: Int
    /// The value of a number token.
    public var number: Double = 0
    /// The name of an identifier token.
    public var text: String = ""
    /// The pieces of a string token.
    public var parts: [StringPart] = []

    static let keywords: [String: Kind] = [
        "fn": .fn, "if": .if, "else": .else, "for": .for, "in": .in, "while": .while,
        "break": .break, "continue": .continue, "return": .return, "use": .use,
        "true": .true, "false": .false, "nil": .nil, "and": .and, "or": .or, "not": .not,
    ]

    /// How the token is named in error messages.
    public var description: String {
        switch kind {
        case .number: return "number"
        case .string: return "string"
        case .identifier: return "name '\(text)'"
        case .newline: return "end of line"
        case .endOfInput: return "end of input"
        default: return "'\(Token.symbol(kind))'"
        }
    }

    static func symbol(_ kind: Kind) -> String {
        switch kind {
        case .leftParen: return "("
        case .rightParen: return ")"
        case .leftBracket: return "["
        case .rightBracket: return "]"
        case .leftBrace: return "{"
        case .rightBrace: return "}"
        case .comma: return ","
        case .dot: return "."
        case .colon: return ":"
        case .semicolon: return ";"
        case .assign: return "="
        case .arrow: return "=>"
        case .pipe: return "|>"
        case .range: return ".."
        case .rangeExclusive: return "..<"
        case .ellipsis: return "..."
        case .convert: return "->"
        case .plus: return "+"
        case .minus: return "-"
        case .star: return "*"
        case .slash: return "/"
        case .percent: return "%"
        case .caret: return "^"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .newline: return "newline"
        default:
            return keywords.first { $0.value == kind }?.key ?? "\(kind)"
        }
    }
}
