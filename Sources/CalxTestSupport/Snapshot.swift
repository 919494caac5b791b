// Snapshot files: a missing snapshot is written and the test fails; with
// RECORD_SNAPSHOTS=1 every snapshot is rewritten (and the test fails, so a
// recording run never passes by accident).

import Foundation

public enum Snapshot {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the snapshot at `path`; returns a failure message, or nil.
    public static func check(_ actual: String, against path: URL) -> String? {
        let normalized = normalize(actual)
        guard !recording, let expected = try? String(contentsOf: path, encoding: .utf8) else {
            try? normalized.write(to: path, atomically: true, encoding: .utf8)
            return "recorded snapshot \(path.lastPathComponent); check it and run the tests again"
        }
        if normalize(expected) == normalized { return nil }
        return "does not match \(path.lastPathComponent):\n" + lineDiff(expected: normalize(expected), actual: normalized)
    }

    /// Machine-independent text: LF line ends, the package path made relative.
    public static func normalize(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: Paths.packageRoot.path + "/", with: "")
    }

    /// A line diff: `-` expected, `+` actual.
    public static func lineDiff(expected: String, actual: String) -> String {
        let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : nil, y = index < b.count ? b[index] : nil
            if x == y { continue }
            if let x { out.append("\(index + 1) - \(x)") }
            if let y { out.append("\(index + 1) + \(y)") }
        }
        return out.joined(separator: "\n")
    }
}
