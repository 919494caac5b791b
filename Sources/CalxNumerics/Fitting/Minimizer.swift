// General minimisation on GSL's gsl_multimin: BFGS2 with an analytic gradient,
// Nelder–Mead (simplex2) where the gradient method cannot make progress.

import CGSL
import CalxCore

struct Objective {
    var dimension: Int
    var value: ([Double]) throws -> Double
    /// Value and gradient together (they share most of their work).
    var valueAndGradient: ([Double]) throws -> (Double, [Double])
}

struct Minimum {
    var point: [Double]
    var value: Double
    var iterations: Int
    var converged: Bool
}

private final class ObjectiveContext {
    let objective: Objective
    var failure: Error?
    init(_ objective: Objective) { self.objective = objective }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ObjectiveContext {
        Unmanaged<ObjectiveContext>.fromOpaque(pointer!).takeUnretainedValue()
    }

    /// Runs `body`, keeping a thrown error; GSL then sees nan, which stops the line search.
    func attempt<T>(_ fallback: T, _ body: () throws -> T) -> T {
        do { return try body() } catch { failure = error; return fallback }
    }
}

enum Minimizer {
    /// BFGS2 from `start` until the gradient's norm is below `gradientTolerance`; where the
    /// line search gives out first, the result counts as converged if the norm is below `acceptance`.
    static func bfgs(_ objective: Objective, from start: [Double], gradientTolerance: Double, acceptance: Double? = nil,
                     maxIterations: Int) throws -> Minimum {
        let context = ObjectiveContext(objective)
        var function = gsl_multimin_function_fdf()
        function.n = objective.dimension
        function.params = Unmanaged.passUnretained(context).toOpaque()
        function.f = { x, params in
            let context = ObjectiveContext.from(params)
            return context.attempt(.nan) { try context.objective.value(read(x!)) }
        }
        function.df = { x, params, g in
            let context = ObjectiveContext.from(params)
            let gradient = context.attempt([]) { try context.objective.valueAndGradient(read(x!)).1 }
            for j in 0..<context.objective.dimension { gsl_vector_set(g, j, j < gradient.count ? gradient[j] : .nan) }
        }
        function.fdf = { x, params, f, g in
            let context = ObjectiveContext.from(params)
            let (value, gradient) = context.attempt((Double.nan, [])) { try context.objective.valueAndGradient(read(x!)) }
            f?.pointee = value
            for j in 0..<context.objective.dimension { gsl_vector_set(g, j, j < gradient.count ? gradient[j] : .nan) }
        }
        let x0 = vector(start)
        defer { gsl_vector_free(x0) }
        guard let minimizer = gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, objective.dimension) else {
            throw NativeError("GSL could not allocate a minimiser", stage: .numerics)
        }
        defer { gsl_multimin_fdfminimizer_free(minimizer) }
        var status = gsl_multimin_fdfminimizer_set(minimizer, &function, x0, 0.01, 0.1)
        if let failure = context.failure { throw failure }
        guard status == GSL_SUCCESS else { throw NativeError("the minimiser could not start: \(GSL.describe(status))", stage: .numerics) }
        var iterations = 0, converged = false
        while iterations < maxIterations {
            iterations += 1
            status = gsl_multimin_fdfminimizer_iterate(minimizer)
            if let failure = context.failure { throw failure }
            if status != GSL_SUCCESS { break }  // ENOPROG: the line search found no lower point
            if gsl_multimin_test_gradient(minimizer.pointee.gradient, gradientTolerance) == GSL_SUCCESS {
                converged = true
                break
            }
        }
        if !converged {
            converged = gsl_multimin_test_gradient(minimizer.pointee.gradient, acceptance ?? gradientTolerance) == GSL_SUCCESS
        }
        return Minimum(point: read(minimizer.pointee.x), value: minimizer.pointee.f, iterations: iterations, converged: converged)
    }

    /// Nelder–Mead from `start`, until the simplex is smaller than `sizeTolerance`.
    static func simplex(_ objective: Objective, from start: [Double], sizeTolerance: Double, maxIterations: Int) throws -> Minimum {
        let context = ObjectiveContext(objective)
        var function = gsl_multimin_function()
        function.n = objective.dimension
        function.params = Unmanaged.passUnretained(context).toOpaque()
        function.f = { x, params in
            let context = ObjectiveContext.from(params)
            return context.attempt(.nan) { try context.objective.value(read(x!)) }
        }
        let x0 = vector(start), steps = vector(start.map { max(abs($0) * 0.1, 0.1) })
        defer { gsl_vector_free(x0); gsl_vector_free(steps) }
        guard let minimizer = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, objective.dimension) else {
            throw NativeError("GSL could not allocate a minimiser", stage: .numerics)
        }
        defer { gsl_multimin_fminimizer_free(minimizer) }
        gsl_multimin_fminimizer_set(minimizer, &function, x0, steps)
        if let failure = context.failure { throw failure }
        var iterations = 0, converged = false
        while iterations < maxIterations {
            iterations += 1
            if gsl_multimin_fminimizer_iterate(minimizer) != GSL_SUCCESS { break }
            if let failure = context.failure { throw failure }
            if gsl_multimin_test_size(gsl_multimin_fminimizer_size(minimizer), sizeTolerance) == GSL_SUCCESS {
                converged = true
                break
            }
        }
        return Minimum(point: read(minimizer.pointee.x), value: minimizer.pointee.fval, iterations: iterations, converged: converged)
    }

    static func vector(_ values: [Double]) -> UnsafeMutablePointer<gsl_vector> {
        let v = gsl_vector_alloc(values.count)!
        for (j, value) in values.enumerated() { gsl_vector_set(v, j, value) }
        return v
    }
}
