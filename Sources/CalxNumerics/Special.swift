// Special functions from GSL: gamma, beta, error functions, binomial coefficients.

import CGSL
import CalxCore

public enum SpecialFunctions {
    /// A GSL special function of one argument, mapped over vectors.
    static func unary(_ name: String, _ routine: @escaping (Double, UnsafeMutablePointer<gsl_sf_result>) -> Int32) -> NativeBody {
        { arguments in
            // nan in, nan out: GSL reports nan as overflow (gamma) or as a roundoff error (lngamma).
            func value(_ x: Double) throws -> Double { x.isNaN ? x : try GSL.call(name) { routine(x, $0) } }
            switch arguments[0] {
            case .number(let x): return .number(try value(x))
            case .numbers(let xs): return .numbers(try xs.map(value))
            default: throw arguments.mismatch(0, expected: "a number or a vector of numbers")
            }
        }
    }

    /// The value at ±infinity, where GSL's erf and erfc give nan.
    static func limit(_ x: Double, _ result: UnsafeMutablePointer<gsl_sf_result>, atInfinity: Double, atMinusInfinity: Double) -> Int32? {
        guard x.isInfinite else { return nil }
        result.pointee = gsl_sf_result(val: x > 0 ? atInfinity : atMinusInfinity, err: 0)
        return Int32(GSL_SUCCESS)
    }

    /// `choose(n, k)` for whole n ≥ k ≥ 0.
    static func counts(_ arguments: Arguments) throws -> (UInt32, UInt32) {
        let n = try arguments.integer(0, minimum: 0), k = try arguments.integer(1, minimum: 0)
        guard n <= UInt32.max else { throw ArgumentError(position: 0, "too large") }
        guard k <= n else { throw ArgumentError(position: 1, "k must not exceed n (\(n)), got \(k)") }
        return (UInt32(n), UInt32(k))
    }

    public static let natives: [String: NativeBody] = [
        "gamma": unary("gamma", gsl_sf_gamma_e),
        "lngamma": unary("lngamma", gsl_sf_lngamma_e),
        // erf is odd, so erf(-x) is -erf(x) exactly (GSL's 1 − erfc(x) for x ≤ -1 is not).
        "erf": unary("erf") { x, result in
            if let status = limit(x, result, atInfinity: 1, atMinusInfinity: -1) { return status }
            let status = gsl_sf_erf_e(abs(x), result)
            if x < 0 { result.pointee.val.negate() }
            return status
        },
        // Near 0, 1 − erf(x) is within an ulp where GSL's erfc is within two (erfc(0) is 0.9999999999999999).
        "erfc": unary("erfc") { x, result in
            if let status = limit(x, result, atInfinity: 0, atMinusInfinity: 2) { return status }
            guard abs(x) < 0.25 else { return gsl_sf_erfc_e(x, result) }
            let status = gsl_sf_erf_e(x, result)
            result.pointee.val = 1 - result.pointee.val
            return status
        },
        "beta": { arguments in
            let a = try arguments.number(0), b = try arguments.number(1)
            if a.isNaN || b.isNaN { return .number(.nan) }
            return .number(try GSL.call("beta") { gsl_sf_beta_e(a, b, $0) })
        },
        "choose": { arguments in
            let (n, k) = try counts(arguments)
            return .number(try GSL.call("choose") { gsl_sf_choose_e(n, k, $0) })
        },
        "lnchoose": { arguments in
            let (n, k) = try counts(arguments)
            return .number(try GSL.call("lnchoose") { gsl_sf_lnchoose_e(n, k, $0) })
        },
    ]
}
