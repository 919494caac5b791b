// Nonlinear least squares on GSL's trust-region solver (gsl_multifit_nlinear):
// Levenberg–Marquardt, optionally with geodesic acceleration. The residuals (and
// the Jacobian, where known) come from Swift closures; GSL's finite differences
// stand in for a Jacobian the model does not give.

import CGSL
import CalxCore
import Foundation

/// A least-squares problem in `p` unknowns over `n` observations.
struct LeastSquaresProblem {
    var n: Int
    var p: Int
    /// The residuals (model − y) at a parameter vector; n values.
    var residuals: ([Double]) throws -> [Double]
    /// ∂residual_i/∂θ_j, row-major n × p; nil for finite differences.
    var jacobian: (([Double]) throws -> [Double])?
    /// Weights w_i: the solver minimises Σ w_i r_i².
    var weights: [Double]?
}

struct LeastSquaresSolution {
    enum Status: Equatable {
        case converged
        case maxIterations
        /// No step reduces the cost: where the gradient is not small, the reason.
        case noProgress(String)
    }
    var parameters: [Double]
    /// Unweighted residuals at the solution.
    var residuals: [Double]
    /// Σ w_i r_i².
    var cost: Double
    /// (Jᵀ W J)⁻¹, not yet scaled by the residual variance; p × p row-major.
    var covariance: [Double]
    /// The reciprocal condition number of the weighted Jacobian: near 0, a parameter is not identified.
    var conditioning: Double
    var iterations: Int
    var status: Status
}

/// Runs GSL callbacks against Swift closures; a thrown error is kept here, GSL gets
/// GSL_EBADFUNC and the driver rethrows it once GSL has returned. Both GSL solver
/// interfaces (gsl_multifit_nlinear and the older lmsder) call the same two callbacks.
final class CallbackContext {
    let residuals: ([Double]) throws -> [Double]
    let jacobian: (([Double]) throws -> [Double])?
    let n: Int, p: Int
    var failure: Error?

    init(_ problem: LeastSquaresProblem, jacobian: (([Double]) throws -> [Double])? = nil) {
        residuals = problem.residuals
        self.jacobian = jacobian ?? problem.jacobian
        (n, p) = (problem.n, problem.p)
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> CallbackContext {
        Unmanaged<CallbackContext>.fromOpaque(pointer!).takeUnretainedValue()
    }

    typealias VectorCallback = @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<gsl_vector>?) -> Int32
    typealias MatrixCallback = @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<gsl_matrix>?) -> Int32

    /// f(x) into GSL's vector, written in place.
    static let residualCallback: VectorCallback = { x, params, f in
        let context = from(params)
        return context.attempt {
            let r = try context.residuals(read(x!)), out = f!.pointee
            for i in r.indices { out.data[i * out.stride] = LeastSquares.bounded(r[i]) }
        }
    }

    /// J(x) into GSL's matrix, written in place.
    static let jacobianCallback: MatrixCallback = { x, params, J in
        let context = from(params)
        return context.attempt {
            let values = try context.jacobian!(read(x!)), matrix = J!.pointee
            for i in 0..<context.n { for j in 0..<context.p { matrix.data[i * matrix.tda + j] = values[i * context.p + j] } }
        }
    }

    private func attempt(_ body: () throws -> Void) -> Int32 {
        do {
            try body()
            return Int32(GSL_SUCCESS)
        } catch {
            failure = error
            return Int32(GSL_EBADFUNC)
        }
    }
}

func read(_ vector: UnsafePointer<gsl_vector>) -> [Double] {
    let v = vector.pointee
    return (0..<v.size).map { v.data[$0 * v.stride] }
}

enum LeastSquares {
    // GSL's gradient test is not scale-free (it passes early when the residuals are tiny),
    // so it is off; convergence is a tiny step, or `hasSettled`.
    static let xtol = 1e-12, gtol = 0.0, ftol = 0.0

    /// Solves from `start`. Errors from the closures propagate; GSL failures become NativeErrors.
    /// How the trust-region solver is set up; `fallbacks` are tried in turn where the first fails.
    struct Strategy {
        enum Method { case levenbergMarquardt, geodesicAcceleration, doubleDogleg, subspace2D, minpack }
        var method = Method.levenbergMarquardt
        /// Levenberg's scaling (the identity) instead of Moré's (the Jacobian's column norms).
        var levenbergScaling = false
        static let first = Strategy()
        static let fallbacks = [Strategy(method: .geodesicAcceleration), Strategy(levenbergScaling: true),
                                Strategy(method: .geodesicAcceleration, levenbergScaling: true),
                                Strategy(method: .doubleDogleg), Strategy(method: .subspace2D), Strategy(method: .minpack)]
    }

