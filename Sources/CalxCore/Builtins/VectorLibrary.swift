// Natives that build, reduce and transform vectors.

import Foundation

public enum VectorLibrary {
    /// All numbers in the arguments, vectors flattened (for `min(v)` and `min(a, b, c)` alike),
    /// in the first one's unit when they have units.
    static func flattenedNumbers(_ arguments: Arguments, _ position: Int) throws -> (numbers: [Double], unit: Unit?) {
        var out: [Double] = []
        var unit: Unit?
        for (index, value) in try arguments.elements(position).enumerated() {
            let (magnitude, valueUnit) = QuantityArithmetic.split(value)
            if index == 0 { unit = valueUnit }
            guard (valueUnit?.dimension ?? .none) == (unit?.dimension ?? .none) else {
                let names = arguments.runtime.globals.units
                let describe = { (unit: Unit?) in unit.map(names.describe) ?? "a plain number" }
                throw NativeError("\(arguments.function)() needs values of one dimension, got \(describe(unit)) and \(describe(valueUnit))", stage: .type)
            }
            let converted = valueUnit.map { QuantityArithmetic.convert(magnitude, from: $0, to: unit ?? $0) } ?? magnitude
            switch converted {
            case .number(let x): out.append(x)
            case .numbers(let xs): out += xs
            default: throw NativeError("\(arguments.function)() needs numbers, got \(ValueFormatter.brief(value))", stage: .type)
            }
        }
        return (out, unit)
    }

    static func extreme(_ arguments: Arguments, _ better: (Double, Double) -> Bool) throws -> Value {
        let (numbers, unit) = try flattenedNumbers(arguments, 0)
        guard var best = numbers.first else { throw NativeError("\(arguments.function)() of an empty vector") }
        for x in numbers.dropFirst() where x.isNaN || better(x, best) {
            if x.isNaN { return QuantityArithmetic.keep(.number(.nan), unit) }
            best = x
        }
        return QuantityArithmetic.keep(.number(best), unit)
    }

    static func mapped(_ arguments: Arguments) throws -> Value {
        let function = try arguments.function(1)
        let values: [Value]
        if case .table(let table) = arguments[0] {
            values = (0..<table.rowCount).map { .record(table.row($0)) }
        } else {
            values = try arguments.elements(0)
        }
        var out: [Value] = []
        out.reserveCapacity(values.count)
        for value in values { out.append(try arguments.call(function, [value])) }
        return Value.vector(out)
    }

    static func filtered(_ arguments: Arguments) throws -> Value {
        let function = try arguments.function(1)
        let values = try arguments.elements(0)
        var keep: [Int] = []
        for (index, value) in values.enumerated() {
            let verdict = try arguments.call(function, [value])
            guard case .bool(let flag) = verdict else {
                throw NativeError("filter()'s function must return a bool, but returned \(ValueFormatter.brief(verdict))", stage: .type)
            }
            if flag { keep.append(index) }
        }
        if case .numbers(let xs) = arguments[0] { return .numbers(keep.map { xs[$0] }) }
        if case .quantities(let xs, let unit) = arguments[0] { return .quantities(keep.map { xs[$0] }, unit) }
        return .list(keep.map { values[$0] })
    }

    static func reduced(_ arguments: Arguments) throws -> Value {
        let function = try arguments.function(1)
        var values = try arguments.elements(0)[...]
        var accumulator: Value
        if let initial = arguments.optional(2) {
            accumulator = initial
        } else {
            guard let first = values.popFirst() else { throw NativeError("reduce() of an empty vector needs an initial value") }
            accumulator = first
        }
        for value in values { accumulator = try arguments.call(function, [accumulator, value]) }
        return accumulator
    }

    static func sorted(_ arguments: Arguments) throws -> Value {
        switch arguments[0] {
        case .numbers(let xs): return .numbers(xs.sorted { $0 < $1 || (!$0.isNaN && $1.isNaN) })
        case .quantities(let xs, let unit): return .quantities(xs.sorted { $0 < $1 || (!$0.isNaN && $1.isNaN) }, unit)
        case .list(let values):
            var texts: [String] = []
            for value in values {
                guard case .string(let text) = value else { throw arguments.mismatch(0, expected: "a vector of numbers or of strings") }
                texts.append(text)
            }
            return .list(texts.sorted().map(Value.string))
        default: throw arguments.mismatch(0, expected: "a vector")
        }
    }

