// Runs every program under Golden/ through the built `calx` and checks its
// output, its errors (message and line) and its exit status. Programs in the
// folders named *_error also keep their whole rendered diagnostic in a
// `.stderr` snapshot beside them. Adding a case means adding a file.

import CalxTestSupport
import Foundation
import XCTest

final class GoldenTests: XCTestCase {
    static let folder = Paths.packageRoot.appendingPathComponent("Tests/CalxGoldenTests/Golden")

    func testGoldenPrograms() throws {
        let cases = try GoldenCase.all(under: GoldenTests.folder)
        XCTAssertGreaterThan(cases.count, 0, "no golden programs found")
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let golden = cases[index]
            let problems = check(golden)
            if !problems.isEmpty {
                let name = golden.path.path.replacingOccurrences(of: GoldenTests.folder.path + "/", with: "")
                failures.mutate { $0.append("\(name):\n  " + problems.joined(separator: "\n  ")) }
            }
        }
        for failure in failures.value.sorted() { XCTFail(failure) }
        print("golden: \(cases.count) programs, \(failures.value.count) failed")
    }

    func check(_ golden: GoldenCase) -> [String] {
        let relative = golden.path.path.replacingOccurrences(of: Paths.packageRoot.path + "/", with: "")
        let result: ProcessResult
        do {
            result = try ProcessRunner.run(Paths.calx, ["run", relative], in: Paths.packageRoot)
        } catch {
            return ["could not run calx: \(error)"]
        }
        var problems: [String] = []
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let printed = lines.last == "" ? Array(lines.dropLast()) : lines
        if printed != golden.stdout {
            problems.append("stdout differs:\n" + Snapshot.lineDiff(expected: golden.stdout.joined(separator: "\n"), actual: printed.joined(separator: "\n")))
        }
        let reported = result.stderr.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("error: ") ? String(line.dropFirst("error: ".count)) : nil
        }
        let expected = golden.errors.map(\.message)
        if reported != expected {
            problems.append("errors differ:\n  expected: \(expected)\n  reported: \(reported)\n\(result.stderr)")
        }
        for error in golden.errors where !result.stderr.contains("\(relative):\(error.line):") {
            problems.append("error '\(error.message)' not reported at line \(error.line):\n\(result.stderr)")
        }
        if result.status != golden.exitStatus {
            problems.append("exit status \(result.status), expected \(golden.exitStatus)")
        }
        let category = golden.path.deletingLastPathComponent().lastPathComponent
        if category.hasSuffix("_error") {
            let snapshot = golden.path.deletingPathExtension().appendingPathExtension("stderr")
            if let failure = Snapshot.check(result.stderr, against: snapshot) { problems.append(failure) }
        }
        return problems
    }
}
