// Special functions from GSL against reference values, and their edge cases:
// domain errors are Calx errors (never an abort), nan and infinities behave.
//
// References: mpmath at 40 digits (as shipped with SciPy), rounded to double;
// scipy.special agrees with each to about 1e-15. Tolerances follow GSL's
// stated accuracy for each routine.

import CGSL
import Calx
@testable import CalxCore
@testable import CalxNumerics
import CalxTestSupport
import XCTest

final class SpecialFunctionsTests: XCTestCase {
    private var calx: TestSession!

    override func setUp() {
        super.setUp()
        calx = TestSession()
    }

    private func error(_ program: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic {
        let diagnostics = calx.errors(program)
        XCTAssertEqual(diagnostics.count, 1, "\(program): \(diagnostics.map(\.message))", file: file, line: line)
        return diagnostics.firstOrMissing
    }

    // MARK: gamma and lngamma

    func testGammaAtWholeNumbersIsAFactorial() {
        XCTAssertEqual(numbers(calx, "gamma([1, 2, 3, 4, 5, 10, 21])"), [1, 1, 2, 6, 24, 362_880, 2_432_902_008_176_640_000])
    }

    func testGammaAgainstReferences() {
        assertReferences(calx, [
            ("gamma(0.5)", 1.772453850905516),           // √π
            ("gamma(4.5)", 11.631728396567448),
            ("gamma(0.001)", 999.4237724845955),
            ("gamma(1e-8)", 99999999.42278434),
            ("gamma(-0.5)", -3.544907701811032),
            ("gamma(-1.5)", 2.363271801207355),
            ("gamma(20.3)", 2.972461075235566e17),
            ("gamma(170.5)", 5.56209241456e305),
        ], relative: 5e-15)
    }

    func testGammaOverflowsToInfinity() {
        XCTAssertEqual(numbers(calx, "gamma(172)"), [.infinity])
        XCTAssertEqual(numbers(calx, "gamma(1e-320)"), [.infinity])
    }

    func testGammaAtZeroAndNegativeWholeNumbersIsADomainError() {
        for x in ["0", "-1", "-2", "-100"] {
            let diagnostic = error("gamma(\(x))")
            XCTAssertEqual(diagnostic.message, "gamma(): argument outside the domain", x)
            XCTAssertEqual(diagnostic.stage, .numerics)
            XCTAssertEqual(diagnostic.notes, ["note: GSL says: input domain error"])
        }
    }

    func testDomainErrorInAVectorNamesTheFunction() {
        XCTAssertEqual(error("gamma([1, 2, -1])").message, "gamma(): argument outside the domain")
    }

    func testSessionSurvivesADomainError() {
        _ = error("result = gamma(-1)")
        XCTAssertEqual(numbers(calx, "gamma(5)"), [24])
        XCTAssertEqual(calx.errors("result").map(\.message), ["unknown name 'result'"])
    }

    func testLngammaAgainstReferences() {
        assertReferences(calx, [
            ("lngamma(0.5)", 0.5723649429247001),
            ("lngamma(3.7)", 1.4280723266653879),
            ("lngamma(10)", 12.801827480081469),
            ("lngamma(100)", 359.1342053695754),
            ("lngamma(1e5)", 1051287.7089736569),
            ("lngamma(1e10)", 220258509288.81058),
            ("lngamma(-0.5)", 1.2655121234846454),      // log|Γ(-0.5)|
            ("lngamma(-2.5)", -0.056243716497674054),
        ], relative: 2e-14)
        XCTAssertEqual(numbers(calx, "[lngamma(1), lngamma(2)]"), [0, 0])
        XCTAssertEqual(numbers(calx, "lngamma(1)").first?.sign, .plus, "not -0")
    }

    func testLngammaIsFiniteWhereGammaOverflows() {
        assertReferences(calx, [("lngamma(200)", 857.9336698258575)], relative: 1e-14)
        XCTAssertEqual(error("lngamma(-3)").message, "lngamma(): argument outside the domain")
    }

    // MARK: beta

    func testBetaAgainstReferences() {
        assertReferences(calx, [
            ("beta(2, 3)", 0.08333333333333333),
            ("beta(0.5, 0.5)", 3.141592653589793),
            ("beta(1, 1)", 1),
            ("beta(2.5, 1.5)", 0.19634954084936207),
            ("beta(10, 20)", 4.992508740634678e-09),
            ("beta(1e-3, 1)", 1000),
        ], relative: 5e-15)
        // GSL goes through lngamma for large arguments and keeps about 12 digits there.
        assertReferences(calx, [
            ("beta(100, 100)", 2.2087606931995024e-61),
            ("beta(500, 500)", 1.479901599125611e-302),
        ], relative: 1e-11)
    }

    func testBetaIsSymmetric() {
        let pairs = numbers(calx, "[beta(2.5, 7), beta(7, 2.5)]")
        XCTAssertEqual(pairs.count, 2)
        if pairs.count == 2 { assertClose(pairs[0], pairs[1], relative: 1e-15) }
    }

    func testBetaDomainErrors() {
        XCTAssertEqual(error("beta(-1, 2)").message, "beta(): argument outside the domain")
        XCTAssertEqual(error("beta(0, 1)").message, "beta(): argument outside the domain")
    }

    func testBetaRejectsVectors() {
        XCTAssertEqual(error("beta([1, 2], 3)").message, "bad argument #1 'a' to beta(): expected a number, got a vector of 2 numbers")
    }

    // MARK: erf and erfc

    func testErfAgainstReferences() {
        assertReferences(calx, [
            ("erf(0.1)", 0.1124629160182849),
            ("erf(0.5)", 0.5204998778130465),
            ("erf(1)", 0.8427007929497149),
            ("erf(-1)", -0.8427007929497149),
            ("erf(2)", 0.9953222650189527),
            ("erf(3)", 0.9999779095030014),
            ("erf(5)", 0.9999999999984626),
            ("erf(1e-10)", 1.1283791670955126e-10),
        ], relative: 2e-15)
        XCTAssertEqual(numbers(calx, "erf(0)"), [0])
    }

    func testErfcAgainstReferences() {
        assertReferences(calx, [
            ("erfc(0.1)", 0.8875370839817152),
            ("erfc(-0.2)", 1.2227025892104784),
            ("erfc(0.2)", 0.7772974107895215),
            ("erfc(0.5)", 0.4795001221869535),
            ("erfc(1)", 0.15729920705028513),
            ("erfc(3)", 2.209049699858544e-05),
            ("erfc(5)", 1.537459794428035e-12),
            ("erfc(10)", 2.088487583762545e-45),
            ("erfc(20)", 5.395865611607901e-176),
            ("erfc(26)", 5.663192408856143e-296),
            ("erfc(-2)", 1.9953222650189528),
        ], relative: 2e-15)
        XCTAssertEqual(numbers(calx, "[erfc(0), erfc(1e-20), erfc(-1e-20)]"), [1, 1, 1])
    }

    func testErfcUnderflowsToZero() {
        XCTAssertEqual(numbers(calx, "erfc(30)"), [0])
    }

    func testErfAndErfcAtInfinity() {
        XCTAssertEqual(numbers(calx, "[erf(inf), erf(-inf), erfc(inf), erfc(-inf)]"), [1, -1, 0, 2])
    }

    func testErfIsOdd() {
        for x in ["0.3", "1", "1.5", "2.7", "4"] {
            let pair = numbers(calx, "[erf(\(x)), erf(-\(x))]")
            XCTAssertEqual(pair.count, 2)
            if pair.count == 2 { XCTAssertEqual(pair[0], -pair[1], "erf(±\(x))") }
        }
    }

    func testErfMapsOverVectors() {
        let values = numbers(calx, "erf([-1, 0, 1])")
        XCTAssertEqual(values.count, 3)
        if values.count == 3 {
            XCTAssertEqual(values[0], -values[2])
            XCTAssertEqual(values[1], 0)
        }
    }

    // MARK: nan in, nan out

    func testNanPropagatesThroughEveryFunction() {
        for call in ["gamma(nan)", "lngamma(nan)", "erf(nan)", "erfc(nan)", "beta(nan, 1)", "beta(1, nan)"] {
            let (value, failure) = calx.value(call)
            guard case .number(let x)? = value else { XCTFail("\(call): \(failure)"); continue }
            XCTAssertTrue(x.isNaN, "\(call) gave \(x)")
        }
    }

    // MARK: choose and lnchoose

    func testChooseIsExactForSmallCounts() {
        XCTAssertEqual(numbers(calx, "[choose(5, 2), choose(10, 5), choose(0, 0), choose(7, 0), choose(7, 7)]"), [10, 252, 1, 1, 1])
        XCTAssertEqual(numbers(calx, "choose(50, 25)"), [126_410_606_437_752])
    }

    func testChooseForLargeCounts() {
        assertReferences(calx, [
            ("choose(60, 30)", 1.1826458156486142e17),
            ("choose(1000, 500)", 2.7028824094543655e299),
        ], relative: 1e-12)
    }

    func testChooseOverflowsToInfinity() {
        XCTAssertEqual(numbers(calx, "choose(1100, 550)"), [.infinity])
    }

    func testLnchooseAgainstReferences() {
        assertReferences(calx, [
            ("lnchoose(5, 2)", 2.302585092994046),
            ("lnchoose(10, 5)", 5.529429087511423),
            ("lnchoose(1000, 500)", 689.4672615678512),
            ("lnchoose(100000, 50000)", 69308.7357994094),
        ], relative: 2e-15)
        XCTAssertEqual(numbers(calx, "lnchoose(7, 0)"), [0])
    }

    func testKGreaterThanNIsAnArgumentError() {
        for name in ["choose", "lnchoose"] {
            let source = MarkedSource("\(name)(3, 1️⃣5)")
            let diagnostics = calx.errors(source.text)
            XCTAssertEqual(diagnostics.map(\.message), ["bad argument #2 'k' to \(name)(): k must not exceed n (3), got 5"])
            XCTAssertNil(source.checkStart(of: diagnostics.firstOrMissing.primary.span))
            XCTAssertEqual(diagnostics.firstOrMissing.stage, .type)
        }
    }

    func testCountsMustBeWholeAndNotNegative() {
        XCTAssertEqual(error("choose(-1, 0)").message, "bad argument #1 'n' to choose(): expected a whole number ≥ 0, got -1")
        XCTAssertEqual(error("choose(2.5, 1)").message, "bad argument #1 'n' to choose(): expected a whole number ≥ 0, got 2.5")
        XCTAssertEqual(error("lnchoose(4, -1)").message, "bad argument #2 'k' to lnchoose(): expected a whole number ≥ 0, got -1")
        XCTAssertEqual(error("choose(5e9, 1)").message, "bad argument #1 'n' to choose(): too large")
    }

    // MARK: Types

    func testNonNumbersAreRejected() {
        XCTAssertEqual(error("gamma(\"a\")").message,
                       "bad argument #1 'x' to gamma(): expected a number or a vector of numbers, got a string (\"a\")")
        XCTAssertEqual(error("erf(true)").message,
                       "bad argument #1 'x' to erf(): expected a number or a vector of numbers, got the bool true")
    }

    func testGSLFailureBecomesANumericsError() {
        // With GSL's default handler this call would abort the process.
        XCTAssertThrowsError(try GSL.call("gamma") { gsl_sf_gamma_e(-1, $0) }) { error in
            let native = error as? NativeError
            XCTAssertEqual(native?.stage, .numerics)
            XCTAssertEqual(native?.message, "gamma(): argument outside the domain")
        }
        XCTAssertEqual(try GSL.call("gamma") { gsl_sf_gamma_e(5, $0) }, 24)
    }
}
