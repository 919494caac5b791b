// `calx render` and `calx check`: notebooks run into Markdown reports, and checked
// against their ```output blocks.

import ArgumentParser
import CalxNotebook
import Foundation

/// Options both commands share.
struct NotebookOptions: ParsableArguments {
    @Option(name: .customShort("p"), help: ArgumentHelp("Overrides a param of the front matter: -p seed=7.", valueName: "NAME=VALUE"))
    var params: [String] = []

    func parsedParams() throws -> [(name: String, value: ParamValue)] {
        try params.map { text in
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw ValidationError("a param is NAME=VALUE, like -p seed=7; got '\(text)'")
            }
            return (String(text[..<equals]), ParamValue(commandLine: String(text[text.index(after: equals)...])))
        }
    }
}

enum NotebookStatus {
    static let differences: Int32 = 1
}

/// Reads, parses and runs one notebook; a notebook that cannot be read or parsed is an error here.
func runNotebook(_ path: String, params: [(name: String, value: ParamValue)], keepGoing: Bool) -> Result<NotebookRun, NotebookError> {
    guard let data = FileManager.default.contents(atPath: path) else {
        return .failure(NotebookError(path: path, line: 1, message: "cannot read '\(path)': no such file"))
    }
    var options = RunOptions()
    options.params = params
    options.keepGoing = keepGoing
    do {
        let notebook = try NotebookParser.parse(String(decoding: data, as: UTF8.self), path: path)
        return .success(try NotebookRunner.run(notebook, options: options))
    } catch {
        return .failure(error)
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs a notebook (or every notebook in a folder) into a Markdown report.",
        discussion: "The report of NB.md is NB.report.md, its figures in NB.report_files/. Exit status: 0 when every cell ran, 70 when one failed (the report shows where), 65 when the notebook cannot be parsed.")

    @Argument(help: "A notebook (.md), or a folder of them.")
    var input: String

    @Option(name: .shortAndLong, help: "The report (for a notebook) or the folder of reports (for a folder).")
    var output: String?

    @OptionGroup var notebook: NotebookOptions

    @Flag(help: "Runs every cell even after an error.")
    var keepGoing = false

    @Option(help: "Notebooks rendered at once, for a folder.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Renders again whenever the notebook changes (Ctrl-C stops).")
    var watch = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let params = try notebook.parsedParams()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
            Runner.writeError("error: cannot read '\(input)': no such file or folder\n")
            throw ExitCode(ExitStatus.ioError)
        }
        if isFolder.boolValue {
            guard let output else { throw ValidationError("rendering a folder needs -o OUTDIR") }
            throw ExitCode(FolderRender(input: input, output: output, jobs: jobs, params: params, keepGoing: keepGoing).run())
        }
        let report = output ?? Render.defaultReport(for: input)
        guard watch else { throw ExitCode(Render.render(input, to: report, params: params, keepGoing: keepGoing)) }
        var last: Date?
        while true {
            let modified = (try? FileManager.default.attributesOfItem(atPath: input)[.modificationDate]) as? Date
            if modified != last {
                last = modified
                let status = Render.render(input, to: report, params: params, keepGoing: keepGoing)
                Runner.writeError("\(Render.clock()) rendered \(report)\(status == 0 ? "" : " (with errors)"); watching \(input)\n")
            }
            Thread.sleep(forTimeInterval: 0.3)
        }
    }

    static func defaultReport(for notebook: String) -> String {
        (notebook as NSString).deletingPathExtension + ".report.md"
    }

    static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    /// Renders one notebook; returns the exit status. Errors go to standard error.
    static func render(_ notebook: String, to report: String, params: [(name: String, value: ParamValue)], keepGoing: Bool) -> Int32 {
        switch runNotebook(notebook, params: params, keepGoing: keepGoing) {
        case .failure(let error):
            Runner.writeError(error.description + "\n")
            return error.message.hasPrefix("cannot read") ? ExitStatus.ioError : ExitStatus.compileError
        case .success(let run):
            do {
                try AtomicWrite.save(ReportWriter.write(run, reportName: (report as NSString).lastPathComponent), to: report)
            } catch {
                Runner.writeError("error: cannot write '\(report)': \(error.localizedDescription)\n")
                return ExitStatus.ioError
            }
            for cell in run.notebook.cells {
                if let result = run.results[cell.number], result.state == .failed, let error = result.error {
                    Runner.writeError(error.hasSuffix("\n") ? error : error + "\n")
                }
            }
            return run.failed ? ExitStatus.runtimeError : 0
        }
    }
}

/// Every notebook of a folder, `jobs` at a time, with a progress line on a terminal.
struct FolderRender {
    var input: String, output: String, jobs: Int
    var params: [(name: String, value: ParamValue)]
    var keepGoing: Bool

    func run() -> Int32 {
        let notebooks = ((try? FileManager.default.contentsOfDirectory(atPath: input)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix(".report.md") }.sorted()
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            Runner.writeError("error: cannot create '\(output)': \(error.localizedDescription)\n")
            return ExitStatus.ioError
        }
        let started = Date()
        let lock = NSLock()
        var done = 0, failed: [String] = []
        let onTerminal = isatty(STDERR_FILENO) != 0
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(notebooks.count, 1))) { worker in
            for index in stride(from: worker, to: notebooks.count, by: jobs) {
                let name = notebooks[index]
                let report = (output as NSString).appendingPathComponent(Render.defaultReport(for: name))
                let status = Render.render((input as NSString).appendingPathComponent(name), to: report, params: params, keepGoing: keepGoing)
                lock.lock()
                done += 1
                if status != 0 { failed.append(name) }
                if onTerminal { Runner.writeError("\rrendered \(done)/\(notebooks.count)") }
                lock.unlock()
            }
        }
        if onTerminal { Runner.writeError("\r\u{1B}[K") }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        Runner.writeError("rendered \(notebooks.count - failed.count), failed \(failed.count), in \(seconds) s\n")
        for name in failed.sorted() { Runner.writeError("  failed: \(name)\n") }
        return failed.isEmpty ? 0 : ExitStatus.runtimeError
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs notebooks and compares each ```output block with what its cell prints.",
        discussion: "Numbers may differ by --rtol (relative); any other difference, or a cell that fails, makes the exit status 1.")

    @Argument(help: "The notebooks to check.")
    var notebooks: [String]

    @Option(help: "Relative tolerance for numbers.")
    var rtol = 1e-6

    @OptionGroup var notebook: NotebookOptions

    func run() throws {
        let params = try notebook.parsedParams()
        var bad = 0
        for path in notebooks {
            switch runNotebook(path, params: params, keepGoing: true) {
            case .failure(let error):
                Runner.writeError(error.description + "\n")
                bad += 1
            case .success(let run):
                let differences = OutputCheck.differences(in: run, rtol: rtol)
                for difference in differences {
                    Runner.writeError("\(path):\(difference.line): the output of cell \(difference.cell) differs (- expected, + actual):\n\(difference.diff)\n")
                }
                let failures = run.notebook.cells.filter { run.results[$0.number]?.state == .failed && $0.expected == nil }
                for cell in failures { Runner.writeError(run.results[cell.number]?.error ?? "") }
                let checked = run.notebook.cells.filter { $0.expected != nil }.count
                if differences.isEmpty && failures.isEmpty && run.inlineFailures == 0 {
                    Runner.write("\(path): \(checked) output\(checked == 1 ? "" : "s") match\n")
                } else {
                    bad += 1
                }
            }
        }
        if bad > 0 { throw ExitCode(NotebookStatus.differences) }
    }
}
