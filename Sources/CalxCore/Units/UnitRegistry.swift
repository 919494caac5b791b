// The units and dimensions a session knows. They are declared in Calx
// (`dimension Length`, `unit m: Length [si]`) by Stdlib/units.calx and by programs;
// prefixed names (`kWh`, `GiB`, `kilowatt`) are made on demand from the prefix tables.

import Foundation

public struct UnitError: Error {
    public var message: String
    public var notes: [String] = []
}

public final class UnitRegistry {
    public enum PrefixSet: String, Sendable { case si, binary }

    static let shortPrefixes: [PrefixSet: [(String, Double)]] = [
        .si: [("Q", 1e30), ("R", 1e27), ("Y", 1e24), ("Z", 1e21), ("E", 1e18), ("P", 1e15), ("T", 1e12), ("G", 1e9),
              ("M", 1e6), ("k", 1e3), ("h", 1e2), ("da", 1e1), ("d", 1e-1), ("c", 1e-2), ("m", 1e-3), ("µ", 1e-6),
              ("u", 1e-6), ("n", 1e-9), ("p", 1e-12), ("f", 1e-15), ("a", 1e-18), ("z", 1e-21), ("y", 1e-24),
              ("r", 1e-27), ("q", 1e-30)],
        .binary: [("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
                  ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976)],
    ]
    static let longPrefixes: [PrefixSet: [(String, Double)]] = [
        .si: [("quetta", 1e30), ("ronna", 1e27), ("yotta", 1e24), ("zetta", 1e21), ("exa", 1e18), ("peta", 1e15),
              ("tera", 1e12), ("giga", 1e9), ("mega", 1e6), ("kilo", 1e3), ("hecto", 1e2), ("deca", 1e1), ("deci", 1e-1),
              ("centi", 1e-2), ("milli", 1e-3), ("micro", 1e-6), ("nano", 1e-9), ("pico", 1e-12), ("femto", 1e-15),
              ("atto", 1e-18), ("zepto", 1e-21), ("yocto", 1e-24), ("ronto", 1e-27), ("quecto", 1e-30)],
        .binary: [("kibi", 1024), ("mebi", 1_048_576), ("gibi", 1_073_741_824), ("tebi", 1_099_511_627_776),
                  ("pebi", 1_125_899_906_842_624), ("exbi", 1_152_921_504_606_846_976)],
    ]
    /// The prefixes `-> best` chooses among: powers of a thousand.
    static let readablePrefixes: Set<String> = ["Q", "R", "Y", "Z", "E", "P", "T", "G", "M", "k", "", "m", "µ", "n", "p", "f", "a"]

    public private(set) var baseDimensions: [String] = []
    /// Every named dimension, base or derived, in the order declared.
    public private(set) var dimensions: [(name: String, dimension: Dimension)] = []
    private var units: [String: Unit] = [:]
    /// Which prefixes a name takes: short ones on symbols (`kW`), long ones on words (`kilowatt`).
    private var prefixable: [String: (sets: [PrefixSet], short: Bool)] = [:]
    /// Unit names as declared, for help and completion: the names of one unit together.
    public private(set) var declared: [(names: [String], dimension: Dimension)] = []

    public init() {}

    public var names: [String] { declared.flatMap(\.names) }

    public func dimension(named name: String) -> Dimension? {
        dimensions.first { $0.name == name }?.dimension
    }

    /// Declares a dimension. Repeating a declaration exactly is allowed, so that modules and
    /// programs can share a vocabulary (`dimension Token` in two places); a different one is an error.
    public func declareDimension(_ name: String, as definition: Dimension?) throws(UnitError) {
        if let existing = dimension(named: name) {
            let isBase = baseDimensions.contains(name) && existing == .base(baseDimensions.firstIndex(of: name) ?? -1)
            if definition == nil ? isBase : definition == existing { return }
            throw UnitError(message: "dimension '\(name)' is already defined")
        }
        if let definition {
            dimensions.append((name, definition))
        } else {
            baseDimensions.append(name)
            dimensions.append((name, .base(baseDimensions.count - 1)))
        }
    }

