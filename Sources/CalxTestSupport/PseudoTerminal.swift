// Drives a program through a pseudo-terminal, as a person at a keyboard would:
// it sees a terminal on its standard input and output, so libedit is in play.

import Foundation

public final class PseudoTerminal {
    public let process = Process()
    let master: FileHandle
    private var buffer = ""

    /// Everything the program has written so far.
    public var transcript: String { buffer }

    public init(_ executable: URL, _ arguments: [String] = [], environment: [String: String] = [:]) throws {
        var masterFD: Int32 = 0, slaveFD: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else {
            throw NSError(domain: "PseudoTerminal", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "openpty failed"])
        }
        master = FileHandle(fileDescriptor: masterFD, closeOnDealloc: true)
        let slave = FileHandle(fileDescriptor: slaveFD, closeOnDealloc: true)
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Types text (use "\r" for Enter, "\u{1B}[A" for the up arrow, "\t" for Tab).
    public func send(_ text: String) {
        master.write(Data(text.utf8))
    }

    /// Waits until the transcript, after `from`, contains `text`; returns whether it did.
    @discardableResult
    public func expect(_ text: String, after from: String.Index? = nil, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if buffer[(from ?? buffer.startIndex)...].contains(text) { return true }
            readAvailable(wait: 0.05)
        }
        return buffer[(from ?? buffer.startIndex)...].contains(text)
    }

    /// A position to search after, so earlier output does not match again.
    public var mark: String.Index { buffer.endIndex }

    private func readAvailable(wait: TimeInterval) {
        var descriptor = pollfd(fd: master.fileDescriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(wait * 1000)) > 0 else { return }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(master.fileDescriptor, &bytes, bytes.count)
        if count > 0 { buffer += String(decoding: bytes[0..<count], as: UTF8.self) }
    }

    /// Sends a signal to the program (SIGINT is Ctrl-C).
    public func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the program to exit; returns its status, or nil if it did not exit in time.
    public func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { readAvailable(wait: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
