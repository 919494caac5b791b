// Markdown text to a Notebook: front matter, fenced blocks (```calx cells, the
// ```output block after one, and other languages verbatim), and prose between.

public enum NotebookParser {
    public static func parse(_ text: String, path: String) throws(NotebookError) -> Notebook {
        let lines = splitLines(text)
        var index = 0
        var frontMatter = FrontMatter()
        if lines.first.map(trimmed) == "---" {
            guard let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(trimmed(lines[$0])) }) else {
                throw NotebookError(path: path, line: 1, message: "the front matter opened here is never closed with '---'")
            }
            frontMatter = try FrontMatter(yaml: lines[1..<end].joined(), lineCount: end + 1, path: path)
            index = end + 1
        }

        var blocks: [Block] = []
        var prose = "", proseStart = index + 1
        func flushProse() {
            if !prose.isEmpty { blocks.append(.prose(prose, firstLine: proseStart)) }
            prose = ""
        }
        var cellCount = 0
        while index < lines.count {
            let line = lines[index]
            guard let fence = Fence(line) else {
                if prose.isEmpty { proseStart = index + 1 }
                prose += line
                index += 1
                continue
            }
            guard let close = lines.indices.dropFirst(index + 1).first(where: { fence.isClosed(by: lines[$0]) }) else {
                throw NotebookError(path: path, line: index + 1, message: "the \(fence.marker) block opened here is never closed")
            }
            let body = Array(lines[(index + 1)..<close])
            switch fence.language {
            case "calx":
                flushProse()
                cellCount += 1
                let (options, optionLines) = try parseOptions(body, firstLine: index + 2, path: path)
                blocks.append(.code(CodeCell(number: cellCount, source: body.dropFirst(optionLines).joined(), options: options,
                                             firstLine: index + 2 + optionLines, fence: fence.marker, expected: nil)))
            case "output" where prose.allSatisfy(\.isWhitespace) && lastCellLacksOutput(blocks):
                // Directly after a code cell (blank lines aside): what that cell is expected to print.
                if case .code(var cell)? = blocks.last {
                    cell.expected = ExpectedOutput(text: body.joined(), firstLine: index + 2)
                    blocks[blocks.count - 1] = .code(cell)
                }
                prose = ""
            default:
                flushProse()
                blocks.append(.verbatim(lines[index...close].joined()))
            }
            index = close + 1
        }
        flushProse()
        return Notebook(frontMatter: frontMatter, blocks: blocks, path: path)
    }

    static func lastCellLacksOutput(_ blocks: [Block]) -> Bool {
        if case .code(let cell)? = blocks.last { return cell.expected == nil }
        return false
    }

    /// Lines with their terminators, so that joining them gives the text back.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func trimmed(_ line: String) -> String {
        String(line.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// Leading `#| key: value` lines; returns the options and how many lines they took.
    static func parseOptions(_ body: [String], firstLine: Int, path: String) throws(NotebookError) -> (CellOptions, Int) {
        var options = CellOptions()
        var count = 0
        for line in body {
            let text = trimmed(line)
            guard text.hasPrefix("#|") else { break }
            let lineNumber = firstLine + count
            count += 1
            let entry = text.dropFirst(2)
            guard let colon = entry.firstIndex(of: ":") else {
                throw NotebookError(path: path, line: lineNumber, message: "a cell option is written '#| key: value'")
            }
            let key = trimmed(String(entry[..<colon])), value = trimmed(String(entry[entry.index(after: colon)...]))
            func flag() throws(NotebookError) -> Bool {
                guard value == "true" || value == "false" else {
                    throw NotebookError(path: path, line: lineNumber, message: "'\(key)' is true or false, not '\(value)'")
                }
                return value == "true"
            }
            func inches() throws(NotebookError) -> Double {
                guard let x = Double(value), x > 0, x <= 100 else {
                    throw NotebookError(path: path, line: lineNumber, message: "'\(key)' is a size in inches, like 6, not '\(value)'")
                }
                return x
            }
            switch key {
            case "echo": options.echo = try flag()
            case "eval": options.eval = try flag()
            case "output": options.output = try flag()
            case "error": options.error = try flag()
            case "label": options.label = value
            case "fig-cap": options.figureCaption = value.count >= 2 && value.first == "\"" && value.last == "\"" ? String(value.dropFirst().dropLast()) : value
            case "fig-width": options.figureWidth = try inches()
            case "fig-height": options.figureHeight = try inches()
            default:
                throw NotebookError(path: path, line: lineNumber, message: "unknown cell option '\(key)'; the options are echo, eval, output, error, label, fig-cap, fig-width, fig-height")
            }
        }
        return (options, count)
    }
}

/// An opening code fence: three or more backticks or tildes, and the info string's language.
struct Fence {
    var marker: String
    var language: String

    init?(_ line: String) {
        let text = String(line.drop { $0 == " " })
        guard line.count - text.count <= 3, let first = text.first, first == "`" || first == "~" else { return nil }
        let marker = String(text.prefix { $0 == first })
        guard marker.count >= 3 else { return nil }
        let info = NotebookParser.trimmed(String(text.dropFirst(marker.count)))
        if first == "`" && info.contains("`") { return nil }
        self.marker = marker
        // `calx`, `{calx}` and `{calx label}` all name a Calx cell.
        let word = info.split(whereSeparator: { $0 == " " || $0 == "}" || $0 == "," }).first.map(String.init) ?? ""
        language = word.hasPrefix("{") ? String(word.dropFirst()) : word
    }

    func isClosed(by line: String) -> Bool {
        let text = NotebookParser.trimmed(line)
        guard let first = marker.first, text.count >= marker.count else { return false }
        return text.allSatisfy { $0 == first }
    }
}
