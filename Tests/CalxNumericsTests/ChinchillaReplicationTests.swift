// Chinchilla Approach 3 on Epoch AI's data (Fixtures/chinchilla-epoch, see SOURCE.md):
// the Huber fit from the 4,500-start grid must reproduce Epoch's "replicate exactly"
// result (Besiroglu et al. 2024), and the compute-optimal allocation must follow the
// closed form of models.md §4.

import Calx
import CalxCore
import CalxTestSupport
import Foundation
import XCTest

final class ChinchillaReplicationTests: XCTestCase {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/chinchilla-epoch/svg_extracted_data.csv").path

    /// Epoch's replication of Hoffmann et al.'s own procedure, with the tolerance each value
    /// can be held to: the Huber objective is nearly flat along B–beta, so B moves in its
    /// fourth digit between equally good optima while the objective agrees to six.
    static let expected: [(name: String, value: Double, tolerance: Double)] = [
        ("A", 477.8, 1e-3), ("B", 2144, 2e-3), ("E", 1.8172, 1e-4), ("alpha", 0.3473, 5e-4), ("beta", 0.3672, 5e-4),
    ]

    func testHuberGridFitReproducesEpochsReplication() throws {
        let calx = TestSession()
        let program = """
            t = read_csv("\(Self.data)")
            t = t[t.loss < sort(t.loss)[-5]]
            N = t["Model Size"]
            D = t["Training FLOP"] / (6 * N)
            f = fit_chinchilla(N, D, t.loss)
            plan = optimal_allocation(f, 5.88e23 FLOP)
            """
        let (_, failure) = calx.value(program)
        XCTAssertEqual(failure, "")
        XCTAssertEqual(number(calx, "f.n"), 240, "Epoch drops the 5 runs with the highest loss")
        XCTAssertEqual(calx.display("f.converged"), "true")
        for (name, value, tolerance) in Self.expected {
            let got = try XCTUnwrap(number(calx, "f.params.\(name)"))
            XCTAssertEqual(got, value, accuracy: tolerance * value, "\(name)")
        }
        let objective = try XCTUnwrap(number(calx, "f.objective"))
        XCTAssertEqual(objective, 1.01827e-3, accuracy: 1e-5 * 1.01827e-3, "the sum of Huber terms at the optimum")

        // The allocation against the closed form, computed here from the fitted parameters.
        let p = try Self.expected.map { try XCTUnwrap(number(calx, "f.params.\($0.name)")) }
        let (A, B, alpha, beta) = (p[0], p[1], p[3], p[4])
        let G = pow(alpha * A / (beta * B), 1 / (alpha + beta))
        let nOpt = G * pow(5.88e23 / 6, beta / (alpha + beta)), dOpt = pow(5.88e23 / 6, alpha / (alpha + beta)) / G
        let n = try XCTUnwrap(number(calx, "plan.N_opt")), d = try XCTUnwrap(number(calx, "plan.D_opt"))
        XCTAssertEqual(n, nOpt, accuracy: 1e-9 * nOpt)
        XCTAssertEqual(d, dOpt, accuracy: 1e-9 * dOpt)
        XCTAssertEqual(6 * n * d, 5.88e23, accuracy: 1e-9 * 5.88e23, "the allocation spends the whole budget")
        // Around 74 billion parameters and 18 tokens per parameter at Gopher's budget.
        XCTAssertEqual(n, 7.4e10, accuracy: 0.02 * 7.4e10)
        XCTAssertEqual(try XCTUnwrap(number(calx, "plan.tokens_per_param")), 17.9, accuracy: 0.2)
    }

    private func number(_ calx: TestSession, _ expression: String) -> Double? {
        let (value, failure) = calx.value(expression)
        switch value {
        case .number(let x)?: return x
        case .quantity(let x, _)?: return x
        default:
            XCTFail("\(expression): \(value.map(ValueFormatter.display) ?? failure)")
            return nil
        }
    }
}