    /// Declares a unit under each of `names`; the first is its symbol.
    public func declareUnit(_ names: [String], as unit: Unit, prefixes: [PrefixSet]) throws(UnitError) {
        for name in names {
            guard let existing = units[name] else { continue }
            // The same unit declared again (by another module) is allowed; a different one is not.
            let same = existing.dimension == unit.dimension && existing.scale == unit.scale && existing.offset == unit.offset
            if !same { throw UnitError(message: "unit '\(name)' is already defined", notes: ["note: \(describe(existing))"]) }
        }
        let names = names.filter { units[$0] == nil }
        guard !names.isEmpty else { return }
        for (position, name) in names.enumerated() {
            units[name] = Unit(named: name, as: unit)
            if !prefixes.isEmpty { prefixable[name] = (prefixes, position == 0 && name.count <= 4) }
        }
        declared.append((names, unit.dimension))
    }

    /// A unit by name, prefixed forms included.
    public func lookup(_ name: String) -> Unit? {
        if let unit = units[name] { return unit }
        // Longest base first, so the answer never depends on dictionary order.
        for (base, rule) in prefixable.sorted(by: { ($0.key.count, $0.key) > ($1.key.count, $1.key) })
        where name.hasSuffix(base) && name.count > base.count {
            let prefix = String(name.dropLast(base.count))
            let tables = rule.short ? UnitRegistry.shortPrefixes : UnitRegistry.longPrefixes
            for set in rule.sets {
                guard let factor = tables[set]?.first(where: { $0.0 == prefix })?.1, let unit = units[base] else { continue }
                let prefixed = Unit(dimension: unit.dimension, scale: unit.scale * factor, offset: unit.offset,
                                    factors: [Unit.Factor(name: name, power: 1)])
                units[name] = prefixed
                return prefixed
            }
        }
        return nil
    }

    /// ` [si]`, ` [si, binary]` or nothing: the prefixes a unit takes, for help.
    public func prefixNote(_ name: String) -> String {
        guard let rule = prefixable[name] else { return "" }
        return " [" + rule.sets.map(\.rawValue).joined(separator: ", ") + "]"
    }

    /// "unknown unit 'kwh'" with the closest known name.
    public func unknown(_ name: String) -> UnitError {
        var notes: [String] = []
        if let guess = suggestion(for: name, among: names + prefixedNames(near: name)) { notes.append("help: did you mean '\(guess)'?") }
        return UnitError(message: "unknown unit '\(name)'", notes: notes)
    }

    /// Prefixed forms whose base is close to the end of `name`, so `kwh` can suggest `kWh`.
    private func prefixedNames(near name: String) -> [String] {
        var out: [String] = []
        for (base, rule) in prefixable where rule.short {
            for set in rule.sets {
                for (prefix, _) in UnitRegistry.shortPrefixes[set] ?? [] where (prefix + base).count == name.count {
                    out.append(prefix + base)
                }
            }
        }
        return out
    }

    /// `Energy`, or the base dimensions (`Length/Time^2`), or `dimensionless`.
    public func name(of dimension: Dimension) -> String {
        if dimension.isNone { return "dimensionless" }
        if let named = dimensions.first(where: { $0.dimension == dimension }) { return named.name }
        var top: [String] = [], bottom: [String] = []
        for (index, power) in dimension.powers.enumerated() where power != 0 {
            let base = index < baseDimensions.count ? baseDimensions[index] : "?"
            if power > 0 { top.append(power == 1 ? base : "\(base)^\(power)") } else { bottom.append(power == -1 ? base : "\(base)^\(-power)") }
        }
        let numerator = top.isEmpty ? "1" : top.joined(separator: "·")
        return bottom.isEmpty ? numerator : numerator + "/" + (bottom.count > 1 ? "(\(bottom.joined(separator: "·")))" : bottom[0])
    }

    /// `Energy (kWh)`, as messages name a unit.
    public func describe(_ unit: Unit) -> String {
        "\(name(of: unit.dimension)) (\(unit.symbol))"
    }

    /// The value in a prefixed form of the unit that reads best: between 1 and 1000 where
    /// possible. A compound unit is prefixed on its first factor (FLOP/s → PFLOP/s).
    public func best(_ value: Double, _ unit: Unit) -> (Double, Unit) {
        guard value.isFinite, value != 0, !unit.hasOffset else { return (value, unit) }
        var best = (value, unit)
        var bestDistance = Double.infinity
        for candidate in prefixedForms(of: unit) {
            let (multiplier, divisor) = QuantityArithmetic.ratio(unit.scale, candidate.scale)
            // Rounded to 12 significant digits: `best` is for reading, and 1e-7 s should read 100 ns.
            let converted = UnitRegistry.rounded(value * multiplier / divisor, significantDigits: 12)
            let magnitude = log10(abs(converted))
            let distance = magnitude < 0 ? -magnitude + 1 : magnitude >= 3 ? magnitude - 2 : 0
            if distance < bestDistance { (best, bestDistance) = ((converted, candidate), distance) }
        }
        return best
    }

