// The least-squares layer on its own: every solver strategy reaches the certified
// Misra1a solution (NIST StRD) from NIST's first start, with and without an
// analytic Jacobian, and a model that throws stops the fit with its own error.

@testable import CalxCore
@testable import CalxNumerics
import Foundation
import XCTest

final class LeastSquaresTests: XCTestCase {
    static let x: [Double] = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0]
    static let y: [Double] = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78]
    static let certified = [2.3894212918e2, 5.5015643181e-4]

    func problem(analytic: Bool) -> LeastSquaresProblem {
        let (x, y) = (Self.x, Self.y)
        let residuals: ([Double]) throws -> [Double] = { b in
            x.indices.map { i -> Double in b[0] * (1 - exp(-b[1] * x[i])) - y[i] }
        }
        let jacobian: ([Double]) throws -> [Double] = { b in
            x.flatMap { xi -> [Double] in [1 - exp(-b[1] * xi), b[0] * xi * exp(-b[1] * xi)] }
        }
        return LeastSquaresProblem(n: x.count, p: 2, residuals: residuals, jacobian: analytic ? jacobian : nil, weights: nil)
    }

    func testEveryStrategyReachesTheCertifiedSolution() throws {
        for strategy in [LeastSquares.Strategy.first] + LeastSquares.Strategy.fallbacks {
            for analytic in [true, false] {
                let solution = try LeastSquares.solve(problem(analytic: analytic), from: [500, 1e-4], maxIterations: 1000, strategy: strategy)
                let label = "\(strategy.method), levenberg scaling \(strategy.levenbergScaling), analytic \(analytic)"
                XCTAssertEqual(solution.status, .converged, label)
                for (got, expected) in zip(solution.parameters, Self.certified) {
                    XCTAssertEqual(got, expected, accuracy: 1e-6 * expected, label)
                }
            }
        }
    }

    func testAThrowingModelStopsTheFitWithItsError() {
        struct ModelFailed: Error {}
        var failing = problem(analytic: true)
        var calls = 0
        failing.residuals = { _ in
            calls += 1
            if calls > 3 { throw ModelFailed() }
            return [Double](repeating: 1, count: Self.x.count)
        }
        XCTAssertThrowsError(try LeastSquares.solve(failing, from: [500, 1e-4], maxIterations: 100)) { error in
            XCTAssertTrue(error is ModelFailed, "\(error)")
        }
    }
}
