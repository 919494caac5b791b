// How values look: numbers in their shortest round-trip form, long vectors and
// tables elided in the middle with their size shown.

import Foundation

public enum ValueFormatter {
    /// Vectors longer than this show their first and last `edge` elements.
    static let vectorLimit = 20
    static let vectorEdge = 5
    static let tableRowLimit = 20
    static let tableRowEdge = 5
    /// Deeper nesting is shown as `…`, so display never recurses without bound.
    static let maximumDepth = 32

    /// Shortest text that reads back as the same Double; integers without `.0`.
    public static func number(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded(), abs(x) < 1e16 {
            return x == 0 ? (x.sign == .minus ? "-0" : "0") : String(Int64(x))
        }
        var text = "\(x)"
        // Swift writes 1e-05 and 1e+16; Calx writes 1e-5 and 1e16.
        if let e = text.firstIndex(of: "e") {
            var exponent = String(text[text.index(after: e)...])
            let sign = exponent.hasPrefix("-") ? "-" : ""
            exponent = String(exponent.drop { $0 == "-" || $0 == "+" || $0 == "0" })
            text = String(text[..<e]) + "e" + sign + (exponent.isEmpty ? "0" : exponent)
            text = text.replacingOccurrences(of: ".0e", with: "e")
        }
        return text
    }

    /// x to `digits` significant digits in the same style (0.6118, 3113, 3.971e-24), for
    /// tables of estimates where full precision would drown the reader.
    public static func significant(_ x: Double, digits: Int) -> String {
        guard x.isFinite, x != 0, let rounded = Double(String(format: "%.\(digits)g", x)) else { return number(x) }
        return number(rounded)
    }

    /// A value for a reader rather than for reading back: numbers to six significant digits
    /// (2.1310848 kWh, not 2.1310847999999996 kWh), records field by field.
    public static func readable(_ value: Value, depth: Int = 0) -> String {
        if depth > maximumDepth { return "…" }
        switch value {
        case .number(let x): return significant(x, digits: 6)
        case .quantity(let x, let unit): return significant(x, digits: 6) + " " + unit.symbol
        case .string(let text): return text
        case .record(let record) where record.kind == nil:
            return "{" + zip(record.names, record.values).map { "\($0): \(readable($1, depth: depth + 1))" }.joined(separator: ", ") + "}"
        default: return plain(value)
        }
    }

    /// The value as the REPL shows it: strings quoted.
    public static func display(_ value: Value) -> String {
        switch value {
        case .table(let table): return tableText(table)
        case .record(let record) where record.summary != nil: return record.summary?(record) ?? ""
        default: return render(value, depth: 0, quoteStrings: true)
        }
    }

    /// The value as `print` and interpolation show it: strings bare.
    public static func plain(_ value: Value) -> String {
        switch value {
        case .string(let text): return text
        case .table(let table): return tableText(table)
        case .record(let record) where record.summary != nil: return record.summary?(record) ?? ""
        default: return render(value, depth: 0, quoteStrings: true)
        }
    }

