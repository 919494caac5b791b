// The last fallback of a least-squares fit: GSL's lmsder, its port of MINPACK's
// scaled Levenberg–Marquardt (the solver behind scipy's curve_fit). Its trust
// region bounds the first steps differently, and it finds valleys (NIST MGH17 from
// start 1) that the newer gsl_multifit_nlinear methods walk past.

import CGSL
import CalxCore
import Foundation

private final class MinpackContext {
    let residuals: ([Double]) throws -> [Double]
    let jacobian: ([Double]) throws -> [Double]
    let n: Int, p: Int
    var failure: Error?
    init(_ problem: LeastSquaresProblem) {
        residuals = problem.residuals
        n = problem.n
        p = problem.p
        jacobian = problem.jacobian ?? { [residuals, n] u in try Fitter.extrapolatedJacobian(residuals, at: u, n: n) }
    }
    static func from(_ pointer: UnsafeMutableRawPointer?) -> MinpackContext {
        Unmanaged<MinpackContext>.fromOpaque(pointer!).takeUnretainedValue()
    }
}

extension LeastSquares {
    static func solveMinpack(_ problem: LeastSquaresProblem, from start: [Double], maxIterations: Int) throws -> LeastSquaresSolution {
        let context = MinpackContext(problem)
        var fdf = gsl_multifit_function_fdf()
        fdf.f = { x, params, f in
            let context = MinpackContext.from(params)
            do {
                let r = try context.residuals(read(x!))
                let out = f!.pointee
                for i in r.indices { out.data[i * out.stride] = LeastSquares.bounded(r[i]) }
                return Int32(GSL_SUCCESS)
            } catch {
                context.failure = error
                return Int32(GSL_EBADFUNC)
            }
        }
        fdf.df = { x, params, J in
            let context = MinpackContext.from(params)
            do {
                let values = try context.jacobian(read(x!))
                let matrix = J!.pointee
                for i in 0..<context.n { for j in 0..<context.p { matrix.data[i * matrix.tda + j] = values[i * context.p + j] } }
                return Int32(GSL_SUCCESS)
            } catch {
                context.failure = error
                return Int32(GSL_EBADFUNC)
            }
        }
        fdf.n = problem.n
        fdf.p = problem.p
        fdf.params = Unmanaged.passUnretained(context).toOpaque()
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
