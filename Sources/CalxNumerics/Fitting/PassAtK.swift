// pass@k (Chen et al. 2021; models.md §3): the chance that at least one of k samples
// is correct when c of n were, as 1 − Π_{i=n−c+1}^{n} (1 − k/i): no factorials, so
// n in the thousands stays exact.

import CalxCore
import Foundation

enum PassAtK {
    static func passAtK(_ n: Double, _ c: Double, _ k: Double) -> Double {
        if n - c < k { return 1 }
        // Past a million correct samples the product would loop for long: the same ratio
        // C(n − c, k) / C(n, k) from log-gamma instead.
        if c > 1e6 {
            let wrong: Double = lgamma(n - c + 1) - lgamma(n - c - k + 1)
            let all: Double = lgamma(n + 1) - lgamma(n - k + 1)
            return 1 - exp(wrong - all)
        }
        var miss = 1.0
        var i = n - c + 1
        while i <= n {
            miss *= 1 - k / i
            i += 1
        }
        return 1 - miss
    }

    /// pass_at_k(n, c, k): over problems (n and c vectors) or over k (a vector of sample counts).
    static func native(_ arguments: Arguments) throws -> Value {
        let n = try arguments.numbers(0), c = try arguments.numbers(1), k = try arguments.numbers(2)
        guard !n.isEmpty, !c.isEmpty, !k.isEmpty else {
            throw NativeError("pass_at_k() needs at least one n, c and k")
        }
        let problems = max(n.count, c.count)
        guard n.count == c.count || n.count == 1 || c.count == 1 else {
            throw NativeError("n has \(n.count) values and c has \(c.count): give one (n, c) pair per problem")
        }
        guard problems == 1 || k.count == 1 else {
            throw ArgumentError(position: 2, "k must be one number when n and c describe several problems; map over k for a curve")
        }
        func check(_ values: [Double], _ position: Int, minimum: Double) throws {
            if let bad = values.first(where: { $0 != $0.rounded() || $0 < minimum || !$0.isFinite }) {
                throw ArgumentError(position: position, "\(arguments.parameterNames[position]) must be a whole number ≥ \(Int(minimum)), got \(ValueFormatter.number(bad))")
            }
        }
        try check(n, 0, minimum: 1)
        try check(c, 1, minimum: 0)
        try check(k, 2, minimum: 1)
        var values: [Double] = []
        for index in 0..<max(problems, k.count) {
            let (ni, ci, ki) = (n[n.count == 1 ? 0 : index], c[c.count == 1 ? 0 : index], k[k.count == 1 ? 0 : index])
            guard ci <= ni else { throw ArgumentError(position: 1, "c = \(ValueFormatter.number(ci)) correct out of n = \(ValueFormatter.number(ni)) samples is impossible") }
            guard ki <= ni else { throw ArgumentError(position: 2, "k = \(ValueFormatter.number(ki)) exceeds the n = \(ValueFormatter.number(ni)) samples drawn: pass@k needs k ≤ n") }
            values.append(passAtK(ni, ci, ki))
        }
        let scalar = !Prediction.isVector(arguments[0]) && !Prediction.isVector(arguments[1]) && !Prediction.isVector(arguments[2])
        return scalar ? .number(values[0]) : .numbers(values)
    }
}
