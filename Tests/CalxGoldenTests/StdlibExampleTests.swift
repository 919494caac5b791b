// Every `## @example` in Stdlib/ runs, and where it states its value after
// `#`, the value must match: the documentation is a test.

import Calx
import CalxCore
import CalxTestSupport
import Foundation
import XCTest

final class StdlibExampleTests: XCTestCase {
    struct Example {
        let file: String
        let line: Int
        let code: String
        let expected: String?
    }

    static func examples() throws -> [Example] {
        let stdlib = Paths.packageRoot.appendingPathComponent("Stdlib")
        var examples: [Example] = []
        let files = FileManager.default.enumerator(at: stdlib, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "calx" } ?? []
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                guard let range = line.range(of: "## @example ") else { continue }
                let body = String(line[range.upperBound...])
                let parts = body.components(separatedBy: "  # ")
                examples.append(Example(file: file.lastPathComponent, line: index + 1, code: parts[0],
                                        expected: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil))
            }
        }
        return examples
    }

    func testEveryExampleRunsAndShowsItsStatedValue() throws {
        let examples = try StdlibExampleTests.examples()
        XCTAssertGreaterThan(examples.count, 40)
        let session = Session(settings: Settings(output: { _ in }))
        for example in examples {
            switch session.interpret(example.code, origin: "\(example.file):\(example.line)") {
            case .value(let value):
                if let expected = example.expected {
                    XCTAssertEqual(ValueFormatter.display(value), expected, "\(example.file):\(example.line): \(example.code)")
                }
            case .failure(let diagnostics):
                XCTFail("\(example.file):\(example.line): \(example.code)\n\(session.render(diagnostics))")
            }
        }
    }
}
