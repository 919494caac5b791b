// An axis: its extent, linear or logarithmic, and readable ticks (1, 2, 5 × 10^k
// on a linear axis; each decade, written 1e3, 1e4 …, on a log axis).

import Foundation

struct Axis {
    var low: Double
    var high: Double
    var log: Bool
    var ticks: [Double]

    init(range: (Double, Double), log: Bool) {
        self.log = log
        var (low, high) = range
        if log {
            var first = floor(log10(low)), last = ceil(log10(high))
            if first == last { (first, last) = (first - 1, last + 1) }
            let decades = last - first, step = max(1, ceil(decades / 8))
            (self.low, self.high) = (pow(10, first), pow(10, last))
            ticks = stride(from: first, through: last, by: step).map { pow(10, $0) }
            return
        }
        if low == high { (low, high) = low == 0 ? (-1, 1) : (low - abs(low) * 0.1, high + abs(high) * 0.1) }
        let step = Axis.niceStep((high - low) / 5)
        // A span beyond the largest double (-1e308 to 1e308) has no nice step: the ends alone.
        guard step.isFinite, step > 0 else {
            (self.low, self.high, ticks) = (low, high, [low, high])
            return
        }
        let first = floor(low / step) * step, last = ceil(high / step) * step
        (self.low, self.high) = (first, last)
        let count = Int(((last - first) / step).rounded())
        ticks = (0...count).map { first + Double($0) * step }
    }

    /// 1, 2 or 5 times a power of ten, near `rough`.
    static func niceStep(_ rough: Double) -> Double {
        let magnitude = pow(10, floor(log10(rough))), fraction = rough / magnitude
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10
        return nice * magnitude
    }

    /// Where `value` falls, from 0 (low) to 1 (high); nil off a log axis's domain.
    func fraction(_ value: Double) -> Double? {
        guard value.isFinite, !log || value > 0 else { return nil }
        let f = log ? (log10(value) - log10(low)) / (log10(high) - log10(low)) : (value - low) / (high - low)
        // Off a span that overflows (-1e308 to 1e308), a point has no place to be drawn.
        return f.isFinite ? f : nil
    }

    func label(_ value: Double) -> String {
        if log {
            let exponent = Int(log10(value).rounded())
            return (-2...2).contains(exponent) ? Axis.plain(value) : "1e\(exponent)"
        }
        return Axis.plain(value)
    }

    /// A tick value without float noise: 0.30000000000000004 reads 0.3, 2000000 reads 2e6.
    static func plain(_ value: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e5 || magnitude < 1e-3 {
            let exponent = Int(floor(log10(magnitude)))
            let mantissa = (value / pow(10, Double(exponent)) * 1000).rounded() / 1000
            return shortest(mantissa) + "e\(exponent)"
        }
        return shortest((value * 1e6).rounded() / 1e6)
    }

    private static func shortest(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%g", x)
    }
}
