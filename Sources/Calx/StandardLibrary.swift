// Finds Stdlib modules for `use`: from CALX_STDLIB_PATH when it is set (for
// working on the Stdlib), otherwise from the copy compiled into the binary, so a
// `calx` copied anywhere still has its prelude.

import CalxCore
import Foundation

final class StandardLibrary: ModuleLoader {
    let sources: SourceRegistry
    /// Modules already loaded in this session: `use` runs each one once.
    var loaded: Set<String> = []
    let directory: String?

    init(sources: SourceRegistry) {
        self.sources = sources
        directory = ProcessInfo.processInfo.environment["CALX_STDLIB_PATH"].flatMap { $0.isEmpty ? nil : $0 }
    }

    var moduleNames: [String] { StdlibSources.files.keys.filter { $0 != "prelude" && !$0.hasPrefix("tests/") }.sorted() }

    func text(of name: String) -> String? {
        if let directory {
            return try? String(contentsOfFile: directory + "/" + name + ".calx", encoding: .utf8)
        }
        return StdlibSources.files[name]
    }

    func load(_ name: String, at span: Span) throws(ModuleLoadError) -> [Stmt]? {
        if loaded.contains(name) { return nil }
        guard let text = text(of: name) else {
            var notes: [String] = []
            if let guess = suggestion(for: name, among: StdlibSources.files.keys) { notes.append("help: did you mean '\(guess)'?") }
            notes.append("note: the modules are \(moduleNames.joined(separator: ", "))")
            throw ModuleLoadError([Diagnostic(.io, "no module named '\(name)'", at: span, label: "not in the standard library", notes: notes)])
        }
        loaded.insert(name)
        let id = sources.add(origin: "Stdlib/\(name).calx", text: text)
        let parsed = Parser.parse(text, source: id, registry: sources)
        guard parsed.errors.isEmpty else { throw ModuleLoadError(parsed.errors) }
        return parsed.statements
    }
}
