// The notebook parser on its own: front matter, cells and their options, output
// blocks, verbatim blocks, and the errors a malformed notebook gets.

import CalxNotebook
import XCTest

final class NotebookParserTests: XCTestCase {
    func parse(_ text: String) throws -> Notebook { try NotebookParser.parse(text, path: "nb.md") }

    func testFrontMatterKeepsParamsInOrder() throws {
        let notebook = try parse("---\ntitle: T\nauthor: [A, B]\nparams:\n  z: 1\n  a: \"text\"\n  flag: true\n---\nprose\n")
        XCTAssertEqual(notebook.frontMatter.title, "T")
        XCTAssertEqual(notebook.frontMatter.author, "A, B")
        XCTAssertEqual(notebook.frontMatter.params.map(\.name), ["z", "a", "flag"])
        XCTAssertEqual(notebook.frontMatter.params.map(\.value), [.number(1), .string("text"), .bool(true)])
    }

    func testCellsCarryTheirOptionsLinesAndExpectedOutput() throws {
        let notebook = try parse("intro\n\n```calx\n#| echo: false\n#| fig-cap: \"A plot\"\nx = 1\n```\n\n```output\n1\n```\n\n~~~python\nprint(1)\n~~~\n")
        let cells = notebook.cells
        XCTAssertEqual(cells.count, 1)
        XCTAssertEqual(cells[0].source, "x = 1\n")
        XCTAssertEqual(cells[0].firstLine, 6)
        XCTAssertFalse(cells[0].options.echo)
        XCTAssertEqual(cells[0].options.figureCaption, "A plot")
        XCTAssertEqual(cells[0].expected?.text, "1\n")
        XCTAssertEqual(cells[0].expected?.firstLine, 10)
        guard case .verbatim(let python)? = notebook.blocks.last else { return XCTFail("\(notebook.blocks)") }
        XCTAssertEqual(python, "~~~python\nprint(1)\n~~~\n")
    }

    func testAnOutputBlockAfterProseIsVerbatim() throws {
        let notebook = try parse("```calx\n1\n```\n\nwords\n\n```output\n1\n```\n")
        XCTAssertNil(notebook.cells[0].expected)
    }

    func testMistakesAreErrorsWithTheirLines() {
        XCTAssertThrowsError(try parse("---\ntitle: [unclosed\n---\n")) { error in
            XCTAssertEqual((error as? NotebookError)?.line, 2)
        }
        XCTAssertThrowsError(try parse("---\ntitle: T\n")) { error in
            XCTAssertEqual((error as? NotebookError)?.message, "the front matter opened here is never closed with '---'")
        }
        XCTAssertThrowsError(try parse("text\n```calx\n#| colour: red\n```\n")) { error in
            XCTAssertEqual((error as? NotebookError)?.line, 3)
            XCTAssertTrue((error as? NotebookError)?.message.hasPrefix("unknown cell option 'colour'") ?? false)
        }
        XCTAssertThrowsError(try parse("---\nreport:\n  colours: 3\n---\n")) { error in
            XCTAssertEqual((error as? NotebookError)?.line, 3)
            XCTAssertEqual((error as? NotebookError)?.message, "unknown report option 'colours'; the options are digits, fig-width, fig-height")
        }
        XCTAssertThrowsError(try parse("```calx\n#| echo: maybe\n```\n")) { error in
            XCTAssertEqual((error as? NotebookError)?.message, "'echo' is true or false, not 'maybe'")
        }
    }
}
