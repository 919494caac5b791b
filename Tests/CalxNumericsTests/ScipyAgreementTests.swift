// Agreement with SciPy's curve_fit (Fixtures/scipy-reference.json, written by
// Support/scipy_reference.py). Each case is fitted three ways in Calx:
//
//   - the built-in law from the case's start point (`fit_sigmoid(x, y, start: …)`,
//     `r0:` where R0 is fixed; `fit_power(x, y, start: …)`),
//   - the built-in law from its automatic multi-start (no `start:`),
//   - the generic `fit` with the model written in Calx, from the same start point
//     (`fix: {R0: …}` where R0 is fixed).
//
// Every fit must converge to SciPy's parameters within 1e-6 relative, its standard
// errors within 1e-4 and its residual sum of squares within 1e-8. The fixture's
// `spread` (how far two converged LM runs land apart on that case, at most ~2e-8)
// says 1e-6 is not asking for more than the problem can give.

import Calx
import CalxCore
import CalxTestSupport
import Foundation
import XCTest

final class ScipyAgreementTests: XCTestCase {
    func testSigmoidScaleRL() { checkCase("sigmoid_scalerl") }
    func testSigmoidLate() { checkCase("sigmoid_late") }
    func testSigmoidFixedR0() { checkCase("sigmoid_fixed_r0") }
    func testPowerRelativeNoise() { checkCase("power_relative_noise") }
    func testPowerAdditiveNoise() { checkCase("power_additive_noise") }

    static let parameterTolerance = 1e-6
    static let stderrTolerance = 1e-4
    static let rssTolerance = 1e-8

    /// Every case in the fixture has a test above (and the fixture reads at all).
    func testEveryReferenceCaseHasATest() throws {
        let names = try Self.reference().cases.map(\.name).sorted()
        XCTAssertEqual(names, ["power_additive_noise", "power_relative_noise", "sigmoid_fixed_r0", "sigmoid_late", "sigmoid_scalerl"])
        for reference in try Self.reference().cases {
            XCTAssertLessThanOrEqual(reference.spread, Self.parameterTolerance / 10,
                                     "\(reference.name): SciPy's own runs disagree by \(reference.spread); 1e-6 would be too tight")
        }
    }

    // MARK: The fixture

    struct Reference: Decodable {
        var cases: [Case]
    }

    struct Case: Decodable {
        var name: String
        var model: String
        var x: [Double]
        var y: [Double]
        var start: [String: Double]
        var fixed: [String: Double]
        var params: [String: Double]
        var stderr: [String: Double]
        var rss: Double
        var dof: Int
        var spread: Double
    }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("scipy-reference.json")

