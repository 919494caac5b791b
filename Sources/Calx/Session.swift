// The one entry point every front end uses: the REPL, `calx run`, `calx -e`,
// the notebook runner and the tests all call `Session.interpret`.

import CalxCore
import CalxNumerics
import CalxPlot
import Foundation

/// What a session reports about one piece of source.
public enum Outcome {
    /// It ran; the value of its last expression (nil for statements).
    case value(Value)
    /// It did not: syntax and name errors (all of them), or the runtime error that stopped it.
    case failure([Diagnostic])

    public var diagnostics: [Diagnostic] {
        if case .failure(let diagnostics) = self { return diagnostics }
        return []
    }
}

/// Settings a front end chooses.
public struct Settings {
    /// Receives everything `print` writes.
    public var output: (String) -> Void
    /// Folder that relative paths in the program are read from.
    public var baseDirectory: String

    public init(output: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
                baseDirectory: String = FileManager.default.currentDirectoryPath) {
        self.output = output
        self.baseDirectory = baseDirectory
    }
}

public final class Session {
    public let sources = SourceRegistry()
    public let globals = Globals()
    let runtime: Runtime
    let library: StandardLibrary
    /// The globals as they were after the prelude, for `:reset`.
    private var preludeState: [Value] = []
    private var inputCount = 0

    /// Every native function, by the name its Stdlib declaration uses.
    public static let natives: [String: NativeBody] = [
        MathLibrary.natives, VectorLibrary.natives, TextLibrary.natives, TableLibrary.natives, UnitLibrary.natives,
        SpecialFunctions.natives, Statistics.natives, FitLibrary.natives, PlotLibrary.natives,
    ].reduce(into: [:]) { all, library in all.merge(library) { first, _ in first } }

    public init(settings: Settings = Settings()) {
        // GSL's default error handler aborts the process; every routine's status is checked instead.
        _ = GSL.prepare
        runtime = Runtime(globals: globals, sources: sources, output: settings.output, baseDirectory: settings.baseDirectory)
        library = StandardLibrary(sources: sources)
        if case .failure(let diagnostics) = interpret("use prelude", origin: "<prelude>") {
            // A broken prelude is a bug in Calx itself, not in the user's program; show it plainly.
            let renderer = DiagnosticRenderer(sources: sources)
            settings.output(diagnostics.map(renderer.render).joined())
        }
        preludeState = globals.snapshot()
    }

    public var baseDirectory: String {
        get { runtime.baseDirectory }
        set { runtime.baseDirectory = newValue }
    }

    /// Parses, resolves and runs one piece of source. On failure, the bindings are
    /// left as they were before, so a REPL session survives its mistakes.
    /// It runs on a large stack (see `LargeStack`), whatever thread calls it.
    public func interpret(_ text: String, origin: String, firstLine: Int = 1) -> Outcome {
        LargeStack.ensure { self.interpretHere(text, origin: origin, firstLine: firstLine) }
    }

    private func interpretHere(_ text: String, origin: String, firstLine: Int) -> Outcome {
        let id = sources.add(origin: origin, text: text, firstLine: firstLine)
        let parsed = Parser.parse(text, source: id, registry: sources)
        // Lexical and syntax errors are found in two passes; report them in source order.
        if !parsed.errors.isEmpty { return .failure(parsed.errors.sorted { $0.primary.span.start < $1.primary.span.start }) }
        let snapshot = globals.snapshot()
        let loaded = library.loaded
        var resolver = Resolver(globals: globals, natives: Session.natives, modules: library)
        let end = text.utf8.count
        switch resolver.resolve(parsed.statements, span: Span(source: id, start: 0, end: end)) {
        case .failure(let error):
            library.loaded = loaded
            return .failure(error.diagnostics)
        case .success(let program):
            do {
                return .value(try runtime.run(program))
            } catch {
                globals.restore(snapshot)
                library.loaded = loaded
                return .failure([error])
            }
        }
    }

    /// Forgets every binding made since the prelude.
    public func reset() {
        globals.restore(preludeState)
    }

    /// A fresh origin name for the REPL's inputs: `<repl:1>`, `<repl:2>`, …
    public func nextInputOrigin() -> String {
        inputCount += 1
        return "<repl:\(inputCount)>"
    }

    /// Renders diagnostics in the plain or terminal style.
    public func render(_ diagnostics: [Diagnostic], style: DiagnosticStyle = .plain) -> String {
        let renderer = DiagnosticRenderer(sources: sources, style: style)
        return diagnostics.map(renderer.render).joined(separator: "\n")
    }

    /// Help for a name: its signature and doc comment.
    public func help(for name: String) -> String? {
        guard let value = globals.value(of: name) else { return nil }
        if case .function(let closure) = value {
            return closure.signature + "\n" + Session.formatDoc(closure.doc)
        }
        return "\(name) = \(ValueFormatter.display(value))"
    }

    /// Every unit, grouped by dimension, with its other names and prefixes.
    public func unitsHelp() -> String {
        let units = globals.units
        var lines = ["Units by dimension (prefixes: k, M, G, m, µ … where marked [si]; Ki, Mi, Gi … where [binary]):"]
        var groups: [(String, [String])] = []
        for (names, dimension) in units.declared {
            let name = units.name(of: dimension)
            let entry = names.joined(separator: ", ") + units.prefixNote(names[0])
            if let index = groups.firstIndex(where: { $0.0 == name }) { groups[index].1.append(entry) } else { groups.append((name, [entry])) }
        }
        for (dimension, entries) in groups { lines.append("  \(dimension): " + entries.joined(separator: "; ")) }
        lines.append("Convert with `->` or `to`: 700 W * 72 h -> kWh; `-> best` picks a prefix; value_of(q, \"min\") gives the number.")
        return lines.joined(separator: "\n")
    }

    /// A doc comment as help text: prose indented, `@example` lines shown as examples.
    static func formatDoc(_ doc: String?) -> String {
        guard let doc else { return "  (no documentation)" }
        return doc.components(separatedBy: "\n").map { line in
            line.hasPrefix("@example ") ? "  example: " + line.dropFirst("@example ".count) : "  " + line
        }.joined(separator: "\n")
    }

    /// The names bound in the session, prelude excluded unless asked for.
    public func userNames(includingPrelude: Bool = false) -> [String] {
        globals.boundNames.filter { name in
            guard !includingPrelude, let index = globals.index(of: name), index < preludeState.count else { return true }
            if case .undefined = preludeState[index] { return true }
            return false
        }
    }

    /// Modules `use` can load.
    public var moduleNames: [String] { library.moduleNames }
}
