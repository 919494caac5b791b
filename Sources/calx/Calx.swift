// The `calx` command: a thin layer over the Calx library and the REPL.

import ArgumentParser
import Calx
import CalxCore
import CalxREPL
import Foundation

/// Exit statuses, after BSD's sysexits: usage 64, compile error 65, runtime error 70, I/O 74.
enum ExitStatus {
    static let compileError: Int32 = 65
    static let runtimeError: Int32 = 70
    static let ioError: Int32 = 74

    static func of(_ diagnostics: [Diagnostic]) -> Int32 {
        guard let first = diagnostics.first else { return 0 }
        if first.stage.isCompileTime { return compileError }
        return first.stage == .io ? ioError : runtimeError
    }
}

@main
struct CalxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calx",
        abstract: "Calx: a small language for the economics of compute — numbers, vectors, tables, fits.",
        discussion: "With no arguments on a terminal, starts the REPL; with standard input not a terminal, runs it as a program.",
        version: "0.1.0",
        subcommands: [Run.self, Render.self, Check.self])

    @Option(name: .customShort("e"), help: ArgumentHelp("Runs PROGRAM and prints the value of its last expression.", valueName: "PROGRAM"))
    var expression: String?

    func run() throws {
        if let expression {
            throw ExitCode(Runner.execute(expression, origin: "<-e>", showValue: true))
        }
        if isatty(STDIN_FILENO) != 0 {
            throw ExitCode(LargeStack.run { REPL(session: Runner.makeSession()).run() })
        }
        let input = FileHandle.standardInput.readDataToEndOfFile()
        throw ExitCode(Runner.execute(String(decoding: input, as: UTF8.self), origin: "<stdin>", showValue: false))
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Runs a Calx program file.")

    @Argument(help: "The program to run (a .calx file).")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Runner.writeError("error: cannot read '\(file)': no such file\n")
            throw ExitCode(ExitStatus.ioError)
        }
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        throw ExitCode(Runner.execute(String(decoding: data, as: UTF8.self), origin: file, showValue: false, baseDirectory: directory))
    }
}

enum Runner {
    static func makeSession(baseDirectory: String = FileManager.default.currentDirectoryPath) -> Session {
        Session(settings: Settings(output: write, baseDirectory: baseDirectory))
    }

    /// Writes text to standard output whole, NUL characters included (fputs would stop there).
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, stdout) }
    }

    static func writeError(_ text: String) {
        fflush(stdout)
        fputs(text, stderr)
    }

    /// Runs a whole program; returns the exit status.
    static func execute(_ text: String, origin: String, showValue: Bool, baseDirectory: String? = nil) -> Int32 {
        LargeStack.run {
            let session = makeSession(baseDirectory: baseDirectory ?? FileManager.default.currentDirectoryPath)
            let outcome = session.interpret(text, origin: origin)
            switch outcome {
            case .value(let value):
                if showValue, !isNil(value) { fputs(ValueFormatter.display(value) + "\n", stdout) }
                fflush(stdout)
                return 0
            case .failure(let diagnostics):
                writeError(session.render(diagnostics, style: isatty(STDERR_FILENO) != 0 ? .terminal : .plain))
                return ExitStatus.of(diagnostics)
            }
        }
    }

    static func isNil(_ value: Value) -> Bool {
        if case .nil = value { return true }
        return false
    }
}
