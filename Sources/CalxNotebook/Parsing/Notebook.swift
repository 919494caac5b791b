// A notebook as parsed: front matter, then prose and code cells in order. Prose is
// kept verbatim (the report reproduces it byte for byte, inline expressions aside).

/// Options of a code cell, from its leading `#| key: value` lines (Quarto's convention).
public struct CellOptions: Equatable, Sendable {
    /// Show the code in the report.
    public var echo = true
    /// Run the code.
    public var eval = true
    /// Show what the cell printed and its value.
    public var output = true
    /// An error is expected: show it and go on.
    public var error = false
    public var label: String?
    public var figureCaption: String?
    /// Figure size in inches (as Quarto), drawn at 96 px per inch.
    public var figureWidth: Double?
    public var figureHeight: Double?

    public init() {}
}

public struct CodeCell: Sendable {
    /// 1, 2, 3 … in notebook order.
    public var number: Int
    public var source: String
    public var options: CellOptions
    /// The notebook line of the first line of `source`, for diagnostics.
    public var firstLine: Int
    /// The fence as written (```` ``` ```` or longer), reused for echoed code.
    public var fence: String
    /// The ```output block that follows the cell: what `calx check` expects it to print.
    public var expected: ExpectedOutput?
}

public struct ExpectedOutput: Sendable {
    public var text: String
    /// The notebook line of its first line.
    public var firstLine: Int
}

public enum Block: Sendable {
    /// Markdown passed through, inline `{calx}` expressions aside; `firstLine` locates them.
    case prose(String, firstLine: Int)
    /// A fenced block of another language: verbatim, never evaluated.
    case verbatim(String)
    case code(CodeCell)
}

public struct Notebook: Sendable {
    public var frontMatter: FrontMatter
    public var blocks: [Block]
    public var path: String

    public var cells: [CodeCell] {
        blocks.compactMap { if case .code(let cell) = $0 { cell } else { nil } }
    }
}
