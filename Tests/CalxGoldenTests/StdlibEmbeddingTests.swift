// Keeps the Stdlib compiled into the binary identical to Stdlib/ on disk.

import CalxTestSupport
import Foundation
import XCTest

final class StdlibEmbeddingTests: XCTestCase {
    func testEmbeddedStdlibMatchesDisk() throws {
        let root = Paths.packageRoot
        let expected = try StdlibEmbedding.render(stdlib: root.appendingPathComponent("Stdlib"))
        let path = root.appendingPathComponent(StdlibEmbedding.generatedPath)
        let actual = try? String(contentsOf: path, encoding: .utf8)
        if actual != expected {
            try expected.write(to: path, atomically: true, encoding: .utf8)
            XCTFail("\(StdlibEmbedding.generatedPath) was stale and has been regenerated; rebuild and run the tests again")
        }
    }
}