    /// The unit with each readable prefix on the factor that takes one.
    private func prefixedForms(of unit: Unit) -> [Unit] {
        if let (base, rule) = family(of: unit) {
            var choices = prefixes(for: rule)
            let name = unit.factors.first?.name ?? base
            // A binary-prefixed amount stays binary (1 GiB), a decimal one decimal.
            let binary = (UnitRegistry.shortPrefixes[.binary] ?? []).contains { name == $0.0 + base }
                || (UnitRegistry.longPrefixes[.binary] ?? []).contains { name == $0.0 + base }
            let binaryNames = Set(((UnitRegistry.shortPrefixes[.binary] ?? []) + (UnitRegistry.longPrefixes[.binary] ?? [])).map(\.0))
            choices = choices.filter { $0.isEmpty || binaryNames.contains($0) == binary }
            // Kiloseconds read worse than seconds: time takes only the smaller prefixes.
            if unit.dimension == dimension(named: "Time") {
                choices = choices.filter { prefix in prefix.isEmpty || ((UnitRegistry.shortPrefixes[.si] ?? []) + (UnitRegistry.longPrefixes[.si] ?? [])).contains { $0.0 == prefix && $0.1 < 1 } }
            }
            return choices.compactMap { lookup($0 + base) }
        }
        if unit.factors.count > 1 {
            guard let position = unit.factors.firstIndex(where: { $0.power == 1 && prefixBase(of: $0.name) != nil }),
                  let (base, rule) = prefixBase(of: unit.factors[position].name) else { return [] }
            return prefixes(for: rule).compactMap { prefix -> Unit? in
                var factors = unit.factors
                factors[position].name = prefix + base
                var scale = 1.0
                for factor in factors {
                    guard let named = lookup(factor.name) else { return nil }
                    scale *= pow(named.scale, Double(factor.power))
                }
                return Unit(dimension: unit.dimension, scale: scale, factors: factors)
            }
        }
        return []
    }

    private func prefixes(for rule: (sets: [PrefixSet], short: Bool)) -> [String] {
        let tables = rule.short ? UnitRegistry.shortPrefixes : UnitRegistry.longPrefixes
        return [""] + rule.sets.flatMap { set in
            (tables[set] ?? []).map(\.0).filter { set == .binary || !rule.short || UnitRegistry.readablePrefixes.contains($0) }
        }
    }

    /// The prefixable unit a name is, or is a prefixed form of: `kWh` → `Wh`.
    private func prefixBase(of name: String) -> (String, (sets: [PrefixSet], short: Bool))? {
        if let rule = prefixable[name] { return (name, rule) }
        for (base, rule) in prefixable.sorted(by: { ($0.key.count, $0.key) > ($1.key.count, $1.key) })
        where name.hasSuffix(base) && name.count > base.count && lookup(name) != nil {
            return (base, rule)
        }
        return nil
    }

    /// `x` to `digits` significant digits (x itself where the scaling would overflow).
    public static func rounded(_ x: Double, significantDigits digits: Int) -> Double {
        guard x != 0, x.isFinite else { return x }
        let magnitude = pow(10, Double(digits - 1) - floor(log10(abs(x))))
        let rounded = (x * magnitude).rounded() / magnitude
        return magnitude.isFinite && magnitude != 0 && rounded.isFinite ? rounded : x
    }

    /// The prefixable unit a single-factor unit is a form of (kWh → Wh), or a declared unit
    /// of the same size when it is a product written out (W·h → Wh).
    private func family(of unit: Unit) -> (String, (sets: [PrefixSet], short: Bool))? {
        if unit.factors.count == 1, unit.factors[0].power == 1, let found = prefixBase(of: unit.factors[0].name) {
            return found
        }
        for (names, dimension) in declared where dimension == unit.dimension {
            for name in names {
                if let rule = prefixable[name], rule.short, let declaredUnit = units[name],
                   abs(declaredUnit.scale - unit.scale) <= 1e-12 * unit.scale {
                    return (name, rule)
                }
            }
        }
        return nil
    }
}
