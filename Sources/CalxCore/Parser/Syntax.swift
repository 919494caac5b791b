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

/// A unit as written: `kWh`, `TB/s`, `m/s^2`, `1e6 tok`.
public indirect enum UnitExpr {
    case name(String, Span)
    case number(Double, Span)
    case product(UnitExpr, UnitExpr)
    case quotient(UnitExpr, UnitExpr)
    case power(UnitExpr, Int, Span)

    public var span: Span {
        switch self {
        case .name(_, let s), .number(_, let s): return s
        case .product(let a, let b), .quotient(let a, let b): return a.span.to(b.span)
        case .power(let base, _, let s): return base.span.to(s)
        }
    }
}

/// What `->` converts to: a unit, or the readable prefix `best` picks.
public enum ConversionTarget {
    case unit(UnitExpr)
    case best(Span)
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
    /// A number or vector literal with a unit after it: `3 h`, `[1, 2] kWh`.
    case quantity(Expr, UnitExpr, Span)
    case convert(Expr, ConversionTarget, Span)

    public var span: Span {
        switch self {
        case .number(_, let s), .string(_, let s), .boolean(_, let s), .nil(let s), .name(_, let s),
             .vector(_, let s), .record(_, let s), .unary(_, _, let s), .and(_, _, let s), .or(_, _, let s),
             .range(_, _, _, let s), .call(_, _, let s), .index(_, _, let s), .member(_, _, let s), .if(_, _, _, let s),
             .quantity(_, _, let s), .convert(_, _, let s):
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
    /// `dimension Token` (a new base dimension) or `dimension Energy = Mass * Length^2 / Time^2`.
    case dimension(name: String, nameSpan: Span, definition: UnitExpr?)
    /// `unit h, hour, hours = 3600 s`, `unit m: Length [si]`, `unit degC = K [offset: 273.15]`.
    case unit(UnitDeclaration)
}

public struct UnitDeclaration {
    public var names: [(name: String, span: Span)]
    /// The dimension a base unit measures (`unit m: Length`), or nil for a defined unit.
    public var dimension: (name: String, span: Span)?
    public var definition: UnitExpr?
    public var prefixes: [(name: String, span: Span)]
    public var offset: Double
    public var span: Span
}

/// A parsed program: its statements and every syntax error found on the way.
public struct ParsedProgram {
    public var statements: [Stmt]
    public var errors: [Diagnostic]
}
