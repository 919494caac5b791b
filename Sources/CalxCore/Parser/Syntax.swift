// The syntax tree: what the parser builds and the resolver consumes.
// Nothing here is evaluated directly; see Resolver/ for the executable tree.

public enum UnaryOperator: String, Sendable { case negate = "-", not = "not" }

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

public struct CallArgument {
    public var label: String?
    public var labelSpan: Span?
    public var value: Expr
}

public struct Parameter {
    public var name: String
    public var span: Span
    public var defaultValue: Expr?
    /// `...name`: collects the remaining positional arguments into a vector.
    public var isRest = false
}

public enum FunctionBody {
    case expression(Expr)
    case block(Block)
    /// `fn exp(x)` with no body: the function is provided natively and only declared here.
    case native
}

public final class FunctionSyntax {
    public let name: String?
    public let nameSpan: Span
    public let parameters: [Parameter]
    public let body: FunctionBody
    public let doc: String?
    public let span: Span

    init(name: String?, nameSpan: Span, parameters: [Parameter], body: FunctionBody, doc: String?, span: Span) {
        self.name = name
        self.nameSpan = nameSpan
        self.parameters = parameters
        self.body = body
        self.doc = doc
        self.span = span
    }
}

public struct Block {
    public var statements: [Stmt]
    public var span: Span
}

public enum StringSegment {
    case text(String)
    case expression(Expr)
}

public indirect enum Expr {
    case number(Double, Span)
    case string([StringSegment], Span)
    case boolean(Bool, Span)
    case `nil`(Span)
    case name(String, Span)
    case vector([Expr], Span)
    case record([(name: String, span: Span, value: Expr)], Span)
    case unary(UnaryOperator, Expr, Span)
    case binary(BinaryOperator, Expr, Expr, operatorSpan: Span)
    case and(Expr, Expr, Span)
    case or(Expr, Expr, Span)
    case range(Expr, Expr, inclusive: Bool, Span)
    case call(Expr, [CallArgument], Span)
    case index(Expr, Expr, Span)
    case member(Expr, String, Span)
    case function(FunctionSyntax)
    case `if`(Expr, Block, elseBranch: Expr?, Span)
    case block(Block)

    public var span: Span {
        switch self {
        case .number(_, let s), .string(_, let s), .boolean(_, let s), .nil(let s), .name(_, let s),
             .vector(_, let s), .record(_, let s), .unary(_, _, let s), .and(_, _, let s), .or(_, _, let s),
             .range(_, _, _, let s), .call(_, _, let s), .index(_, _, let s), .member(_, _, let s), .if(_, _, _, let s):
            return s
        case .binary(_, let left, let right, _): return left.span.to(right.span)
        case .function(let function): return function.span
        case .block(let block): return block.span
        }
    }
}

public enum Stmt {
    case expression(Expr)
    case assign(name: String, nameSpan: Span, value: Expr)
    case function(FunctionSyntax)
    case `for`(variable: String, variableSpan: Span, sequence: Expr, body: Block, Span)
    case `while`(Expr, Block, Span)
    case `break`(Span)
    case `continue`(Span)
    case `return`(Expr?, Span)
    case use(module: String, Span)
}

/// A parsed program: its statements and every syntax error found on the way.
public struct ParsedProgram {
    public var statements: [Stmt]
    public var errors: [Diagnostic]
}
