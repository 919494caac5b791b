// The notebooks under Notebooks/ stay true: each runs once here, every ```output
// block matches what its cell prints (as `calx check` compares them), and the report
// of that run is the one committed beside it (RECORD_SNAPSHOTS=1 refreshes them).

import CalxNotebook
import CalxTestSupport
import Foundation
import XCTest

final class TeachingNotebookTests: XCTestCase {
    func testEveryNotebookChecksAndMatchesItsCommittedReport() throws {
        let folder = Paths.packageRoot.appendingPathComponent("Notebooks")
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix(".report.md") }.sorted()
        XCTAssertGreaterThanOrEqual(notebooks.count, 6)
        let here = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(Paths.packageRoot.path)
        defer { FileManager.default.changeCurrentDirectoryPath(here) }
        for name in notebooks {
            let path = "Notebooks/\(name)", stem = (name as NSString).deletingPathExtension
            let notebook = try NotebookParser.parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
            let run = try NotebookRunner.run(notebook)
            XCTAssertFalse(run.failed, "\(name): a cell failed")
            for difference in OutputCheck.differences(in: run, rtol: 1e-6) {
                XCTFail("\(name):\(difference.line): the output of cell \(difference.cell) differs:\n\(difference.diff)")
            }
            let report = ReportWriter.write(run, reportName: "\(stem).report.md")
            if let failure = Snapshot.check(report.markdown, against: folder.appendingPathComponent("\(stem).report.md")) {
                XCTFail("\(name): \(failure)")
            }
            for (file, svg) in report.figures {
                let committed = folder.appendingPathComponent("\(stem).report_files/\(file)")
                try FileManager.default.createDirectory(at: committed.deletingLastPathComponent(), withIntermediateDirectories: true)
                if let failure = Snapshot.check(svg, against: committed) { XCTFail("\(name)/\(file): \(failure)") }
            }
        }
    }
}
