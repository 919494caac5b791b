// A unit: its dimension, its size in base units, an offset for temperatures,
// and the factors it was written with, which is how it is displayed (W·h stays W·h).

import Foundation

public final class Unit {
    public struct Factor: Equatable {
        public var name: String
        public var power: Int
    }

    public let dimension: Dimension
    /// How many base units one of this unit is.
    public let scale: Double
    /// Added after scaling, for units like °C whose zero is not the base unit's zero.
    public let offset: Double
    public let factors: [Factor]

    public init(dimension: Dimension, scale: Double, offset: Double = 0, factors: [Factor]) {
        self.dimension = dimension
        self.scale = scale
        self.offset = offset
        self.factors = factors
    }

    /// A unit named `name` with the size and dimension of `unit`.
    public convenience init(named name: String, as unit: Unit) {
        self.init(dimension: unit.dimension, scale: unit.scale, offset: unit.offset, factors: [Factor(name: name, power: 1)])
    }

    public var hasOffset: Bool { offset != 0 }

    /// `kWh`, `W·h`, `m/s^2`, `USD/(GPU·h)`.
    public var symbol: String {
        func term(_ factor: Factor, _ power: Int) -> String { power == 1 ? factor.name : "\(factor.name)^\(power)" }
        let numerator = factors.filter { $0.power > 0 }.map { term($0, $0.power) }
        let denominator = factors.filter { $0.power < 0 }.map { term($0, -$0.power) }
        let top = numerator.isEmpty ? "1" : numerator.joined(separator: "·")
        if denominator.isEmpty { return top }
        let bottom = denominator.joined(separator: "·")
        return top + "/" + (denominator.count > 1 ? "(\(bottom))" : bottom)
    }

    public static func * (a: Unit, b: Unit) -> Unit {
        Unit(dimension: a.dimension * b.dimension, scale: a.scale * b.scale, factors: merge(a.factors, b.factors))
    }

    /// Divides scales directly: multiplying by an inverse loses a digit (kWh/(W·h) is 1000, not 999.99…).
    public static func / (a: Unit, b: Unit) -> Unit {
        Unit(dimension: a.dimension * b.dimension.raised(to: -1), scale: a.scale / b.scale,
             factors: merge(a.factors, b.factors.map { Factor(name: $0.name, power: -$0.power) }))
    }

    public func raised(to exponent: Int) -> Unit {
        Unit(dimension: dimension.raised(to: exponent), scale: pow(scale, Double(exponent)),
             factors: factors.map { Factor(name: $0.name, power: $0.power * exponent) }.filter { $0.power != 0 })
    }

    /// The unit to the power 1/root, if every factor's power divides.
    public func root(_ root: Int) -> Unit? {
        guard let dimension = dimension.root(root), factors.allSatisfy({ $0.power % root == 0 }) else { return nil }
        return Unit(dimension: dimension, scale: pow(scale, 1 / Double(root)),
                    factors: factors.map { Factor(name: $0.name, power: $0.power / root) })
    }

    /// Factors of both, powers of the same name added, in order of first appearance.
    static func merge(_ a: [Factor], _ b: [Factor]) -> [Factor] {
        var out = a
        for factor in b {
            if let index = out.firstIndex(where: { $0.name == factor.name }) {
                out[index].power += factor.power
            } else {
                out.append(factor)
            }
        }
        return out.filter { $0.power != 0 }
    }

    /// The factor that turns a value in `self` into a value in `other` (same dimension, no offsets).
    public func ratio(to other: Unit) -> Double { scale / other.scale }
}
