// Nodes that give a value a unit and convert it to another.

/// `[1, 2, 3] kWh` when the vector is not a constant: the unit is attached at run time.
final class AttachUnitNode: Node {
    let magnitude: Node
    let unit: Unit
    init(_ magnitude: Node, unit: Unit, span: Span) {
        self.magnitude = magnitude
        self.unit = unit
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let value = try magnitude.eval(frame, runtime)
        switch value {
        case .number(let x): return .quantity(x, unit)
        case .numbers(let xs): return .quantities(xs, unit)
        case .list(let values) where values.isEmpty: return .quantities([], unit)
        default:
            throw magnitude.failure(.type, "a unit applies to numbers, not to \(ValueFormatter.brief(value))",
                                    label: "this is a \(value.typeName)")
        }
    }
}

/// `x -> unit` and `x -> best`.
final class ConvertNode: Node {
    let value: Node
    /// The target unit, or nil for `best`.
    let target: Unit?
    init(_ value: Node, to target: Unit?, span: Span) {
        self.value = value
        self.target = target
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let source = try value.eval(frame, runtime)
        let names = runtime.globals.units
        let (magnitude, unit) = QuantityArithmetic.split(source)
        guard let target else {
            guard let unit else { return source }
            switch magnitude {
            case .number(let x):
                let (value, best) = names.best(x, unit)
                return .quantity(value, best)
            case .numbers(let xs):
                // One prefix for the whole vector, the one its largest element reads best in.
                guard let largest = xs.filter(\.isFinite).max(by: { abs($0) < abs($1) }) else { return source }
                let best = names.best(largest, unit).1
                return .quantities(xs.map { UnitRegistry.rounded($0 * unit.scale / best.scale, significantDigits: 12) }, best)
            default:
                return source
            }
        }
        guard (unit?.dimension ?? .none) == target.dimension, magnitude.typeName == "number" || magnitude.typeName == "vector" else {
            let what = unit.map(names.describe) ?? (source.typeName == "number" || source.typeName == "vector" ? "a plain number" : "a \(source.typeName)")
            let numeric = unit != nil || source.typeName == "number" || source.typeName == "vector"
            throw failure(.type, "cannot convert \(what) to \(names.describe(target))", label: numeric ? "different dimensions" : "not a number",
                          notes: unit == nil && (source.typeName == "number" || source.typeName == "vector")
                              ? ["help: give the number a unit first, e.g. 5 \(target.symbol)"] : [])
        }
        let converted = unit.map { QuantityArithmetic.convert(magnitude, from: $0, to: target) }
            ?? QuantityArithmetic.scaled(magnitude, by: 1 / target.scale)
        return QuantityArithmetic.attach(converted, target, keepingDimensionless: true)
    }
}
