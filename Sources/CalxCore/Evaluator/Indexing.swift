// What `x[i]` and `x.name` mean for each kind of value: 0-based positions,
// negative positions from the end, vectors of positions, masks, and names.

struct IndexError: Error {
    var message: String
    var label: String
    var notes: [String] = []
    /// True when the mistake is in the index itself rather than the value indexed.
    var blamesIndex = true
}

enum Indexing {
    /// A whole-number position, counting negatives from the end.
    static func position(_ index: Double, count: Int) throws(IndexError) -> Int {
        guard index.isFinite, index == index.rounded() else {
            throw IndexError(message: "index must be a whole number, not \(ValueFormatter.number(index))", label: "not a whole number")
        }
        guard abs(index) < 1e15 else {
            throw IndexError(message: "index \(ValueFormatter.number(index)) out of range for length \(count)", label: "out of range")
        }
        let position = index < 0 ? Int(index) + count : Int(index)
        guard position >= 0, position < count else {
            let valid = count == 0 ? "it is empty" : count == 1 ? "the only valid index is 0, or -1 from the end"
                : "valid indexes are 0 to \(count - 1), or -\(count) to -1 from the end"
            throw IndexError(message: "index \(ValueFormatter.number(index)) out of range for length \(count)", label: "out of range", notes: ["note: \(valid)"])
        }
        return position
    }

    /// The positions an index selects: one, several (a vector of positions) or a mask.
    enum Selection { case one(Int), many([Int]) }

    static func select(_ index: Value, count: Int) throws(IndexError) -> Selection {
        switch index {
        case .number(let i):
            return .one(try position(i, count: count))
        case .numbers(let positions):
            var out: [Int] = []
            out.reserveCapacity(positions.count)
            for i in positions { out.append(try position(i, count: count)) }
            return .many(out)
        default:
            if let flags = Operators.mask(index) {
                guard flags.count == count else {
                    throw IndexError(message: "mask of length \(flags.count) used on length \(count)", label: "a mask must match the length it filters")
                }
                return .many(flags.indices.filter { flags[$0] })
            }
            if case .list(let values) = index, values.isEmpty { return .many([]) }
            throw IndexError(message: "cannot index with a \(index.typeName)", label: "expected a number, a vector of numbers or a mask")
        }
    }

    static func index(_ base: Value, _ index: Value) throws(IndexError) -> Value {
        switch base {
        case .numbers(let numbers):
            switch try select(index, count: numbers.count) {
            case .one(let i): return .number(numbers[i])
            case .many(let positions): return .numbers(positions.map { numbers[$0] })
            }
        case .quantities(let numbers, let unit):
            switch try select(index, count: numbers.count) {
            case .one(let i): return .quantity(numbers[i], unit)
            case .many(let positions): return .quantities(positions.map { numbers[$0] }, unit)
            }
        case .list(let values):
            switch try select(index, count: values.count) {
            case .one(let i): return values[i]
            case .many(let positions): return .list(positions.map { values[$0] })
            }
        case .string(let text):
            let characters = Array(text)
            switch try select(index, count: characters.count) {
            case .one(let i): return .string(String(characters[i]))
            case .many(let positions): return .string(String(positions.map { characters[$0] }))
            }
        case .record(let record):
            guard case .string(let name) = index else {
                throw IndexError(message: "a record is indexed by a field name, not a \(index.typeName)", label: "expected a string")
            }
            return try field(of: base, record: record, name)
        case .table(let table):
            if case .string(let name) = index {
                guard let column = table[name] else { throw missing(name, in: table.names, what: "column") }
                return column
            }
            switch try select(index, count: table.rowCount) {
            case .one(let i): return .record(table.row(i))
            case .many(let positions): return .table(table.rows(positions))
            }
        default:
            throw IndexError(message: "cannot index a \(base.typeName)", label: "this is a \(base.typeName)", blamesIndex: false)
        }
    }

    static func member(_ base: Value, _ name: String) throws(IndexError) -> Value {
        switch base {
        case .record(let record): return try field(of: base, record: record, name)
        case .table(let table):
            guard let column = table[name] else { throw missing(name, in: table.names, what: "column") }
            return column
        default:
            throw IndexError(message: "a \(base.typeName) has no fields", label: "this is a \(base.typeName), not a record or table", blamesIndex: false)
        }
    }

    private static func field(of base: Value, record: Record, _ name: String) throws(IndexError) -> Value {
        guard let value = record[name] else { throw missing(name, in: record.names, what: "field") }
        return value
    }

    private static func missing(_ name: String, in names: [String], what: String) -> IndexError {
        var notes = ["note: the \(what)s are \(names.map { "'\($0)'" }.joined(separator: ", "))"]
        if names.isEmpty { notes = ["note: it has no \(what)s"] }
        if let guess = suggestion(for: name, among: names) { notes.insert("help: did you mean '\(guess)'?", at: 0) }
        return IndexError(message: "no \(what) named '\(name)'", label: "unknown \(what)", notes: notes)
    }
}

final class IndexNode: Node {
    let base: Node
    let index: Node
    init(base: Node, index: Node, span: Span) {
        self.base = base
        self.index = index
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let container = try base.eval(frame, runtime)
        let position = try index.eval(frame, runtime)
        if case .numbers(let numbers) = container, case .number(let i) = position, i >= 0, i < Double(numbers.count), i == i.rounded() {
            return .number(numbers[Int(i)])
        }
        do {
            return try Indexing.index(container, position)
        } catch {
            throw .error(Diagnostic(.runtime, error.message, at: error.blamesIndex ? index.span : base.span, label: error.label, notes: error.notes))
        }
    }
}

final class MemberNode: Node {
    let base: Node
    let name: String
    init(base: Node, name: String, span: Span) {
        self.base = base
        self.name = name
        super.init(span: span)
    }
    override func eval(_ frame: Frame, _ runtime: Runtime) throws(Unwind) -> Value {
        let container = try base.eval(frame, runtime)
        do {
            return try Indexing.member(container, name)
        } catch {
            let nameSpan = Span(source: span.source, start: Int(span.end) - name.utf8.count, end: Int(span.end))
            throw .error(Diagnostic(.runtime, error.message, at: error.blamesIndex ? nameSpan : base.span, label: error.label, notes: error.notes))
        }
    }
}
