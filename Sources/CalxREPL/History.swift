// REPL history on disk: one entry per line, appended as each entry is made, so
// a crash loses nothing. Newlines and backslashes inside an entry are escaped.

import Foundation

public struct HistoryFile {
    public let path: String
    /// Entries kept when the file is read back.
    public static let limit = 1000

    /// `$CALX_HISTORY`, or `~/.calx_history`.
    public static func defaultPath() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CALX_HISTORY"], !path.isEmpty { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.calx_history"
    }

    public init(path: String = HistoryFile.defaultPath()) {
        self.path = path
    }

    public func load() -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let entries = text.split(separator: "\n", omittingEmptySubsequences: true).map { HistoryFile.unescape(String($0)) }
        return Array(entries.suffix(HistoryFile.limit))
    }

    public func append(_ entry: String) {
        let line = HistoryFile.escape(entry) + "\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = line.utf8CString.withUnsafeBufferPointer { buffer in write(descriptor, buffer.baseAddress, buffer.count - 1) }
    }

    static func escape(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ line: String) -> String {
        var out = "", escaping = false
        for character in line {
            if escaping {
                out.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
