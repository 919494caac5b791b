// How values are shown: numbers in their shortest round-trip form, strings
// quoted or plain, long vectors and tables elided with their size.

@testable import CalxCore
import Calx
import CalxTestSupport
import XCTest

final class ValueFormatterTests: XCTestCase {
    private func number(_ x: Double) -> String { ValueFormatter.number(x) }

    // MARK: Numbers

    func testWholeNumbersHaveNoDecimalPoint() {
        XCTAssertEqual(number(0), "0")
        XCTAssertEqual(number(42), "42")
        XCTAssertEqual(number(-7), "-7")
        XCTAssertEqual(number(123456789), "123456789")
        XCTAssertEqual(number(9_999_999_999_999_998), "9999999999999998")
    }

    func testShortestRoundTripDecimals() {
        XCTAssertEqual(number(0.1), "0.1")
        XCTAssertEqual(number(2.5), "2.5")
        XCTAssertEqual(number(0.1 + 0.2), "0.30000000000000004")
        XCTAssertEqual(number(1.0 / 3.0), "0.3333333333333333")
        XCTAssertEqual(number(-0.001), "-0.001")
        XCTAssertEqual(number(0.0001), "0.0001")
        XCTAssertEqual(number(1e15 + 0.5), "1000000000000000.5")
    }

    func testExponentsAreWrittenWithoutPaddingOrPlus() {
        XCTAssertEqual(number(1e-5), "1e-5")
        XCTAssertEqual(number(1.5e-7), "1.5e-7")
        XCTAssertEqual(number(-2.5e-10), "-2.5e-10")
        XCTAssertEqual(number(1e16), "1e16")
        XCTAssertEqual(number(2.5e16), "2.5e16")
        XCTAssertEqual(number(1.2345678901234568e17), "1.2345678901234568e17")
        XCTAssertEqual(number(1e300), "1e300")
        XCTAssertEqual(number(5e-324), "5e-324")
        XCTAssertEqual(number(.greatestFiniteMagnitude), "1.7976931348623157e308")
    }

    func testSpecialValues() {
        XCTAssertEqual(number(-0.0), "-0")
        XCTAssertEqual(number(.infinity), "inf")
        XCTAssertEqual(number(-.infinity), "-inf")
        XCTAssertEqual(number(.nan), "nan")
        XCTAssertEqual(number(-.nan), "nan")
    }

    func testEveryNumberReadsBackExactly() {
        var generator = SplitMix64(seed: 20_260_528)
        var samples: [Double] = [0.1, 1e-5, 1e16, 123456789, 1e21, 4.9e-324, 2.2250738585072014e-308, 0.5, 1 / 3]
        for _ in 0..<20_000 {
            let x = Double(bitPattern: generator.next())
            if x.isFinite { samples.append(x) }
        }
        for _ in 0..<2_000 { samples.append(Double(Int64(bitPattern: generator.next()) % 100_000_000) / 100) }
        for x in samples {
            let text = number(x)
            XCTAssertEqual(Double(text), x, "\(x) shown as \(text)")
            // Whole numbers below 1e16 are written out in full; everything else is as short as Swift's shortest form.
            if x != x.rounded() || abs(x) >= 1e16 {
                XCTAssertLessThanOrEqual(text.count, "\(x)".count, "\(x) shown as \(text), longer than Swift's shortest form")
            }
        }
    }

    func testNumbersReadBackThroughCalx() {
        let calx = TestSession()
        for text in ["0.1", "1e-5", "1e16", "123456789", "2.5e-8", "1.7976931348623157e308", "0.30000000000000004"] {
            XCTAssertEqual(calx.display(text), text)
        }
    }

    // MARK: Strings

    func testStringsAreQuotedInDisplayAndPlainInPrint() {
        XCTAssertEqual(ValueFormatter.display(.string("hi")), "\"hi\"")
        XCTAssertEqual(ValueFormatter.plain(.string("hi")), "hi")
        XCTAssertEqual(ValueFormatter.display(.string("")), "\"\"")
    }

