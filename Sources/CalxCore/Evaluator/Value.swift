// The values a Calx program computes with.

public enum Value {
    case number(Double)
    case bool(Bool)
    case string(String)
    /// A vector of numbers: the fast, common case.
    case numbers([Double])
    /// A vector of anything else: strings, booleans (masks), records, vectors.
    case list([Value])
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
        case .numbers, .list: return "vector"
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
        case .list(let values): return values
        default: return nil
        }
    }

    /// Builds the most specific vector for these elements.
    static func vector(_ values: [Value]) -> Value {
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
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

    public init(names: [String] = [], values: [Value] = []) {
        self.names = names
        self.values = values
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
    case (.numbers, .list), (.list, .numbers), (.list, .list):
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
