// A model y = f(x; θ) as the fitter sees it: parameter names, values over the
// whole data vector at once, and the analytic Jacobian where one is known.

import Foundation

struct CurveModel {
    /// The function name users see in the result: "fit_sigmoid", or the Calx function's name.
    var name: String
    var parameters: [String]
    /// Shown above the parameter table: `R = R0 + (A - R0) / (1 + (Cmid / C)^B)`.
    var formula: String?
    /// What `values` and `jacobian` take in place of x, computed once per fit (the
    /// built-in laws take log x: each evaluation is then an exp per point, not a pow).
    var prepare: (([Double]) -> [Double])? = nil
    var values: (_ input: [Double], _ θ: [Double]) throws -> [Double]
    /// ∂f(x_i)/∂θ_j, row-major n × p; nil where finite differences stand in.
    var jacobian: ((_ input: [Double], _ θ: [Double]) -> [Double])?
    /// The standard-library Calx function of the same formula, kept in the result for `predict`.
    var libraryFunction: String?
    /// Whether the model may run on several threads at once (Swift models; Calx models run on the interpreter's).
    var threadSafe = true

    /// The model's values at x (prepared here).
    func evaluate(_ x: [Double], _ θ: [Double]) throws -> [Double] {
        try values(prepare?(x) ?? x, θ)
    }
}

/// log x for each x, the input of the built-in laws.
private let logarithms: ([Double]) -> [Double] = { $0.map { log($0) } }

/// The built-in scaling-law models (see models.md sections 1–3).
enum ScalingModels {
    /// ScaleRL: R(C) = R0 + (A − R0) / (1 + (Cmid / C)^B); θ = (A, B, Cmid, R0).
    static let sigmoid = analytic(
        name: "fit_sigmoid", parameters: ["A", "B", "Cmid", "R0"], formula: "R0 + (A - R0) / (1 + (Cmid / C)^B)",
        libraryFunction: "sigmoid"
    ) { logC, θ, withJacobian in
        let (a, b, mid, r0) = (θ[0], θ[1], θ[2], θ[3])
        let logMid = log(mid), gain = a - r0
        var values = [Double](repeating: 0, count: logC.count)
        var rows = [Double](repeating: 0, count: withJacobian ? logC.count * 4 : 0)
        for (i, logc) in logC.enumerated() {
            let logRatio = logMid - logc, u = exp(b * logRatio), s = 1 / (1 + u)
            values[i] = r0 + gain * s
            guard withJacobian else { continue }
            rows[4 * i] = s
            rows[4 * i + 1] = -gain * s * s * u * logRatio
            rows[4 * i + 2] = -gain * s * s * u * b / mid
            rows[4 * i + 3] = 1 - s
        }
        return (values, rows)
    }

    /// L(N) = E + A / N^alpha; θ = (E, A, alpha).
    static let power = analytic(
        name: "fit_power", parameters: ["E", "A", "alpha"], formula: "E + A / N^alpha", libraryFunction: "power_law"
    ) { logN, θ, withJacobian in
        var values = [Double](repeating: 0, count: logN.count)
        var rows = [Double](repeating: 0, count: withJacobian ? logN.count * 3 : 0)
        for (i, logn) in logN.enumerated() {
            let term = exp(-θ[2] * logn)
            values[i] = θ[0] + θ[1] * term
            guard withJacobian else { continue }
            rows[3 * i] = 1
            rows[3 * i + 1] = term
            rows[3 * i + 2] = -θ[1] * term * logn
        }
        return (values, rows)
    }

    /// c(k) = exp(a · k^b); θ = (a, b).
    static let coverage = analytic(
        name: "fit_coverage", parameters: ["a", "b"], formula: "exp(a * k^b)", libraryFunction: "coverage_law"
    ) { logK, θ, withJacobian in
        var values = [Double](repeating: 0, count: logK.count)
        var rows = [Double](repeating: 0, count: withJacobian ? logK.count * 2 : 0)
        for (i, logk) in logK.enumerated() {
            let kb = exp(θ[1] * logk), c = exp(θ[0] * kb)
            values[i] = c
            guard withJacobian else { continue }
            rows[2 * i] = c * kb
            rows[2 * i + 1] = c * θ[0] * kb * logk
        }
        return (values, rows)
    }

    /// A built-in law on log x from one function giving its values and, when asked, its Jacobian
    /// (one formula, so the two cannot disagree).
    static func analytic(name: String, parameters: [String], formula: String, libraryFunction: String,
                         _ terms: @escaping (_ logX: [Double], _ θ: [Double], _ withJacobian: Bool) -> ([Double], [Double])) -> CurveModel {
        CurveModel(name: name, parameters: parameters, formula: formula, prepare: logarithms,
                   values: { terms($0, $1, false).0 }, jacobian: { terms($0, $1, true).1 },
                   libraryFunction: libraryFunction)
    }
}