    static func solve(_ problem: LeastSquaresProblem, from start: [Double], maxIterations: Int,
                      strategy: Strategy = .first) throws -> LeastSquaresSolution {
        if strategy.method == .minpack { return try solveMinpack(problem, from: start, maxIterations: maxIterations) }
        let context = CallbackContext(problem)
        var fdf = gsl_multifit_nlinear_fdf()
        fdf.f = CallbackContext.residualCallback
        if problem.jacobian != nil { fdf.df = CallbackContext.jacobianCallback }
        fdf.n = problem.n
        fdf.p = problem.p
        fdf.params = context.opaque

        var parameters = gsl_multifit_nlinear_default_parameters()
        switch strategy.method {
        case .levenbergMarquardt: parameters.trs = gsl_multifit_nlinear_trs_lm
        case .geodesicAcceleration: parameters.trs = gsl_multifit_nlinear_trs_lmaccel
        case .doubleDogleg: parameters.trs = gsl_multifit_nlinear_trs_ddogleg
        case .subspace2D, .minpack: parameters.trs = gsl_multifit_nlinear_trs_subspace2D
        }
        if strategy.levenbergScaling { parameters.scale = gsl_multifit_nlinear_scale_levenberg }
        // The normal equations by Cholesky: several times cheaper per step than QR. Only
        // for the first attempt with an analytic Jacobian; a failure falls back to QR.
        if strategy.method == .levenbergMarquardt, !strategy.levenbergScaling, problem.jacobian != nil {
            parameters.solver = gsl_multifit_nlinear_solver_cholesky
        }
        // Central differences where the model gives no Jacobian: the fit then converges to
        // every digit the data support, not to the forward difference's half of them.
        if problem.jacobian == nil {
            parameters.fdtype = GSL_MULTIFIT_NLINEAR_CTRDIFF
            parameters.h_df = pow(Double.ulpOfOne, 1.0 / 3)  // the step that balances truncation and rounding
        }
        guard let workspace = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &parameters, problem.n, problem.p) else {
            throw NativeError("GSL could not allocate a fit of \(problem.n) points and \(problem.p) parameters", stage: .numerics)
        }
        defer { gsl_multifit_nlinear_free(workspace) }
        let x0 = gsl_vector_alloc(problem.p)!
        defer { gsl_vector_free(x0) }
        for (j, value) in start.enumerated() { gsl_vector_set(x0, j, value) }

        var status: Int32
        if let weights = problem.weights {
            let w = gsl_vector_alloc(problem.n)!
            defer { gsl_vector_free(w) }
            for (i, value) in weights.enumerated() { gsl_vector_set(w, i, value) }
            status = gsl_multifit_nlinear_winit(x0, w, &fdf, workspace)
        } else {
            status = gsl_multifit_nlinear_init(x0, &fdf, workspace)
        }
        if let failure = context.failure { throw failure }
        guard status == GSL_SUCCESS else { throw NativeError("the fit could not start: \(GSL.describe(status))", stage: .numerics) }

        // GSL's own driver loop, except that "no progress" after some progress ends the
        // fit (at machine precision there is no step left to take) instead of spinning to max_iter.
        var iterations = 0
        var outcome = LeastSquaresSolution.Status.maxIterations
        var info: Int32 = 0
        var stalls = 0
        while iterations < maxIterations {
            status = gsl_multifit_nlinear_iterate(workspace)
            if let failure = context.failure { throw failure }
            if status == GSL_ENOPROG {
                if iterations == 0 {
                    outcome = .noProgress("no step from the start reduces the residuals")
                    break
                }
                // No step left: at a minimum (to the precision the arithmetic allows), or stuck.
                if gradientCosine(workspace) <= 1e-6 {
                    outcome = .converged
                    break
                }
                stalls += 1
                if stalls == 2 {
                    outcome = .noProgress("the solver stalled where the gradient is not small")
                    break
                }
                continue
            }
            guard status == GSL_SUCCESS else {
                throw NativeError("the fit failed: \(GSL.describe(status))", stage: .numerics)
            }
            stalls = 0
            iterations += 1
            if gsl_multifit_nlinear_test(xtol, gtol, ftol, &info, workspace) == GSL_SUCCESS || hasSettled(workspace) {
                outcome = .converged
                break
            }
        }

