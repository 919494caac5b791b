// One fit of a curve model to data: fixed parameters left out, bounds applied by
// reparametrisation, then least squares (gsl_multifit_nlinear) or a Huber loss
// (gsl_multimin). What comes back is in the model's own parameters.

import CGSL
import CalxCore
import Foundation

enum Loss: Equatable {
    case squared
    case huber(delta: Double)
}

struct FitSpecification {
    var model: CurveModel
    var x: [Double]
    var y: [Double]
    var weights: [Double]?
    var start: [Double]
    var fixed: [Bool]
    var bounds: [Bound]
    var loss: Loss = .squared
    var maxIterations: Int = 200
}

struct FitOutcome {
    var parameters: [Double]
    /// (Jᵀ W J)⁻¹ over all parameters (zero rows and columns for fixed ones), not yet scaled.
    var covariance: [Double]
    /// f(x_i) − y_i.
    var residuals: [Double]
    /// Σ w_i r_i².
    var rss: Double
    /// What the optimiser minimised: rss, or the sum of Huber terms.
    var objective: Double
    var iterations: Int
    var converged: Bool
    /// Why a fit did not converge.
    var reason: String?
    var conditioning: Double
    /// What the fitter did that the user should know (a rescued start).
    var notes: [String] = []
}

enum Fitter {
    static func fit(_ spec: FitSpecification) throws -> FitOutcome {
        let free = spec.fixed.indices.filter { !spec.fixed[$0] }
        guard !free.isEmpty else { throw NativeError("every parameter is fixed: there is nothing to fit", stage: .type) }
        let p = spec.start.count, n = spec.x.count

        // With every parameter free and unbounded, u is θ and the Jacobian needs no remapping.
        let input = spec.model.prepare?(spec.x) ?? spec.x
        let direct = free.count == p && spec.bounds.allSatisfy { $0.lower == nil && $0.upper == nil }
        func full(_ u: [Double]) -> [Double] {
            if direct { return u }
            var θ = spec.start
            for (k, j) in free.enumerated() { θ[j] = spec.bounds[j].parameter(u[k]) }
            return θ
        }
        func residuals(_ u: [Double]) throws -> [Double] {
            let values = try spec.model.values(input, full(u))
            return zip(values, spec.y).map { $0 - $1 }
        }
        /// ∂θ/∂u applied to the model's Jacobian: ∂r_i/∂u_k, n × free.count.
        func remapped(_ rows: [Double], _ u: [Double]) -> [Double] {
            if direct { return rows }
            var out = [Double](repeating: 0, count: n * free.count)
            for (k, j) in free.enumerated() {
                let chain = spec.bounds[j].derivative(u[k])
                for i in 0..<n { out[i * free.count + k] = rows[i * p + j] * chain }
            }
            return out
        }
        let jacobian: (([Double]) throws -> [Double])? = spec.model.jacobian.map { modelJacobian in
            { u in remapped(modelJacobian(input, full(u)), u) }
        }
        let u0 = free.map { spec.bounds[$0].solverValue(spec.start[$0]) }
        let start = try residuals(u0)
        if let bad = start.firstIndex(where: { !$0.isFinite }) {
            throw NativeError("the model is \(ValueFormatter.number(start[bad] + spec.y[bad])) at the start, at x[\(bad)] = \(ValueFormatter.number(spec.x[bad]))", stage: .numerics,
                              notes: ["help: choose start values where the model gives numbers for every x"])
        }
        let problem = LeastSquaresProblem(n: n, p: free.count, residuals: residuals, jacobian: jacobian, weights: spec.weights)

        var u: [Double], objective: Double, iterations: Int, converged: Bool, reason: String?, r: [Double]
        var freeCovariance: [Double], conditioning: Double
        var notes: [String] = []
        switch spec.loss {
        case .squared:
            let (solution, rescue) = try LeastSquares.solveWithRescue(problem, from: u0, maxIterations: spec.maxIterations)
            if let rescue {
                let name = spec.model.parameters[free[rescue.parameter]]
                notes.append("from the given start the fit stalled; a start with \(name) × \(ValueFormatter.number(rescue.factor)) reached a lower minimum")
            }
            (u, objective, iterations, r) = (solution.parameters, solution.cost, solution.iterations, solution.residuals)
            (freeCovariance, conditioning) = (solution.covariance, solution.conditioning)
            // GSL's forward differences steer the solver well, but the covariance needs
            // more digits: central differences with one Richardson step.
            if jacobian == nil, solution.cost.isFinite,
               let J = try? extrapolatedJacobian(residuals, at: solution.parameters, n: n) {
                (freeCovariance, conditioning) = covariance(J, n: n, p: free.count, weights: spec.weights)
            }
            switch solution.status {
            case .converged: (converged, reason) = (true, nil)
            case .maxIterations: (converged, reason) = (false, "stopped at max_iter = \(spec.maxIterations) before converging")
            case .noProgress(let why): (converged, reason) = (false, why)
            }
        case .huber(let delta):
            let minimum = try minimizeHuber(problem, delta: delta, from: u0, maxIterations: spec.maxIterations)
            (u, objective, iterations, converged) = (minimum.point, minimum.value, minimum.iterations, minimum.converged)
            r = try residuals(u)
            reason = converged ? nil : "the Huber minimisation stopped after \(iterations) iterations before its gradient vanished"
            // The least-squares covariance at the robust estimate: an approximation (bootstrap is exact).
            let J = try jacobian?(u) ?? finiteDifferenceJacobian(residuals, at: u, n: n)
            (freeCovariance, conditioning) = covariance(J, n: n, p: free.count, weights: spec.weights)
        }

        let θ = full(u)
        let rss = r.indices.reduce(0.0) { $0 + (spec.weights?[$1] ?? 1) * r[$1] * r[$1] }
        var cov = [Double](repeating: 0, count: p * p)
        for (a, i) in free.enumerated() {
            for (b, j) in free.enumerated() {
                cov[i * p + j] = freeCovariance[a * free.count + b] * spec.bounds[i].derivative(u[a]) * spec.bounds[j].derivative(u[b])
            }
        }
        // Not identified at the solution and already at the start (no bound involved): the model's fault.
        if conditioning < 1e-12, !free.contains(where: { spec.bounds[$0].isAtBound(θ[$0]) }) {
            try checkIdentifiable(spec, free: free, jacobian: try jacobian?(u0) ?? finiteDifferenceJacobian(residuals, at: u0, n: n))
        }
        return FitOutcome(parameters: θ, covariance: cov, residuals: r, rss: rss, objective: objective,
                          iterations: iterations, converged: converged && rss.isFinite, reason: reason, conditioning: conditioning,
                          notes: notes)
    }

