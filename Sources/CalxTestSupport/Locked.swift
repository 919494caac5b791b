// A value shared between threads of a concurrent test, behind a lock.

import Foundation

public final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    public init(_ value: Value) { stored = value }

    public var value: Value { lock.withLock { stored } }

    public func mutate(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
