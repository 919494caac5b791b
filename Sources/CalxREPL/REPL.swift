// The read–eval–print loop: reads until the input is complete, runs it in one
// session, shows its value or its errors, and keeps the session across mistakes.

import Calx
import CalxCore
import Foundation

public final class REPL {
    let session: Session
    let reader: LineReader
    let color: Bool
    static let prompt = "calx> "
    static let continuation = "  ... "

    public init(session: Session, reader: LineReader? = nil) {
        self.session = session
        color = isatty(STDERR_FILENO) != 0
        if let reader {
            self.reader = reader
        } else if isatty(STDIN_FILENO) != 0 {
            self.reader = LibeditLineReader(history: HistoryFile(), candidates: { _ in [] })
        } else {
            self.reader = PlainLineReader()
        }
        LibeditLineReader.candidates = { [weak self] prefix in self?.completions(for: prefix) ?? [] }
    }

    /// Runs until `:quit` or end of input; returns the exit status.
    public func run() -> Int32 {
        Interrupts.install()
        print("Calx \(REPL.version) — :help for help, :quit or Ctrl-D to leave")
        var buffer = ""
        while true {
            fflush(stdout)
            let line = reader.readLine(prompt: buffer.isEmpty ? REPL.prompt : REPL.continuation)
            if Interrupts.consume() {
                // Ctrl-C at the prompt abandons the input being typed, as in a shell.
                buffer = ""
                continue
            }
            guard let line else { print(""); return 0 }
            if buffer.isEmpty {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix(":") {
                    reader.remember(trimmed)
                    if !command(trimmed) { return 0 }
                    continue
                }
            }
            buffer += buffer.isEmpty ? line : "\n" + line
            if isIncomplete(buffer) { continue }
            reader.remember(buffer)
            evaluate(buffer, origin: session.nextInputOrigin())
            buffer = ""
        }
    }

    static let version = "0.1.0"

    /// True when the input only lacks its end: an open bracket, block or string.
    func isIncomplete(_ text: String) -> Bool {
        let probe = SourceRegistry()
        let id = probe.add(origin: "<probe>", text: text)
        let errors = Parser.parse(text, source: id, registry: probe).errors
        return !errors.isEmpty && errors.allSatisfy(\.atEndOfInput)
    }

    func evaluate(_ text: String, origin: String) {
        switch session.interpret(text, origin: origin) {
        case .value(let value):
            if case .nil = value { return }
            print(ValueFormatter.display(value))
        case .failure(let diagnostics):
            fflush(stdout)
            fputs(session.render(diagnostics, style: color ? .terminal : .plain), stderr)
        }
    }

    /// Runs a `:command`; returns false to leave the REPL.
    func command(_ line: String) -> Bool {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case ":quit", ":q", ":exit":
            return false
        case ":help", ":h":
            if argument == "units" {
                print(session.unitsHelp())
            } else {
                print(argument.isEmpty ? REPL.helpText : session.help(for: argument) ?? "no help for '\(argument)': it is not a name in scope")
            }
        case ":vars":
            let names = session.userNames()
            if names.isEmpty { print("(no bindings yet)") }
            for name in names {
                if let value = session.globals.value(of: name) { print("\(name) = \(ValueFormatter.display(value))") }
            }
        case ":load":
            guard !argument.isEmpty else { print("usage: :load FILE"); break }
            guard let data = FileManager.default.contents(atPath: argument) else {
                fputs("error: cannot read '\(argument)': no such file\n", stderr)
                break
            }
            evaluate(String(decoding: data, as: UTF8.self), origin: argument)
        case ":reset":
            session.reset()
            print("(session reset)")
        default:
            let known = REPL.commands
            var message = "unknown command '\(parts[0])'"
            if let guess = suggestion(for: parts[0], among: known) { message += ", did you mean '\(guess)'?" }
            fputs("error: \(message)\n", stderr)
        }
        return true
    }

    static let commands = [":help", ":vars", ":load", ":reset", ":quit"]

    static let keywords = ["fn", "if", "else", "for", "in", "while", "break", "continue", "return", "use", "true", "false", "nil", "and", "or", "not"]

    /// Names that may complete `prefix`: commands, keywords, bound names and modules.
    public func completions(for prefix: String) -> [String] {
        if prefix.hasPrefix(":") { return REPL.commands.filter { $0.hasPrefix(prefix) } }
        let names = REPL.keywords + session.globals.boundNames + session.moduleNames + session.globals.units.names
        return Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
    }

    static let helpText = """
        Calx — numbers, vectors, tables and functions for the economics of compute.

          x = 2.5e3                 bind a name
          v = [1, 2, 3] * 2         vectors work element-wise
          fn area(w, h = 1) = w * h functions, with defaults and named arguments
          t = table(n: v, sq: v^2)  tables of named columns; t.n, t[0], t[t.n > 2]
          v |> sum                  pipeline: the same as sum(v)
          700 W * 72 h -> kWh       units: checked, converted with -> (or `to`)

        Commands:
          :help NAME   documentation of a function or value
          :help units  the units, by dimension
          :vars        bindings you have made
          :load FILE   run a file in this session
          :reset       forget your bindings
          :quit        leave (or Ctrl-D)

        Tab completes names; Ctrl-C stops a running computation.
        """
}
