// The lexer: kinds, values and spans of tokens, and the errors it reports.

@testable import CalxCore
import CalxTestSupport
import XCTest

final class LexerTests: XCTestCase {
    private func scan(_ text: String) -> LexResult { Lexer.scan(text, source: 0) }

    /// Kinds of the tokens, without the final end of input.
    private func kinds(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Token.Kind] {
        let result = scan(text)
        XCTAssertEqual(result.errors.map(\.message), [], "unexpected lexical errors", file: file, line: line)
        XCTAssertEqual(result.tokens.last?.kind, .endOfInput, file: file, line: line)
        return result.tokens.dropLast().map(\.kind)
    }

    private func numbers(_ text: String) -> [Double] {
        scan(text).tokens.filter { $0.kind == .number }.map(\.number)
    }

    /// The source text each token covers.
    private func lexemes(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return scan(text).tokens.dropLast().map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    // MARK: Numbers

    func testIntegersAndDecimals() {
        XCTAssertEqual(kinds("42 2.5 0.125"), [.number, .number, .number])
        XCTAssertEqual(numbers("42 2.5 0.125"), [42, 2.5, 0.125])
    }

    func testDigitSeparators() {
        XCTAssertEqual(numbers("1_000_000"), [1_000_000])
        XCTAssertEqual(lexemes("1_000_000"), ["1_000_000"])
        XCTAssertEqual(numbers("3.141_592"), [3.141592])
    }

    func testTrailingUnderscoreIsNotPartOfTheNumber() {
        // `1_` is the number 1 followed by the name `_`.
        XCTAssertEqual(kinds("1_"), [.number, .identifier])
        XCTAssertEqual(lexemes("1_"), ["1", "_"])
    }

    func testExponents() {
        XCTAssertEqual(numbers("1e-3 2.5e3 1E6 6e+2"), [0.001, 2500, 1_000_000, 600])
        XCTAssertEqual(lexemes("1e-3"), ["1e-3"])
    }

    func testExponentWithoutDigitsIsANameAfterTheNumber() {
        XCTAssertEqual(kinds("2e"), [.number, .identifier])
        XCTAssertEqual(kinds("2e-"), [.number, .identifier, .minus])
    }

    func testRangeAfterANumberIsNotADecimalPoint() {
        XCTAssertEqual(kinds("1..3"), [.number, .range, .number])
        XCTAssertEqual(numbers("1..3"), [1, 3])
        XCTAssertEqual(kinds("0..<10"), [.number, .rangeExclusive, .number])
    }

    func testDotWithoutDigitsEndsTheNumber() {
        XCTAssertEqual(kinds("2.x"), [.number, .dot, .identifier])
        XCTAssertEqual(kinds("2."), [.number, .dot])
    }

    func testNumberSpans() {
        let result = scan("x = 12.5e1")
        let number = result.tokens[2]
        XCTAssertEqual(number.kind, .number)
        XCTAssertEqual(number.start, 4)
        XCTAssertEqual(number.end, 10)
        XCTAssertEqual(number.number, 125)
    }

    // MARK: Strings

    func testPlainString() {
        let token = scan(#""hello""#).tokens[0]
        XCTAssertEqual(token.kind, .string)
        XCTAssertEqual(texts(token), ["hello"])
        XCTAssertEqual(token.start, 0)
        XCTAssertEqual(token.end, 7)
    }

    func testEmptyStringHasOneEmptyTextPart() {
        XCTAssertEqual(texts(scan(#""""#).tokens[0]), [""])
    }

    func testEscapes() {
        let token = scan(#""a\nb\tc\\d\"e\{f\}g\rh\0""#).tokens[0]
        XCTAssertEqual(texts(token), ["a\nb\tc\\d\"e{f}g\rh\0"])
    }

    func testInterpolationParts() {
        let text = #""total: {x + 1} of {n}!""#
        let token = scan(text).tokens[0]
        XCTAssertEqual(token.parts.count, 5)
        let bytes = Array(text.utf8)
        let described = token.parts.map { part -> String in
            switch part {
            case .text(let text): return "text(\(text))"
            case .interpolation(let start, let end): return "expr(\(String(decoding: bytes[start..<end], as: UTF8.self)))"
            }
        }
        XCTAssertEqual(described, ["text(total: )", "expr(x + 1)", "text( of )", "expr(n)", "text(!)"])
    }

    func testInterpolationMayHoldBracesAndStrings() {
        let text = #""{ {a: 1}.a } and {f("}")}""#
        let result = scan(text)
        XCTAssertEqual(result.errors.map(\.message), [])
        XCTAssertEqual(result.tokens.count, 2)
        let bytes = Array(text.utf8)
        let expressions = result.tokens[0].parts.compactMap { part -> String? in
            if case .interpolation(let start, let end) = part { return String(decoding: bytes[start..<end], as: UTF8.self) }
            return nil
        }
        XCTAssertEqual(expressions, [" {a: 1}.a ", #"f("}")"#])
    }

    func testEscapedBraceIsText() {
        XCTAssertEqual(texts(scan(#""\{x\}""#).tokens[0]), ["{x}"])
    }

    func testUnterminatedStringPointsAtItsQuote() {
        let marked = MarkedSource(#"x = 1️⃣"abc"#)
        let result = scan(marked.text)
        XCTAssertEqual(result.errors.map(\.message), ["unterminated string"])
        let error = result.errors.firstOrMissing
        XCTAssertNil(marked.checkStart(of: error.primary.span))
        XCTAssertEqual(error.primary.span.end - error.primary.span.start, 1)
        XCTAssertEqual(error.primary.text, "this string is never closed")
        XCTAssertTrue(error.atEndOfInput, "a string open at the end of input may continue on the next line")
    }

    func testStringUnterminatedAtEndOfLineIsNotAtEndOfInput() {
        let result = scan("x = \"abc\ny = 2")
        XCTAssertEqual(result.errors.map(\.message), ["unterminated string"])
        XCTAssertFalse(result.errors.firstOrMissing.atEndOfInput)
        // Scanning goes on after the line.
        XCTAssertTrue(result.tokens.contains { $0.kind == .identifier && $0.text == "y" })
    }

    func testUnknownEscapeIsReportedAtTheBackslash() {
        let marked = MarkedSource(#""ab1️⃣\qc""#)
        let result = scan(marked.text)
        XCTAssertEqual(result.errors.map(\.message), ["unknown escape sequence"])
        XCTAssertNil(marked.checkStart(of: result.errors.firstOrMissing.primary.span))
        XCTAssertEqual(result.errors.firstOrMissing.primary.span.end - result.errors.firstOrMissing.primary.span.start, 2)
        XCTAssertEqual(result.tokens[0].kind, .string, "the string is still a token")
    }

    func testUnterminatedInterpolation() {
        let marked = MarkedSource(#""a 1️⃣{b"#)
        let result = scan(marked.text)
        XCTAssertEqual(result.errors.map(\.message), ["unterminated interpolation in string"])
        XCTAssertNil(marked.checkStart(of: result.errors.firstOrMissing.primary.span))
        XCTAssertTrue(result.errors.firstOrMissing.atEndOfInput)
    }

    // MARK: Names and keywords

    func testKeywordsAndIdentifiers() {
        XCTAssertEqual(
            kinds("fn if else for in while break continue return use true false nil and or not"),
            [.fn, .if, .else, .for, .in, .while, .break, .continue, .return, .use, .true, .false, .nil, .and, .or, .not])
        XCTAssertEqual(kinds("fnx iff android _nil in2"), [.identifier, .identifier, .identifier, .identifier, .identifier])
        XCTAssertEqual(scan("fnx iff").tokens.map(\.text), ["fnx", "iff", ""])
    }

    func testUTF8Identifiers() {
        let text = "µ = σ² + café_2"
        let result = scan(text)
        XCTAssertEqual(result.errors.map(\.message), [])
        let names = result.tokens.filter { $0.kind == .identifier }.map(\.text)
        XCTAssertEqual(names, ["µ", "σ²", "café_2"])
        // Spans are byte offsets: `µ` takes two bytes.
        XCTAssertEqual(result.tokens[0].end, 2)
        XCTAssertEqual(result.tokens[1].start, 3)
    }

    // MARK: Operators and punctuation

    func testRangeOperators() {
        XCTAssertEqual(kinds("a..b a..<b ...rest a.b"),
                       [.identifier, .range, .identifier, .identifier, .rangeExclusive, .identifier, .ellipsis, .identifier,
                        .identifier, .dot, .identifier])
        XCTAssertEqual(lexemes("..<"), ["..<"])
        XCTAssertEqual(lexemes("..."), ["..."])
    }

    func testArrowsAndPipes() {
        XCTAssertEqual(kinds("x => y |> f"), [.identifier, .arrow, .identifier, .pipe, .identifier])
        XCTAssertEqual(kinds("a == b = c != d"), [.identifier, .equal, .identifier, .assign, .identifier, .notEqual, .identifier])
    }

    func testComparisonAndArithmetic() {
        XCTAssertEqual(kinds("< <= > >= + - * / % ^"),
                       [.less, .lessEqual, .greater, .greaterEqual, .plus, .minus, .star, .slash, .percent, .caret])
        XCTAssertEqual(kinds("( ) [ ] { } , : ;"),
                       [.leftParen, .rightParen, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .comma, .colon, .semicolon])
    }

    func testOperatorSpans() {
        XCTAssertEqual(lexemes("a|>b=>c<=d"), ["a", "|>", "b", "=>", "c", "<=", "d"])
    }

    func testNewlinesAreTokens() {
        XCTAssertEqual(kinds("a\nb"), [.identifier, .newline, .identifier])
        XCTAssertEqual(kinds("a\r\nb"), [.identifier, .newline, .identifier])
    }

    func testBackslashContinuesALine() {
        XCTAssertEqual(kinds("a + \\\nb"), [.identifier, .plus, .identifier])
        XCTAssertEqual(kinds("a + \\\r\nb"), [.identifier, .plus, .identifier], "with Windows line ends too")
    }

    // MARK: Comments

    func testCommentsAreSkipped() {
        XCTAssertEqual(kinds("x = 1 # the answer\ny"), [.identifier, .assign, .number, .newline, .identifier])
        XCTAssertEqual(kinds("# only a comment"), [])
    }

    func testDocCommentsAreKeptByLine() {
        let result = scan("## Adds one.\n## @example inc(1)\nfn inc(x) = x + 1\n# not doc\n##tight")
        XCTAssertEqual(result.docComments, [0: "Adds one.", 1: "@example inc(1)", 4: "tight"])
        XCTAssertEqual(result.tokens.first?.kind, .newline)
    }

    func testDocCommentMustStartItsLine() {
        let result = scan("total = 0  ## running total\nfn add(x) = total + x\n  ## indented help\nfn g() = 1")
        XCTAssertEqual(result.docComments, [2: "indented help"])
    }

    func testHashInsideAStringIsNotAComment() {
        XCTAssertEqual(texts(scan(##""# not a comment""##).tokens[0]), ["# not a comment"])
    }

    // MARK: Errors

    func testUnexpectedCharacter() {
        let marked = MarkedSource("x = 1 1️⃣@ 2")
        let result = scan(marked.text)
        XCTAssertEqual(result.errors.map(\.message), ["unexpected character '@'"])
        XCTAssertNil(marked.checkStart(of: result.errors.firstOrMissing.primary.span))
        XCTAssertEqual(result.errors.firstOrMissing.stage, .syntax)
        // Scanning continues past the bad character.
        XCTAssertEqual(result.tokens.map(\.kind), [.identifier, .assign, .number, .number, .endOfInput])
    }

    func testUnexpectedMultibyteCharacterIsOneCharacter() {
        let marked = MarkedSource("x 1️⃣→ y")
        let result = scan(marked.text)
        XCTAssertEqual(result.errors.map(\.message), ["unexpected character '→'"])
        let span = result.errors.firstOrMissing.primary.span
        XCTAssertNil(marked.checkStart(of: span))
        XCTAssertEqual(span.end - span.start, 3, "the whole UTF-8 sequence")
    }

    func testOperatorsAndQuotesFromWordProcessorsAreNotNames() {
        let result = scan("a × b ÷ c − d “s” e\u{00A0}f")
        XCTAssertEqual(result.errors.map(\.message), [
            "unexpected character '×'", "unexpected character '÷'", "unexpected character '−'",
            "unexpected character '“'", "unexpected character '”'", "unexpected character '\u{00A0}'",
        ])
        XCTAssertEqual(result.errors.map(\.notes), [
            ["help: write '*' instead"], ["help: write '/' instead"], ["help: write '-' instead"],
            ["help: write '\"' instead"], ["help: write '\"' instead"], [],
        ])
        XCTAssertEqual(result.tokens.filter { $0.kind == .identifier }.map(\.text), ["a", "b", "c", "d", "s", "e", "f"])
    }

    func testSymbolsThatAreNotOperatorsMayStandInNames() {
        let result = scan("t°C = 20; Δt = 1; π2 = 6.28")
        XCTAssertEqual(result.errors.map(\.message), [])
        XCTAssertEqual(result.tokens.filter { $0.kind == .identifier }.map(\.text), ["t°C", "Δt", "π2"])
    }

    func testBangAndAmpersandSuggestWords() {
        let result = scan("!a & b | c")
        XCTAssertEqual(result.errors.map(\.message),
                       ["'!' is not an operator", "'&' is not an operator", "'|' is not an operator"])
        XCTAssertEqual(result.errors.map(\.notes), [
            ["help: use 'not' for negation"], ["help: use 'and' for logical and"],
            ["help: the pipeline operator is '|>'; use 'or' for logical or"],
        ])
    }

    func testEveryErrorIsReported() {
        let result = scan("@ $\n\"a\\q\"\n\"open")
        XCTAssertEqual(result.errors.map(\.message),
                       ["unexpected character '@'", "unexpected character '$'", "unknown escape sequence", "unterminated string"])
    }

    func testEndOfInputToken() {
        let result = scan("ab ")
        XCTAssertEqual(result.tokens.last?.kind, .endOfInput)
        XCTAssertEqual(result.tokens.last?.start, 3)
        XCTAssertEqual(result.tokens.last?.end, 3)
    }

    // MARK: Helpers

    private func texts(_ token: Token) -> [String] {
        token.parts.map { part in
            if case .text(let text) = part { return text }
            return "{…}"
        }
    }
}
