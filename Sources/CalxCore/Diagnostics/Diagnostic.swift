// Errors are data: every stage's error converts to a Diagnostic, and the
// renderers in this folder turn diagnostics into text.

/// A message about the user's program, anchored to a span.
public struct Diagnostic: Error, Sendable {
    public enum Stage: String, Sendable {
        case syntax, name, type, runtime, numerics, io
        /// Syntax and name errors are found before anything runs.
        public var isCompileTime: Bool { self == .syntax || self == .name }
    }

    public struct Label: Sendable {
        public let span: Span
        public let text: String
    }

    public var stage: Stage
    public var message: String
    public var primary: Label
    public var secondary: [Label]
    public var notes: [String]
    /// Set when the error was found at the very end of the input, so a REPL can ask for more.
    public var atEndOfInput: Bool

    public init(
        _ stage: Stage, _ message: String, at span: Span, label: String = "",
        secondary: [Label] = [], notes: [String] = [], atEndOfInput: Bool = false
    ) {
        self.stage = stage
        self.message = message
        self.primary = Label(span: span, text: label)
        self.secondary = secondary
        self.notes = notes
        self.atEndOfInput = atEndOfInput
    }
}

/// Anything a stage throws that can be shown to the user.
public protocol DiagnosticConvertible: Error {
    var diagnostic: Diagnostic { get }
}

extension Diagnostic: DiagnosticConvertible {
    public var diagnostic: Diagnostic { self }
}

/// "Did you mean …?": the closest candidate by edit distance, if it is close enough.
/// A guess must keep at least one character of the name: 'y' is not a typo of 'e'.
public func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(1, name.count / 3)
    var best: (String, Int)?
    for candidate in candidates where candidate != name {
        let distance = editDistance(name.lowercased(), candidate.lowercased())
        let exactCaseBonus = candidate.lowercased() == name.lowercased() ? -1 : 0
        let score = distance + exactCaseBonus
        guard distance <= limit, distance < name.count else { continue }
        if let (name, bestScore) = best, score > bestScore || (score == bestScore && candidate > name) { continue }
        best = (candidate, score)
    }
    return best?.0
}

/// Edits between two strings, a swap of neighbours counting as one ('cuont' is 1 from 'count').
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = Array(0...b.count)
    var previous = beforePrevious
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], beforePrevious[j - 2] + 1)
            }
        }
        (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
}
