// Helpers for the unit tests of each stage: source text with markers that say
// where a span must start, and a session that captures what a program prints.
// Like Snapshot, they return failure messages rather than asserting, so this
// target does not depend on XCTest.

import Calx
import CalxCore

/// Source text with numbered markers (`1️⃣` … `9️⃣`) standing where spans must start.
/// The markers are removed from `text`; `offset(n)` is the UTF-8 offset marker n stood at.
public struct MarkedSource {
    public static let markers: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    public let text: String
    public let offsets: [Int: Int]

    public init(_ marked: String) {
        var text = "", offsets: [Int: Int] = [:]
        for character in marked {
            if let index = MarkedSource.markers.firstIndex(of: character) {
                offsets[index + 1] = text.utf8.count
            } else {
                text.append(character)
            }
        }
        self.text = text
        self.offsets = offsets
    }

    /// The UTF-8 offset of marker `number` (1 for `1️⃣`).
    public func offset(_ number: Int = 1) -> Int {
        guard let offset = offsets[number] else { preconditionFailure("marker \(number) is not in the source") }
        return offset
    }

    /// Checks that `span` starts at marker `number`; returns a failure message, or nil.
    public func checkStart(of span: Span, at number: Int = 1) -> String? {
        let expected = offset(number)
        if Int(span.start) == expected { return nil }
        return "span starts at byte \(span.start), expected \(expected) (marker \(number)):\n"
            + "  \(text)\n  \(caret(at: Int(span.start)))  <- actual\n  \(caret(at: expected))  <- expected"
    }

    /// Spaces up to a byte offset, then `^`, to show a position under the text.
    private func caret(at offset: Int) -> String {
        let bytes = Array(text.utf8)
        let prefix = String(decoding: bytes[0..<max(0, min(offset, bytes.count))], as: UTF8.self)
        let line = prefix.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return String(repeating: " ", count: line.count) + "^"
    }
}

/// A session whose `print` output is collected, run on a large stack as the front ends do.
public final class TestSession {
    public let session: Session
    private let captured = Locked("")

    public init() {
        let captured = self.captured
        session = Session(settings: Settings(output: { text in captured.mutate { $0 += text } }))
    }

    /// Everything printed so far.
    public var printed: String { captured.value }

    /// Interprets one piece of source, as a REPL input would be.
    @discardableResult
    public func run(_ text: String, origin: String = "<test>") -> Outcome {
        session.interpret(text, origin: origin)
    }

    /// The value of the program, or nil (and the rendered errors in `failure`) if it failed.
    public func value(_ text: String) -> (value: Value?, failure: String) {
        switch run(text) {
        case .value(let value): return (value, "")
        case .failure(let diagnostics): return (nil, session.render(diagnostics))
        }
    }

    /// The program's value as the REPL displays it, or `error: …` lines if it failed.
    public func display(_ text: String) -> String {
        switch run(text) {
        case .value(let value): return ValueFormatter.display(value)
        case .failure(let diagnostics): return diagnostics.map { "error: \($0.message)" }.joined(separator: "\n")
        }
    }

    /// The diagnostics of a program that is expected to fail (empty if it ran).
    public func errors(_ text: String) -> [Diagnostic] {
        run(text).diagnostics
    }
}

extension Array where Element == Diagnostic {
    /// The first diagnostic, or one that matches no expectation: a missing error fails a test instead of trapping.
    public var firstOrMissing: Diagnostic {
        first ?? Diagnostic(.syntax, "<no diagnostic>", at: Span(source: -1, start: -1, end: -1), label: "<no diagnostic>")
    }
}
