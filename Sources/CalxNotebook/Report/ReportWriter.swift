// A run notebook as a Markdown report: the title block, prose verbatim (inline
// values filled in), each cell's code, its output as text, tables and fits as
// Markdown tables, figures as SVG files beside the report, and errors where they
// happened. The same run always gives the same bytes.

import CalxCore
import CalxPlot
import Foundation

public struct Report {
    public var markdown: String
    /// Figure files by name inside the figures folder (`REPORT_files/`).
    public var figures: [(name: String, svg: String)]
    /// The folder name the report links its figures from.
    public var figuresFolder: String
}

public enum ReportWriter {
    /// `reportName` is the report's file name (its figures go to `<stem>_files/`).
    public static func write(_ run: NotebookRun, reportName: String) -> Report {
        let folder = (reportName as NSString).deletingPathExtension + "_files"
        var out = ""
        var figures: [(String, String)] = []
        let front = run.notebook.frontMatter
        if let title = front.title { out += "# \(title)\n" }
        let byline = [front.author.map { "**\($0)**" }, front.date].compactMap { $0 }
        if !byline.isEmpty { out += "\n" + byline.joined(separator: " · ") + "\n" }

        for (index, block) in run.notebook.blocks.enumerated() {
            switch block {
            case .verbatim(let text): out += text
            case .prose(let text, _): out += run.prose[index] ?? text
            case .code(let cell):
                // A cell's blocks are separated by one blank line; the prose around keeps its own.
                out += cellBlocks(cell, run.results[cell.number] ?? CellResult(state: .notRun), options: front.report,
                                  figures: &figures, folder: folder)
                    .joined(separator: "\n")
            }
        }
        if let stopped = run.stoppedAt {
            let skipped = run.results.filter { $0.value.state == .notRun }.keys.sorted()
            out += "\n---\n\n**The run stopped at cell \(stopped).**"
            if !skipped.isEmpty {
                out += skipped.count == 1 ? " Cell \(skipped[0]) did not run." : " Cells \(skipped.map(String.init).joined(separator: ", ")) did not run."
            }
            out += "\n"
        }
        return Report(markdown: out, figures: figures, figuresFolder: folder)
    }

    /// The Markdown blocks of one cell: its code, then what it printed, its value or its error.
    static func cellBlocks(_ cell: CodeCell, _ result: CellResult, options: ReportOptions,
                           figures: inout [(String, String)], folder: String) -> [String] {
        var blocks: [String] = []
        if cell.options.echo { blocks.append(fenced(cell.source, language: "calx", fence: cell.fence)) }
        switch result.state {
        case .skipped: return blocks
        case .notRun: return blocks + ["> cell \(cell.number) did not run: an earlier cell stopped the notebook\n"]
        case .ran, .failed: break
        }
        if let error = result.error {
            return blocks + [fenced((cell.options.output ? result.printed : "") + error, language: "text", fence: "```")]
        }
        guard cell.options.output else { return blocks }
        if !result.printed.isEmpty { blocks.append(fenced(result.printed, language: "text", fence: "```")) }
        let value = shown(result.value, cell: cell, options: options, figures: &figures, folder: folder)
        return value.isEmpty ? blocks : blocks + [value]
    }

    /// A cell's value in the report: a figure, a table, a fit, or text.
    static func shown(_ value: Value?, cell: CodeCell, options: ReportOptions, figures: inout [(String, String)], folder: String) -> String {
        guard let value else { return "" }
        if case .nil = value { return "" }
        if let figure = PlotLibrary.figure(value) {
            let name = (cell.options.label ?? "fig-\(cell.number)") + ".svg"
            let width = (cell.options.figureWidth ?? options.figureWidth) * 96, height = (cell.options.figureHeight ?? options.figureHeight) * 96
            figures.append((name, SVGRenderer.render(figure, width: width, height: height)))
            let caption = cell.options.figureCaption ?? figure.title ?? ""
            return "![\(caption)](\(folder)/\(name))\n" + (cell.options.figureCaption.map { "\n*\($0)*\n" } ?? "")
        }
        switch value {
        case .table(let table): return MarkdownTables(digits: options.digits).table(table)
        case .record(let record) where record.kind == "fit": return MarkdownTables(digits: options.digits).fit(record)
        case .record(let record) where record.kind == "report": return MarkdownTables(digits: options.digits).report(record)
        default: return fenced(ValueFormatter.display(value) + "\n", language: "text", fence: "```")
        }
    }

    static func fenced(_ text: String, language: String, fence: String) -> String {
        // A fence longer than any run of backticks inside, so the block cannot end early.
        var marker = fence
        while text.contains(marker) { marker += "`" }
        return marker + language + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + marker + "\n"
    }
}
