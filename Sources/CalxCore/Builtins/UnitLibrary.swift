// Natives about units: the plain number of a quantity in a unit.

public enum UnitLibrary {
    /// The unit an argument names: a unit value (`kWh`, which is 1 kWh) or a string (`"TB/s"`).
    static func unit(_ arguments: Arguments, _ position: Int) throws -> Unit {
        switch arguments[position] {
        case .quantity(1, let unit): return unit
        case .string(let text): return try parse(text, arguments, position)
        // `value_of(q, min)`: `min` is also the function min; a function named like a unit means the unit.
        case .function(let closure) where arguments.runtime.globals.units.lookup(closure.name) != nil:
            return arguments.runtime.globals.units.lookup(closure.name) ?? Unit(dimension: .none, scale: 1, factors: [])
        default:
            throw ArgumentError(position: position, "expected a unit, like kWh or \"min\" (a name bound to something else needs quotes), got \(ValueFormatter.brief(arguments[position]))")
        }
    }

    static func parse(_ text: String, _ arguments: Arguments, _ position: Int) throws -> Unit {
        let sources = arguments.runtime.sources
        let id = sources.add(origin: "<unit>", text: text)
        guard let file = sources.file(id) else { throw ArgumentError(position: position, "cannot read the unit \"\(text)\"") }
        let lexed = Lexer.scan(text, source: id)
        var parser = Parser(source: file, sourceID: id, tokens: lexed.tokens, errors: lexed.errors, docComments: [:])
        guard let expr = try? parser.unitProduct(spaced: true), parser.check(.endOfInput), parser.errors.isEmpty else {
            throw ArgumentError(position: position, "\"\(text)\" is not a unit")
        }
        var resolver = Resolver(globals: arguments.runtime.globals, natives: [:], modules: nil)
        guard let unit = resolver.unit(expr) else {
            throw ArgumentError(position: position, resolver.errors.first?.message ?? "\"\(text)\" is not a unit")
        }
        return unit
    }

    public static let natives: [String: NativeBody] = [
        // "Energy", "Currency / Time", or "1" for a plain number: for checks written in Calx.
        "dimension_of": { arguments in
            let (_, unit) = QuantityArithmetic.split(arguments[0])
            guard let unit, !unit.dimension.isNone else { return .string("1") }
            return .string(arguments.runtime.globals.units.name(of: unit.dimension))
        },
        "value_of": { arguments in
            let target = try unit(arguments, 1)
            let (magnitude, unit) = QuantityArithmetic.split(arguments[0])
            let names = arguments.runtime.globals.units
            guard (unit?.dimension ?? .none) == target.dimension else {
                guard let unit else {
                    throw ArgumentError(position: 0, "expected a quantity in \(names.describe(target)), got \(ValueFormatter.brief(arguments[0]))")
                }
                throw ArgumentError(position: 1, "cannot express \(names.describe(unit)) in \(names.describe(target))")
            }
            let converted = unit.map { QuantityArithmetic.convert(magnitude, from: $0, to: target) }
                ?? QuantityArithmetic.scaled(magnitude, by: 1 / target.scale)
            guard converted.typeName == "number" || converted.typeName == "vector" else { throw arguments.mismatch(0, expected: "a quantity") }
            return converted
        },
    ]
}