    static func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: fixture))
    }

    /// The parameters of each model, in the order of the Calx functions.
    static let parameterNames = ["sigmoid": ["A", "B", "Cmid", "R0"], "power": ["E", "A", "alpha"]]

    /// The models in Calx, for the generic `fit`.
    static let calxModels = [
        "sigmoid": "fn model(C, A, B, Cmid, R0) = R0 + (A - R0) / (1 + (Cmid / C) ^ B)",
        "power": "fn model(N, E, A, alpha) = E + A / N ^ alpha",
    ]

    // MARK: The check

    /// A Calx number literal that reads back exactly (Swift's description is the shortest round-trip form).
    static func literal(_ x: Double) -> String { "\(x)" }

    static func vector(_ values: [Double]) -> String { "[" + values.map(literal).joined(separator: ", ") + "]" }

    /// `{A: 0.6, B: 1.5}` in the model's parameter order, leaving out the names in `except`.
    static func record(_ values: [String: Double], order: [String], except: Set<String> = []) -> String {
        "{" + order.filter { values[$0] != nil && !except.contains($0) }
            .map { "\($0): \(literal(values[$0]!))" }.joined(separator: ", ") + "}"
    }

    /// The three calls a case is fitted with, labelled for failure messages.
    static func calls(_ reference: Case) -> [(label: String, call: String)] {
        let names = parameterNames[reference.model]!
        let start = record(reference.start, order: names, except: Set(reference.fixed.keys))
        switch reference.model {
        case "sigmoid":
            let r0 = reference.fixed["R0"].map { ", r0: \(literal($0))" } ?? ""
            let fix = reference.fixed.isEmpty ? "" : ", fix: \(record(reference.fixed, order: names))"
            return [
                ("built-in from the start", "fit_sigmoid(x, y\(r0), start: \(start))"),
                ("built-in, automatic start", "fit_sigmoid(x, y\(r0))"),
                ("generic fit", "fit(model, x, y, start: \(start)\(fix))"),
            ]
        case "power":
            precondition(reference.fixed.isEmpty, "fit_power has no way to fix a parameter")
            return [
                ("built-in from the start", "fit_power(x, y, start: \(start))"),
                ("built-in, automatic start", "fit_power(x, y)"),
                ("generic fit", "fit(model, x, y, start: \(start))"),
            ]
        default:
            preconditionFailure("unknown model \(reference.model)")
        }
    }

    private func checkCase(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let reference: Case
        do {
            guard let found = try Self.reference().cases.first(where: { $0.name == name }) else {
                return XCTFail("\(name): no such case in \(Self.fixture.lastPathComponent)", file: file, line: line)
            }
            reference = found
        } catch {
            return XCTFail("\(name): cannot read \(Self.fixture.lastPathComponent): \(error)", file: file, line: line)
        }
        let names = Self.parameterNames[reference.model]!
        for (label, call) in Self.calls(reference) {
            let context = "\(name), \(label) `\(call)`"
            let calx = TestSession()
            let program = "x = \(Self.vector(reference.x))\ny = \(Self.vector(reference.y))\n"
                + Self.calxModels[reference.model]! + "\nf = \(call)\n"
            let (_, failure) = calx.value(program)
            if !failure.isEmpty {
                XCTFail("\(context): the fit failed:\n\(failure)", file: file, line: line)
                continue
            }
            switch calx.value("f.converged") {
            case (.bool(let converged)?, _):
                XCTAssertTrue(converged, "\(context): f.converged is false; warnings: \(calx.display("f.warnings"))",
                              file: file, line: line)
            case (let value, let failure):
                XCTFail("\(context): f.converged: expected a bool, got \(value.map(ValueFormatter.display) ?? failure)",
                        file: file, line: line)
            }
            if let dof = number(calx, "f.dof", context, file: file, line: line) {
                XCTAssertEqual(dof, Double(reference.dof), "\(context): degrees of freedom", file: file, line: line)
            }
            for parameter in names {
                if let fixed = reference.fixed[parameter] {
                    // A fixed parameter stays exactly where it was put, with no error of its own.
                    if let got = number(calx, "f.params.\(parameter)", context, file: file, line: line) {
                        XCTAssertEqual(got, fixed, "\(context): fixed parameter \(parameter)", file: file, line: line)
                    }
                    if let got = number(calx, "f.stderr.\(parameter)", context, file: file, line: line) {
                        XCTAssertEqual(got, 0, "\(context): standard error of the fixed parameter \(parameter)", file: file, line: line)
                    }
                    continue
                }
                if let got = number(calx, "f.params.\(parameter)", context, file: file, line: line) {
                    expect(got, reference.params[parameter]!, relative: Self.parameterTolerance,
                           "\(context): parameter \(parameter)", file: file, line: line)
                }
                if let got = number(calx, "f.stderr.\(parameter)", context, file: file, line: line) {
                    expect(got, reference.stderr[parameter]!, relative: Self.stderrTolerance,
                           "\(context): standard error of \(parameter)", file: file, line: line)
                }
            }
            if let got = number(calx, "f.rss", context, file: file, line: line) {
                expect(got, reference.rss, relative: Self.rssTolerance, "\(context): residual sum of squares", file: file, line: line)
            }
        }
    }
}
