// Writing a report so that a reader never sees half of one: each file goes to a
// temporary name in its folder, then is renamed over the old one in one step.

import Foundation

public enum AtomicWrite {
    /// Writes the report and its figures. The figures land first: a report never
    /// links to a figure that is not there.
    public static func save(_ report: Report, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        if !report.figures.isEmpty {
            let folder = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(report.figuresFolder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (name, svg) in report.figures { try write(svg, to: (folder as NSString).appendingPathComponent(name)) }
        }
        try write(report.markdown, to: path)
    }

    /// `text` at `path`, by way of a temporary file and rename(2).
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
