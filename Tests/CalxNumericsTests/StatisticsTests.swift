// Summary statistics against NumPy: quantiles by linear interpolation (R's type
// 7, numpy.quantile's default), sample variance and standard deviation (n − 1,
// numpy's ddof=1). The expected numbers were computed with NumPy 2.4 on this machine.

import Calx
@testable import CalxCore
import CalxTestSupport
import XCTest

final class StatisticsTests: XCTestCase {
    private var calx: TestSession!

    override func setUp() {
        super.setUp()
        calx = TestSession()
        calx.run("d = [3.1, 1.2, 9.8, 4.4, 7.7, 2.0, 5.5]")
    }

    private func error(_ program: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic {
        let diagnostics = calx.errors(program)
        XCTAssertEqual(diagnostics.count, 1, "\(program): \(diagnostics.map(\.message))", file: file, line: line)
        return diagnostics.firstOrMissing
    }

    // MARK: quantile

    func testQuantileType7MatchesNumPy() {
        // np.quantile(d, p) for each p.
        XCTAssertEqual(numbers(calx, "quantile(d, [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1])"),
                       [1.2, 1.6800000000000002, 2.55, 4.4, 6.6, 8.540000000000001, 9.674, 9.8])
    }

    func testQuantileInterpolatesBetweenTwoValues() {
        XCTAssertEqual(numbers(calx, "quantile([10, 20], [0, 0.3, 0.5, 1])"), [10, 13, 15, 20])
    }

    func testQuantileOfARange() {
        XCTAssertEqual(numbers(calx, "quantile(1..100, [0.01, 0.333, 0.5, 0.95])"), [1.99, 33.967, 50.5, 95.05])
    }

    func testQuantileWithTiesAndNegatives() {
        XCTAssertEqual(numbers(calx, "quantile([-5, 0.5, 0.5, 100, 2.25, -1e-3], [0.2, 0.5, 0.8])"), [-0.001, 0.5, 2.25])
    }

    func testQuantileOfOneValue() {
        XCTAssertEqual(numbers(calx, "quantile([7], [0, 0.5, 1])"), [7, 7, 7])
        XCTAssertEqual(numbers(calx, "quantile(7, 0.5)"), [7], "a number is a sample of one")
    }

    func testQuantileDoesNotChangeItsInput() {
        XCTAssertEqual(numbers(calx, "q = quantile(d, 0.5)\nd"), [3.1, 1.2, 9.8, 4.4, 7.7, 2.0, 5.5])
    }

    func testScalarProbabilityGivesANumber() {
        let (value, failure) = calx.value("quantile([1, 2, 3, 4], 0.25)")
        guard case .number(let x)? = value else { return XCTFail("expected a number: \(failure)") }
        XCTAssertEqual(x, 1.75)
    }

    func testMedian() {
        XCTAssertEqual(numbers(calx, "[median([3, 1, 2]), median([4, 1, 3, 2]), median(d)]"), [2, 2.5, 4.4])
    }

    func testSampleWithNanHasNanQuantiles() {
        let values = numbers(calx, "quantile([3, 1, nan, 2], [0.25, 0.5])")
        XCTAssertEqual(values.count, 2)
        XCTAssertTrue(values.allSatisfy(\.isNaN), "\(values)")
    }

    func testInfinitiesSortToTheEnds() {
        XCTAssertEqual(numbers(calx, "quantile([inf, 1, -inf, 2], [0, 1])"), [-.infinity, .infinity])
    }

    func testProbabilityOutsideZeroToOne() {
        let source = MarkedSource("quantile([1, 2, 3, 4], 1️⃣1.5)")
        let diagnostics = calx.errors(source.text)
        XCTAssertEqual(diagnostics.map(\.message), ["bad argument #2 'p' to quantile(): a probability must lie in [0, 1], got 1.5"])
        XCTAssertNil(source.checkStart(of: diagnostics.firstOrMissing.primary.span))
        XCTAssertEqual(error("quantile(d, [0.5, -0.1])").message,
                       "bad argument #2 'p' to quantile(): a probability must lie in [0, 1], got -0.1")
        XCTAssertEqual(error("quantile(d, nan)").message,
                       "bad argument #2 'p' to quantile(): a probability must lie in [0, 1], got nan")
    }

    func testQuantileOfAnEmptySample() {
        XCTAssertEqual(error("quantile([], 0.5)").message, "quantile() needs at least 1 value, got 0")
    }

    func testQuantileArgumentTypes() {
        XCTAssertEqual(error("quantile(d, \"half\")").message,
                       "bad argument #2 'p' to quantile(): expected a probability or a vector of them, got a string (\"half\")")
        XCTAssertEqual(error("quantile([\"a\"], 0.5)").message,
                       "bad argument #1 'v' to quantile(): expected a vector of numbers, got a vector of 1 string")
    }

    // MARK: var and sd

    func testVarianceDividesByNMinusOne() {
        // np.var(x, ddof=1), exactly.
        let cases: [(String, Double)] = [
            ("[1, 2, 3, 4]", 1.6666666666666667),
            ("[2, 4, 4, 4, 5, 5, 7, 9]", 4.571428571428571),
            ("[0.1, 0.2, 0.3]", 0.009999999999999998),
            ("d", 9.624761904761904),
            ("[1, 1]", 0),
            ("[1.5, 2.5, 10]", 21.583333333333336),
        ]
        for (data, expected) in cases {
            XCTAssertEqual(numbers(calx, "var(\(data))"), [expected], data)
        }
    }

    func testVarianceIsStableForLargeOffsets() {
        // A one-pass sum of squares would lose every digit here.
        XCTAssertEqual(numbers(calx, "var(1e9 + [4, 7, 13, 16])"), [30])
    }

    func testStandardDeviation() {
        // np.std(x, ddof=1).
        XCTAssertEqual(numbers(calx, "sd([2, 4, 4, 4, 5, 5, 7, 9])"), [2.138089935299395])
        XCTAssertEqual(numbers(calx, "sd(d)"), [3.102380038738308])
        XCTAssertEqual(numbers(calx, "sd([1, 2, 3, 4])"), [1.2909944487358056])
    }

    func testVarianceNeedsTwoValues() {
        XCTAssertEqual(error("var([5])").message, "var() needs at least 2 values, got 1")
        XCTAssertEqual(error("var([])").message, "var() needs at least 2 values, got 0")
        XCTAssertEqual(error("sd([1])").message, "var() needs at least 2 values, got 1")
    }

    func testVarianceWithNan() {
        let values = numbers(calx, "var([1, nan, 3])")
        XCTAssertEqual(values.count, 1)
        XCTAssertTrue(values.first?.isNaN ?? false)
    }

    func testMean() {
        XCTAssertEqual(numbers(calx, "[mean([1, 2, 3, 4]), mean(d)]"), [2.5, 4.814285714285715])
    }
}
