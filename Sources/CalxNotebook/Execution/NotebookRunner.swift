// Runs a notebook's cells in order in one session, as a reader would: each cell's
// printed text, value and error are kept for the report and for `calx check`.
// An error stops the run unless the cell allows errors or the caller keeps going.

import Calx
import CalxCore
import Foundation

/// What one code cell did.
public struct CellResult {
    public enum State { case ran, failed, skipped, notRun }
    public var state: State
    /// Everything `print` wrote.
    public var printed = ""
    /// The value of the last expression (nil for statements or when the cell did not run).
    public var value: Value?
    /// The error, rendered as Calx shows it (with the notebook's file, line and column).
    public var error: String?

    /// The cell's output as the REPL would show it: printed text, then the value.
    public var text: String {
        var out = printed
        if let value, !isNil(value) {
            out += ValueFormatter.display(value)
            if !out.hasSuffix("\n") { out += "\n" }
        }
        if let error { out += error.hasSuffix("\n") ? error : error + "\n" }
        return out
    }

    func isNil(_ value: Value) -> Bool {
        if case .nil = value { return true }
        return false
    }
}

public struct NotebookRun {
    public var notebook: Notebook
    /// By cell number.
    public var results: [Int: CellResult] = [:]
    /// Prose with its inline `{calx}` expressions replaced, by block index.
    public var prose: [Int: String] = [:]
    /// The cell whose unexpected error stopped the run.
    public var stoppedAt: Int?
    /// Whether any cell (or inline expression) failed without allowing it.
    public var failed: Bool { results.values.contains { $0.state == .failed } || inlineFailures > 0 }
    public var inlineFailures = 0
}

public struct RunOptions {
    public var params: [(name: String, value: ParamValue)] = []
    /// Run every cell even after an unexpected error.
    public var keepGoing = false
    public init() {}
}

public enum NotebookRunner {
    public static func run(_ notebook: Notebook, options: RunOptions = RunOptions()) throws(NotebookError) -> NotebookRun {
        var output = ""
        let directory = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        let session = Session(settings: Settings(output: { output += $0 }, baseDirectory: directory))
        session.globals.set("params", try paramsRecord(notebook, overrides: options.params))
        var run = NotebookRun(notebook: notebook)
        for (index, block) in notebook.blocks.enumerated() {
            switch block {
            case .verbatim: continue
            case .prose(let text, let firstLine):
                guard run.stoppedAt == nil else { continue }
                run.prose[index] = InlineExpressions.replace(in: text) { expression, line in
                    output = ""
                    switch session.interpret(expression, origin: notebook.path, firstLine: firstLine + line) {
                    case .value(let value): return ValueFormatter.plain(value)
                    case .failure(let diagnostics):
                        run.inlineFailures += 1
                        return "**error: \(diagnostics.first?.message ?? "failed")**"
                    }
                }
            case .code(let cell):
                guard cell.options.eval else {
                    run.results[cell.number] = CellResult(state: .skipped)
                    continue
                }
                guard run.stoppedAt == nil else {
                    run.results[cell.number] = CellResult(state: .notRun)
                    continue
                }
                output = ""
                let outcome = session.interpret(cell.source, origin: notebook.path, firstLine: cell.firstLine)
                var result = CellResult(state: .ran, printed: output)
                switch outcome {
                case .value(let value): result.value = value
                case .failure(let diagnostics):
                    result.error = session.render(diagnostics)
                    if !cell.options.error {
                        result.state = .failed
                        if !options.keepGoing { run.stoppedAt = cell.number }
                    }
                }
                run.results[cell.number] = result
            }
        }
        return run
    }

    /// `params` as the notebook's code reads it: the front matter's values, overridden
    /// by the command line; a name the front matter does not declare is an error.
    static func paramsRecord(_ notebook: Notebook, overrides: [(name: String, value: ParamValue)]) throws(NotebookError) -> Value {
        var params = notebook.frontMatter.params
        for (name, value) in overrides {
            guard let index = params.firstIndex(where: { $0.name == name }) else {
                let known = params.map(\.name).joined(separator: ", ")
                throw NotebookError(path: notebook.path, line: 1,
                                    message: "the notebook has no param '\(name)'" + (known.isEmpty ? "; it declares none" : "; its params are \(known)"))
            }
            params[index].value = value
        }
        return .record(Record(names: params.map(\.name), values: params.map { param in
            switch param.value {
            case .number(let x): return .number(x)
            case .string(let text): return .string(text)
            case .bool(let flag): return .bool(flag)
            }
        }))
    }
}

/// `` `{calx} expr` `` in prose, replaced by the value of expr.
enum InlineExpressions {
    /// Calls `evaluate(expression, lineOffset)` for each inline expression, in order.
    static func replace(in text: String, evaluate: (String, Int) -> String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "`{calx}") {
            guard let end = rest[start.upperBound...].firstIndex(of: "`") else { break }
            let expression = rest[start.upperBound..<end].trimmingCharacters(in: .whitespaces)
            let line = text[text.startIndex..<start.lowerBound].filter { $0 == "\n" }.count
            out += rest[..<start.lowerBound]
            out += evaluate(expression, line)
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
