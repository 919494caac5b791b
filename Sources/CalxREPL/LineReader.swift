// The seam between the REPL and the terminal: libedit when interactive, plain
// reads otherwise (and in tests).

import Foundation

/// Reads one line of input, or nil at end of input.
public protocol LineReader: AnyObject {
    func readLine(prompt: String) -> String?
    /// Records an entry (possibly several lines) in the history.
    func remember(_ entry: String)
}

/// Reads from a file handle with no editing; prompts go to standard output.
public final class PlainLineReader: LineReader {
    public init() {}

    public func readLine(prompt: String) -> String? {
        fputs(prompt, stdout)
        fflush(stdout)
        return Swift.readLine(strippingNewline: true)
    }

    public func remember(_ entry: String) {}
}
