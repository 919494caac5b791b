// A golden program: a .calx file whose expected output is written in its
// comments, in the manner of Crafting Interpreters' test suite.
//
//   print(1 + 2)          # expect: 3
//   y = xx                # expect error: unknown name 'xx'
//   [1][5]                # expect runtime error: index 5 out of range for length 1
//   # expect exit: 74     (only where the status is not implied by the errors)

import Foundation

public struct GoldenCase {
    public struct ExpectedError: Equatable {
        public var message: String
        public var line: Int
        public var atRuntime: Bool
    }

    public let path: URL
    public let stdout: [String]
    public let errors: [ExpectedError]
    public let exitStatus: Int32

    public init(path: URL) throws {
        self.path = path
        let text = try String(contentsOf: path, encoding: .utf8)
        var stdout: [String] = [], errors: [ExpectedError] = [], exit: Int32?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if let value = GoldenCase.marker("# expect: ", in: line) { stdout.append(value) }
            if let value = GoldenCase.marker("# expect error: ", in: line) { errors.append(.init(message: value, line: index + 1, atRuntime: false)) }
            if let value = GoldenCase.marker("# expect runtime error: ", in: line) { errors.append(.init(message: value, line: index + 1, atRuntime: true)) }
            if let value = GoldenCase.marker("# expect exit: ", in: line) { exit = Int32(value) }
        }
        self.stdout = stdout
        self.errors = errors
        self.exitStatus = exit ?? (errors.isEmpty ? 0 : errors.contains(where: \.atRuntime) ? 70 : 65)
    }

    static func marker(_ marker: String, in line: String) -> String? {
        guard let range = line.range(of: marker) else { return nil }
        return String(line[range.upperBound...])
    }

    /// Every `.calx` file below a folder, in a stable order.
    public static func all(under folder: URL) throws -> [GoldenCase] {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "calx" }
            .sorted { $0.path < $1.path } ?? []
        return try files.map(GoldenCase.init)
    }
}
