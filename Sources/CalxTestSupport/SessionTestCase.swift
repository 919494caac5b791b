// A test case with a fresh Calx session per test, and the two checks most
// stage tests make: a program's displayed value, and its one error.

import Calx
import CalxCore
import XCTest

open class SessionTestCase: XCTestCase {
    public var calx: TestSession!

    open override func setUp() {
        super.setUp()
        calx = TestSession()
    }

    /// The program's value, as the REPL would display it.
    public func check(_ program: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(calx.display(program), expected, file: file, line: line)
    }

    /// The one error of a program that must fail; where the source has marker 1️⃣,
    /// the error's span must start there.
    public func error(_ marked: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic {
        let source = MarkedSource(marked)
        let diagnostics = calx.errors(source.text)
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics.map(\.message))", file: file, line: line)
        let diagnostic = diagnostics.firstOrMissing
        if source.offsets[1] != nil, let failure = source.checkStart(of: diagnostic.primary.span) {
            XCTFail(failure, file: file, line: line)
        }
        return diagnostic
    }
}
