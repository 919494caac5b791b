// The two checks the fit reference tests share: a number read back from a session,
// and agreement to a relative tolerance with the reference's value.

import CalxCore
import CalxTestSupport
import Foundation
import XCTest

extension XCTestCase {
    /// The number an expression evaluates to in the session, or nil after a failure naming it.
    func number(_ calx: TestSession, _ expression: String, _ context: String, file: StaticString, line: UInt) -> Double? {
        let (value, failure) = calx.value(expression)
        if case .number(let x)? = value { return x }
        XCTFail("\(context): \(expression): expected a number, got \(value.map(ValueFormatter.display) ?? failure)",
                file: file, line: line)
        return nil
    }

    /// `got` agrees with `expected` to a relative tolerance; the failure gives both, the
    /// relative error and its LRE (log relative error: the digits that agree).
    func expect(_ got: Double, _ expected: Double, relative tolerance: Double, _ what: String,
                file: StaticString = #filePath, line: UInt = #line) {
        let error = abs(got - expected) / abs(expected)
        if error <= tolerance { return }
        let lre = error.isFinite && error > 0 ? String(format: "%.1f", -log10(error)) : "0"
        XCTFail("\(what): got \(got), expected \(expected) (relative error \(String(format: "%.2e", error)), LRE \(lre), needed ≤ \(tolerance))",
                file: file, line: line)
    }
}