    /// Σ w_i·Huber_δ(r_i), by BFGS2 with the analytic gradient Σ w_i ψ(r_i) ∂r_i/∂u,
    /// falling back to Nelder–Mead where BFGS cannot converge.
    static func minimizeHuber(_ problem: LeastSquaresProblem, delta: Double, from u0: [Double], maxIterations: Int) throws -> Minimum {
        func huber(_ r: Double) -> Double { abs(r) <= delta ? r * r / 2 : delta * (abs(r) - delta / 2) }
        func value(_ r: [Double]) -> Double { r.indices.reduce(0.0) { $0 + (problem.weights?[$1] ?? 1) * huber(r[$1]) } }
        let objective = Objective(
            dimension: problem.p,
            value: { u in value(try problem.residuals(u)) },
            valueAndGradient: { u in
                let r = try problem.residuals(u)
                let J = try problem.jacobian?(u) ?? finiteDifferenceJacobian(problem.residuals, at: u, n: problem.n)
                var gradient = [Double](repeating: 0, count: problem.p)
                for i in r.indices {
                    let psi = (problem.weights?[i] ?? 1) * max(-delta, min(delta, r[i]))
                    for k in 0..<problem.p { gradient[k] += psi * J[i * problem.p + k] }
                }
                return (value(r), gradient)
            })
        // BFGS runs as far as its line search can; the result counts as converged where the
        // gradient is small for the precision a (possibly finite-difference) gradient has.
        let scale = max(1, abs(try objective.value(u0)))
        let bfgs = try Minimizer.bfgs(objective, from: u0, gradientTolerance: 1e-10 * scale, acceptance: 1e-5 * scale,
                                      maxIterations: maxIterations)
        if bfgs.converged { return bfgs }
        let simplex = try Minimizer.simplex(objective, from: bfgs.point, sizeTolerance: 1e-7, maxIterations: 20 * maxIterations)
        return simplex.value <= bfgs.value ? simplex : bfgs
    }

    /// Forward differences, n × p row-major: for models without an analytic Jacobian.
    static func finiteDifferenceJacobian(_ f: ([Double]) throws -> [Double], at u: [Double], n: Int) throws -> [Double] {
        let p = u.count, base = try f(u)
        var J = [Double](repeating: 0, count: n * p)
        for k in 0..<p {
            var shifted = u
            let h = Double.ulpOfOne.squareRoot() * max(abs(u[k]), 1e-8)
            shifted[k] += h
            let moved = try f(shifted)
            for i in 0..<n { J[i * p + k] = (moved[i] - base[i]) / h }
        }
        return J
    }