    static func linspace(_ arguments: Arguments) throws -> Value {
        let start = try arguments.number(0), stop = try arguments.number(1)
        let count = try arguments.integer(2, minimum: 0)
        guard count <= RangeNode.maximumLength else { throw ArgumentError(position: 2, "at most \(RangeNode.maximumLength) points") }
        if count == 1 { return .numbers([start]) }
        let step = (stop - start) / Double(count - 1)
        return .numbers((0..<count).map { $0 == count - 1 ? stop : start + Double($0) * step })
    }

    public static let natives: [String: NativeBody] = [
        "len": { arguments in
            switch arguments[0] {
            case .numbers(let xs), .quantities(let xs, _): return .number(Double(xs.count))
            case .list(let values): return .number(Double(values.count))
            case .string(let text): return .number(Double(text.count))
            case .table(let table): return .number(Double(table.rowCount))
            case .record(let record): return .number(Double(record.names.count))
            default: throw arguments.mismatch(0, expected: "a vector, string, record or table")
            }
        },
        "sum": { arguments in
            if let flags = Operators.mask(arguments[0]), !flags.isEmpty { return .number(Double(flags.filter { $0 }.count)) }
            let (xs, unit) = try arguments.measured(0)
            return QuantityArithmetic.keep(.number(Kernels.sum(xs)), unit)
        },
        "prod": { arguments in
            // The product of n quantities in u is in u^n.
            let (xs, unit) = try arguments.measured(0)
            return QuantityArithmetic.keep(.number(xs.reduce(1, *)), unit.map { $0.raised(to: xs.count) })
        },
        "cumsum": { arguments in
            var total = 0.0
            let (xs, unit) = try arguments.measured(0)
            return QuantityArithmetic.keep(.numbers(xs.map { total += $0; return total }), unit)
        },
        "min": { arguments in try extreme(arguments, <) },
        "max": { arguments in try extreme(arguments, >) },
        "sort": sorted,
        "unique": { arguments in
            // Sorted first, so equal elements are neighbours.
            switch try sorted(arguments) {
            case .numbers(let xs): return .numbers(xs.enumerated().filter { $0.offset == 0 || xs[$0.offset - 1] != $0.element }.map(\.element))
            case .quantities(let xs, let unit):
                return .quantities(xs.enumerated().filter { $0.offset == 0 || xs[$0.offset - 1] != $0.element }.map(\.element), unit)
            case .list(let values):
                return .list(values.enumerated().filter { $0.offset == 0 || !valuesEqual(values[$0.offset - 1], $0.element) }.map(\.element))
            case let other: return other
            }
        },
        "reverse": { arguments in
            switch arguments[0] {
            case .numbers(let xs): return .numbers(xs.reversed())
            case .quantities(let xs, let unit): return .quantities(xs.reversed(), unit)
            case .list(let values): return .list(values.reversed())
            case .string(let text): return .string(String(text.reversed()))
            default: throw arguments.mismatch(0, expected: "a vector or a string")
            }
        },
        "map": mapped,
        "filter": filtered,
        "reduce": reduced,
        "zip": { arguments in
            let a = try arguments.elements(0), b = try arguments.elements(1)
            // Unequal lengths are almost always a mistake in analysis code; say so rather than truncate.
            guard a.count == b.count else { throw NativeError("zip() got vectors of different lengths (\(a.count) and \(b.count))") }
            return .list(zip(a, b).map { Value.vector([$0, $1]) })
        },
        "linspace": linspace,
        "concat": { arguments in
            var out: [Value] = []
            for value in try arguments.elements(0) { out += value.elements ?? [value] }
            return Value.vector(out)
        },
        "keys": { arguments in
            switch arguments[0] {
            case .record(let record): return .list(record.names.map(Value.string))
            case .table(let table): return .list(table.names.map(Value.string))
            default: throw arguments.mismatch(0, expected: "a record or a table")
            }
        },
    ]
}