        let p = problem.p
        let jacobian = gsl_multifit_nlinear_jac(workspace)
        let covariance = gsl_matrix_alloc(p, p)!
        defer { gsl_matrix_free(covariance) }
        gsl_multifit_nlinear_covar(jacobian, 0, covariance)
        var conditioning = 0.0
        gsl_multifit_nlinear_rcond(&conditioning, workspace)
        let solution = read(gsl_multifit_nlinear_position(workspace))
        // Unweighted, GSL's own residual vector is the answer; weighted, it is √w·r.
        let residuals = problem.weights == nil ? read(gsl_multifit_nlinear_residual(workspace)) : try problem.residuals(solution)
        let cost = residuals.indices.reduce(0.0) { $0 + (problem.weights?[$1] ?? 1) * residuals[$1] * residuals[$1] }
        if case .converged = outcome, !cost.isFinite {
            outcome = .noProgress("the residuals are not finite at the solution")
        }
        return LeastSquaresSolution(
            parameters: solution, residuals: residuals, cost: cost,
            covariance: (0..<p * p).map { gsl_matrix_get(covariance, $0 / p, $0 % p) },
            conditioning: conditioning, iterations: iterations, status: outcome)
    }

    /// A residual as the solver sees it. GSL's trust-region methods accept a step to
    /// infinite residuals (exp overflowing) and stop there; a huge finite residual instead
    /// makes that step a bad one, which the solver rejects.
    static func bounded(_ r: Double) -> Double {
        r.isNaN ? 1e150 : max(-1e150, min(1e150, r))
    }

    /// Solves from `start`; where that fails or ends on a singular Jacobian (a plateau,
    /// not a minimum), tries the fallback strategies, then starts with one parameter
    /// scaled by 0.1 or 10, and keeps the best. `rescue` names the start that won, if moved.
    static func solveWithRescue(_ problem: LeastSquaresProblem, from start: [Double], maxIterations: Int) throws
        -> (LeastSquaresSolution, rescue: (parameter: Int, factor: Double)?) {
        func good(_ s: LeastSquaresSolution) -> Bool { s.status == .converged && s.conditioning >= 1e-12 }
        // A retry wins only by converging where the best did not, or to a lower minimum.
        func better(_ a: LeastSquaresSolution, than b: LeastSquaresSolution) -> Bool {
            guard a.status == .converged else { return false }
            return b.status != .converged || (a.cost < b.cost && (good(a) || !good(b)))
        }
        var best = try solve(problem, from: start, maxIterations: maxIterations)
        var rescue: (Int, Double)?
        // Running out of max_iter is the user's limit, not a plateau: it is reported, not rescued.
        func needsRescue() -> Bool { !good(best) && best.status != .maxIterations }
        for strategy in Strategy.fallbacks where needsRescue() {
            if let retry = try? solve(problem, from: start, maxIterations: maxIterations, strategy: strategy), better(retry, than: best) {
                best = retry
            }
        }
        for k in start.indices where needsRescue() {
            for factor in [0.1, 10, 0.01, 100] {
                var moved = start
                moved[k] = start[k] == 0 ? factor : start[k] * factor
                for strategy in [Strategy.first, Strategy(method: .geodesicAcceleration)] {
                    guard let retry = try? solve(problem, from: moved, maxIterations: maxIterations, strategy: strategy),
                          better(retry, than: best) else { continue }
                    (best, rescue) = (retry, (k, factor))
                }
            }
        }
        return (best, rescue.map { (parameter: $0.0, factor: $0.1) })
    }

    /// Converged: the residuals are orthogonal to the Jacobian's columns (cosine ≤ 1e-8,
    /// MINPACK's scale-free gradient test) and the last step moved no parameter by more
    /// than 1e-7 of itself. Both, so that neither a plateau nor a stalled crawl passes.
    static func hasSettled(_ workspace: UnsafeMutablePointer<gsl_multifit_nlinear_workspace>) -> Bool {
        let dx = workspace.pointee.dx!.pointee, x = workspace.pointee.x!.pointee
        for i in 0..<x.size where abs(dx.data[i * dx.stride]) > 1e-7 * (abs(x.data[i * x.stride]) + 1e-7) { return false }
        return gradientCosine(workspace) <= 1e-8
    }

    /// MINPACK's scale-free gradient test: the largest cosine between the residual vector
    /// and a column of the Jacobian. At a minimum every column is orthogonal to the residuals.
    static func gradientCosine(_ workspace: UnsafeMutablePointer<gsl_multifit_nlinear_workspace>) -> Double {
        // Plain loops over GSL's storage: the reference CBLAS norm is slow for so small a job.
        let J = gsl_multifit_nlinear_jac(workspace)!.pointee, f = workspace.pointee.f!.pointee
        var fNorm = 0.0
        for i in 0..<f.size { fNorm += f.data[i * f.stride] * f.data[i * f.stride] }
        guard fNorm > 0 else { return 0 }
        var norms = [Double](repeating: 0, count: J.size2), dots = [Double](repeating: 0, count: J.size2)
        for i in 0..<J.size1 {
            let r = f.data[i * f.stride]
            for j in 0..<J.size2 {
                let v = J.data[i * J.tda + j]
                norms[j] += v * v
                dots[j] += v * r
            }
        }
        var largest = 0.0
        for j in 0..<J.size2 where norms[j] > 0 { largest = max(largest, abs(dots[j]) / (norms[j] * fNorm).squareRoot()) }
        return largest
    }
}
