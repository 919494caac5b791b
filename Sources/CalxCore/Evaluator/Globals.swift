// Top-level bindings: names resolved to indexes once, values read by index.

public final class Globals {
    /// The units and dimensions declared so far; names after a number or `->` are looked up here.
    public let units = UnitRegistry()
    public private(set) var names: [String] = []
    private(set) var indexes: [String: Int] = [:]
    private var storage: UnsafeMutablePointer<Value>
    private var capacity: Int

    public init() {
        capacity = 256
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: names.count)
        storage.deallocate()
    }

    public func index(of name: String) -> Int? { indexes[name] }

    /// The index of `name`, declaring it (unbound) if new.
    public func declare(_ name: String) -> Int {
        if let index = indexes[name] { return index }
        if names.count == capacity {
            let larger = UnsafeMutablePointer<Value>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: names.count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + names.count).initialize(to: .undefined)
        indexes[name] = names.count
        names.append(name)
        return names.count - 1
    }

    @inline(__always)
    subscript(index: Int) -> Value {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    public func value(of name: String) -> Value? {
        guard let index = indexes[name] else { return nil }
        if case .undefined = storage[index] { return nil }
        return storage[index]
    }

    /// A standard-library binding as library code sees it, whatever a program rebound.
    public func library(_ name: String) -> Value? {
        value(of: Globals.libraryName(name)) ?? value(of: name)
    }

    public func set(_ name: String, _ value: Value) {
        self[declare(name)] = value
    }

    /// The private name under which library code reads a library binding; no
    /// program can write it, since a name cannot contain a dot.
    static func libraryName(_ name: String) -> String { "Stdlib." + name }

    /// Names bound to a value, in declaration order (library-private names left out).
    public var boundNames: [String] {
        names.indices.compactMap { index in
            if case .undefined = storage[index] { return nil }
            if names[index].hasPrefix("Stdlib.") { return nil }
            return names[index]
        }
    }

    /// A copy of every value, to restore after a failed REPL input.
    public func snapshot() -> [Value] { Array(UnsafeBufferPointer(start: storage, count: names.count)) }

    public func restore(_ values: [Value]) {
        for index in names.indices { storage[index] = index < values.count ? values[index] : .undefined }
    }
}
