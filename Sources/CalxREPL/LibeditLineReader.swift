// Line editing, history and Tab completion through libedit's readline interface.

import CLibEdit
import CalxCore
import Foundation

public final class LibeditLineReader: LineReader {
    let history: HistoryFile
    /// Completion candidates for the word being typed; set by the REPL.
    nonisolated(unsafe) static var candidates: (String) -> [String] = { _ in [] }

    public init(history: HistoryFile, candidates: @escaping (String) -> [String]) {
        self.history = history
        LibeditLineReader.candidates = candidates
        // libedit accepts non-ASCII characters (°C, µs) only in a UTF-8 character locale.
        // Only LC_CTYPE is set, so numbers are still written with a '.'.
        let locale = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if !locale.uppercased().contains("UTF-8"), !locale.uppercased().contains("UTF8") { setlocale(LC_CTYPE, "C.UTF-8") }
        rl_readline_name = UnsafePointer(strdup("calx"))
        rl_attempted_completion_function = { text, _, _ in
            guard let text else { return nil }
            let prefix = String(cString: text)
            let matches = LibeditLineReader.candidates(prefix).filter { $0.hasPrefix(prefix) }.sorted()
            guard !matches.isEmpty else { return nil }
            // readline wants the common prefix first, then each match, all malloc'd, ending with NULL.
            var common = matches[0]
            for match in matches.dropFirst() { while !match.hasPrefix(common) { common.removeLast() } }
            let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: matches.count + 2)
            list[0] = strdup(common)
            for (index, match) in matches.enumerated() { list[index + 1] = strdup(match) }
            list[matches.count + 1] = nil
            return list
        }
        // Break words at spaces and operators, but not at ':' so REPL commands complete.
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"\\'`@$><=;|&{(,[+-*/^%"))
        // Ctrl-C while typing: libedit reads it as a character (the terminal is in raw
        // mode), or a SIGINT interrupts the read. Either way this reader ends the line as
        // if Enter were pressed, and the REPL sees the interrupt flag and drops the input.
        rl_catch_signals = 0
        rl_getc_function = { _ in LibeditLineReader.nextCharacter() }
        using_history()
        for entry in history.load() { add_history(entry) }
    }

    /// One typed character for libedit, which takes it as a wide character: UTF-8 is
    /// decoded here, so `°C` and `µs` arrive whole. Ctrl-C becomes the end of the line.
    static func nextCharacter() -> Int32 {
        guard let first = nextByte() else { return interruptRequested.load(ordering: .relaxed) ? Int32(UInt8(ascii: "\n")) : EOF }
        if first == 3 {
            interruptRequested.store(true, ordering: .relaxed)
            return Int32(UInt8(ascii: "\n"))
        }
        let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        var bytes = [first]
        while bytes.count < length, let next = nextByte(), next & 0xC0 == 0x80 { bytes.append(next) }
        guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return Int32(first) }
        return Int32(bitPattern: scalar.value)
    }

    /// The next byte of input, or nil at its end or when Ctrl-C interrupted the read.
    private static func nextByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count == 0 || errno != EINTR || interruptRequested.load(ordering: .relaxed) { return nil }
        }
    }

    public func readLine(prompt: String) -> String? {
        guard let line = CLibEdit.readline(prompt) else { return nil }
        defer { free(line) }
        return String(cString: line)
    }

    public func remember(_ entry: String) {
        add_history(entry)
        history.append(entry)
    }
}
