// Operators on numbers (the fast path), on vectors (element-wise, scalars
// broadcast), on strings, bools and masks, and the errors for everything else.

@testable import CalxCore
import Calx
import CalxTestSupport
import XCTest

final class OperatorsTests: SessionTestCase {
    private func number(_ program: String, file: StaticString = #filePath, line: UInt = #line) -> Double? {
        let (value, failure) = calx.value(program)
        guard case .number(let x)? = value else {
            XCTFail("expected a number from \(program), got \(value.map(ValueFormatter.display) ?? failure)", file: file, line: line)
            return nil
        }
        return x
    }

    // MARK: Numbers

    func testArithmeticOnNumbers() {
        check("1 + 2 * 3", "7")
        check("(1 + 2) * 3", "9")
        check("7 / 2", "3.5")
        check("2 ^ 10", "1024")
        check("-2^2", "-4")
        check("2^3^2", "512")
        check("2^-1", "0.5")
        check("0.1 + 0.2", "0.30000000000000004")
    }

    func testDivisionFollowsIEEE() {
        check("1 / 0", "inf")
        check("-1 / 0", "-inf")
        check("0 / 0", "nan")
        XCTAssertEqual(number("1 / -inf")?.sign, .minus)
    }

    func testRemainderIsFloored() {
        check("7 % 3", "1")
        check("-7 % 3", "2")
        check("7 % -3", "-2")
        check("-7 % -3", "-1")
        check("5.5 % 2", "1.5")
        check("5 % 0", "nan")
        check("[-7, 7] % 3", "[2, 1]")
    }

    func testComparisonsOnNumbers() {
        check("[1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 1 == 1, 1 != 1]", "[true, true, false, true, true, false]")
        check("nan == nan", "false")
        check("nan != nan", "true")
    }

    func testFastPathAgreesWithTheGeneralPath() {
        // Scalars take BinaryNode's fast path; one-element vectors take Operators.binary.
        for op in ["+", "-", "*", "/", "%", "^"] {
            for (a, b) in [(7.5, 2.0), (-7.0, 3.0), (2.0, 0.0), (0.0, 0.0), (-8.0, 1.0 / 3.0)] {
                let scalar = calx.display("(\(a)) \(op) (\(b))")
                let vector = calx.display("[\(a)] \(op) [\(b)]")
                XCTAssertEqual("[\(scalar)]", vector, "\(a) \(op) \(b)")
            }
        }
        for op in ["<", "<=", ">", ">=", "==", "!="] {
            XCTAssertEqual("[\(calx.display("2 \(op) 3"))]", calx.display("[2] \(op) [3]"), op)
        }
    }

    // MARK: Vectors and broadcasting

    func testVectorWithScalarBroadcasts() {
        check("[1, 2, 3] + 1", "[2, 3, 4]")
        check("10 - [1, 2, 3]", "[9, 8, 7]")
        check("[1, 2, 3] * 2 + 1", "[3, 5, 7]")
        check("2 ^ [1, 2, 3]", "[2, 4, 8]")
        check("[1, 2, 4] / 0", "[inf, inf, inf]")
    }

    func testVectorWithVectorIsElementWise() {
        check("[1, 2, 3] * [4, 5, 6]", "[4, 10, 18]")
        check("[1, 2, 3] - [1, 2, 3]", "[0, 0, 0]")
        check("[9, 8] ^ [0.5, 0]", "[3, 1]")
    }

    func testEmptyVectors() {
        check("[] + 1", "[]")
        check("[] * []", "[]")
    }

    func testLengthMismatch() {
        let source = MarkedSource("x = 1️⃣[1, 2, 3] + [1, 2]")
        let diagnostics = calx.errors(source.text)
        XCTAssertEqual(diagnostics.map(\.message), ["vectors of different lengths (3 and 2)"])
        let diagnostic = diagnostics.firstOrMissing
        XCTAssertNil(source.checkStart(of: diagnostic.primary.span))
        XCTAssertEqual(diagnostic.stage, .type)
        XCTAssertEqual(diagnostic.primary.text, "vector + vector")
        XCTAssertEqual(diagnostic.notes, ["help: element-wise operations need vectors of equal length, or a vector and a number"])
    }

