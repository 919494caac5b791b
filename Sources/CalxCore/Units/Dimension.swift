// A physical dimension as powers of base dimensions (Length, Time, Information,
// Currency, FLOP, and any a program declares).

public struct Dimension: Hashable, Sendable {
    /// Power of each base dimension, by base index; no trailing zeros, so equal dimensions compare equal.
    public private(set) var powers: [Int]

    public init(powers: [Int] = []) {
        self.powers = powers
        trim()
    }

    public static let none = Dimension()

    /// The base dimension number `index`.
    public static func base(_ index: Int) -> Dimension {
        var powers = Array(repeating: 0, count: index + 1)
        powers[index] = 1
        return Dimension(powers: powers)
    }

    public var isNone: Bool { powers.isEmpty }

    private mutating func trim() {
        while powers.last == 0 { powers.removeLast() }
    }

    public static func * (a: Dimension, b: Dimension) -> Dimension {
        var powers = Array(repeating: 0, count: max(a.powers.count, b.powers.count))
        for (index, power) in a.powers.enumerated() { powers[index] += power }
        for (index, power) in b.powers.enumerated() { powers[index] += power }
        return Dimension(powers: powers)
    }

    public func raised(to exponent: Int) -> Dimension {
        Dimension(powers: powers.map { $0 * exponent })
    }

    /// The dimension to the power 1/root, or nil if some power does not divide.
    public func root(_ root: Int) -> Dimension? {
        guard powers.allSatisfy({ $0 % root == 0 }) else { return nil }
        return Dimension(powers: powers.map { $0 / root })
    }
}
