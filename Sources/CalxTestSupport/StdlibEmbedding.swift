// Generates Sources/Calx/StdlibSources.swift from the files under Stdlib/.
// The Stdlib is compiled into the binary (Wren's route) so that no resource
// lookup can fail at run time; a test keeps the generated file fresh.

import Foundation

public enum StdlibEmbedding {
    public static let generatedPath = "Sources/Calx/StdlibSources.swift"

    /// The Swift source embedding every `.calx` file under `stdlib`.
    public static func render(stdlib: URL) throws -> String {
        let files = FileManager.default.enumerator(at: stdlib, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "calx" }
            .map { url -> (String, String) in
                let relative = String(url.standardizedFileURL.path.dropFirst(stdlib.standardizedFileURL.path.count + 1))
                return (String(relative.dropLast(".calx".count)), (try? String(contentsOf: url, encoding: .utf8)) ?? "")
            }
            .sorted { $0.0 < $1.0 } ?? []
        var out = """
            // Generated from Stdlib/ by StdlibEmbeddingTests: do not edit.
            // After changing Stdlib/, run `swift test --filter StdlibEmbedding` once to refresh it.

            enum StdlibSources {
                static let files: [String: String] = [

            """
        for (name, text) in files {
            out += "        \"\(name)\": #####\"\"\"\n\(text)\n\"\"\"#####,\n"
        }
        out += "    ]\n}\n"
        return out
    }
}
