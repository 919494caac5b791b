// Rendering diagnostics: header, `origin:line:col`, gutter, underlines measured
// in characters, secondary labels, notes; and the "did you mean" guesses.

@testable import CalxCore
import Calx
import CalxTestSupport
import XCTest

final class DiagnosticRendererTests: XCTestCase {
    private var registry: SourceRegistry!

    override func setUp() {
        super.setUp()
        registry = SourceRegistry()
    }

    /// Registers marked text; returns its id and the byte offsets of its markers.
    private func add(_ marked: String, origin: String = "prog.calx", firstLine: Int = 1) -> (id: Int32, source: MarkedSource) {
        let source = MarkedSource(marked)
        return (registry.add(origin: origin, text: source.text, firstLine: firstLine), source)
    }

    private func render(_ diagnostic: Diagnostic, style: DiagnosticStyle = .plain) -> String {
        DiagnosticRenderer(sources: registry, style: style).render(diagnostic)
    }

    // MARK: Layout

    func testHeaderLocationGutterAndUnderline() {
        let (id, source) = add("x = 1\ny = 1️⃣foo + 2\n")
        let span = Span(source: id, start: source.offset(), end: source.offset() + 3)
        let text = render(Diagnostic(.name, "unknown name 'foo'", at: span, label: "not defined"))
        XCTAssertEqual(text, """
            error: unknown name 'foo'
             --> prog.calx:2:5
              |
            2 | y = foo + 2
              |     ^^^ not defined
              |

            """)
    }

    func testLocationIsOneBasedLineAndCharacterColumn() {
        let (id, source) = add("a\nbb\n  é1️⃣x")
        let renderer = DiagnosticRenderer(sources: registry)
        XCTAssertEqual(renderer.location(Span(source: id, start: source.offset(), end: source.offset() + 1)), "prog.calx:3:4")
        XCTAssertEqual(renderer.location(Span(source: id, start: 0, end: 0)), "prog.calx:1:1")
        XCTAssertNil(renderer.location(.none))
    }

    func testGutterWidensForLongLineNumbers() {
        let lines = (1...120).map { "v\($0) = \($0)" }.joined(separator: "\n")
        let id = registry.add(origin: "long.calx", text: lines)
        let offset = lines.utf8.count - "v120 = 120".utf8.count
        let text = render(Diagnostic(.runtime, "boom", at: Span(source: id, start: offset, end: offset + 4), label: "here"))
        XCTAssertEqual(text, """
            error: boom
               --> long.calx:120:1
                |
            120 | v120 = 120
                | ^^^^ here
                |

            """)
    }

    func testFirstLineOffsetsLineNumbers() {
        let (id, source) = add("x = 1️⃣zz", origin: "notebook.md#cell2", firstLine: 41)
        let text = render(Diagnostic(.name, "unknown name 'zz'", at: Span(source: id, start: source.offset(), end: source.offset() + 2)))
        XCTAssertTrue(text.contains(" --> notebook.md#cell2:41:5\n"), text)
        XCTAssertTrue(text.contains("41 | x = zz\n"), text)
        XCTAssertTrue(text.contains("   |     ^^\n"), text)
    }

    // MARK: Underlines

    func testUnderlineCountsCharactersNotBytes() {
        let (id, source) = add("name = \"héllo wörld\" + 1️⃣ünïcode")
        let start = source.offset()
        let span = Span(source: id, start: start, end: start + "ünïcode".utf8.count)
        let text = render(Diagnostic(.name, "unknown name 'ünïcode'", at: span, label: "not defined"))
        XCTAssertTrue(text.contains("1 | name = \"héllo wörld\" + ünïcode\n"), text)
        let before = "name = \"héllo wörld\" + "
        XCTAssertEqual(before.count, 23)
        XCTAssertTrue(text.contains("  | " + String(repeating: " ", count: before.count) + "^^^^^^^ not defined\n"), text)
        XCTAssertTrue(text.contains(" --> prog.calx:1:24\n"), text)
    }

    func testUnderlineOfAMultibyteCharacterIsOneMark() {
        let (id, source) = add("x = 1 1️⃣→ 2")
        let start = source.offset()
        let text = render(Diagnostic(.syntax, "unexpected character '→'", at: Span(source: id, start: start, end: start + 3)))
        XCTAssertTrue(text.contains("  |       ^\n"), text)
    }

    func testEmptySpanGetsOneMark() {
        let (id, source) = add("x = (1 + 21️⃣")
        let offset = source.offset()
        let text = render(Diagnostic(.syntax, "unexpected end of input, expected ')'", at: Span(source: id, start: offset, end: offset),
                                     label: "expected ')'"))
        XCTAssertTrue(text.contains("  |           ^ expected ')'\n"), text)
    }

    func testSpanRunningPastTheLineIsCutAtTheLineEnd() {
        let (id, source) = add("f = 1️⃣fn(x) {\n  x\n}")
        let start = source.offset()
        let text = render(Diagnostic(.type, "bad", at: Span(source: id, start: start, end: source.text.utf8.count)))
        XCTAssertTrue(text.contains("1 | f = fn(x) {\n  |     ^^^^^^^\n"), text)
    }

    func testTabsAreKeptSoTheUnderlineLinesUp() {
        let (id, source) = add("\tx = 1️⃣yy")
        let text = render(Diagnostic(.name, "unknown name 'yy'", at: Span(source: id, start: source.offset(), end: source.offset() + 2)))
        XCTAssertTrue(text.contains("1 | \tx = yy\n  | \t    ^^\n"), text)
    }

