// The resolver: which binding each name means (local, captured, global), and
// the mistakes it finds before anything runs. Observed through a session.

@testable import CalxCore
import Calx
import CalxTestSupport
import XCTest

final class ResolverTests: SessionTestCase {
    // MARK: Locals, captures, globals

    func testParametersAndLocals() {
        check("fn f(x) { y = x * 2; y + 1 }\nf(3)", "7")
    }

    func testClosureCapturesTheEnclosingFunctionsLocals() {
        check("fn adder(n) { fn add(x) = x + n; add }\nadd5 = adder(5)\nadd5(1)", "6")
        check("fn adder(n) = x => x + n\n[adder(1)(10), adder(2)(10)]", "[11, 12]")
    }

    func testCapturesSeveralLevelsOut() {
        check("fn a(x) { fn b() { fn c() = x * 10; c() }; b() }\na(7)", "70")
    }

    func testEachCallCapturesItsOwnFrame() {
        check("fn make(n) = () => n\nfs = [make(1), make(2), make(3)]\nmap(fs, f => f())", "[1, 2, 3]")
    }

    func testFunctionsReadGlobalsWhenCalled() {
        calx.run("rate = 2\nfn cost(x) = x * rate")
        check("cost(10)", "20")
        calx.run("rate = 3")
        check("cost(10)", "30")
    }

    func testGlobalBoundLaterInTheSameProgram() {
        check("fn f() = later + 1\nlater = 41\nf()", "42")
    }

    func testLocalFunctionMayCallItself() {
        check("fn outer() { fn fib(n) = if n < 2 { n } else { fib(n - 1) + fib(n - 2) }; fib(15) }\nouter()", "610")
    }

    func testParameterShadowsGlobal() {
        check("x = 100\nfn f(x) = x + 1\n[f(1), x]", "[2, 100]")
    }

    func testFunctionLocalAssignmentDoesNotLeak() {
        check("x = 1\nfn f() { x = 2; x }\n[f(), x]", "[2, 1]")
        let unknown = error("fn g() { inner = 5 }\ng()\n1️⃣inner")
        XCTAssertEqual(unknown.message, "unknown name 'inner'")
    }

    func testBlocksShareTheNamesAroundThem() {
        check("s = 0\nfor i in 1..10 { s = s + i }\n[s, i]", "[55, 10]")
        check("if true { t = 5 }\nt", "5")
        check("x = if true { y = 3; y * 2 } else { 0 }\n[x, y]", "[6, 3]")
    }

    func testLoopVariableIsLocalToTheFunction() {
        check("fn f() { for i in 1..3 { }; i }\nf()", "3")
        XCTAssertEqual(calx.errors("fn f() { for j in 1..3 { } }\nf()\nj").map(\.message), ["unknown name 'j'"])
    }

    func testLambdaParametersAreLocal() {
        check("x = 5\nf = x => x * 2\n[f(1), x]", "[2, 5]")
    }

    // MARK: Unknown names

    func testUnknownNameWithSuggestion() {
        let diagnostic = error("total = 10\n1️⃣totl + 1")
        XCTAssertEqual(diagnostic.message, "unknown name 'totl'")
        XCTAssertEqual(diagnostic.stage, .name)
        XCTAssertEqual(diagnostic.primary.text, "not defined")
        XCTAssertEqual(diagnostic.notes, ["help: did you mean 'total'?"])
    }

    func testSuggestionsIncludeParametersAndBuiltins() {
        XCTAssertEqual(error("fn f(amount) = 1️⃣amout * 2").notes, ["help: did you mean 'amount'?"])
        XCTAssertEqual(error("1️⃣lne([1, 2])").notes, ["help: did you mean 'len'?"])
        XCTAssertEqual(error("1️⃣maen([1, 2])").notes, ["help: did you mean 'mean'?"])
    }

    func testNoSuggestionWhenNothingIsClose() {
        let diagnostic = error("1️⃣zzzqqq + 1")
        XCTAssertEqual(diagnostic.message, "unknown name 'zzzqqq'")
        XCTAssertEqual(diagnostic.notes, [])
    }

    func testEveryUnknownNameIsReported() {
        let source = MarkedSource("1️⃣alpha1 + 2️⃣beta1")
        let diagnostics = calx.errors(source.text)
        XCTAssertEqual(diagnostics.map(\.message), ["unknown name 'alpha1'", "unknown name 'beta1'"])
        XCTAssertNil(source.checkStart(of: diagnostics.firstOrMissing.primary.span, at: 1))
        XCTAssertNil(source.checkStart(of: diagnostics.last!.primary.span, at: 2))
    }