    /// Central differences at steps h and h/2 combined (Richardson): error O(h⁴).
    static func extrapolatedJacobian(_ f: ([Double]) throws -> [Double], at u: [Double], n: Int) throws -> [Double] {
        let p = u.count
        var J = [Double](repeating: 0, count: n * p)
        for k in 0..<p {
            let h = pow(Double.ulpOfOne, 1.0 / 5) * max(abs(u[k]), 1e-8)
            func central(_ step: Double) throws -> [Double] {
                var up = u, down = u
                up[k] += step
                down[k] -= step
                let (a, b) = (try f(up), try f(down))
                return (0..<n).map { (a[$0] - b[$0]) / (2 * step) }
            }
            let (coarse, fine) = (try central(h), try central(h / 2))
            for i in 0..<n { J[i * p + k] = (4 * fine[i] - coarse[i]) / 3 }
        }
        guard J.allSatisfy(\.isFinite) else { throw NativeError("the Jacobian is not finite") }
        return J
    }

    /// (Jᵀ W J)⁻¹ by GSL's QR-based covariance, and the reciprocal condition number of √W·J.
    static func covariance(_ J: [Double], n: Int, p: Int, weights: [Double]?) -> ([Double], Double) {
        let matrix = gsl_matrix_alloc(n, p)!, result = gsl_matrix_alloc(p, p)!
        defer { gsl_matrix_free(matrix); gsl_matrix_free(result) }
        for i in 0..<n {
            let scale = (weights?[i] ?? 1).squareRoot()
            for j in 0..<p { gsl_matrix_set(matrix, i, j, J[i * p + j] * scale) }
        }
        gsl_multifit_nlinear_covar(matrix, 0, result)
        let cov = (0..<p * p).map { gsl_matrix_get(result, $0 / p, $0 % p) }
        return (cov, singularValues(J, n: n, p: p, weights: weights).conditioning)
    }

    /// The SVD of √W·J: its reciprocal condition number, and the direction in parameter
    /// space along which it is smallest (where the model's values do not move).
    static func singularValues(_ J: [Double], n: Int, p: Int, weights: [Double]?) -> (conditioning: Double, flattest: [Double]) {
        guard n >= p else { return (0, []) }
        let matrix = gsl_matrix_alloc(n, p)!, v = gsl_matrix_alloc(p, p)!, s = gsl_vector_alloc(p)!, work = gsl_vector_alloc(p)!
        defer { gsl_matrix_free(matrix); gsl_matrix_free(v); gsl_vector_free(s); gsl_vector_free(work) }
        for i in 0..<n { for j in 0..<p { gsl_matrix_set(matrix, i, j, J[i * p + j] * (weights?[i] ?? 1).squareRoot()) } }
        guard J.allSatisfy(\.isFinite), gsl_linalg_SV_decomp(matrix, v, s, work) == GSL_SUCCESS else { return (0, []) }
        let largest = gsl_vector_max(s), smallest = gsl_vector_min(s), column = gsl_vector_min_index(s)
        return (largest > 0 && largest.isFinite ? smallest / largest : 0, (0..<p).map { gsl_matrix_get(v, $0, column) })
    }

    /// Parameters the model cannot tell apart at the start (a singular Jacobian there too):
    /// a mistake in the model, which no data can fix. Names them in an error.
    static func checkIdentifiable(_ spec: FitSpecification, free: [Int], jacobian: [Double]) throws {
        let (conditioning, flattest) = singularValues(jacobian, n: spec.x.count, p: free.count, weights: spec.weights)
        guard conditioning < 1e-12, !flattest.isEmpty else { return }
        let involved = free.indices.filter { abs(flattest[$0]) > 0.1 }.map { spec.model.parameters[free[$0]] }
        let names = involved.count > 1 ? involved.dropLast().joined(separator: ", ") + " and " + (involved.last ?? "") : involved.first ?? "the parameters"
        throw NativeError(involved.count > 1 ? "the model cannot tell \(names) apart: its Jacobian is singular" : "the model does not depend on \(names): its Jacobian is singular",
                          stage: .numerics,
                          notes: ["note: changing \(involved.count > 1 ? "them together" : "it") in one direction leaves every value of the model unchanged",
                                  involved.count > 1 ? "help: fix one of them (fix: {\(involved[0]): …}) or write the model with fewer parameters"
                                                     : "help: fix it (fix: {\(names): …}) or take it out of the model"])
    }
}
