// swift-tools-version:6.0
// Calx: a notebook-style analysis language. The targets follow the pipeline:
// CalxCore (source → tokens → syntax tree → resolution → evaluation → display),
// CalxNumerics (GSL-backed natives), CalxPlot (figures: SVG and terminal), Calx (the
// session that ties them to the standard library), CalxNotebook (notebook parsing →
// execution → report writing), CalxREPL (libedit front end) and the thin `calx` executable.
import PackageDescription

let language: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "Calx",
    products: [
        .executable(name: "calx", targets: ["calx"]),
        .library(name: "Calx", targets: ["Calx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CGSL", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(
            name: "CalxCore",
            dependencies: [.product(name: "CSV", package: "CSV.swift")],
            swiftSettings: language),
        .target(name: "CalxNumerics", dependencies: ["CalxCore", "CGSL"], swiftSettings: language),
        .target(name: "CalxPlot", dependencies: ["CalxCore"], swiftSettings: language),
        .target(name: "Calx", dependencies: ["CalxCore", "CalxNumerics", "CalxPlot"], swiftSettings: language),
        .target(
            name: "CalxNotebook",
            dependencies: ["Calx", "CalxCore", "CalxPlot", .product(name: "Yams", package: "Yams")],
            swiftSettings: language),
        .target(name: "CalxREPL", dependencies: ["Calx", "CLibEdit"], swiftSettings: language),
        .executableTarget(
            name: "calx",
            dependencies: ["Calx", "CalxREPL", "CalxNotebook", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: language),
        .target(name: "CalxTestSupport", dependencies: ["Calx"], swiftSettings: language),
        .testTarget(name: "CalxCoreTests", dependencies: ["CalxCore", "Calx", "CalxTestSupport"], swiftSettings: language),
        .testTarget(
            name: "CalxNumericsTests", dependencies: ["CalxNumerics", "Calx", "CalxTestSupport"],
            exclude: ["Fixtures", "Support"], swiftSettings: language),
        .testTarget(
            name: "CalxGoldenTests", dependencies: ["Calx", "CalxTestSupport", "calx"],
            exclude: ["Golden"], swiftSettings: language),
        .testTarget(
            name: "CalxNotebookTests", dependencies: ["CalxNotebook", "CalxTestSupport", "calx"],
            exclude: ["Notebooks"], swiftSettings: language),
        .testTarget(name: "CalxREPLTests", dependencies: ["CalxREPL", "CalxTestSupport", "calx"], swiftSettings: language),
    ]
)
