// Tables: building them from columns, and reading and writing CSV files
// (parsing and quoting by the CSV.swift library).

import CSV
import Foundation

public enum TableLibrary {
    static func makeTable(_ arguments: Arguments) throws -> Value {
        if case .list(let positional) = arguments[0], !positional.isEmpty {
            throw NativeError("table() takes named columns, like table(x: [1, 2], y: [3, 4])", stage: .type)
        }
        var names: [String] = [], columns: [Value] = []
        var rowCount: Int?
        for (name, value) in arguments.extraNamed {
            let column: Value
            switch value {
            case .numbers, .list: column = value
            default: throw NativeError("column '\(name)' must be a vector, got \(ValueFormatter.brief(value))", stage: .type)
            }
            let count = column.elements?.count ?? 0
            if let rowCount, rowCount != count {
                throw NativeError("column '\(name)' has \(count) rows, but '\(names[0])' has \(rowCount)", stage: .type,
                                  notes: ["note: all columns of a table have the same length"])
            }
            rowCount = count
            names.append(name)
            columns.append(column)
        }
        return .table(Table(names: names, columns: columns, rowCount: rowCount ?? 0))
    }

    static func resolve(_ path: String, _ arguments: Arguments) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: arguments.runtime.baseDirectory).appendingPathComponent(path).path
    }

    static func readCSV(_ arguments: Arguments) throws -> Value {
        let path = try arguments.string(0)
        let fullPath = resolve(path, arguments)
        guard let data = FileManager.default.contents(atPath: fullPath) else {
            throw NativeError("cannot read '\(path)': no such file", stage: .io, notes: ["note: looked for \(fullPath)"])
        }
        let text = String(decoding: data, as: UTF8.self)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw NativeError("cannot parse '\(path)' as CSV: \(error)", stage: .io)
        }
        guard let header = reader.headerRow else { throw NativeError("'\(path)' is empty: a CSV file needs a header row", stage: .io) }
        var cells = Array(repeating: [String](), count: header.count)
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.count == 1, row[0].isEmpty { continue }
            guard row.count == header.count else {
                throw NativeError("'\(path)' line \(line) has \(row.count) fields, the header has \(header.count)", stage: .io)
            }
            for (index, cell) in row.enumerated() { cells[index].append(cell) }
        }
        if let error = reader.error { throw NativeError("cannot parse '\(path)' as CSV: \(error)", stage: .io) }
        let columns = cells.map(column)
        return .table(Table(names: header, columns: columns, rowCount: cells.first?.count ?? 0))
    }

    /// Numbers when every non-empty cell is one (empty cells read as nan), strings otherwise.
    static func column(_ cells: [String]) -> Value {
        var numbers: [Double] = []
        numbers.reserveCapacity(cells.count)
        for cell in cells {
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { numbers.append(.nan); continue }
            // Swift also reads hexadecimal ("0x1F"); in a CSV file that is an identifier, not a number.
            guard !trimmed.contains(where: { $0 == "x" || $0 == "X" }), let number = Double(trimmed) else {
                return .list(cells.map(Value.string))
            }
            numbers.append(number)
        }
        return .numbers(numbers)
    }

    static func writeCSV(_ arguments: Arguments) throws -> Value {
        guard case .table(let table) = arguments[0] else { throw arguments.mismatch(0, expected: "a table") }
        let path = try arguments.string(1)
        let stream = OutputStream(toMemory: ())
        stream.open()
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: table.names)
            for row in 0..<table.rowCount {
                try writer.write(row: table.row(row).values.map(ValueFormatter.plain))
            }
            writer.stream.close()
        } catch {
            throw NativeError("cannot write '\(path)': \(error)", stage: .io)
        }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw NativeError("cannot write '\(path)'", stage: .io)
        }
        do {
            try data.write(to: URL(fileURLWithPath: resolve(path, arguments)), options: .atomic)
        } catch {
            throw NativeError("cannot write '\(path)': \(error.localizedDescription)", stage: .io)
        }
        return .nil
    }

    public static let natives: [String: NativeBody] = [
        "table": makeTable,
        "read_csv": readCSV,
        "write_csv": writeCSV,
    ]
}
