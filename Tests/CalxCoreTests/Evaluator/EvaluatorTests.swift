// Evaluation: values of blocks and control flow, closures, calls and argument
// binding, recursion limits, and sessions that survive their mistakes.

@testable import CalxCore
import Calx
import CalxTestSupport
import XCTest

final class EvaluatorTests: SessionTestCase {
    // MARK: Values of statements and blocks

    func testProgramValueIsItsLastExpression() {
        check("1\n2\n3", "3")
        check("x = 5", "nil")
        check("", "nil")
    }

    func testIfIsAnExpression() {
        check("x = if 2 > 1 { \"yes\" } else { \"no\" }\nx", "\"yes\"")
        check("if false { 1 }", "nil")
        check("n = 15\nif n % 15 == 0 { \"fizzbuzz\" } else if n % 3 == 0 { \"fizz\" } else { n }", "\"fizzbuzz\"")
    }

    func testConditionMustBeABool() {
        let diagnostic = error("if 1️⃣[1, 2] > 1 { 1 }")
        XCTAssertEqual(diagnostic.message, "an 'if' condition must be a bool, not a vector")
        XCTAssertEqual(diagnostic.notes, ["help: use any(v) or all(v) to turn a vector of bools into one bool"])
        XCTAssertEqual(error("while 1️⃣1 { }").message, "a 'while' condition must be a bool, not a number")
    }

    func testLoopsHaveNoValue() {
        check("for i in 1..3 { i }", "nil")
        check("while false { 1 }", "nil")
    }

    func testForLoopsOverVectorsListsAndStrings() {
        check("s = 0\nfor x in [1.5, 2.5] { s = s + x }\ns", "4")
        check("out = \"\"\nfor w in [\"a\", \"b\"] { out = out + w }\nout", "\"ab\"")
        check("n = 0\nfor c in \"héllo\" { n = n + 1 }\nn", "5")
        check("for i in 5..1 { error(\"never\") }", "nil")
        XCTAssertEqual(error("for x in 1️⃣{a: 1} { }").message, "cannot loop over a record")
    }

