// The REPL driven through a pseudo-terminal: line editing, multi-line input,
// history across sessions, completion, Ctrl-C and errors that keep the session.

import CalxTestSupport
import Foundation
import XCTest

final class REPLTerminalTests: XCTestCase {
    var historyPath: String!

    override func setUp() {
        historyPath = NSTemporaryDirectory() + "calx-history-\(UUID().uuidString)"
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: historyPath)
    }

    func startREPL() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(Paths.calx, environment: ["CALX_HISTORY": historyPath])
        XCTAssertTrue(terminal.expect("calx> "), "no prompt:\n\(terminal.transcript)")
        return terminal
    }

    func testMultiLineInputContinuesWhileABlockIsOpen() throws {
        let terminal = try startREPL()
        terminal.send("fn double(a) {\r")
        XCTAssertTrue(terminal.expect("  ... "), terminal.transcript)
        terminal.send("a * 2\r}\r")
        let mark = terminal.mark
        terminal.send("double(21)\r")
        XCTAssertTrue(terminal.expect("42", after: mark), terminal.transcript)
        terminal.send(":quit\r")
        XCTAssertEqual(terminal.waitForExit(), 0)
    }

    func testHistoryIsKeptAcrossSessions() throws {
        let first = try startREPL()
        let typed = first.mark
        first.send("6 * 7\r")
        XCTAssertTrue(first.expect("42\r\ncalx> ", after: typed))
        Thread.sleep(forTimeInterval: 0.2)  // let libedit put the terminal in raw mode before Ctrl-D
        first.send("\u{4}")  // Ctrl-D
        XCTAssertEqual(first.waitForExit(), 0, first.transcript.debugDescription)
        let saved = try String(contentsOfFile: historyPath, encoding: .utf8)
        XCTAssertTrue(saved.contains("6 * 7"), saved)

        let second = try startREPL()
        let mark = second.mark
        second.send("\u{1B}[A\r")  // up arrow recalls the last entry
        XCTAssertTrue(second.expect("42", after: mark), second.transcript)
        second.send(":quit\r")
        XCTAssertEqual(second.waitForExit(), 0)
    }

    func testTabCompletesNamesInScope() throws {
        let terminal = try startREPL()
        terminal.send("throughput_per_gpu = 1234\r")
        XCTAssertTrue(terminal.expect("calx> ", after: terminal.mark))
        let mark = terminal.mark
        terminal.send("throughput_p\t\r")
        XCTAssertTrue(terminal.expect("1234", after: mark), terminal.transcript)
        let commandMark = terminal.mark
        terminal.send(":va\t\r")
        XCTAssertTrue(terminal.expect("throughput_per_gpu = 1234", after: commandMark), terminal.transcript)
        terminal.send(":quit\r")
        XCTAssertEqual(terminal.waitForExit(), 0)
    }

    func testCtrlCStopsARunawayLoopAndKeepsTheSession() throws {
        let terminal = try startREPL()
        terminal.send("kept = 7\r")
        terminal.send("while true { }\r")
        Thread.sleep(forTimeInterval: 0.5)
        terminal.signal(SIGINT)
        XCTAssertTrue(terminal.expect("interrupted"), terminal.transcript)
        let mark = terminal.mark
        terminal.send("kept + 1\r")
        XCTAssertTrue(terminal.expect("8", after: mark), terminal.transcript)
        terminal.send(":quit\r")
        XCTAssertEqual(terminal.waitForExit(), 0)
    }

    func testCtrlCAtThePromptDropsTheLineBeingTyped() throws {
        let terminal = try startREPL()
        terminal.send("fn half(x) {\r1 +")
        XCTAssertTrue(terminal.expect("  ... 1 +"), terminal.transcript)
        Thread.sleep(forTimeInterval: 0.3)
        terminal.signal(SIGINT)
        XCTAssertTrue(terminal.expect("calx> ", after: terminal.transcript.index(before: terminal.mark)), terminal.transcript)
        let mark = terminal.mark
        terminal.send("40 + 2\r")
        XCTAssertTrue(terminal.expect("42", after: mark), terminal.transcript)
        XCTAssertFalse(terminal.transcript[mark...].contains("error"), terminal.transcript)
        terminal.send(":quit\r")
        XCTAssertEqual(terminal.waitForExit(), 0)
    }

    func testAnErrorLeavesTheBindingsAsTheyWere() throws {
        let terminal = try startREPL()
        terminal.send("budget = 5\r")
        terminal.send("budget = 10; budget = nope\r")
        XCTAssertTrue(terminal.expect("unknown name 'nope'"), terminal.transcript)
        terminal.send("budget = 10; [1][4]\r")
        XCTAssertTrue(terminal.expect("out of range"), terminal.transcript)
        let mark = terminal.mark
        terminal.send("budget\r")
        XCTAssertTrue(terminal.expect("5\r\n", after: mark), terminal.transcript)
        terminal.send(":quit\r")
        XCTAssertEqual(terminal.waitForExit(), 0)
    }

    func testHelpListsUnitsAndTabCompletesThem() throws {
        let terminal = try startREPL()
        terminal.send(":help units\r")
        XCTAssertTrue(terminal.expect("Energy: J, joule, joules [si]"), terminal.transcript)
        let mark = terminal.mark
        terminal.send("3 kelv\t -> °C\r")
        XCTAssertTrue(terminal.expect("-270.15 °C", after: mark), terminal.transcript)
        terminal.send(":quit\r")
        XCTAssertEqual(terminal.waitForExit(), 0)
    }

    func testHelpShowsTheDocumentationOfAStdlibFunction() throws {
        let terminal = try startREPL()
        terminal.send(":help quantile\r")
        XCTAssertTrue(terminal.expect("quantile(v, p)"), terminal.transcript)
        XCTAssertTrue(terminal.expect("type 7"), terminal.transcript)
        terminal.send(":quit\r")
        XCTAssertEqual(terminal.waitForExit(), 0)
    }
}
