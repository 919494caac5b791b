// Values as GitHub-flavoured Markdown tables: data tables (units in the headers,
// numbers right-aligned to six significant digits) and fit results (a parameter
// table, then the fit statistics and warnings).

import CalxCore

struct MarkdownTables {
    /// Significant digits of every number (the front matter's `report: digits:`).
    var digits = 6

    func number(_ x: Double) -> String {
        ValueFormatter.significant(x, digits: digits)
    }

    func cell(_ value: Value) -> String {
        switch value {
        case .number(let x): return number(x)
        case .quantity(let x, let unit): return number(x) + " " + unit.symbol
        case .quantities(let xs, let unit) where xs.count == 2: return "[\(number(xs[0])), \(number(xs[1]))] \(unit.symbol)"
        case .numbers(let xs) where xs.count == 2: return "[\(number(xs[0])), \(number(xs[1]))]"
        case .string(let text): return escape(text)
        case .record(let record) where record.kind == nil: return escape(ValueFormatter.readable(value))
        default: return escape(ValueFormatter.plain(value))
        }
    }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Rows under a header; `numeric` columns are right-aligned.
    func grid(_ header: [String], _ rows: [[String]], numeric: [Bool]) -> String {
        let widths = header.indices.map { c in max(3, ([header[c]] + rows.map { $0[c] }).map(\.count).max() ?? 3) }
        func line(_ cells: [String]) -> String {
            "| " + cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return numeric[c] ? pad + cells[c] : cells[c] + pad
            }.joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.indices.map { c in numeric[c] ? " " + String(repeating: "-", count: widths[c] - 1) + ": " : " " + String(repeating: "-", count: widths[c]) + " " }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    func table(_ table: Table) -> String {
        let header = zip(table.names, table.columns).map { name, column -> String in
            if case .quantities(_, let unit) = column { return "\(escape(name)) (\(unit.symbol))" }
            return escape(name)
        }
        let numeric = table.columns.map { column -> Bool in
            switch column {
            case .numbers, .quantities: return true
            default: return false
            }
        }
        let rows = (0..<table.rowCount).map { row in
            table.columns.map { column -> String in
                switch column {
                case .numbers(let xs), .quantities(let xs, _): return number(xs[row])
                case .list(let values): return cell(values[row])
                default: return ""
                }
            }
        }
        return grid(header, rows, numeric: numeric)
    }

    /// A report record: its title in bold, then a table of its fields.
    func report(_ record: Record) -> String {
        var title = ""
        var rows: [[String]] = []
        for (name, value) in zip(record.names.dropLast(), record.values) { rows.append([escape(name), cell(value)]) }
        if case .string(let text)? = record.values.last { title = text }
        return (title.isEmpty ? "" : "**\(escape(title))**\n\n") + grid(["", "value"], rows, numeric: [false, true])
    }

    /// A fit result: estimate, standard error and interval per parameter, then its statistics.
    func fit(_ record: Record) -> String {
        guard case .record(let params)? = record["params"], case .record(let errors)? = record["stderr"],
              case .record(let intervals)? = record["ci"] else { return "" }
        var level = "95%"
        if case .number(let l)? = record["level"] { level = ValueFormatter.number(l * 100) + "%" }
        var fixed: [String] = []
        if case .list(let names)? = record["fixed"] { fixed = names.compactMap { if case .string(let n) = $0 { n } else { nil } } }
        let rows = params.names.indices.map { j -> [String] in
            let name = params.names[j]
            if fixed.contains(name) { return [name, cell(params.values[j]), "fixed", ""] }
            return [name, cell(params.values[j]), cell(errors.values[j]), cell(intervals.values[j])]
        }
        var out = grid(["param", "estimate", "std. error", "\(level) CI"], rows, numeric: [false, true, true, false])
        let statistics = ["n", "rss", "rmse", "r2", "aic", "bic", "dof", "iterations"].compactMap { name -> String? in
            guard case .number(let x)? = record[name] else { return nil }
            return "\(name == "r2" ? "r²" : name) = \(number(x))"
        }
        var converged = true
        if case .bool(let flag)? = record["converged"] { converged = flag }
        out += "\n" + (converged ? "" : "**not converged** · ") + statistics.joined(separator: " · ") + "\n"
        if case .list(let warnings)? = record["warnings"], !warnings.isEmpty {
            out += "\n" + warnings.map { "> warning: \(ValueFormatter.plain($0))" }.joined(separator: "\n>\n") + "\n"
        }
        return out
    }
}