    func testStringInterpolation() {
        check("x = 2.5\n\"x is {x}, twice {x * 2}\"", "\"x is 2.5, twice 5\"")
        check("name = \"Ada\"\n\"hi {name}\"", "\"hi Ada\"")
        check(#""v = {[1, 2]}, r = {{a: "s"}}""#, #""v = [1, 2], r = \{a: \"s\"\}""#)
        check("\"\\{literal\\}\"", "\"\\{literal\\}\"")
    }

    func testPrintWritesPlainText() {
        calx.run("print(\"total:\", 42, [1, 2], \"q\")\nprint()")
        XCTAssertEqual(calx.printed, "total: 42 [1, 2] q\n\n")
    }

    // MARK: Functions and closures

    func testFunctionForms() {
        check("fn area(w, h = 1) = w * h\n[area(2), area(2, 3), area(2, h: 4)]", "[2, 6, 8]")
        check("fn fib(n) {\n  if n < 2 { return n }\n  fib(n - 1) + fib(n - 2)\n}\nfib(20)", "6765")
        check("square = x => x^2\n[1, 2, 3] |> map(square) |> sum", "14")
        check("add = (x, y) => x + y\nadd(2, 3)", "5")
        check("f = fn(x) { y = x + 1; y * 2 }\nf(1)", "4")
    }

    func testReturnWithoutValueGivesNil() {
        check("fn f() { return }\nf()", "nil")
        check("fn g(x) { if x { return 1 }; 2 }\n[g(true), g(false)]", "[1, 2]")
    }

    func testClosuresKeepTheirOwnState() {
        check("fn make(n) = () => n\na = make(1)\nb = make(2)\n[a(), b(), a()]", "[1, 2, 1]")
    }

    func testCounterThroughAClosureOverARecordOfState() {
        // Values are immutable and a closure cannot rebind an outer name; a counter passes its state along.
        check("fn counter(n) = {value: n, next: () => counter(n + 1)}\nc = counter(0).next().next()\nc.value", "2")
    }

    func testAssigningAnOuterNameInsideAClosureMakesItLocal() {
        let diagnostic = error("fn counter() {\n  n = 0\n  fn bump() { n = 1️⃣n + 1; n }\n  bump\n}\ncounter()()")
        XCTAssertEqual(diagnostic.message, "'n' is used before it is given a value")
    }

    func testFunctionsAreValues() {
        check("fns = [sqrt, abs]\nmap(fns, f => f(-4 * -4))", "[4, 16]")
        check("type_of(x => x)", "\"function\"")
        check("fn twice(f, x) = f(f(x))\ntwice(x => x * 3, 2)", "18")
    }

    func testHigherOrderLibraryFunctionsCallBack() {
        check("filter([1, 2, 3, 4], x => x % 2 == 0)", "[2, 4]")
        check("reduce([1, 2, 3, 4], (a, b) => a * b)", "24")
        check("reduce([], (a, b) => a + b, 10)", "10")
    }

    func testCallingANonFunction() {
        let diagnostic = error("f = 5\n1️⃣f(1)")
        XCTAssertEqual(diagnostic.message, "cannot call a number")
        XCTAssertEqual(diagnostic.primary.text, "this is a number, not a function")
    }

    // MARK: Argument binding

    func testDefaultsMayUseEarlierParameters() {
        check("fn f(a, b = a * 2) = [a, b]\n[f(3), f(3, 1)]", "[[3, 6], [3, 1]]")
    }

    func testNamedArgumentsInAnyOrder() {
        check("fn f(a, b, c = 0) = [a, b, c]\nf(c: 3, b: 2, a: 1)", "[1, 2, 3]")
        check("fn f(a, b, c = 0) = [a, b, c]\nf(1, c: 3, b: 2)", "[1, 2, 3]")
    }

    func testRestParameterCollectsTheRest() {
        check("fn f(a, ...rest) = [a, len(rest)]\n[f(1), f(1, 2, 3)]", "[[1, 0], [1, 2]]")
        check("fn f(...all) = all\nf(1, 2, 3)", "[1, 2, 3]")
        check("fn f(...all) = all\nf(\"a\", 1)", "[\"a\", 1]")
        check("max(3, 7, 5)", "7")
    }

    func testMissingArgument() {
        let diagnostic = error("fn area(w, h) = w * h\n1️⃣area(2)")
        XCTAssertEqual(diagnostic.message, "missing argument 'h' in call to area()")
        XCTAssertEqual(diagnostic.stage, .type)
        XCTAssertEqual(diagnostic.primary.text, "area() takes 2 arguments")
        XCTAssertEqual(diagnostic.notes, ["note: the signature is area(w, h)"])
    }

    func testUnknownNamedArgumentWithSuggestion() {
        let diagnostic = error("fn area(width, height = 1) = width * height\narea(2, 1️⃣hieght: 3)")
        XCTAssertEqual(diagnostic.message, "area() has no parameter named 'hieght'")
        XCTAssertEqual(diagnostic.notes, ["help: did you mean 'height'?", "note: the signature is area(width, height = …)"])
    }

    func testUnknownNamedArgumentToANative() {
        XCTAssertEqual(error("print(1, 1️⃣sep: \",\")").message, "print() has no parameter named 'sep'")
        XCTAssertEqual(error("sqrt(1️⃣y: 4)").message, "sqrt() has no parameter named 'y'")
        check("sqrt(x: 16)", "4")
    }

    func testTooManyArguments() {
        let diagnostic = error("fn f(x) = x\nf(1, 1️⃣2)")
        XCTAssertEqual(diagnostic.message, "f() takes 1 argument, but 2 were given")
        XCTAssertEqual(diagnostic.primary.text, "unexpected argument")
        XCTAssertEqual(error("fn g(a, b = 1) = a\ng(1, 2, 1️⃣3)").message, "g() takes 1 to 2 arguments, but 3 were given")
        XCTAssertEqual(error("fn h() = 0\nh(1️⃣1)").message, "h() takes 0 arguments, but 1 was given")
    }

    func testArgumentGivenByPositionAndByName() {
        XCTAssertEqual(error("fn f(a, b) = a\nf(1, 1️⃣a: 2)").message, "argument 'a' given twice in call to f()")
    }

    func testBadArgumentToANativeIsUnderlined() {
        let diagnostic = error("len(1️⃣5)")
        XCTAssertEqual(diagnostic.message, "bad argument #1 'x' to len(): expected a vector, string, record or table, got the number 5")
    }

    func testLambdaArityInsideALibraryCall() {
        XCTAssertEqual(error("1️⃣map([1, 2], (a, b) => a)").message, "missing argument 'b' in call to <lambda>()")
    }

    // MARK: Limits

    func testDeepRecursionWithinTheLimitRuns() {
        check("fn count(n) = if n == 0 { 0 } else { 1 + count(n - 1) }\ncount(15000)", "15000")
    }

    func testRecursionLimitMessage() {
        let diagnostic = error("fn down(n) = 1️⃣down(n + 1)\ndown(0)")
        XCTAssertEqual(diagnostic.message, "recursion too deep")
        XCTAssertEqual(diagnostic.stage, .runtime)
        XCTAssertEqual(diagnostic.primary.text, "more than \(Runtime.maximumDepth) calls deep")
        XCTAssertEqual(diagnostic.notes, ["help: check that the recursion in down() reaches a base case"])
    }

    func testRecursionLimitThroughALibraryCallback() {
        XCTAssertEqual(calx.errors("fn f(x) = map([x], f)\nf(1)").map(\.message), ["recursion too deep"])
    }

    func testSessionIsUsableAfterHittingTheLimit() {
        calx.run("fn down(n) = down(n + 1)\ndown(0)")
        check("fn up(n) = if n == 0 { 0 } else { up(n - 1) + 1 }\nup(100)", "100")
    }

    func testErrorRaisedByTheProgram() {
        let diagnostic = error("1️⃣error(\"budget exceeded\")")
        XCTAssertEqual(diagnostic.message, "budget exceeded")
        XCTAssertEqual(error("assert(1 > 2, \"order\")").message, "assertion failed: order")
    }

    // MARK: Sessions

    func testBindingsPersistAcrossInputs() {
        calx.run("x = 41")
        calx.run("fn inc(v) = v + 1")
        check("inc(x)", "42")
    }

    func testFailedInputLeavesGlobalsAsTheyWere() {
        calx.run("x = 1\ny = 2")
        XCTAssertEqual(calx.errors("x = 100\nz = 3\ny = [1][5]").map(\.message), ["index 5 out of range for length 1"])
        check("[x, y]", "[1, 2]")
        XCTAssertEqual(calx.errors("z").map(\.message), ["unknown name 'z'"])
    }

    func testFailedInputDoesNotKeepNewFunctions() {
        XCTAssertFalse(calx.errors("fn helper() = 1\nerror(\"stop\")").isEmpty)
        XCTAssertEqual(calx.errors("helper()").map(\.message), ["unknown name 'helper'"])
    }

    func testSyntaxErrorRunsNothing() {
        XCTAssertFalse(calx.errors("x = 5\nprint(\"ran\")\ny = (").isEmpty)
        XCTAssertEqual(calx.printed, "")
        XCTAssertEqual(calx.errors("x").map(\.message), ["unknown name 'x'"])
    }

    func testOutputBeforeAnErrorIsKept() {
        XCTAssertFalse(calx.errors("print(\"before\")\n[1][2]").isEmpty)
        XCTAssertEqual(calx.printed, "before\n")
    }

    func testUserNamesMayShadowLibraryNames() {
        calx.run("sum = 0\nfor i in 1..4 { sum = sum + i }")
        check("sum", "10")
        check("mean([1, 2, 3])", "2")
    }

    func testResetForgetsUserBindings() {
        calx.run("mine = 1")
        calx.session.reset()
        XCTAssertEqual(calx.errors("mine").map(\.message), ["unknown name 'mine'"])
        check("sqrt(9)", "3")
    }
}
