// A model y = f(x; θ) as the fitter sees it: parameter names, values over the
// whole data vector at once, and the analytic Jacobian where one is known.

import Foundation

struct CurveModel {
    /// The function name users see in the result: "fit_sigmoid", or the Calx function's name.
    var name: String
    var parameters: [String]
    /// Shown above the parameter table: `R = R0 + (A - R0) / (1 + (Cmid / C)^B)`.
    var formula: String?
    var values: (_ x: [Double], _ θ: [Double]) throws -> [Double]
    /// ∂f(x_i)/∂θ_j, row-major n × p; nil where finite differences stand in.
    var jacobian: ((_ x: [Double], _ θ: [Double]) -> [Double])?
    /// The standard-library Calx function of the same formula, kept in the result for `predict`.
    var libraryFunction: String?
    /// Whether the model may run on several threads at once (Swift models; Calx models run on the interpreter's).
    var threadSafe = true
}

/// The built-in scaling-law models (see models.md sections 1–3).
enum ScalingModels {
    /// ScaleRL: R(C) = R0 + (A − R0) / (1 + (Cmid / C)^B); θ = (A, B, Cmid, R0).
    static let sigmoid = CurveModel(
        name: "fit_sigmoid", parameters: ["A", "B", "Cmid", "R0"],
        formula: "R0 + (A - R0) / (1 + (Cmid / C)^B)",
        values: { x, θ in
            let (a, b, mid, r0) = (θ[0], θ[1], θ[2], θ[3])
            return x.map { r0 + (a - r0) / (1 + pow(mid / $0, b)) }
        },
        jacobian: { x, θ in
            let (a, b, mid, r0) = (θ[0], θ[1], θ[2], θ[3])
            var rows = [Double](repeating: 0, count: x.count * 4)
            for (i, c) in x.enumerated() {
                let u = pow(mid / c, b), s = 1 / (1 + u), gain = a - r0
                rows[4 * i] = s
                rows[4 * i + 1] = -gain * s * s * u * log(mid / c)
                rows[4 * i + 2] = -gain * s * s * u * b / mid
                rows[4 * i + 3] = 1 - s
            }
            return rows
        },
        libraryFunction: "sigmoid")

    /// L(N) = E + A / N^alpha; θ = (E, A, alpha).
    static let power = CurveModel(
        name: "fit_power", parameters: ["E", "A", "alpha"],
        formula: "E + A / N^alpha",
        values: { x, θ in x.map { θ[0] + θ[1] * pow($0, -θ[2]) } },
        jacobian: { x, θ in
            var rows = [Double](repeating: 0, count: x.count * 3)
            for (i, n) in x.enumerated() {
                let term = pow(n, -θ[2])
                rows[3 * i] = 1
                rows[3 * i + 1] = term
                rows[3 * i + 2] = -θ[1] * term * log(n)
            }
            return rows
        },
        libraryFunction: "power_law")

    /// c(k) = exp(a · k^b); θ = (a, b).
    static let coverage = CurveModel(
        name: "fit_coverage", parameters: ["a", "b"],
        formula: "exp(a * k^b)",
        values: { x, θ in x.map { exp(θ[0] * pow($0, θ[1])) } },
        jacobian: { x, θ in
            var rows = [Double](repeating: 0, count: x.count * 2)
            for (i, k) in x.enumerated() {
                let kb = pow(k, θ[1]), c = exp(θ[0] * kb)
                rows[2 * i] = c * kb
                rows[2 * i + 1] = c * θ[0] * kb * log(k)
            }
            return rows
        },
        libraryFunction: "coverage_law")
}
