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
        if let title = front.title { out += "# \(title)\n\n" }
        let byline = [front.author.map { "**\($0)**" }, front.date].compactMap { $0 }
        if !byline.isEmpty { out += byline.joined(separator: " · ") + "\n\n" }

        for (index, block) in run.notebook.blocks.enumerated() {
            switch block {
            case .verbatim(let text): out += text
            case .prose(let text, _): out += run.prose[index] ?? text
            case .code(let cell):
                let result = run.results[cell.number] ?? CellResult(state: .notRun)
                if cell.options.echo { out += fenced(cell.source, language: "calx", fence: cell.fence) }
                switch result.state {
                case .skipped: continue
                case .notRun:
                    out += "> cell \(cell.number) did not run: an earlier cell stopped the notebook\n\n"
                    continue
                case .ran, .failed: break
                }
                if let error = result.error {
                    out += fenced((cell.options.output ? result.printed : "") + error, language: "text", fence: "```")
                    continue
                }
                guard cell.options.output else { continue }
                if !result.printed.isEmpty { out += fenced(result.printed, language: "text", fence: "```") }
                out += shown(result.value, cell: cell, figures: &figures, folder: folder)
            }
        }
        if let stopped = run.stoppedAt {
            let skipped = run.results.filter { $0.value.state == .notRun }.keys.sorted()
            out += "\n---\n\n**The run stopped at cell \(stopped).**"
            if !skipped.isEmpty { out += " Cells \(skipped.map(String.init).joined(separator: ", ")) did not run." }
            out += "\n"
        }
        return Report(markdown: out, figures: figures, figuresFolder: folder)
    }

    /// A cell's value in the report: a figure, a table, a fit, or text.
    static func shown(_ value: Value?, cell: CodeCell, figures: inout [(String, String)], folder: String) -> String {
        guard let value else { return "" }
        if case .nil = value { return "" }
        if let figure = PlotLibrary.figure(value) {
            let name = (cell.options.label ?? "fig-\(cell.number)") + ".svg"
            let width = (cell.options.figureWidth ?? 7) * 96, height = (cell.options.figureHeight ?? 5) * 96
            figures.append((name, SVGRenderer.render(figure, width: width, height: height)))
            let caption = cell.options.figureCaption ?? figure.title ?? ""
            return "![\(caption)](\(folder)/\(name))\n\n" + (cell.options.figureCaption.map { "*\($0)*\n\n" } ?? "")
        }
        switch value {
        case .table(let table): return MarkdownTables.table(table) + "\n"
        case .record(let record) where record.kind == "fit": return MarkdownTables.fit(record) + "\n"
        default: return fenced(ValueFormatter.display(value) + "\n", language: "text", fence: "```")
        }
    }

    static func fenced(_ text: String, language: String, fence: String) -> String {
        // A fence longer than any run of backticks inside, so the block cannot end early.
        var marker = fence
        while text.contains(marker) { marker += "`" }
        return marker + language + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + marker + "\n\n"
    }
}
