// Shared checks for the numerics tests: run Calx, read numbers back, compare
// with references to a relative tolerance.

import Calx
import CalxCore
import CalxTestSupport
import XCTest

extension XCTestCase {
    /// The number (or numbers) a program computes; fails the test if it computes anything else.
    func numbers(_ calx: TestSession, _ program: String, file: StaticString = #filePath, line: UInt = #line) -> [Double] {
        let (value, failure) = calx.value(program)
        switch value {
        case .number(let x)?: return [x]
        case .numbers(let xs)?: return xs
        default:
            XCTFail("\(program): expected numbers, got \(value.map(ValueFormatter.display) ?? failure)", file: file, line: line)
            return []
        }
    }

    /// Checks `actual` against `expected` to a relative tolerance (exactly, for zeros, infinities and nan).
    func assertClose(_ actual: Double, _ expected: Double, relative tolerance: Double, _ message: String = "",
                     file: StaticString = #filePath, line: UInt = #line) {
        if expected.isNaN { return XCTAssertTrue(actual.isNaN, "\(message): \(actual) is not nan", file: file, line: line) }
        if expected == 0 || expected.isInfinite { return XCTAssertEqual(actual, expected, message, file: file, line: line) }
        let error = abs(actual - expected) / abs(expected)
        XCTAssertLessThanOrEqual(error, tolerance, "\(message): \(actual) vs \(expected), relative error \(error)", file: file, line: line)
    }

    /// Evaluates `call` for each case and compares with its reference.
    func assertReferences(_ calx: TestSession, _ cases: [(call: String, expected: Double)], relative tolerance: Double,
                          file: StaticString = #filePath, line: UInt = #line) {
        for (call, expected) in cases {
            let got = numbers(calx, call, file: file, line: line)
            XCTAssertEqual(got.count, 1, call, file: file, line: line)
            if let x = got.first { assertClose(x, expected, relative: tolerance, call, file: file, line: line) }
        }
    }
}
