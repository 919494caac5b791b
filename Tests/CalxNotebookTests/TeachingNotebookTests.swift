// The notebooks under Notebooks/ stay true: each passes `calx check`, and rendering
// it reproduces the report committed beside it (RECORD_SNAPSHOTS=1 refreshes them).

import CalxTestSupport
import Foundation
import XCTest

final class TeachingNotebookTests: XCTestCase {
    func testEveryNotebookChecksAndMatchesItsCommittedReport() throws {
        let folder = Paths.packageRoot.appendingPathComponent("Notebooks")
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix(".report.md") }.sorted()
        XCTAssertFalse(notebooks.isEmpty)
        for name in notebooks {
            let path = "Notebooks/\(name)"
            let check = try ProcessRunner.run(Paths.calx, ["check", path], in: Paths.packageRoot)
            XCTAssertEqual(check.status, 0, "\(name): \(check.stderr)")

            let output = FileManager.default.temporaryDirectory.appendingPathComponent("calx-teaching-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: output) }
            let stem = (name as NSString).deletingPathExtension
            let report = output.appendingPathComponent("\(stem).report.md")
            let render = try ProcessRunner.run(Paths.calx, ["render", path, "-o", report.path], in: Paths.packageRoot)
            XCTAssertEqual(render.status, 0, "\(name): \(render.stderr)")
            if let failure = Snapshot.check(try String(contentsOf: report, encoding: .utf8),
                                            against: folder.appendingPathComponent("\(stem).report.md")) {
                XCTFail("\(name): \(failure)")
            }
            let figures = output.appendingPathComponent("\(stem).report_files")
            for file in (try? FileManager.default.contentsOfDirectory(atPath: figures.path))?.sorted() ?? [] {
                let committed = folder.appendingPathComponent("\(stem).report_files/\(file)")
                if let failure = Snapshot.check(try String(contentsOf: figures.appendingPathComponent(file), encoding: .utf8), against: committed) {
                    XCTFail("\(name)/\(file): \(failure)")
                }
            }
        }
    }
}
