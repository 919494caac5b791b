// The optional YAML front matter between `---` lines, read with Yams: title,
// author, date, and `params` that the command line may override (`-p seed=7`).

import Yams

/// A value of `params`: what YAML scalars and `-p` arguments can be.
public enum ParamValue: Equatable, Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)

    /// `-p key=value` text: a number or true/false where it reads as one, else a string.
    public init(commandLine text: String) {
        if let x = Double(text) { self = .number(x) } else if text == "true" || text == "false" { self = .bool(text == "true") } else { self = .string(text) }
    }
}

/// How the report is written: the front matter's `report:` mapping.
public struct ReportOptions: Sendable {
    /// Significant digits of numbers in tables.
    public var digits = 6
    /// Default figure size in inches, as a cell's fig-width and fig-height.
    public var figureWidth = 7.0
    public var figureHeight = 5.0
    public init() {}
}

public struct FrontMatter: Sendable {
    public var title: String?
    public var author: String?
    public var date: String?
    /// In the order the front matter lists them.
    public var params: [(name: String, value: ParamValue)] = []
    public var report = ReportOptions()
    /// Lines the front matter took, `---` lines included (0 without front matter).
    public var lineCount = 0

    public init() {}

    /// Parses the YAML text between the `---` lines; `firstLine` is the notebook line of its first line.
    public init(yaml: String, lineCount: Int, path: String) throws(NotebookError) {
        self.lineCount = lineCount
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch {
            throw NotebookError(path: path, line: 2, message: "the front matter is not valid YAML: \(error)")
        }
        guard let node else { return }
        guard let mapping = node.mapping else {
            throw NotebookError(path: path, line: 2, message: "the front matter must be a YAML mapping (key: value lines)")
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            switch name {
            case "title": title = value.string
            case "author": author = value.string ?? value.sequence?.compactMap(\.string).joined(separator: ", ")
            case "date": date = value.string
            case "params":
                guard let entries = value.mapping else {
                    throw NotebookError(path: path, line: (key.mark?.line ?? 1) + 1, message: "params must be a mapping of names to values")
                }
                for (paramKey, paramValue) in entries {
                    guard let paramName = paramKey.string, let scalar = paramValue.scalar else {
                        throw NotebookError(path: path, line: (paramKey.mark?.line ?? 1) + 1,
                                            message: "a param is a name and a number, string or true/false")
                    }
                    params.append((paramName, FrontMatter.value(of: scalar)))
                }
            case "report":
                guard let entries = value.mapping else {
                    throw NotebookError(path: path, line: (key.mark?.line ?? 1) + 1, message: "report must be a mapping, like 'digits: 4'")
                }
                for (optionKey, optionValue) in entries {
                    let line = (optionKey.mark?.line ?? 1) + 1
                    guard let option = optionKey.string, let number = optionValue.scalar.flatMap({ Double($0.string) }) else {
                        throw NotebookError(path: path, line: line, message: "a report option is a name and a number")
                    }
                    switch option {
                    case "digits" where number >= 1 && number <= 17 && number == number.rounded(): report.digits = Int(number)
                    case "fig-width" where number > 0 && number <= 100: report.figureWidth = number
                    case "fig-height" where number > 0 && number <= 100: report.figureHeight = number
                    case "digits", "fig-width", "fig-height":
                        throw NotebookError(path: path, line: line, message: "report \(option) cannot be \(optionValue.string ?? "that")")
                    default:
                        throw NotebookError(path: path, line: line, message: "unknown report option '\(option)'; the options are digits, fig-width, fig-height")
                    }
                }
            default: continue
            }
        }
    }

    static func value(of scalar: Node.Scalar) -> ParamValue {
        if scalar.style == .plain {
            if let x = Double(scalar.string) { return .number(x) }
            if ["true", "false"].contains(scalar.string) { return .bool(scalar.string == "true") }
        }
        return .string(scalar.string)
    }
}