    func testNegation() {
        check("x = [1, -2]\n-x", "[-1, 2]")
        check("x = 0\n-x", "-0")
        XCTAssertEqual(calx.errors("-\"a\"").map(\.message), ["cannot negate a string"])
    }

    // MARK: Comparisons and masks

    func testVectorComparisonsGiveMasks() {
        check("[1, 2, 3] > 2", "[false, false, true]")
        check("2 <= [1, 2, 3]", "[false, true, true]")
        check("[1, 2, 3] == [1, 0, 3]", "[true, false, true]")
        check("[1, 2, 3] != 2", "[true, false, true]")
    }

    func testEqualityOnOtherValues() {
        check("\"a\" == \"a\"", "true")
        check("nil == nil", "true")
        check("{a: 1} == {a: 1}", "true")
        check("{a: 1} == {a: 2}", "false")
        check("\"1\" == 1", "false")
        check("[\"a\", \"b\"] == \"a\"", "[true, false]")
    }

    func testLogicalOperatorsOnMasks() {
        check("[true, false, true] and [true, true, false]", "[true, false, false]")
        check("[true, false] or [false, false]", "[true, false]")
        check("not [true, false]", "[false, true]")
        check("v = [1, 5, 9]\nv > 2 and v < 8", "[false, true, false]")
    }

    func testLogicalOperatorsShortCircuit() {
        check("false and error(\"not evaluated\")", "false")
        check("true or error(\"not evaluated\")", "true")
    }

    func testLogicalOperatorErrors() {
        XCTAssertEqual(calx.errors("1 and true").map(\.message), ["'and' needs bools, not a number"])
        XCTAssertEqual(calx.errors("false or \"x\"").map(\.message), ["'or' needs bools, not a string"])
        XCTAssertEqual(calx.errors("not 1").map(\.message), ["'not' needs a bool, not a number"])
        XCTAssertEqual(calx.errors("[true] and [true, false]").map(\.message),
                       ["'and' on a vector of 1 bools needs another of the same length"])
    }

    // MARK: Strings and other types

    func testStrings() {
        check("\"ab\" + \"cd\"", "\"abcd\"")
        check("[\"a\" < \"b\", \"b\" <= \"a\", \"abc\" > \"abd\"]", "[true, false, false]")
    }

    func testTypeErrorsNameBothSides() {
        let diagnostics = calx.errors("\"total: \" + 5")
        XCTAssertEqual(diagnostics.map(\.message), ["cannot add a string and a number"])
        XCTAssertEqual(diagnostics.firstOrMissing.notes, ["help: to join text and values, use interpolation: \"total: {x}\""])
        XCTAssertEqual(calx.errors("[true, false] * 2").map(\.message), ["cannot multiply a vector of bools and a number"])
        XCTAssertEqual(calx.errors("{a: 1} < {a: 2}").map(\.message), ["cannot compare a record and a record"])
    }

    func testNilOperandGetsANote() {
        let diagnostics = calx.errors("x = if false { 1 }\nx + 1")
        XCTAssertEqual(diagnostics.map(\.message), ["cannot add nil and a number"])
        XCTAssertEqual(diagnostics.firstOrMissing.notes, ["note: a block or loop with no value gives nil"])
    }

    // MARK: Ranges

    func testRanges() {
        check("1..5", "[1, 2, 3, 4, 5]")
        check("1..<5", "[1, 2, 3, 4]")
        check("5..1", "[]")
        check("0..<0", "[]")
        check("1.5..4", "[1.5, 2.5, 3.5]")
        check("n = 3\n0..n - 1", "[0, 1, 2]")
    }

    func testRangeErrors() {
        XCTAssertEqual(calx.errors("1..inf").map(\.message), ["a range needs finite numbers, not the number inf"])
        XCTAssertEqual(calx.errors("1..\"a\"").map(\.message), ["a range needs finite numbers, not a string (\"a\")"])
        XCTAssertEqual(calx.errors("0..1e12").map(\.message), ["range too long (1000000000001 elements)"])
    }
}
