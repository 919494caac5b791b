// The `calx` command as a user runs it: -e, run, standard input, --version,
// --help, and the exit status of each kind of failure.

import CalxTestSupport
import Foundation
import XCTest

final class CommandLineTests: XCTestCase {
    func calx(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> ProcessResult {
        try ProcessRunner.run(Paths.calx, arguments, in: directory, input: input)
    }

    func testExpressionPrintsTheValueOfTheLastExpression() throws {
        let result = try calx(["-e", "x = 20\nx * 2 + 2"])
        XCTAssertEqual(result.stdout, "42\n")
        XCTAssertEqual(result.status, 0)
    }

    func testBootstrapGivesTheSameResultOnOneThreadAsOnSeveral() throws {
        let program = """
            C = logspace(2, 4.7, 40)
            R = sigmoid(C, 0.61, 1.6, 3000, 0.25) + 0.01 * sin(C)
            b = bootstrap(fit_sigmoid(C, R), n: 200, seed: 7)
            print(b.stderr, b.ci, sum(b.samples.A))
            """
        let one = try ProcessRunner.run(Paths.calx, ["-e", program], environment: ["CALX_THREADS": "1"])
        let three = try ProcessRunner.run(Paths.calx, ["-e", program], environment: ["CALX_THREADS": "3"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertFalse(one.stdout.isEmpty)
        XCTAssertEqual(one.stdout, three.stdout)
    }

    func testExpressionWithoutAValuePrintsNothing() throws {
        let result = try calx(["-e", "x = 1"])
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.status, 0)
    }

    func testStandardInputRunsAsAProgramWithoutPrompt() throws {
        let result = try calx([], input: "print(6 * 7)\n1 + 1\n")
        XCTAssertEqual(result.stdout, "42\n")
        XCTAssertEqual(result.status, 0)
    }

    func testRunReadsPathsRelativeToTheProgram() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("calx-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "n,cost\n1,10\n2,20\n".write(to: folder.appendingPathComponent("runs.csv"), atomically: true, encoding: .utf8)
        try "t = read_csv(\"runs.csv\")\nprint(sum(t.cost))\n".write(to: folder.appendingPathComponent("total.calx"), atomically: true, encoding: .utf8)
        let result = try calx(["run", folder.appendingPathComponent("total.calx").path], in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(result.stdout, "30\n", result.stderr)
        XCTAssertEqual(result.status, 0)
    }

    func testExitStatusesFollowSysexits() throws {
        XCTAssertEqual(try calx(["-e", "1 +"]).status, 65, "syntax error")
        XCTAssertEqual(try calx(["-e", "nope"]).status, 65, "unknown name")
        XCTAssertEqual(try calx(["-e", "[1][3]"]).status, 70, "runtime error")
        XCTAssertEqual(try calx(["-e", "read_csv(\"/no/such/file.csv\")"]).status, 74, "I/O error")
        XCTAssertEqual(try calx(["run", "/no/such/program.calx"]).status, 74, "missing program")
        XCTAssertEqual(try calx(["--no-such-option"]).status, 64, "usage")
    }

    func testErrorsGoToStandardErrorWithTheirLocation() throws {
        let result = try calx(["-e", "x = 1\ny = x + zz"])
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("error: unknown name 'zz'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("<-e>:2:9"), result.stderr)
        XCTAssertTrue(result.stderr.contains("^^ not defined"), result.stderr)
    }

    func testVersionAndHelp() throws {
        let version = try calx(["--version"])
        XCTAssertEqual(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
        let help = try calx(["--help"])
        XCTAssertTrue(help.stdout.contains("USAGE"), help.stdout)
        XCTAssertTrue(help.stdout.contains("run"), help.stdout)
    }

    func testTheBinaryCarriesItsStandardLibrary() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("calx-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("calx")
        try FileManager.default.copyItem(at: Paths.calx, to: copy)
        let result = try ProcessRunner.run(copy, ["-e", "median([3, 1, 2])"], in: folder)
        XCTAssertEqual(result.stdout, "2\n", result.stderr)
    }
}
