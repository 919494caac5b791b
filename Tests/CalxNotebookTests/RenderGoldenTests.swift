// Notebooks rendered as a user renders them (`calx render`), compared byte for byte
// with their committed reports and figures under Notebooks/. RECORD_SNAPSHOTS=1
// rewrites the committed files.

import CalxTestSupport
import Foundation
import XCTest

final class RenderGoldenTests: XCTestCase {
    static let folder = "Tests/CalxNotebookTests/Notebooks"

    /// Each notebook, the extra arguments it is rendered with, and the exit status expected.
    static let cases: [(name: String, arguments: [String], status: Int32)] = [
        ("basics", [], 0),
        ("syntax_error", [], 70),
        ("runtime_error", [], 70),
        ("allowed_error", [], 0),
        ("params", ["-p", "region=US", "-p", "fast=true"], 0),
        ("report_options", [], 0),
    ]

    func testEveryNotebookRendersToItsCommittedReport() throws {
        for (name, arguments, status) in Self.cases {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("calx-render-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: output) }
            let report = output.appendingPathComponent("\(name).report.md")
            let result = try ProcessRunner.run(Paths.calx, ["render", "\(Self.folder)/\(name).md", "-o", report.path] + arguments,
                                               in: Paths.packageRoot)
            XCTAssertEqual(result.status, status, "\(name): \(result.stderr)")
            let committed = Paths.packageRoot.appendingPathComponent(Self.folder)
            let rendered = try String(contentsOf: report, encoding: .utf8)
            if let failure = Snapshot.check(rendered, against: committed.appendingPathComponent("\(name).report.md")) {
                XCTFail("\(name): \(failure)")
            }
            let figures = output.appendingPathComponent("\(name).report_files")
            for file in (try? FileManager.default.contentsOfDirectory(atPath: figures.path))?.sorted() ?? [] {
                let svg = try String(contentsOf: figures.appendingPathComponent(file), encoding: .utf8)
                let target = committed.appendingPathComponent("\(name).report_files")
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                if let failure = Snapshot.check(svg, against: target.appendingPathComponent(file)) { XCTFail("\(name)/\(file): \(failure)") }
            }
        }
    }
}