    // MARK: Labels and notes

    func testSecondaryLabelOnAnEarlierLine() {
        let (id, source) = add("x = 1️⃣(1 + 2\n2️⃣print(x)")
        let open = Span(source: id, start: source.offset(1), end: source.offset(1) + 1)
        let found = Span(source: id, start: source.offset(2), end: source.offset(2) + 5)
        let diagnostic = Diagnostic(.syntax, "expected ')', found name 'print'", at: found, label: "expected ')'",
                                    secondary: [.init(span: open, text: "to close this '('")],
                                    notes: ["note: '(' opened at line 1 is not closed"])
        XCTAssertEqual(render(diagnostic), """
            error: expected ')', found name 'print'
             --> prog.calx:2:1
              |
            1 | x = (1 + 2
              |     - to close this '('
            2 | print(x)
              | ^^^^^ expected ')'
              |
              = note: '(' opened at line 1 is not closed

            """)
    }

    func testDistantLinesAreSeparatedByADot() {
        let (id, source) = add("a = 1️⃣[\n1,\n2,\n3,\n2️⃣)")
        let diagnostic = Diagnostic(.syntax, "mismatched", at: Span(source: id, start: source.offset(2), end: source.offset(2) + 1),
                                    label: "here", secondary: [.init(span: Span(source: id, start: source.offset(1), end: source.offset(1) + 1), text: "opened")])
        XCTAssertEqual(render(diagnostic), """
            error: mismatched
             --> prog.calx:5:1
              |
            1 | a = [
              |     - opened
              ·
            5 | )
              | ^ here
              |

            """)
    }

    func testTwoLabelsOnOneLine() {
        let (id, source) = add("1️⃣a + 2️⃣b")
        let diagnostic = Diagnostic(.type, "cannot add", at: Span(source: id, start: source.offset(2), end: source.offset(2) + 1), label: "string",
                                    secondary: [.init(span: Span(source: id, start: source.offset(1), end: source.offset(1) + 1), text: "number")])
        let text = render(diagnostic)
        XCTAssertTrue(text.contains("1 | a + b\n  |     ^ string\n  | - number\n"), text)
    }

    func testSeveralNotes() {
        let (id, _) = add("x")
        let text = render(Diagnostic(.runtime, "m", at: Span(source: id, start: 0, end: 1), notes: ["help: one", "note: two"]))
        XCTAssertTrue(text.hasSuffix("  |\n  = help: one\n  = note: two\n"), text)
    }

    func testDiagnosticWithoutSourceShowsOnlyHeaderAndNotes() {
        let text = render(Diagnostic(.io, "cannot read 'x.csv'", at: .none, notes: ["note: looked for /tmp/x.csv"]))
        XCTAssertEqual(text, "error: cannot read 'x.csv'\n  = note: looked for /tmp/x.csv\n")
    }

    func testTerminalStyleAddsColourAndPlainDoesNot() {
        let (id, _) = add("x")
        let diagnostic = Diagnostic(.runtime, "m", at: Span(source: id, start: 0, end: 1), label: "l")
        XCTAssertFalse(render(diagnostic).contains("\u{1B}["))
        let coloured = render(diagnostic, style: .terminal)
        XCTAssertTrue(coloured.hasPrefix("\u{1B}[1;31merror\u{1B}[0m"), coloured)
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        XCTAssertEqual(stripped, render(diagnostic))
    }

    func testSessionRendersEveryError() {
        let calx = TestSession()
        let diagnostics = calx.errors("a1 + b1")
        XCTAssertEqual(calx.session.render(diagnostics), """
            error: unknown name 'a1'
             --> <test>:1:1
              |
            1 | a1 + b1
              | ^^ not defined
              |

            error: unknown name 'b1'
             --> <test>:1:6
              |
            1 | a1 + b1
              |      ^^ not defined
              |

            """)
    }

    // MARK: Suggestions

    func testSuggestionFindsTheClosestName() {
        XCTAssertEqual(suggestion(for: "lenght", among: ["length", "len", "left"]), "length")
        XCTAssertEqual(suggestion(for: "totl", among: ["total", "title"]), "total")
        XCTAssertEqual(suggestion(for: "maen", among: ["mean", "max", "min"]), "mean")
    }

    func testSuggestionPrefersADifferenceOfCaseOnly() {
        XCTAssertEqual(suggestion(for: "Mean", among: ["mean", "Meat"]), "mean")
    }

    func testSuggestionCountsASwapAsOneEdit() {
        XCTAssertEqual(suggestion(for: "cuont", among: ["count", "mount"]), "count")
    }

    func testNoSuggestionWhenNothingIsClose() {
        XCTAssertNil(suggestion(for: "zebra", among: ["mean", "sum"]))
        XCTAssertNil(suggestion(for: "x", among: []))
        XCTAssertNil(suggestion(for: "y", among: ["e", "x"]), "one letter is not a typo of another")
        XCTAssertNil(suggestion(for: "mean", among: ["mean"]), "a name is not its own suggestion")
    }

    func testSuggestionTieBreaksAlphabetically() {
        XCTAssertEqual(suggestion(for: "cat", among: ["cot", "bat", "cut"]), "bat")
    }

    func testEditDistance() {
        XCTAssertEqual(editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(editDistance("", "abc"), 3)
        XCTAssertEqual(editDistance("abc", "abc"), 0)
        XCTAssertEqual(editDistance("ab", "ba"), 1)
        XCTAssertEqual(editDistance("µs", "ms"), 1)
    }
}
