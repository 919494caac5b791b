// Operators on quantities: `*` and `/` combine units, `+`, `-` and comparisons
// need one dimension and convert the right side to the left side's unit, `^`
// raises the unit. A result with no dimension left (`3 m / 1 m`) is a plain number.

import Foundation

public enum QuantityArithmetic {
    /// A value's magnitude (a number or a vector of numbers) and its unit, nil for plain numbers.
    public static func split(_ value: Value) -> (magnitude: Value, unit: Unit?) {
        switch value {
        case .quantity(let x, let unit): return (.number(x), unit)
        case .quantities(let xs, let unit): return (.numbers(xs), unit)
        default: return (value, nil)
        }
    }

    /// A magnitude with a unit; without a dimension it becomes a plain number, scaled
    /// (3 m / 1 km is 0.003), unless asked to keep a dimensionless unit such as %.
    static func attach(_ magnitude: Value, _ unit: Unit?, keepingDimensionless: Bool = false) -> Value {
        guard let unit else { return magnitude }
        if unit.dimension.isNone, !keepingDimensionless { return scaled(magnitude, by: unit.scale) }
        switch magnitude {
        case .number(let x): return .quantity(x, unit)
        case .numbers(let xs): return .quantities(xs, unit)
        default: return magnitude
        }
    }

    /// A native's result in the unit of its input (sum of kWh is kWh); plain stays plain.
    public static func keep(_ magnitude: Value, _ unit: Unit?) -> Value {
        attach(magnitude, unit, keepingDimensionless: true)
    }

    static func scaled(_ magnitude: Value, by factor: Double) -> Value {
        if factor == 1 { return magnitude }
        switch magnitude {
        case .number(let x): return .number(x * factor)
        case .numbers(let xs): return .numbers(xs.map { $0 * factor })
        default: return magnitude
        }
    }

