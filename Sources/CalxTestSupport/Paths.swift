// Where the package and the built `calx` binary are, seen from a test.

import Foundation

public enum Paths {
    /// The package's root folder (this file is Sources/CalxTestSupport/Paths.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding the built products (`calx` beside the test bundle).
    public static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    public static var calx: URL { productsDirectory.appendingPathComponent("calx") }
}
