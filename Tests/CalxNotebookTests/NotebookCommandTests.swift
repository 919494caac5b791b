// `calx render` and `calx check` as commands: determinism, valid SVG, check passing
// and failing, folders with --jobs, params on the command line, and atomic reports.

import CalxTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class NotebookCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("calx-notebooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func calx(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(Paths.calx, arguments, in: folder)
    }

    static let figureNotebook = """
        ```calx
        x = linspace(1, 10, 20)
        plot(scatter(x, x ^ 2, label: "data"), line(x, x ^ 2, label: "curve"), title: "a <b> & \\"c\\"", xlog: true)
        ```
        """

    func testRenderingTwiceGivesTheSameBytes() throws {
        let notebook = try write("nb.md", Self.figureNotebook)
        XCTAssertEqual(try calx(["render", notebook, "-o", "one.md"]).status, 0)
        XCTAssertEqual(try calx(["render", notebook, "-o", "two.md"]).status, 0)
        let read = { (path: String) in try Data(contentsOf: self.folder.appendingPathComponent(path)) }
        XCTAssertEqual(try read("one_files/fig-1.svg"), try read("two_files/fig-1.svg"))
        let one = String(decoding: try read("one.md"), as: UTF8.self), two = String(decoding: try read("two.md"), as: UTF8.self)
        XCTAssertEqual(one.replacingOccurrences(of: "one_files", with: "two_files"), two)
    }

    func testFiguresAreValidXML() throws {
        let notebook = try write("nb.md", Self.figureNotebook)
        XCTAssertEqual(try calx(["render", notebook]).status, 0)
        let svg = folder.appendingPathComponent("nb.report_files/fig-1.svg")
        let parser = try XCTUnwrap(XMLParser(contentsOf: svg))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let text = try String(contentsOf: svg, encoding: .utf8)
        XCTAssertTrue(text.contains("a &lt;b&gt; &amp; &quot;c&quot;"), "the title is escaped")
        XCTAssertTrue(text.contains(">1e1<") || text.contains(">10<"), "log ticks are labelled")
        let report = try String(contentsOf: folder.appendingPathComponent("nb.report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("![a <b> & \"c\"](nb.report_files/fig-1.svg)"), report)
    }

    func testCheckPassesWhenOutputsMatchWithinTolerance() throws {
        let notebook = try write("ok.md", """
            ```calx
            print(1 / 3)
            ```

            ```output
            0.33333333
            ```
            """)
        let result = try calx(["check", notebook, "--rtol", "1e-6"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("1 output match"), result.stdout)
    }

    func testCheckFailsWithADiffWhenOutputsDiffer() throws {
        let notebook = try write("bad.md", """
            Some prose.

            ```calx
            print("cost", 2 * 21)
            ```

            ```output
            cost 41
            ```
            """)
        let result = try calx(["check", notebook])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.md:8: the output of cell 1 differs"), result.stderr)
        XCTAssertTrue(result.stderr.contains("- cost 41\n+ cost 42"), result.stderr)
    }

    func testParamsComeFromTheCommandLine() throws {
        let notebook = try write("p.md", """
            ---
            params:
              seed: 1
            ---

            ```calx
            print(params.seed * 2)
            ```
            """)
        XCTAssertEqual(try calx(["render", notebook, "-p", "seed=7"]).status, 0)
        let report = try String(contentsOf: folder.appendingPathComponent("p.report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("```text\n14\n```"), report)
        let unknown = try calx(["render", notebook, "-p", "colour=red"])
        XCTAssertEqual(unknown.status, 65)
        XCTAssertTrue(unknown.stderr.contains("the notebook has no param 'colour'; its params are seed"), unknown.stderr)
    }

    func testAFolderRendersInParallelWithASummary() throws {
        let notebooks = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        for index in 1...6 {
            try "```calx\nprint(\(index) * 10)\n```\n".write(to: notebooks.appendingPathComponent("nb\(index).md"), atomically: true, encoding: .utf8)
        }
        try "```calx\n1 kWh + 1 W\n```\n".write(to: notebooks.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        let result = try calx(["render", notebooks.path, "-o", folder.appendingPathComponent("out").path, "--jobs", "3"])
        XCTAssertEqual(result.status, 70)
        XCTAssertTrue(result.stderr.contains("rendered 6, failed 1, in "), result.stderr)
        XCTAssertTrue(result.stderr.contains("failed: broken.md"), result.stderr)
        let report = try String(contentsOf: folder.appendingPathComponent("out/nb4.report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("40"), report)
    }

    /// A run killed half-way leaves the previous report whole, and no temporary file.
    func testAnInterruptedRunLeavesThePreviousReportIntact() throws {
        let notebook = try write("slow.md", "```calx\nprint(\"first version\")\n```\n")
        XCTAssertEqual(try calx(["render", notebook]).status, 0)
        let report = folder.appendingPathComponent("slow.report.md")
        let before = try Data(contentsOf: report)
        _ = try write("slow.md", "```calx\nprint(\"second version\")\n```\n\n```calx\ns = 0\nwhile true { s = s + 1 }\n```\n")
        let process = Process()
        process.executableURL = Paths.calx
        process.arguments = ["render", notebook]
        process.currentDirectoryURL = folder
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(try Data(contentsOf: report), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testWatchRendersAgainWhenTheNotebookChanges() throws {
        let notebook = try write("w.md", "```calx\nprint(\"one\")\n```\n")
        let report = folder.appendingPathComponent("w.report.md")
        let process = Process()
        process.executableURL = Paths.calx
        process.arguments = ["render", "--watch", notebook]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        func waitFor(_ text: String) -> Bool {
            for _ in 0..<100 {
                if let report = try? String(contentsOf: report, encoding: .utf8), report.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }
        XCTAssertTrue(waitFor("one"))
        Thread.sleep(forTimeInterval: 1.1)  // a later modification time than the first render saw
        _ = try write("w.md", "```calx\nprint(\"two\")\n```\n")
        XCTAssertTrue(waitFor("two"))
    }

    func testKeepGoingRunsTheCellsAfterAnError() throws {
        let notebook = try write("k.md", "```calx\n1 kWh + 1 W\n```\n\n```calx\nprint(\"after\")\n```\n")
        let result = try calx(["render", notebook, "--keep-going"])
        XCTAssertEqual(result.status, 70, "an error still fails the run")
        let report = try String(contentsOf: folder.appendingPathComponent("k.report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("cannot add Energy (kWh) and Power (W)"), report)
        XCTAssertTrue(report.contains("```text\nafter\n```"), report)
        XCTAssertFalse(report.contains("did not run"), report)
    }

    func testAReportGoesIntoFoldersThatDoNotExistYet() throws {
        let notebook = try write("nb.md", "```calx\nprint(3)\n```\n")
        XCTAssertEqual(try calx(["render", notebook, "-o", "reports/2026/nb.md"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/2026/nb.md").path))
    }

    func testAnUnclosedFenceIsAnErrorWithItsLine() throws {
        let notebook = try write("open.md", "# Title\n\n```calx\nx = 1\n")
        let result = try calx(["render", notebook])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains("the ``` block opened here is never closed"), result.stderr)
        XCTAssertTrue(result.stderr.contains("open.md:3"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("open.report.md").path))
    }
}
