// Bounds by reparametrisation, as MINUIT and lmfit do: the solver moves an
// unbounded u, and the parameter is a smooth function of u that stays in bounds.

import Foundation

struct Bound {
    var lower: Double?
    var upper: Double?

    static let none = Bound(lower: nil, upper: nil)

    /// The parameter for the solver's u.
    func parameter(_ u: Double) -> Double {
        switch (lower, upper) {
        case (let lo?, let hi?): return lo + (hi - lo) * (sin(u) + 1) / 2
        case (let lo?, nil): return lo - 1 + (u * u + 1).squareRoot()
        case (nil, let hi?): return hi + 1 - (u * u + 1).squareRoot()
        case (nil, nil): return u
        }
    }

    /// The solver's u for a parameter inside the bounds.
    func solverValue(_ p: Double) -> Double {
        switch (lower, upper) {
        case (let lo?, let hi?): return asin(2 * (p - lo) / (hi - lo) - 1)
        case (let lo?, nil): return ((p - lo + 1) * (p - lo + 1) - 1).squareRoot()
        case (nil, let hi?): return ((hi - p + 1) * (hi - p + 1) - 1).squareRoot()
        case (nil, nil): return p
        }
    }

    /// dp/du, for the chain rule in the Jacobian and for carrying the covariance back.
    func derivative(_ u: Double) -> Double {
        switch (lower, upper) {
        case (let lo?, let hi?): return (hi - lo) * cos(u) / 2
        case (_?, nil): return u / (u * u + 1).squareRoot()
        case (nil, _?): return -u / (u * u + 1).squareRoot()
        case (nil, nil): return 1
        }
    }

    func contains(_ p: Double) -> Bool {
        (lower.map { p >= $0 } ?? true) && (upper.map { p <= $0 } ?? true)
    }

    /// Whether p sits on a bound (to 1e-8 of the parameter's scale), where its error is unknown.
    func isAtBound(_ p: Double) -> Bool {
        let tolerance = 1e-8 * max(abs(p), 1)
        return (lower.map { abs(p - $0) <= tolerance } ?? false) || (upper.map { abs(p - $0) <= tolerance } ?? false)
    }
}
