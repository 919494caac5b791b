// Tables: building them from columns, and reading and writing CSV files
// (parsing and quoting by the CSV.swift library).

import CSV
import Foundation

public enum TableLibrary {
    static func makeTable(_ arguments: Arguments) throws -> Value {
        if let positional = arguments[0].elements, !positional.isEmpty {
            throw NativeError("table() takes named columns, like table(x: [1, 2], y: [3, 4])", stage: .type)
        }
        var names: [String] = [], columns: [Value] = []
        var rowCount: Int?
        for (name, value) in arguments.extraNamed {
            let column: Value
            switch value {
            case .numbers, .list, .quantities: column = value
            default: throw NativeError("column '\(name)' must be a vector, got \(ValueFormatter.brief(value))", stage: .type)
            }
            let count = column.elements?.count ?? 0
            if let rowCount, rowCount != count {
                throw NativeError("column '\(name)' has \(count) row\(count == 1 ? "" : "s"), but '\(names[0])' has \(rowCount)", stage: .type,
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

    /// A path as a note shows it: relative to the working directory when it lies inside it,
    /// so a message reads the same on every machine.
    static func shown(_ fullPath: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        return fullPath.hasPrefix(here + "/") ? String(fullPath.dropFirst(here.count + 1)) : fullPath
    }

    /// The line of a quoted field that the text never closes, if any (RFC 4180 quoting;
    /// CSV.swift would silently read the rest of the file into that field).
    static func unclosedQuote(in text: String) -> Int? {
        var line = 1, opened = 0, inQuotes = false, atFieldStart = true
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = characters.next()
                    if next == "\"" { continue }
                    inQuotes = false
                    pending = next
                } else if c.isNewline {
                    line += 1
                }
                continue
            }
            if c == "\"", atFieldStart { inQuotes = true; opened = line; continue }
            if c.isNewline { line += 1 }
            atFieldStart = c == "," || c.isNewline
        }
        return inQuotes ? opened : nil
    }

    static func readCSV(_ arguments: Arguments) throws -> Value {
        let path = try arguments.string(0)
        let fullPath = resolve(path, arguments)
        guard let data = FileManager.default.contents(atPath: fullPath) else {
            throw NativeError("cannot read '\(path)': no such file", stage: .io, notes: ["note: looked for \(shown(fullPath))"])
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.allSatisfy(\.isWhitespace) { throw NativeError("'\(path)' is empty: a CSV file needs a header row", stage: .io) }
        if let line = unclosedQuote(in: text) {
            throw NativeError("'\(path)' line \(line) opens a quoted field that is never closed", stage: .io,
                              notes: ["help: close it with '\"'; write a quote inside a quoted field as '\"\"'"])
        }
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
        let url = URL(fileURLWithPath: resolve(path, arguments))
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw NativeError("cannot write '\(path)': no such folder", stage: .io, notes: ["note: \(shown(folder)) does not exist"])
        }
        do {
            try data.write(to: url, options: .atomic)
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
