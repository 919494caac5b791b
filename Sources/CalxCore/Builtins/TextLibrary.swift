// Natives for output, conversion to text and checks.

import Foundation

public enum TextLibrary {
    /// `digits` significant digits, in Calx's number style (1e-5, not 1e-05).
    static func significant(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return ValueFormatter.number(x) }
        let text = String(format: "%.\(digits)g", x)
        guard let value = Double(text) else { return text }
        return ValueFormatter.number(value)
    }

    static func format(_ arguments: Arguments) throws -> Value {
        let digits = try arguments.optional(1).map { _ in try arguments.integer(1, minimum: 1) }
        let decimals = try arguments.optional(2).map { _ in try arguments.integer(2, minimum: 0) }
        func text(_ x: Double) -> String {
            if let decimals {
                // Rounded as round() rounds (half away from zero), not as printf does.
                let places = min(decimals, 40)
                return x.isFinite ? String(format: "%.\(places)f", MathLibrary.round(x, digits: Double(places))) : ValueFormatter.number(x)
            }
            return significant(x, min(digits ?? 6, 17))
        }
        switch arguments[0] {
        case .number(let x): return .string(text(x))
        case .numbers(let xs): return .list(xs.map { .string(text($0)) })
        case .quantity(let x, let unit): return .string(text(x) + " " + unit.symbol)
        case .quantities(let xs, let unit): return .list(xs.map { .string(text($0) + " " + unit.symbol) })
        default: return .string(ValueFormatter.plain(arguments[0]))
        }
    }

    /// suggest(name, candidates): up to three candidates a mistyped or partial name may mean,
    /// for "did you mean" messages written in Calx (unknown hardware, unknown locations).
    static func suggest(_ arguments: Arguments) throws -> Value {
        let name = try arguments.string(0)
        let candidates = try arguments.elements(1).compactMap { value -> String? in
            if case .string(let text) = value { return text }
            return nil
        }
        let lowered = name.lowercased()
        var picks = candidates.filter { $0.lowercased().contains(lowered) || (lowered.contains($0.lowercased()) && $0.count >= 3) }
        if picks.isEmpty {
            let limit = max(2, name.count / 2)
            var ranked: [(name: String, distance: Int)] = []
            for candidate in candidates {
                let distance = editDistance(lowered, candidate.lowercased())
                if distance <= limit { ranked.append((candidate, distance)) }
            }
            ranked.sort { $0.distance < $1.distance || ($0.distance == $1.distance && $0.name < $1.name) }
            picks = ranked.map { $0.name }
        }
        return .list(picks.prefix(3).map(Value.string))
    }

    /// report(title, record): the record, shown as a titled list of its fields (and in a
    /// notebook as a two-column table), for results a library presents to a reader.
    static func report(_ arguments: Arguments) throws -> Value {
        let title = try arguments.string(0)
        guard case .record(let record) = arguments[1] else { throw arguments.mismatch(1, expected: "a record") }
        let text: (Record) -> String = { record in
            // The last field is the title itself.
            let width = record.names.dropLast().map(\.count).max() ?? 0
            let lines = zip(record.names.dropLast(), record.values).map { name, value in
                "  " + name + String(repeating: " ", count: width - name.count) + "  " + ValueFormatter.readable(value)
            }
            return ([title] + lines).joined(separator: "\n")
        }
        return .record(Record(names: record.names + ["title"], values: record.values + [.string(title)], kind: "report", summary: text))
    }

    public static let natives: [String: NativeBody] = [
        "report": report,
        "suggest": suggest,
        "print": { arguments in
            let values = try arguments.elements(0)
            arguments.runtime.output(values.map(ValueFormatter.plain).joined(separator: " ") + "\n")
            return .nil
        },
        "str": { arguments in .string(ValueFormatter.plain(arguments[0])) },
        "format": format,
        "type_of": { arguments in .string(arguments[0].typeName) },
        "assert": { arguments in
            guard case .bool(let holds) = arguments[0] else { throw arguments.mismatch(0, expected: "a bool") }
            if !holds {
                let message = try arguments.optional(1).map { _ in try arguments.string(1) } ?? "assertion failed"
                throw NativeError(message == "assertion failed" ? message : "assertion failed: \(message)")
            }
            return .nil
        },
        "error": { arguments in throw NativeError(try arguments.string(0)) },
    ]
}