    func testQuotedStringsEscapeWhatTheLexerWouldRead() {
        let text = "a\"b\\c\nd\te{f}"
        let shown = ValueFormatter.display(.string(text))
        XCTAssertEqual(shown, #""a\"b\\c\nd\te\{f\}""#)
        // What is shown reads back as the same string.
        XCTAssertEqual(TestSession().display(shown), shown)
    }

    func testCarriageReturnsAndNulsAreEscaped() {
        XCTAssertEqual(ValueFormatter.display(.string("a\r\nb\rc\0d")), #""a\r\nb\rc\0d""#)
        let calx = TestSession()
        let shown = calx.display(#""line\r\nnext\0""#)
        XCTAssertEqual(shown, #""line\r\nnext\0""#)
        XCTAssertFalse(shown.unicodeScalars.contains { $0 == "\r" || $0 == "\0" }, "no raw control characters reach the terminal")
    }

    func testStringsInsideContainersAreAlwaysQuoted() {
        XCTAssertEqual(ValueFormatter.plain(.list([.string("a"), .number(1)])), "[\"a\", 1]")
        XCTAssertEqual(ValueFormatter.plain(.record(Record(names: ["s"], values: [.string("x")]))), "{s: \"x\"}")
    }

    // MARK: Vectors, records, other values

    func testShortVectors() {
        XCTAssertEqual(ValueFormatter.display(.numbers([1, 2.5, -3])), "[1, 2.5, -3]")
        XCTAssertEqual(ValueFormatter.display(.numbers([])), "[]")
        XCTAssertEqual(ValueFormatter.display(.list([.bool(true), .nil, .numbers([1])])), "[true, nil, [1]]")
    }

    func testLongVectorsAreElidedWithTheirCount() {
        XCTAssertEqual(ValueFormatter.display(.numbers((1...20).map(Double.init))),
                       "[" + (1...20).map(String.init).joined(separator: ", ") + "]")
        XCTAssertEqual(ValueFormatter.display(.numbers((1...21).map(Double.init))),
                       "[1, 2, 3, 4, 5, …, 17, 18, 19, 20, 21] (21 elements)")
        XCTAssertEqual(ValueFormatter.display(.list((0..<1000).map { .string("s\($0)") })),
                       "[\"s0\", \"s1\", \"s2\", \"s3\", \"s4\", …, \"s995\", \"s996\", \"s997\", \"s998\", \"s999\"] (1000 elements)")
    }

    func testRecords() {
        let record = Record(names: ["name", "watts", "tags"], values: [.string("H100"), .number(700), .numbers([1, 2])])
        XCTAssertEqual(ValueFormatter.display(.record(record)), "{name: \"H100\", watts: 700, tags: [1, 2]}")
        XCTAssertEqual(ValueFormatter.display(.record(Record())), "{}")
    }

    func testDeepNestingIsCutShort() {
        var value = Value.numbers([1])
        for _ in 0..<100 { value = .list([value]) }
        let shown = ValueFormatter.display(value)
        XCTAssertTrue(shown.contains("…"))
        XCTAssertEqual(shown.filter { $0 == "[" }.count, ValueFormatter.maximumDepth + 1)
    }

    func testFunctionsShowTheirSignature() {
        let calx = TestSession()
        XCTAssertEqual(calx.display("fn area(w, h = 1) = w * h\narea"), "<fn area(w, h = …)>")
        XCTAssertEqual(calx.display("x => x"), "<fn <lambda>(x)>")
        XCTAssertEqual(calx.display("sqrt"), "<builtin sqrt(x)>")
        XCTAssertEqual(calx.display("print"), "<builtin print(...values)>")
    }

    func testBoolsAndNil() {
        XCTAssertEqual(ValueFormatter.display(.bool(true)), "true")
        XCTAssertEqual(ValueFormatter.display(.nil), "nil")
    }

    func testBriefDescriptions() {
        XCTAssertEqual(ValueFormatter.brief(.number(2.5)), "the number 2.5")
        XCTAssertEqual(ValueFormatter.brief(.string("abc")), "a string (\"abc\")")
        XCTAssertEqual(ValueFormatter.brief(.string(String(repeating: "x", count: 30))),
                       "a string (\"" + String(repeating: "x", count: 20) + "…\")")
        XCTAssertEqual(ValueFormatter.brief(.numbers([1])), "a vector of 1 number")
        XCTAssertEqual(ValueFormatter.brief(.numbers([1, 2])), "a vector of 2 numbers")
        XCTAssertEqual(ValueFormatter.brief(.bool(false)), "the bool false")
        XCTAssertEqual(ValueFormatter.brief(.nil), "nil")
    }

    // MARK: Tables

    private func table(_ columns: [(String, Value)]) -> Value {
        let count = columns.first?.1.elements?.count ?? 0
        return .table(Table(names: columns.map(\.0), columns: columns.map(\.1), rowCount: count))
    }

    func testTableColumnsAreAligned() {
        let shown = ValueFormatter.display(table([
            ("name", .list([.string("x"), .string("longer")])),
            ("v", .numbers([1.5, -20])),
            ("ok", .list([.bool(true), .bool(false)])),
        ]))
        XCTAssertEqual(shown, """
            name    v    ok
            ──────  ───  ─────
            x       1.5  true
            longer  -20  false
            """)
    }

    func testTableNumbersAreRightAligned() {
        let shown = ValueFormatter.display(table([("n", .numbers([1, 2, 3])), ("cost", .numbers([10, 20, 400]))]))
        XCTAssertEqual(shown, "n  cost\n─  ────\n1    10\n2    20\n3   400")
    }

    func testLongTablesAreElidedWithTheirSize() {
        let shown = ValueFormatter.display(table([("i", .numbers((0..<25).map(Double.init)))]))
        XCTAssertEqual(shown.components(separatedBy: "\n"),
                       ["i", "──", " 0", " 1", " 2", " 3", " 4", " …", "20", "21", "22", "23", "24", "(25 rows × 1 column)"])
    }

    func testEmptyTables() {
        XCTAssertEqual(ValueFormatter.display(table([])), "(0 rows × 0 columns)")
        XCTAssertEqual(ValueFormatter.display(table([("a", .numbers([]))])), "a\n─")
    }

    func testTableInsideAContainerIsSummarised() {
        let inner = table([("a", .numbers([1, 2]))])
        XCTAssertEqual(ValueFormatter.display(.list([inner])), "[<table: 2 rows × 1 column>]")
    }

    func testPrintedTableMatchesDisplay() {
        let calx = TestSession()
        calx.run("print(table(n: [1, 2], name: [\"a\", \"b\"]))")
        XCTAssertEqual(calx.printed, "n  name\n─  ────\n1  a\n2  b\n")
    }
}

/// A small seeded generator, so the sampled numbers are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