    /// `Energy (kWh)`, or `a number` for plain numbers, as messages name an operand.
    static func describe(_ unit: Unit?, _ names: UnitRegistry?) -> String {
        guard let unit else { return "a number" }
        return names?.describe(unit) ?? unit.symbol
    }

    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, names: UnitRegistry?) throws(OperandError) -> Value {
        let (x, u) = split(a), (y, v) = split(b)
        switch op {
        case .multiply, .divide:
            if let offset = [u, v].compactMap({ $0 }).first(where: \.hasOffset) {
                throw offsetError(offset, verb: op == .multiply ? "multiply" : "divide")
            }
            let unit: Unit?
            switch (u, v) {
            case (let u?, let v?): unit = op == .multiply ? u * v : u / v
            case (let u?, nil): unit = u
            case (nil, let v?): unit = op == .multiply ? v : v.raised(to: -1)
            case (nil, nil): unit = nil
            }
            if let unit, (unit.dimension.powers + unit.factors.map(\.power)).contains(where: { abs($0) > maximumPower }) {
                throw tooComplex(unit)
            }
            let product = try Operators.binary(op, x, y)
            guard let unit, let names, let (simpler, factor) = simplified(unit, names) else { return attach(product, unit) }
            return attach(scaled(product, by: factor), simpler)
        case .power:
            return try power(x, u, exponent: attach(y, v), names: names)
        case .equal, .notEqual:
            // nil (or a string, a record) is never equal to a quantity: no units to compare.
            switch (x, y) {
            case (.number, .number), (.numbers, .number), (.number, .numbers), (.numbers, .numbers), (.list, _), (_, .list):
                return try sameDimension(op, x, u, y, v, names: names)
            default:
                return .bool(op == .notEqual)
            }
        default:
            return try sameDimension(op, x, u, y, v, names: names)
        }
    }

    /// Units raised beyond this power are refused, so their exponents can never overflow.
    static let maximumPower = 1000

    private static func tooComplex(_ unit: Unit) -> OperandError {
        OperandError(message: "a unit raised beyond the power \(maximumPower)", notes: ["note: powers of units stay between -\(maximumPower) and \(maximumPower)"])
    }

    private static func exponentError(_ unit: Unit, _ names: UnitRegistry?) -> OperandError {
        OperandError(message: "an exponent must be a plain number, not \(describe(unit, names))")
    }

    private static func offsetError(_ unit: Unit, verb: String) -> OperandError {
        OperandError(message: "cannot \(verb) a temperature in \(unit.symbol): its zero is not zero",
                     notes: ["help: convert it to an absolute unit first, e.g. (x -> K)"])
    }

    private static func power(_ x: Value, _ u: Unit?, exponent: Value, names: UnitRegistry?) throws(OperandError) -> Value {
        if case .quantity(_, let unit) = exponent { throw exponentError(unit, names) }
        if case .quantities(_, let unit) = exponent { throw exponentError(unit, names) }
        guard let u else { return try Operators.binary(.power, x, exponent) }
        guard case .number(let e) = exponent else {
            throw OperandError(message: "cannot raise \(describe(u, names)) to \(exponent.typeName == "quantity" ? "a power with a unit" : "a vector of powers")",
                               notes: ["note: a quantity's exponent must be a plain number"])
        }
        if u.hasOffset { throw offsetError(u, verb: "raise") }
        let unit: Unit?
        let largest = Double((u.dimension.powers + u.factors.map(\.power)).map(abs).max() ?? 0)
        if e == e.rounded(), abs(e) <= 64 {
            guard largest * abs(e) <= Double(maximumPower) else { throw tooComplex(u) }
            unit = u.raised(to: Int(e))
        } else if e > 0, 1 / e <= 64, (1 / e) == (1 / e).rounded(), let root = u.root(Int(1 / e)) {
            unit = root
        } else {
            throw OperandError(message: "cannot raise \(describe(u, names)) to the power \(ValueFormatter.number(e))",
                               notes: ["note: a unit can be raised to whole powers, and rooted where its powers divide (sqrt(m^2))"])
        }
        return attach(try Operators.binary(.power, x, .number(e)), unit)
    }

    /// `+`, `-`, `%` and comparisons: one dimension on both sides, compared in the left unit.
    private static func sameDimension(_ op: BinaryOperator, _ x: Value, _ u: Unit?, _ y: Value, _ v: Unit?,
                                      names: UnitRegistry?) throws(OperandError) -> Value {
        let left = u?.dimension ?? .none, right = v?.dimension ?? .none
        guard left == right else {
            let verb = Operators.verbs[op] ?? op.rawValue
            var notes: [String] = []
            if u == nil || v == nil { notes.append("help: give the number a unit, e.g. 5 \(u?.symbol ?? v?.symbol ?? "")") }
            throw OperandError(message: "cannot \(verb) \(describe(u, names)) and \(describe(v, names))", notes: notes)
        }
        let comparison = Operators.isComparison(op)
        if !comparison, let offset = [u, v].compactMap({ $0 }).first(where: \.hasOffset) {
            throw OperandError(message: "cannot \(Operators.verbs[op] ?? op.rawValue) temperatures in \(offset.symbol): the result is ambiguous",
                               notes: ["help: convert to K first (x -> K), or subtract in K for a difference"])
        }
        // A dimensionless quantity (20 %) meets a number: both become plain numbers.
        guard let u, let v else { return try Operators.binary(op, attach(x, u), attach(y, v)) }
        let converted = convert(y, from: v, to: u)
        let result = try Operators.binary(op, x, converted)
        // The sum keeps the left unit, even a dimensionless one: 20 % + 5 % is 25 %.
        return comparison ? result : attach(result, u, keepingDimensionless: true)
    }

    /// A product's unit with factors of one dimension cancelled (USD·tok/Mtok is USD, times 1e-6)
    /// and dimensionless factors absorbed (10 % · 300 USD is 30 USD), with the factor the
    /// magnitude takes; nil when nothing changes. Each cancelled pair contributes its own
    /// ratio, taken exactly where it is whole (MWh/kWh is 1000).
    static func simplified(_ unit: Unit, _ names: UnitRegistry) -> (Unit, Double)? {
        var factors = unit.factors
        var magnitude = 1.0
        var changed = false
        var index = 0
        while index < factors.count {
            let first = factors[index]
            guard let a = names.lookup(first.name), !a.hasOffset else { index += 1; continue }
            if a.dimension.isNone, factors.count > 1 {
                magnitude *= pow(a.scale, Double(first.power))
                factors.remove(at: index)
                changed = true
                continue
            }
            if let partner = factors.indices.first(where: { $0 > index && factors[$0].power == -first.power }),
               let b = names.lookup(factors[partner].name), a.dimension == b.dimension, !b.hasOffset {
                let (multiplier, divisor) = ratio(a.scale, b.scale)
                magnitude *= pow(multiplier / divisor, Double(first.power))
                factors.remove(at: partner)
                factors.remove(at: index)
                changed = true
                continue
            }
            index += 1
        }
        guard changed else { return nil }
        var scale = 1.0
        for factor in factors {
            guard let named = names.lookup(factor.name) else { return nil }
            scale *= pow(named.scale, Double(factor.power))
        }
        return (Unit(dimension: unit.dimension, scale: scale, factors: factors), magnitude)
    }

    /// The conversion from one scale to another as `x * multiplier / divisor`. Scales are
    /// products of prefixes that doubles hold inexactly (1e-6 / 1e-9), so a ratio that is a
    /// whole number, or the inverse of one, is used as that whole number: 20 µs is 20000 ns.
    static func ratio(_ from: Double, _ to: Double) -> (multiplier: Double, divisor: Double) {
        func whole(_ r: Double) -> Double? {
            let n = r.rounded()
            return n >= 1 && n < 1e15 && abs(r - n) <= 1e-9 * n ? n : nil
        }
        if let n = whole(from / to) { return (n, 1) }
        if let n = whole(to / from) { return (1, n) }
        // Otherwise one factor (kWh → MJ is × 3.6): one rounding, and one multiply per element.
        return (from / to, 1)
    }

    /// Magnitudes in `from` as magnitudes in `to` (same dimension), offsets included.
    public static func convert(_ magnitude: Value, from: Unit, to: Unit) -> Value {
        if from === to { return magnitude }
        let (fromScale, fromOffset, toScale, toOffset) = (from.scale, from.offset, to.scale, to.offset)
        if fromOffset == 0, toOffset == 0 {
            let (multiplier, divisor) = ratio(fromScale, toScale)
            switch magnitude {
            case .number(let x): return .number(x * multiplier / divisor)
            case .numbers(let xs): return .numbers(Kernels.rescale(xs, multiplyingBy: multiplier, dividingBy: divisor))
            default: return magnitude
            }
        }
        // Through the base unit, offsets added there. Adding and removing an offset cancels
        // digits (212 °F comes out 100.00000000000006 °C), so the result is rounded to 12
        // significant digits: far finer than any temperature is measured.
        func shifted(_ x: Double) -> Double {
            UnitRegistry.rounded((x * fromScale + fromOffset - toOffset) / toScale, significantDigits: 12)
        }
        switch magnitude {
        case .number(let x): return .number(shifted(x))
        case .numbers(let xs): return .numbers(xs.map(shifted))
        default: return magnitude
        }
    }
}
