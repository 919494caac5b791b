// The parser: the shape of the tree (written as S-expressions), where newlines
// count, and how errors are reported and recovered from.

@testable import CalxCore
import CalxTestSupport
import XCTest

final class ParserTests: XCTestCase {
    private func parse(_ text: String) -> (program: ParsedProgram, registry: SourceRegistry) {
        let registry = SourceRegistry()
        let id = registry.add(origin: "<test>", text: text)
        return (Parser.parse(text, source: id, registry: registry), registry)
    }

    /// The program as S-expressions, one statement per line; fails the test on syntax errors.
    private func tree(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let program = parse(text).program
        XCTAssertEqual(program.errors.map(\.message), [], "unexpected syntax errors", file: file, line: line)
        return program.statements.map(SExpression.statement).joined(separator: "\n")
    }

    private func errors(_ text: String) -> [Diagnostic] { parse(text).program.errors }

    // MARK: Precedence

    func testArithmeticPrecedence() {
        XCTAssertEqual(tree("1 + 2 * 3"), "(+ 1 (* 2 3))")
        XCTAssertEqual(tree("1 - 2 - 3"), "(- (- 1 2) 3)")
        XCTAssertEqual(tree("8 / 4 % 3"), "(% (/ 8 4) 3)")
        XCTAssertEqual(tree("(1 + 2) * 3"), "(* (+ 1 2) 3)")
    }

    func testUnaryMinusBindsLooserThanPower() {
        XCTAssertEqual(tree("-2^2"), "(neg (^ 2 2))")
        XCTAssertEqual(tree("-x * y"), "(* (neg x) y)")
        XCTAssertEqual(tree("--x"), "(neg (neg x))")
    }

    func testPowerIsRightAssociative() {
        XCTAssertEqual(tree("2^3^2"), "(^ 2 (^ 3 2))")
        XCTAssertEqual(tree("2^-1"), "(^ 2 (neg 1))")
        XCTAssertEqual(tree("a^b.c"), "(^ a (. b c))")
    }

    func testLogicalOperators() {
        XCTAssertEqual(tree("a or b and not c"), "(or a (and b (not c)))")
        XCTAssertEqual(tree("not a == b"), "(not (== a b))")
        XCTAssertEqual(tree("a < b and b < c"), "(and (< a b) (< b c))")
    }

    func testRangeBindsLooserThanArithmetic() {
        XCTAssertEqual(tree("1..n + 1"), "(..= 1 (+ n 1))")
        XCTAssertEqual(tree("0..<len(v)"), "(..< 0 (call len v))")
        XCTAssertEqual(tree("1..3 == v"), "(== (..= 1 3) v)")
    }

