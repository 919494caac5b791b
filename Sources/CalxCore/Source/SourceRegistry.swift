// Every piece of text Calx runs is registered here, so spans can be turned
// back into a file name, a line and a column when an error is shown.

/// One registered text: its origin (a path, `<repl:3>`, `notebook.md#cell2`) and bytes.
public struct SourceFile: Sendable {
    public let origin: String
    public let text: String
    public let bytes: [UInt8]
    /// Line number added to every line (a notebook cell starts deep inside its file).
    public let firstLine: Int
    let lineStarts: [Int]

    init(origin: String, text: String, firstLine: Int) {
        self.origin = origin
        self.text = text
        self.bytes = Array(text.utf8)
        self.firstLine = firstLine
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 0-based line index holding a byte offset.
    func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The text of a 0-based line, without its newline.
    func line(_ index: Int) -> String {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// 1-based line and character column of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let index = lineIndex(of: clamped)
        let column = String(decoding: bytes[lineStarts[index]..<clamped], as: UTF8.self).count + 1
        return (index + firstLine, column)
    }
}

/// Maps source ids to their files. Shared by a session and everything it runs.
public final class SourceRegistry: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Registers a text and returns its id.
    public func add(origin: String, text: String, firstLine: Int = 1) -> Int32 {
        files.append(SourceFile(origin: origin, text: text, firstLine: firstLine))
        return Int32(files.count - 1)
    }

    public func file(_ id: Int32) -> SourceFile? {
        id >= 0 && Int(id) < files.count ? files[Int(id)] : nil
    }

    /// The source text a span covers.
    public func text(of span: Span) -> String {
        guard let file = file(span.source) else { return "" }
        let start = max(0, min(Int(span.start), file.bytes.count))
        let end = max(start, min(Int(span.end), file.bytes.count))
        return String(decoding: file.bytes[start..<end], as: UTF8.self)
    }
}
