// Tight loops over vectors of numbers, written so the compiler can vectorise them.

import Foundation

enum Kernels {
    /// Pairwise summation, as NumPy does it: eight running sums in blocks of 128,
    /// halves added recursively above that. As accurate as NumPy's `sum` and as fast.
    static func sum(_ xs: UnsafeBufferPointer<Double>) -> Double {
        let n = xs.count
        // An empty sum is 0, not the -0 that the loop below starts from.
        guard n > 0, let base = xs.baseAddress else { return 0 }
        if n < 8 {
            var total = -0.0
            for i in 0..<n { total += base[i] }
            return total
        }
        if n <= 128 {
            var r = (base[0], base[1], base[2], base[3], base[4], base[5], base[6], base[7])
            var i = 8
            while i < n - n % 8 {
                r.0 += base[i]; r.1 += base[i + 1]; r.2 += base[i + 2]; r.3 += base[i + 3]
                r.4 += base[i + 4]; r.5 += base[i + 5]; r.6 += base[i + 6]; r.7 += base[i + 7]
                i += 8
            }
            var total = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
            while i < n { total += base[i]; i += 1 }
            return total
        }
        var half = n / 2
        half -= half % 8
        return sum(UnsafeBufferPointer(rebasing: xs[0..<half])) + sum(UnsafeBufferPointer(rebasing: xs[half..<n]))
    }

    static func sum(_ xs: [Double]) -> Double {
        xs.withUnsafeBufferPointer { sum($0) }
    }

    /// `x * multiplier / divisor` for each element: a unit conversion, in one vectorised pass.
    static func rescale(_ xs: [Double], multiplyingBy multiplier: Double, dividingBy divisor: Double) -> [Double] {
        [Double](unsafeUninitializedCapacity: xs.count) { out, initialized in
            xs.withUnsafeBufferPointer { a in
                if divisor == 1 {
                    for i in 0..<a.count { out[i] = a[i] * multiplier }
                } else {
                    for i in 0..<a.count { out[i] = a[i] * multiplier / divisor }
                }
            }
            initialized = xs.count
        }
    }

    /// `op` applied element by element; `x` or `y` may be a single number broadcast.
    /// Generic over the operation so each one is specialised into a loop the compiler
    /// vectorises; a closure here can stay an indirect call per element.
    static func combine<Operation: ElementOperation>(_ operation: Operation.Type, _ count: Int, _ xs: [Double]?, _ x: Double,
                                                     _ ys: [Double]?, _ y: Double) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { out, initialized in
            switch (xs, ys) {
            case (let xs?, let ys?):
                xs.withUnsafeBufferPointer { a in ys.withUnsafeBufferPointer { b in
                    for i in 0..<count { out[i] = Operation.apply(a[i], b[i]) }
                } }
            case (let xs?, nil):
                xs.withUnsafeBufferPointer { a in for i in 0..<count { out[i] = Operation.apply(a[i], y) } }
            case (nil, let ys?):
                ys.withUnsafeBufferPointer { b in for i in 0..<count { out[i] = Operation.apply(x, b[i]) } }
            case (nil, nil):
                for i in 0..<count { out[i] = Operation.apply(x, y) }
            }
            initialized = count
        }
    }
}

/// One arithmetic operation on two numbers, as a type, for `Kernels.combine`.
protocol ElementOperation {
    static func apply(_ x: Double, _ y: Double) -> Double
}

enum Addition: ElementOperation {
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x + y }
}

enum Subtraction: ElementOperation {
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x - y }
}

enum Multiplication: ElementOperation {
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x * y }
}

enum Division: ElementOperation {
    @inline(__always) static func apply(_ x: Double, _ y: Double) -> Double { x / y }
}

enum Remainder: ElementOperation {
    static func apply(_ x: Double, _ y: Double) -> Double { Operators.flooredRemainder(x, y) }
}

enum Power: ElementOperation {
    static func apply(_ x: Double, _ y: Double) -> Double { pow(x, y) }
}