    func testComparisonsAreNotChainable() {
        let marked = MarkedSource("1 < 2 1️⃣< 3")
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["comparisons cannot be chained"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
        XCTAssertEqual(found.firstOrMissing.notes, ["help: write 'a < b and b < c' instead of 'a < b < c'"])
        XCTAssertEqual(errors("a == b != c").map(\.message), ["comparisons cannot be chained"])
    }

    // MARK: Pipelines, calls, lambdas

    func testPipelinePutsTheLeftSideFirst() {
        XCTAssertEqual(tree("v |> f"), "(call f v)")
        XCTAssertEqual(tree("v |> f(a, b: 2)"), "(call f v a b:2)")
        XCTAssertEqual(tree("v |> map(x => x * 2) |> sum"), "(call sum (call map v (fn (x) (* x 2))))")
    }

    func testPipelineMayContinueOnTheNextLine() {
        XCTAssertEqual(tree("v\n  |> sort\n  |> reverse"), "(call reverse (call sort v))")
    }

    func testPipelineBindsLooserThanOr() {
        XCTAssertEqual(tree("a or b |> f"), "(call f (or a b))")
    }

    func testLambdas() {
        XCTAssertEqual(tree("f = x => x + 1"), "(= f (fn (x) (+ x 1)))")
        XCTAssertEqual(tree("(a, b) => a * b"), "(fn (a b) (* a b))")
        XCTAssertEqual(tree("() => 1"), "(fn () 1)")
        XCTAssertEqual(tree("(a, b = 2) => a"), "(fn (a b=2) a)")
        XCTAssertEqual(tree("x => y => x + y"), "(fn (x) (fn (y) (+ x y)))")
    }

    func testParenthesisedExpressionIsNotALambda() {
        XCTAssertEqual(tree("(a) + (b)"), "(+ a b)")
        XCTAssertEqual(tree("(a)\nb => 1"), "a\n(fn (b) 1)")
    }

    func testNamedArguments() {
        XCTAssertEqual(tree("area(2, h: 3)"), "(call area 2 h:3)")
        XCTAssertEqual(tree("table(x: [1, 2], y: [3, 4])"), "(call table x:[1 2] y:[3 4])")
    }

    func testPositionalAfterNamedIsAnError() {
        let marked = MarkedSource("f(a: 1, 1️⃣2)")
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["positional argument after a named one"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
    }

    func testArgumentGivenTwice() {
        let marked = MarkedSource("f(a: 1, 1️⃣a: 2)")
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["argument 'a' given twice"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
    }

    func testPostfixChains() {
        XCTAssertEqual(tree("t.cost[0](1).x"), "(. (call ([] (. t cost) 0) 1) x)")
    }

    func testCallMustStartOnTheSameLine() {
        XCTAssertEqual(tree("f\n(x)"), "f\nx")
        XCTAssertEqual(tree("v\n[0]"), "v\n[0]")
    }

    // MARK: Records, blocks, vectors

    func testRecordVersusBlock() {
        XCTAssertEqual(tree("r = {a: 1, b: \"x\"}"), "(= r {a:1 b:\"x\"})")
        XCTAssertEqual(tree("{}"), "{}")
        XCTAssertEqual(tree("if c { {a: 1} }"), "(if c {{a:1}})")
        XCTAssertEqual(tree("if c { a }"), "(if c {a})")
        XCTAssertEqual(errors("if c { a: 1 }").map(\.message), ["expected end of line after statement, found ':'"],
                       "the braces of a block do not make a record")
    }

    func testBlockWhereAnExpressionBelongsIsOneClearError() {
        for (text, found) in [("f = x => { y = x; y }", "name 'y'"), ("f = () => { 1 }", "number"), ("v = { return 1 }", "'return'")] {
            let marked = MarkedSource(text.replacingOccurrences(of: "{ ", with: "{ 1️⃣"))
            let found0 = parse(marked.text).program.errors
            XCTAssertEqual(found0.map(\.message), ["expected a record after '{', found \(found)"], text)
            XCTAssertNil(marked.checkStart(of: found0.firstOrMissing.primary.span), text)
            XCTAssertEqual(found0.firstOrMissing.notes,
                           ["help: in an expression '{' starts a record; a function whose body has statements is written 'fn(x) { ... }'"])
        }
        XCTAssertEqual(tree("f = fn(x) { y = x; y }"), "(= f (fn (x) {(= y x) y}))")
    }

    func testRecordFieldGivenTwice() {
        XCTAssertEqual(errors("{a: 1, a: 2}").map(\.message), ["field 'a' given twice"])
    }

    func testVectorsAndTrailingCommas() {
        XCTAssertEqual(tree("[1, 2, 3]"), "[1 2 3]")
        XCTAssertEqual(tree("[1, 2,]"), "[1 2]")
        XCTAssertEqual(tree("[]"), "[]")
        XCTAssertEqual(tree("f(1, 2,)"), "(call f 1 2)")
    }

    func testNewlinesAreIgnoredInsideBrackets() {
        XCTAssertEqual(tree("x = [\n  1,\n  2\n]"), "(= x [1 2])")
        XCTAssertEqual(tree("f(\n  a,\n  b: 2\n)"), "(call f a b:2)")
        XCTAssertEqual(tree("y = (1\n + 2)"), "(= y (+ 1 2))")
        XCTAssertEqual(tree("r = {\n  a: 1,\n  b: 2\n}"), "(= r {a:1 b:2})")
    }

    func testNewlineEndsAStatementOutsideBrackets() {
        XCTAssertEqual(tree("a = 1\nb = 2"), "(= a 1)\n(= b 2)")
        XCTAssertEqual(tree("a = 1; b = 2"), "(= a 1)\n(= b 2)")
    }

    func testDanglingOperatorAtEndOfLineIsAnError() {
        XCTAssertEqual(errors("x = 1 +\n2").map(\.message), ["expected an expression, found end of line"])
    }

    // MARK: Statements

    func testIfElseChains() {
        XCTAssertEqual(tree("if a { 1 } else if b { 2 } else { 3 }"), "(if a {1} (if b {2} {3}))")
    }

    func testElseOnTheNextLine() {
        XCTAssertEqual(tree("if a {\n  1\n}\nelse {\n  2\n}"), "(if a {1} {2})")
        XCTAssertEqual(tree("if a { 1 }\n\nelse if b { 2 }"), "(if a {1} (if b {2}))")
    }

    func testIfWithoutElseLeavesTheNextLineAlone() {
        XCTAssertEqual(tree("if a { 1 }\nb"), "(if a {1})\nb")
    }

    func testLoops() {
        XCTAssertEqual(tree("for i in 1..3 { s = s + i }"), "(for i (..= 1 3) {(= s (+ s i))})")
        XCTAssertEqual(tree("while x > 1 { x = x / 2; continue }"), "(while (> x 1) {(= x (/ x 2)) continue})")
        XCTAssertEqual(tree("for c in \"ab\" { break }"), "(for c \"ab\" {break})")
    }

    func testFunctions() {
        XCTAssertEqual(tree("fn area(w, h = 1) = w * h"), "(defn area (w h=1) (* w h))")
        XCTAssertEqual(tree("fn f(n) {\n  if n < 2 { return n }\n  f(n - 1)\n}"),
                       "(defn f (n) {(if (< n 2) {(return n)}) (call f (- n 1))})")
        XCTAssertEqual(tree("fn g(a, ...rest) { return }"), "(defn g (a ...rest) {(return)})")
        XCTAssertEqual(tree("fn exp(x)"), "(defn exp (x) native)")
        XCTAssertEqual(tree("sq = fn(x) = x * x"), "(= sq (fn (x) (* x x)))")
    }

    func testFunctionExpressionHasNoName() {
        let marked = MarkedSource("f = fn 1️⃣g(x) = x")
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["a function in an expression has no name"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
        XCTAssertEqual(found.firstOrMissing.notes, ["help: write 'fn g(...) = ...' as a statement, or 'g = fn(...) = ...'"])
        XCTAssertEqual(errors("h = fn = 1").map(\.message), ["expected '(' after 'fn', found '='"])
        XCTAssertEqual(errors("fn k = 1").map(\.message), ["expected '(' after the function name, found '='"])
    }

    func testUseWithAPath() {
        XCTAssertEqual(tree("use stats/summary"), "(use stats/summary)")
    }

    func testRestParameterMustBeLast() {
        XCTAssertEqual(errors("fn f(...a, b) = 1").map(\.message), ["'...a' must be the last parameter"])
        XCTAssertEqual(errors("fn f(a, a) = 1").map(\.message), ["duplicate parameter 'a'"])
    }

    func testOnlyNamesCanBeAssigned() {
        let marked = MarkedSource("1️⃣v[0] = 1")
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["cannot assign to this expression"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
    }

    func testDocCommentsAttachToTheFunctionBelow() throws {
        let program = parse("## Area of a rectangle.\n## @example area(2, 3)\nfn area(w, h) = w * h\n\n## Not attached.\n\nfn g() = 1").program
        XCTAssertEqual(program.errors.map(\.message), [])
        guard program.statements.count == 2, case .function(let area) = program.statements[0], case .function(let g) = program.statements[1] else {
            return XCTFail("expected two functions")
        }
        XCTAssertEqual(area.doc, "Area of a rectangle.\n@example area(2, 3)")
        XCTAssertNil(g.doc, "a blank line separates a doc comment from the function")
    }

    func testTrailingDocCommentAfterCodeIsNotHelp() {
        let program = parse("rate = 2  ## per hour\nfn cost(h) = h * rate").program
        guard case .function(let cost) = program.statements.last else { return XCTFail("expected a function") }
        XCTAssertNil(cost.doc)
    }

    func testDocCommentsInsideABlockAttachToo() {
        let program = parse("fn outer() {\n    ## Inner help.\n    fn inner() = 1\n    inner\n}").program
        guard case .function(let outer) = program.statements.first, case .block(let block) = outer.body,
              case .function(let inner) = block.statements.first else { return XCTFail("expected a nested function") }
        XCTAssertEqual(inner.doc, "Inner help.")
        XCTAssertNil(outer.doc)
    }

    // MARK: Errors and recovery

    func testExpectedTokenMessageAndSpan() {
        let marked = MarkedSource("x = (1 + 2\n1️⃣print(x)")
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["expected ')', found name 'print'"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
        XCTAssertEqual(found.firstOrMissing.secondary.map(\.text), ["to close this '('"])
        XCTAssertEqual(found.firstOrMissing.secondary.first?.span.start, 4)
        XCTAssertEqual(found.firstOrMissing.notes, ["note: '(' opened at line 1 is not closed"])
        XCTAssertFalse(found.firstOrMissing.atEndOfInput)
    }

    func testSeveralErrorsInOneParse() {
        let text = "a = 1 +\nb = 2\nc = ]\nd = 4\ne = {x: }"
        let found = errors(text)
        XCTAssertEqual(found.map(\.message), [
            "expected an expression, found end of line",
            "expected an expression, found ']'",
            "expected an expression, found '}'",
        ])
        let registry = parse(text).registry
        let lines = found.map { registry.file(0)!.location(of: Int($0.primary.span.start)).line }
        XCTAssertEqual(lines, [1, 3, 5])
    }

    func testRecoveryKeepsTheGoodStatements() {
        let program = parse("a = 1\nb = * 2\nc = 3").program
        XCTAssertEqual(program.errors.count, 1)
        XCTAssertEqual(program.statements.map(SExpression.statement), ["(= a 1)", "(= c 3)"])
    }

    func testErrorsInsideABlockRecoverAtTheNextLine() {
        let found = errors("fn f() {\n  x = )\n  y = (\n}\nz = 1")
        XCTAssertEqual(found.map(\.message), ["expected an expression, found ')'", "expected an expression, found '}'"])
    }

    func testMissingStatementSeparator() {
        let marked = MarkedSource("x = \"a\" 1️⃣y")
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["expected end of line after statement, found name 'y'"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
    }

    func testErrorAtEndOfInputAsksForMore() {
        for text in ["x = (1 +", "fn f() {", "[1, 2", "if x {\n  1", "f(a,", "x =", "r = {", "r = {a", "r = {a: 1,\n"] {
            let found = errors(text)
            XCTAssertFalse(found.isEmpty, text)
            XCTAssertTrue(found.allSatisfy(\.atEndOfInput), "\(text): \(found.map(\.message))")
        }
        XCTAssertTrue(errors("x = (1 +").firstOrMissing.message.hasPrefix("unexpected end of input, expected"))
    }

    func testErrorBeforeEndOfInputDoesNotAskForMore() {
        for text in ["x = )", "1 < 2 < 3", "f(a: 1, 2)", "x = (1 +\ny z"] {
            let found = errors(text)
            XCTAssertFalse(found.isEmpty, text)
            XCTAssertFalse(found.contains(where: \.atEndOfInput), "\(text): \(found.map(\.message))")
        }
    }

    func testEmptyInterpolationIsAnError() {
        let marked = MarkedSource(#""a1️⃣{}b""#)
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["empty interpolation in string"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
    }

    func testInterpolationIsParsedAsAnExpression() {
        XCTAssertEqual(tree(#""n = {n + 1}!""#), #"(str "n = " (+ n 1) "!")"#)
    }

    func testErrorInsideAnInterpolationPointsIntoTheString() {
        let marked = MarkedSource(#"s = "value: {1 + 1️⃣)}""#)
        let found = parse(marked.text).program.errors
        XCTAssertEqual(found.map(\.message), ["expected an expression, found ')'"])
        XCTAssertNil(marked.checkStart(of: found.firstOrMissing.primary.span))
    }

    // MARK: Nesting

    func testDeepParenthesesGiveOneCleanError() {
        let depth = 10_000
        let text = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        let found = errors(text)
        XCTAssertEqual(found.map(\.message), ["expression nested too deeply"])
        XCTAssertFalse(found.firstOrMissing.atEndOfInput)
    }

    func testDeepBracketsAndUnaryOperatorsGiveOneCleanError() {
        for text in [
            String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            "x = " + String(repeating: "-", count: 10_000) + "1",
            "x = " + String(repeating: "not ", count: 10_000) + "true",
            "x = " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000),
        ] {
            XCTAssertEqual(errors(text).map(\.message), ["expression nested too deeply"], String(text.prefix(12)))
        }
    }

    func testDeepBlocksAndPowersGiveOneCleanError() {
        // The front ends parse on a large stack (LargeStack); 100,000 levels would exhaust even that.
        let depth = 100_000
        for text in [
            String(repeating: "if true {", count: depth) + String(repeating: "}", count: depth),
            String(repeating: "fn f() {", count: depth) + String(repeating: "}", count: depth),
            String(repeating: "while true {", count: depth) + String(repeating: "}", count: depth),
            "x = 1" + String(repeating: "^1", count: depth),
            "x = " + String(repeating: "x => ", count: depth) + "1",
        ] {
            let messages = LargeStack.run { self.errors(text).map(\.message) }
            XCTAssertEqual(messages, ["expression nested too deeply"], String(text.prefix(12)))
        }
    }

    func testNestingWellBelowTheLimitParses() {
        let depth = 100
        let text = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        XCTAssertEqual(tree(text), "1")
        let blocks = String(repeating: "if true {\n", count: depth) + "1\n" + String(repeating: "}\n", count: depth)
        XCTAssertEqual(errors(blocks).map(\.message), [])
    }

    func testNestingLimitIsPerStatement() {
        // An error deep inside one statement must not change what the next statement may nest.
        let deep = String(repeating: "(", count: 300) + ")"
        let fine = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        XCTAssertEqual(errors(deep + "\n" + fine).map(\.message).count, 1)
    }
}

/// Syntax trees as S-expressions, so tests compare shapes as text.
enum SExpression {
    static func statement(_ statement: Stmt) -> String {
        switch statement {
        case .expression(let value): return expression(value)
        case .assign(let name, _, let value): return "(= \(name) \(expression(value)))"
        case .function(let function): return "(defn \(function.name ?? "?") \(parameters(function.parameters)) \(body(function.body)))"
        case .for(let variable, _, let sequence, let body, _): return "(for \(variable) \(expression(sequence)) \(block(body)))"
        case .while(let test, let body, _): return "(while \(expression(test)) \(block(body)))"
        case .break: return "break"
        case .continue: return "continue"
        case .return(let value, _): return value.map { "(return \(expression($0)))" } ?? "(return)"
        case .use(let module, _): return "(use \(module))"
        case .dimension(let name, _, let definition): return "(dimension \(name)" + (definition.map { " " + unit($0) } ?? "") + ")"
        case .unit(let declaration):
            return "(unit \(declaration.names.map(\.name).joined(separator: " "))"
                + (declaration.dimension.map { " : " + $0.name } ?? "") + (declaration.definition.map { " = " + unit($0) } ?? "") + ")"
        }
    }

    static func block(_ block: Block) -> String {
        "{" + block.statements.map(statement).joined(separator: " ") + "}"
    }

    static func parameters(_ parameters: [Parameter]) -> String {
        "(" + parameters.map { parameter in
            (parameter.isRest ? "..." : "") + parameter.name + (parameter.defaultValue.map { "=" + expression($0) } ?? "")
        }.joined(separator: " ") + ")"
    }

    static func body(_ body: FunctionBody) -> String {
        switch body {
        case .expression(let value): return expression(value)
        case .block(let value): return block(value)
        case .native: return "native"
        }
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    static func expression(_ expr: Expr) -> String {
        switch expr {
        case .number(let x, _): return number(x)
        case .string(let segments, _):
            if segments.count == 1, case .text(let text) = segments[0] { return "\"\(text)\"" }
            return "(str " + segments.map { segment in
                switch segment {
                case .text(let text): return "\"\(text)\""
                case .expression(let inner): return expression(inner)
                }
            }.joined(separator: " ") + ")"
        case .boolean(let flag, _): return flag ? "true" : "false"
        case .nil: return "nil"
        case .name(let name, _): return name
        case .vector(let elements, _): return "[" + elements.map(expression).joined(separator: " ") + "]"
        case .record(let fields, _): return "{" + fields.map { "\($0.name):\(expression($0.value))" }.joined(separator: " ") + "}"
        case .unary(let op, let operand, _): return "(\(op == .negate ? "neg" : "not") \(expression(operand)))"
        case .binary(let op, let left, let right, _): return "(\(op.rawValue) \(expression(left)) \(expression(right)))"
        case .and(let left, let right, _): return "(and \(expression(left)) \(expression(right)))"
        case .or(let left, let right, _): return "(or \(expression(left)) \(expression(right)))"
        case .range(let low, let high, let inclusive, _): return "(\(inclusive ? "..=" : "..<") \(expression(low)) \(expression(high)))"
        case .call(let callee, let arguments, _):
            let list = arguments.map { ($0.label.map { $0 + ":" } ?? "") + expression($0.value) }
            return "(call " + ([expression(callee)] + list).joined(separator: " ") + ")"
        case .index(let base, let index, _): return "([] \(expression(base)) \(expression(index)))"
        case .member(let base, let name, _): return "(. \(expression(base)) \(name))"
        case .function(let function): return "(fn \(parameters(function.parameters)) \(body(function.body)))"
        case .if(let test, let then, let otherwise, _):
            return "(if \(expression(test)) \(block(then))" + (otherwise.map { " " + expression($0) } ?? "") + ")"
        case .block(let value): return block(value)
        case .quantity(let magnitude, let unitExpr, _): return "(unit \(expression(magnitude)) \(unit(unitExpr)))"
        case .convert(let value, let target, _):
            switch target {
            case .unit(let unitExpr): return "(-> \(expression(value)) \(unit(unitExpr)))"
            case .best: return "(-> \(expression(value)) best)"
            }
        }
    }

    static func unit(_ expr: UnitExpr) -> String {
        switch expr {
        case .name(let name, _): return name
        case .number(let x, _): return number(x)
        case .product(let a, let b): return "(* \(unit(a)) \(unit(b)))"
        case .quotient(let a, let b): return "(/ \(unit(a)) \(unit(b)))"
        case .power(let base, let exponent, _): return "(^ \(unit(base)) \(exponent))"
        }
    }
}
