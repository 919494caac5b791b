// Indexing: 0-based positions, negatives from the end, slices by range, vectors
// of positions, masks, strings by character, records and tables.

@testable import CalxCore
import Calx
import CalxTestSupport
import XCTest

final class IndexingTests: SessionTestCase {
    override func setUp() {
        super.setUp()
        calx.run("v = [10, 20, 30, 40]\nt = table(n: [1, 2, 3], cost: [10, 20, 40], name: [\"a\", \"b\", \"c\"])")
    }

    // MARK: Vectors

    func testPositionsAreZeroBased() {
        check("v[0]", "10")
        check("v[3]", "40")
    }

    func testNegativePositionsCountFromTheEnd() {
        check("v[-1]", "40")
        check("v[-4]", "10")
    }

    func testOutOfRange() {
        let diagnostic = error("v[1️⃣4]")
        XCTAssertEqual(diagnostic.message, "index 4 out of range for length 4")
        XCTAssertEqual(diagnostic.stage, .runtime)
        XCTAssertEqual(diagnostic.primary.text, "out of range")
        XCTAssertEqual(diagnostic.notes, ["note: valid indexes are 0 to 3, or -4 to -1 from the end"])
        XCTAssertEqual(error("v[1️⃣-5]").message, "index -5 out of range for length 4")
        XCTAssertEqual(error("[][1️⃣0]").message, "index 0 out of range for length 0")
    }

    func testPositionMustBeWhole() {
        XCTAssertEqual(error("v[1️⃣1.5]").message, "index must be a whole number, not 1.5")
        XCTAssertEqual(error("v[1️⃣nan]").message, "index must be a whole number, not nan")
        XCTAssertEqual(error("v[1️⃣1e300]").message, "index 1e300 out of range for length 4")
    }

    func testSlicesByRange() {
        check("v[1..<3]", "[20, 30]")
        check("v[1..2]", "[20, 30]")
        check("v[0..<0]", "[]")
        check("v[2..<len(v)]", "[30, 40]")
        XCTAssertEqual(error("v[1️⃣2..5]").message, "index 4 out of range for length 4")
    }

    func testVectorsOfPositions() {
        check("v[[3, 0, 0]]", "[40, 10, 10]")
        check("v[[-1, -2]]", "[40, 30]")
        check("v[[]]", "[]")
    }

    func testMasks() {
        check("v[v > 15]", "[20, 30, 40]")
        check("v[[true, false, false, true]]", "[10, 40]")
        check("v[v > 100]", "[]")
        check("v[v > 15 and v < 35]", "[20, 30]")
        let diagnostic = error("v[1️⃣[true, false]]")
        XCTAssertEqual(diagnostic.message, "mask of length 2 used on length 4")
    }

    func testListsIndexLikeVectors() {
        check("w = [\"a\", \"b\", \"c\"]\n[w[-1], w[[0, 2]]]", "[\"c\", [\"a\", \"c\"]]")
        check("w = [\"a\", \"b\", \"c\"]\nw[w != \"b\"]", "[\"a\", \"c\"]")
    }

    func testIndexOfTheWrongType() {
        let diagnostic = error("v[1️⃣\"a\"]")
        XCTAssertEqual(diagnostic.message, "cannot index with a string")
        XCTAssertEqual(diagnostic.primary.text, "expected a number, a vector of numbers or a mask")
    }

    func testIndexingSomethingThatCannotBeIndexedBlamesTheValue() {
        let diagnostic = error("x = 5\n1️⃣x[0]")
        XCTAssertEqual(diagnostic.message, "cannot index a number")
        XCTAssertEqual(diagnostic.primary.text, "this is a number")
    }

    // MARK: Strings

    func testStringsIndexByCharacter() {
        check("\"hello\"[1]", "\"e\"")
        check("\"hello\"[-1]", "\"o\"")
        check("\"hello\"[1..<3]", "\"el\"")
        check("\"héllo\"[1]", "\"é\"")
        check("\"naïve 🎉\"[-1]", "\"🎉\"")
    }

    // MARK: Records

    func testRecordFields() {
        check("r = {name: \"H100\", watts: 700}\n[r.watts, r[\"name\"]]", "[700, \"H100\"]")
        check("r = {a: {b: {c: 3}}}\nr.a.b.c", "3")
    }

    func testMissingFieldWithSuggestion() {
        let diagnostic = error("r = {watts: 700, name: \"x\"}\nr.1️⃣wats")
        XCTAssertEqual(diagnostic.message, "no field named 'wats'")
        XCTAssertEqual(diagnostic.primary.text, "unknown field")
        XCTAssertEqual(diagnostic.notes, ["help: did you mean 'watts'?", "note: the fields are 'watts', 'name'"])
    }

    func testRecordIndexedByNumber() {
        XCTAssertEqual(error("r = {a: 1}\nr[1️⃣0]").message, "a record is indexed by a field name, not a number")
    }

    func testFieldOfANonRecord() {
        let diagnostic = error("1️⃣v.size")
        XCTAssertEqual(diagnostic.message, "a vector has no fields")
    }

    // MARK: Tables

    func testTableColumns() {
        check("t.cost", "[10, 20, 40]")
        check("t[\"name\"]", "[\"a\", \"b\", \"c\"]")
        check("keys(t)", "[\"n\", \"cost\", \"name\"]")
    }

    func testTableRowsAreRecords() {
        check("t[0]", "{n: 1, cost: 10, name: \"a\"}")
        check("t[-1].cost", "40")
    }

    func testTableFiltering() {
        check("f = t[t.cost > 15]\n[len(f), f.n, f.name]", "[2, [2, 3], [\"b\", \"c\"]]")
        check("len(t[t.cost > 1000])", "0")
        check("t[[2, 0]].n", "[3, 1]")
        check("t[1..<3].cost", "[20, 40]")
    }

    func testMissingColumnWithSuggestion() {
        let diagnostic = error("t.1️⃣cots")
        XCTAssertEqual(diagnostic.message, "no column named 'cots'")
        XCTAssertEqual(diagnostic.notes, ["help: did you mean 'cost'?", "note: the columns are 'n', 'cost', 'name'"])
        XCTAssertEqual(error("t[1️⃣\"nme\"]").message, "no column named 'nme'")
    }

    func testTableRowOutOfRange() {
        XCTAssertEqual(error("t[1️⃣3]").message, "index 3 out of range for length 3")
    }

    func testLoopingOverATableGivesRows() {
        check("total = 0\nfor row in t { total = total + row.n * row.cost }\ntotal", "170")
    }
}