    func testNamesFromAFailedInputAreNotBound() {
        XCTAssertEqual(calx.errors("half = nope / 2").map(\.message), ["unknown name 'nope'"])
        XCTAssertEqual(calx.errors("half").map(\.message), ["unknown name 'half'"])
    }

    func testUnknownNameIsFoundBeforeAnythingRuns() {
        XCTAssertEqual(calx.errors("print(\"ran\")\nmissing_thing").map(\.message), ["unknown name 'missing_thing'"])
        XCTAssertEqual(calx.printed, "", "nothing runs when resolution fails")
    }

    // MARK: Where statements may stand

    func testBreakAndContinueOutsideALoop() {
        let broken = error("x = 1\n1️⃣break")
        XCTAssertEqual(broken.message, "'break' outside a loop")
        XCTAssertEqual(broken.primary.text, "not inside 'for' or 'while'")
        XCTAssertEqual(error("1️⃣continue").message, "'continue' outside a loop")
    }

    func testLoopDoesNotReachIntoAFunctionDefinedInIt() {
        XCTAssertEqual(error("for i in 1..3 {\n  fn f() { 1️⃣break }\n}").message, "'break' outside a loop")
        XCTAssertEqual(error("while false {\n  g = fn() { 1️⃣continue }\n}").message, "'continue' outside a loop")
    }

    func testBreakAndContinueInsideLoops() {
        check("s = 0\nfor i in 1..10 { if i == 3 { continue }; if i == 5 { break }; s = s + i }\ns", "7")
        check("n = 0\nwhile true { n = n + 1; if n >= 4 { break } }\nn", "4")
        check("fn f() { for i in 1..5 { if i == 2 { return i * 100 } }; 0 }\nf()", "200")
    }

    func testReturnOutsideAFunction() {
        let diagnostic = error("if true { 1️⃣return 1 }")
        XCTAssertEqual(diagnostic.message, "'return' outside a function")
        XCTAssertEqual(diagnostic.primary.text, "not inside a function body")
        XCTAssertEqual(error("1️⃣return").message, "'return' outside a function")
    }

    func testReturnInsideALoopInsideAFunction() {
        check("fn first_over(v, limit) { for x in v { if x > limit { return x } }; nil }\nfirst_over([1, 5, 9], 4)", "5")
    }

    // MARK: Bindings that are not there yet

    func testNameUsedBeforeAssignmentIsARuntimeError() {
        let diagnostic = error("y = 1️⃣later_name + 1\nlater_name = 2")
        XCTAssertEqual(diagnostic.message, "'later_name' is used before it is given a value")
        XCTAssertEqual(diagnostic.stage, .runtime)
        XCTAssertEqual(diagnostic.notes, ["help: bind it first, e.g. 'later_name = ...', above this line"])
    }

    func testLocalReadBeforeItsAssignmentInTheFunction() {
        // A name bound anywhere in a function is local to all of it, as in Python.
        let diagnostic = error("x = 1\nfn f() { y = 1️⃣x; x = 2; y }\nf()")
        XCTAssertEqual(diagnostic.message, "'x' is used before it is given a value")
    }

    func testCapturedNameNotYetBound() {
        let diagnostic = error("fn outer() { fn inner() = 1️⃣late; v = inner(); late = 1; v }\nouter()")
        XCTAssertEqual(diagnostic.message, "'late' is used before it is given a value")
    }

    func testFunctionCalledBeforeTheGlobalItReadsIsBound() {
        let diagnostic = error("fn f() = 1️⃣rate * 2\nf()\nrate = 3")
        XCTAssertEqual(diagnostic.message, "'rate' is used before it is given a value")
    }

    // MARK: Modules

    func testUnknownModuleWithSuggestion() {
        let diagnostic = error("1️⃣use stats/sumary")
        XCTAssertEqual(diagnostic.message, "no module named 'stats/sumary'")
        XCTAssertEqual(diagnostic.stage, .io)
        XCTAssertEqual(diagnostic.notes.first, "help: did you mean 'stats/summary'?")
    }

    func testUsingALoadedModuleAgainIsHarmless() {
        check("use stats/summary\nuse stats/summary\nmean([1, 2, 3])", "2")
    }
}
