// The last fallback of a least-squares fit: GSL's lmsder, its port of MINPACK's
// scaled Levenberg–Marquardt (the solver behind scipy's curve_fit). Its trust
// region bounds the first steps differently from gsl_multifit_nlinear's methods,
// so it is one more chance where they all end on a plateau.

import CGSL
import CalxCore
import Foundation

extension LeastSquares {
    static func solveMinpack(_ problem: LeastSquaresProblem, from start: [Double], maxIterations: Int) throws -> LeastSquaresSolution {
        // lmsder needs a Jacobian: where the model gives none, central differences with one Richardson step.
        let context = CallbackContext(problem, jacobian: problem.jacobian ?? { [residuals = problem.residuals, n = problem.n] u in
            try Fitter.extrapolatedJacobian(residuals, at: u, n: n)
        })
        var fdf = gsl_multifit_function_fdf()
        fdf.f = CallbackContext.residualCallback
        fdf.df = CallbackContext.jacobianCallback
        fdf.n = problem.n
        fdf.p = problem.p
        fdf.params = context.opaque
        guard let solver = gsl_multifit_fdfsolver_alloc(gsl_multifit_fdfsolver_lmsder, problem.n, problem.p) else {
            throw NativeError("GSL could not allocate a fit of \(problem.n) points and \(problem.p) parameters", stage: .numerics)
        }
        defer { gsl_multifit_fdfsolver_free(solver) }
        let x0 = Minimizer.vector(start)
        defer { gsl_vector_free(x0) }
        var status: Int32
        if let weights = problem.weights {
            let w = Minimizer.vector(weights)
            defer { gsl_vector_free(w) }
            status = gsl_multifit_fdfsolver_wset(solver, &fdf, x0, w)
        } else {
            status = gsl_multifit_fdfsolver_set(solver, &fdf, x0)
        }
        if let failure = context.failure { throw failure }
        guard status == GSL_SUCCESS else { throw NativeError("the fit could not start: \(GSL.describe(status))", stage: .numerics) }
        var iterations = 0, outcome = LeastSquaresSolution.Status.maxIterations, info: Int32 = 0
        while iterations < maxIterations {
            status = gsl_multifit_fdfsolver_iterate(solver)
            if let failure = context.failure { throw failure }
            iterations += 1
            // lmsder reports "cannot reduce further" when it has reached the tolerance of the arithmetic.
            if status == GSL_ETOLF || status == GSL_ETOLX || status == GSL_ETOLG { outcome = .converged; break }
            guard status == GSL_SUCCESS else { outcome = .noProgress(GSL.describe(status)); break }
            if gsl_multifit_fdfsolver_test(solver, xtol, 0, 0, &info) == GSL_SUCCESS { outcome = .converged; break }
        }
        let p = problem.p
        let J = gsl_matrix_alloc(problem.n, p)!, covariance = gsl_matrix_alloc(p, p)!
        defer { gsl_matrix_free(J); gsl_matrix_free(covariance) }
        gsl_multifit_fdfsolver_jac(solver, J)
        gsl_multifit_covar(J, 0, covariance)
        let solution = read(gsl_multifit_fdfsolver_position(solver))
        let residuals = try problem.residuals(solution)
        let cost = residuals.indices.reduce(0.0) { $0 + (problem.weights?[$1] ?? 1) * residuals[$1] * residuals[$1] }
        let jacobian = (0..<problem.n * p).map { gsl_matrix_get(J, $0 / p, $0 % p) }
        let conditioning = Fitter.covariance(jacobian, n: problem.n, p: p, weights: nil).1
        return LeastSquaresSolution(parameters: solution, residuals: residuals, cost: cost,
                                    covariance: (0..<p * p).map { gsl_matrix_get(covariance, $0 / p, $0 % p) },
                                    conditioning: conditioning, iterations: iterations, status: cost.isFinite ? outcome : .noProgress("the residuals are not finite"))
    }
}
