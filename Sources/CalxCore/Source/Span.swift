// Where a piece of syntax came from: a source id and a UTF-8 byte range.

/// A half-open range of UTF-8 offsets in one registered source.
public struct Span: Hashable, Sendable {
    public var source: Int32
    public var start: Int32
    public var end: Int32

    public init(source: Int32, start: Int, end: Int) {
        self.source = source
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    /// The smallest span covering both.
    public func to(_ other: Span) -> Span {
        Span(source: source, start: Int(min(start, other.start)), end: Int(max(end, other.end)))
    }

    /// A span used where no source exists (natives, synthetic nodes).
    public static let none = Span(source: -1, start: 0, end: 0)
}
