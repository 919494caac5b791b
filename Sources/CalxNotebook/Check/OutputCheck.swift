// `calx check`: each ```output block against what its cell printed. Text must match
// (trailing spaces aside); numbers may differ by a relative tolerance, so a course's
// expected output survives the last digit moving between machines.

import Foundation

public struct OutputDifference {
    public var cell: Int
    /// The notebook line where the expected block starts.
    public var line: Int
    public var expected: String
    public var actual: String

    /// The lines that differ, `-` expected and `+` actual, with a line of context.
    public var diff: String {
        let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : nil, b = index < new.count ? new[index] : nil
            if a == b { lines.append("  " + (a ?? "")); continue }
            if let a { lines.append("- " + a) }
            if let b { lines.append("+ " + b) }
        }
        return lines.joined(separator: "\n")
    }
}

public enum OutputCheck {
    public static func differences(in run: NotebookRun, rtol: Double) -> [OutputDifference] {
        run.notebook.cells.compactMap { cell in
            guard let expected = cell.expected else { return nil }
            let actual = run.results[cell.number]?.text ?? ""
            guard !matches(expected.text, actual, rtol: rtol) else { return nil }
            return OutputDifference(cell: cell.number, line: expected.firstLine, expected: expected.text, actual: actual)
        }
    }

    /// Equal text, numbers within `rtol` of each other.
    public static func matches(_ expected: String, _ actual: String, rtol: Double) -> Bool {
        let a = tokens(normalized(expected)), b = tokens(normalized(actual))
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case (.number(let u), .number(let v)):
                if u == v { continue }
                guard abs(u - v) <= rtol * max(abs(u), abs(v)) else { return false }
            case (.text(let s), .text(let t)): if s != t { return false }
            default: return false
            }
        }
        return true
    }

    enum Token: Equatable {
        case number(Double)
        case text(String)
    }

    /// Trailing spaces and a final newline do not count.
    static func normalized(_ text: String) -> String {
        text.components(separatedBy: "\n").map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    static let numberPattern = try! NSRegularExpression(pattern: #"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"#)

    static func tokens(_ text: String) -> [Token] {
        let whole = text as NSString
        var out: [Token] = []
        var position = 0
        for match in numberPattern.matches(in: text, range: NSRange(location: 0, length: whole.length)) {
            if match.range.location > position {
                out.append(.text(whole.substring(with: NSRange(location: position, length: match.range.location - position))))
            }
            let literal = whole.substring(with: match.range)
            out.append(Double(literal).map(Token.number) ?? .text(literal))
            position = match.range.location + match.range.length
        }
        if position < whole.length { out.append(.text(whole.substring(from: position))) }
        return out
    }
}
