// Renders diagnostics the codespan way: header, location, source line, underline.

/// How a rendered diagnostic is dressed.
public enum DiagnosticStyle: Sendable {
    /// Plain text, as golden files and pipes expect.
    case plain
    /// ANSI colours, for a terminal.
    case terminal
}

public struct DiagnosticRenderer {
    public let sources: SourceRegistry
    public let style: DiagnosticStyle

    public init(sources: SourceRegistry, style: DiagnosticStyle = .plain) {
        self.sources = sources
        self.style = style
    }

    private func paint(_ text: String, _ code: String) -> String {
        style == .terminal ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `file:line:column` of a span's start, or nil for spans without a source.
    public func location(_ span: Span) -> String? {
        guard let file = sources.file(span.source) else { return nil }
        let (line, column) = file.location(of: Int(span.start))
        return "\(file.origin):\(line):\(column)"
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = paint("error", "1;31") + paint(": \(diagnostic.message)", "1") + "\n"
        let primary = diagnostic.primary
        guard let file = sources.file(primary.span.source) else {
            for note in diagnostic.notes { out += "  = \(note)\n" }
            return out
        }
        let labels = [primary] + diagnostic.secondary.filter { $0.span.source == primary.span.source }
        let lines = Set(labels.map { file.lineIndex(of: Int($0.span.start)) }).sorted()
        let gutter = String(lines.map { $0 + file.firstLine }.max() ?? 1).count
        let pad = String(repeating: " ", count: gutter)
        out += "\(pad)\(paint("-->", "1;34")) \(location(primary.span) ?? file.origin)\n"
        out += "\(pad) \(paint("|", "1;34"))\n"
        for (position, index) in lines.enumerated() {
            if position > 0, index > lines[position - 1] + 1 { out += "\(pad) \(paint("·", "1;34"))\n" }
            let text = file.line(index)
            let number = String(index + file.firstLine)
            let here = labels.filter { file.lineIndex(of: Int($0.span.start)) == index }
            let shown = window(text, around: here.map { column(of: $0, line: index, in: file) }.min() ?? 0)
            let cut = (shown.start > 0 ? "…" : "") + String(text.dropFirst(shown.start).prefix(shown.end - shown.start))
                + (shown.end < text.count ? "…" : "")
            out += String(repeating: " ", count: gutter - number.count) + paint(number, "1;34") + " \(paint("|", "1;34")) \(cut)\n"
            for label in here {
                let isPrimary = label.span == primary.span && label.text == primary.text
                out += "\(pad) \(paint("|", "1;34")) " + underline(label, line: index, in: file, primary: isPrimary, window: shown) + "\n"
            }
        }
        out += "\(pad) \(paint("|", "1;34"))\n"
        for note in diagnostic.notes { out += "\(pad) = \(note)\n" }
        return out
    }

    /// Lines longer than this (10,000 brackets, say) are shown as a window around their first label.
    static let maximumLineWidth = 200

    /// The characters of a line to show: all of it, or a window that holds `column`.
    private func window(_ text: String, around column: Int) -> (start: Int, end: Int) {
        let count = text.count, width = DiagnosticRenderer.maximumLineWidth
        guard count > width else { return (0, count) }
        let start = max(0, min(column - width / 3, count - width))
        return (start, start + width)
    }

    /// The 0-based character column where a label starts.
    private func column(of label: Diagnostic.Label, line index: Int, in file: SourceFile) -> Int {
        let lineStart = file.lineStarts[index]
        return String(decoding: file.bytes[lineStart..<max(lineStart, min(Int(label.span.start), file.bytes.count))], as: UTF8.self).count
    }

    private func underline(_ label: Diagnostic.Label, line index: Int, in file: SourceFile, primary: Bool,
                           window: (start: Int, end: Int)) -> String {
        let lineStart = file.lineStarts[index]
        let lineText = file.line(index)
        let startColumn = min(max(column(of: label, line: index, in: file), window.start), window.end)
        let endOffset = max(Int(label.span.start), min(Int(label.span.end), lineStart + lineText.utf8.count))
        let fullWidth = max(1, String(decoding: file.bytes[min(Int(label.span.start), file.bytes.count)..<min(endOffset, file.bytes.count)], as: UTF8.self).count)
        let width = max(1, min(fullWidth, window.end - startColumn))
        let lead = window.start > 0 ? " " : ""
        let prefix = lead + String(lineText.dropFirst(window.start).prefix(startColumn - window.start).map { $0 == "\t" ? "\t" : " " })
        let marks = String(repeating: primary ? "^" : "-", count: width)
        let text = label.text.isEmpty ? "" : " " + label.text
        return prefix + paint(marks + text, primary ? "1;31" : "1;34")
    }
}
