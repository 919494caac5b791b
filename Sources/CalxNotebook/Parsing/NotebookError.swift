// A notebook that cannot be read or parsed: its file and line, and what is wrong.

public struct NotebookError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "error: \(message)\n --> \(path):\(line)" }
}