    /// A short description for error messages: `a string ("abc")`, `a vector of 3`.
    public static func brief(_ value: Value) -> String {
        switch value {
        case .number(let x): return "the number \(number(x))"
        case .string(let text): return "a string (\(quote(text.count > 20 ? String(text.prefix(20)) + "…" : text)))"
        case .bool(let flag): return "the bool \(flag)"
        case .numbers(let xs): return "a vector of \(xs.count) number\(xs.count == 1 ? "" : "s")"
        case .quantity(let x, let unit): return "the quantity \(number(x)) \(unit.symbol)"
        case .quantities(let xs, let unit): return "a vector of \(xs.count) quantit\(xs.count == 1 ? "y" : "ies") in \(unit.symbol)"
        case .list(let xs):
            // "a vector of 2 strings" when the elements agree, "of 2 values" when they do not.
            let kinds = Set(xs.map(\.typeName))
            let kind = kinds.count == 1 ? kinds.first ?? "value" : "value"
            return "a vector of \(xs.count) \(kind)\(xs.count == 1 ? "" : "s")"
        case .nil, .undefined: return "nil"
        default: return "a \(value.typeName)"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        // By scalar, so "\r\n" (one Character) is written as its two escapes.
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "{": out += "\\{"
            case "}": out += "\\}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func render(_ value: Value, depth: Int, quoteStrings: Bool) -> String {
        if depth > maximumDepth { return "…" }
        switch value {
        case .number(let x): return number(x)
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return quoteStrings ? quote(text) : text
        case .nil, .undefined: return "nil"
        case .numbers(let xs): return elided(xs.count) { number(xs[$0]) }
        case .quantity(let x, let unit): return number(x) + " " + unit.symbol
        case .quantities(let xs, let unit): return elided(xs.count) { number(xs[$0]) } + " " + unit.symbol
        case .list(let values): return elided(values.count) { render(values[$0], depth: depth + 1, quoteStrings: true) }
        case .record(let record) where record.kind != nil && depth > 0:
            return "<\(record.kind ?? "record")>"
        case .record(let record):
            let fields = zip(record.names, record.values).map { "\($0): \(render($1, depth: depth + 1, quoteStrings: true))" }
            return "{" + fields.joined(separator: ", ") + "}"
        case .table(let table):
            return "<table: \(size(table))>"
        case .function(let closure):
            return closure.isNative ? "<builtin \(closure.signature)>" : "<fn \(closure.signature)>"
        }
    }

    private static func elided(_ count: Int, _ element: (Int) -> String) -> String {
        if count <= vectorLimit { return "[" + (0..<count).map(element).joined(separator: ", ") + "]" }
        let head = (0..<vectorEdge).map(element), tail = (count - vectorEdge..<count).map(element)
        return "[" + (head + ["…"] + tail).joined(separator: ", ") + "] (\(count) elements)"
    }

    /// `3 rows × 1 column`.
    static func size(_ table: Table) -> String {
        "\(table.rowCount) row\(table.rowCount == 1 ? "" : "s") × \(table.names.count) column\(table.names.count == 1 ? "" : "s")"
    }

    /// A table as aligned text: numbers right-aligned, others left-aligned.
    static func tableText(_ table: Table) -> String {
        // No columns: no header or rule to draw, only the size.
        if table.names.isEmpty { return "(\(size(table)))" }
        var rows: [Int?] = Array(0..<table.rowCount)
        if table.rowCount > tableRowLimit {
            rows = Array(0..<tableRowEdge) + [nil] + Array(table.rowCount - tableRowEdge..<table.rowCount)
        }
        var columns: [[String]] = []
        var numeric: [Bool] = []
        for (name, column) in zip(table.names, table.columns) {
            // A column with a unit names it in its header: `energy (kWh)`.
            var cells = [name]
            if case .quantities(_, let unit) = column { cells[0] += " (\(unit.symbol))" }
            for row in rows {
                guard let row else { cells.append("…"); continue }
                switch column {
                case .numbers(let xs), .quantities(let xs, _): cells.append(number(xs[row]))
                case .list(let values): cells.append(render(values[row], depth: 1, quoteStrings: false))
                default: cells.append("")
                }
            }
            columns.append(cells)
            switch column {
            case .numbers, .quantities: numeric.append(true)
            default: numeric.append(false)
            }
        }
        let widths = columns.map { $0.map(\.count).max() ?? 0 }
        var lines: [String] = []
        for line in 0..<(rows.count + 1) {
            let cells = columns.indices.map { c -> String in
                let cell = columns[c][line], pad = String(repeating: " ", count: widths[c] - cell.count)
                return numeric[c] && line > 0 ? pad + cell : cell + pad
            }
            lines.append(cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
            if line == 0 { lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")) }
        }
        if table.rowCount > tableRowLimit {
            lines.append("(\(size(table)))")
        }
        return lines.joined(separator: "\n")
    }
}
