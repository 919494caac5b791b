// The values a Calx program computes with.

public enum Value {
    case number(Double)
    case bool(Bool)
    case string(String)
    /// A vector of numbers: the fast, common case.
    case numbers([Double])
    /// A vector of anything else: strings, booleans (masks), records, vectors.
    case list([Value])
    /// A number with a unit: `3 h`.
    case quantity(Double, Unit)
    /// A vector of numbers sharing one unit: `[1, 2, 3] kWh`.
    case quantities([Double], Unit)
    case record(Record)
    case table(Table)
    case function(Closure)
    case `nil`
    /// Held by a name that is declared but not yet bound; never seen by a program.
    case undefined

    /// The type's name as users see it in messages and from `type_of`.
    public var typeName: String {
        switch self {
        case .number: return "number"
        case .bool: return "bool"
        case .string: return "string"
        case .quantity: return "quantity"
        case .numbers, .list, .quantities: return "vector"
        case .record: return "record"
        case .table: return "table"
        case .function: return "function"
        case .nil, .undefined: return "nil"
        }
    }

    /// A vector of any kind as a list of values.
    var elements: [Value]? {
        switch self {
        case .numbers(let numbers): return numbers.map(Value.number)
        case .quantities(let numbers, let unit): return numbers.map { .quantity($0, unit) }
        case .list(let values): return values
        default: return nil
        }
    }

    /// The vector a `...rest` parameter receives: as `vector`, except that quantities in
    /// different units stay as given (print(1 h, 30 min) shows both as written).
    static func arguments(_ values: [Value]) -> Value {
        if case .quantity(_, let unit)? = values.first,
           values.contains(where: { if case .quantity(_, let other) = $0 { other !== unit } else { false } }) {
            return .list(values)
        }
        return vector(values)
    }

    /// Builds the most specific vector for these elements.
    /// Quantities of one dimension make a vector in the first one's unit.
    static func vector(_ values: [Value]) -> Value {
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        if case .quantity(_, let unit)? = values.first {
            for value in values {
                guard case .quantity(let x, let other) = value, other.dimension == unit.dimension else { return .list(values) }
                guard case .number(let converted) = QuantityArithmetic.convert(.number(x), from: other, to: unit) else { return .list(values) }
                numbers.append(converted)
            }
            return .quantities(numbers, unit)
        }
        for value in values {
            guard case .number(let number) = value else { return .list(values) }
            numbers.append(number)
        }
        return .numbers(numbers)
    }
}

/// An immutable record: named fields in the order they were written. A class, so
/// that `Value` stays two words wide and cheap to copy.
public final class Record {
    public let names: [String]
    public let values: [Value]
    /// What the record is, for records a library builds with a display of their own ("fit").
    public let kind: String?
    /// The record's display as a value on its own (a fit shows a parameter table).
    public let summary: ((Record) -> String)?
    /// What the library that built the record keeps with it to use it again (a fit's data and model).
    public let attachment: AnyObject?

    public init(names: [String] = [], values: [Value] = [], kind: String? = nil, summary: ((Record) -> String)? = nil,
                attachment: AnyObject? = nil) {
        self.names = names
        self.values = values
        self.kind = kind
        self.summary = summary
        self.attachment = attachment
    }

    public subscript(name: String) -> Value? {
        names.firstIndex(of: name).map { values[$0] }
    }
}

/// Named columns of equal length. Each column is a vector (`.numbers` or `.list`).
public final class Table {
    public let names: [String]
    public let columns: [Value]
    public let rowCount: Int

    public init(names: [String], columns: [Value], rowCount: Int) {
        self.names = names
        self.columns = columns
        self.rowCount = rowCount
    }

    public subscript(name: String) -> Value? {
        names.firstIndex(of: name).map { columns[$0] }
    }

    /// Row `index` as a record.
    public func row(_ index: Int) -> Record {
        Record(names: names, values: columns.map { column in
            switch column {
            case .numbers(let numbers): return .number(numbers[index])
            case .quantities(let numbers, let unit): return .quantity(numbers[index], unit)
            case .list(let values): return values[index]
            default: return column
            }
        })
    }

    /// The rows at these positions, in this order.
    public func rows(_ indexes: [Int]) -> Table {
        Table(names: names, columns: columns.map { column in
            switch column {
            case .numbers(let numbers): return .numbers(indexes.map { numbers[$0] })
            case .quantities(let numbers, let unit): return .quantities(indexes.map { numbers[$0] }, unit)
            case .list(let values): return .list(indexes.map { values[$0] })
            default: return column
            }
        }, rowCount: indexes.count)
    }
}

/// Deep equality, as `==` sees it on scalars and as tests compare results.
public func valuesEqual(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): return x == y
    case (.bool(let x), .bool(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.nil, .nil): return true
    case (.numbers(let x), .numbers(let y)): return x == y
    case (.quantity, .quantity), (.quantities, .quantities):
        if case .bool(true)? = try? QuantityArithmetic.binary(.equal, a, b, names: nil) { return true }
        if case .list(let flags)? = try? QuantityArithmetic.binary(.equal, a, b, names: nil) {
            return flags.allSatisfy { if case .bool(true) = $0 { true } else { false } }
        }
        return false
    case (.numbers, .list), (.list, .numbers), (.list, .list), (.quantities, .list), (.list, .quantities):
        guard let x = a.elements, let y = b.elements, x.count == y.count else { return false }
        return zip(x, y).allSatisfy(valuesEqual)
    case (.record(let x), .record(let y)):
        return x.names == y.names && zip(x.values, y.values).allSatisfy(valuesEqual)
    case (.table(let x), .table(let y)):
        return x.names == y.names && zip(x.columns, y.columns).allSatisfy(valuesEqual)
    case (.function(let x), .function(let y)): return x === y
    default: return false
    }
}
