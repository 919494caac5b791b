// `fit` against the NIST StRD nonlinear least squares reference problems
// (Fixtures/nist-strd, see SOURCE.md there). For each problem and each of NIST's
// two starting points, the fit must converge to the certified parameters with at
// least 6 significant digits (NIST's "LRE ≥ 6"), reproduce the certified residual
// sum of squares to 8 digits and the certified standard deviations to 4 digits.
//
// The .dat files are parsed here, by pattern rather than by line number: the
// parameter lines (`b1 = start1 start2 certified sd`), the certified residual sum
// of squares, the number of observations and the data block after its
// `Data:  y  x` header. The models are written below in Calx, with x a whole
// vector; Tests/CalxNumericsTests/Support/nist_strd_check.py cross-checks them with NumPy and SciPy.

import Calx
import CalxCore
import CalxTestSupport
import XCTest

final class NISTStRDTests: XCTestCase {
    // MARK: Lower difficulty

    func testMisra1a() { checkProblem("Misra1a") }
    func testChwirut2() { checkProblem("Chwirut2") }
    func testChwirut1() { checkProblem("Chwirut1") }
    func testLanczos3() { checkProblem("Lanczos3") }
    func testGauss1() { checkProblem("Gauss1") }
    func testGauss2() { checkProblem("Gauss2") }
    func testDanWood() { checkProblem("DanWood") }
    func testMisra1b() { checkProblem("Misra1b") }

    // MARK: Average difficulty

    func testKirby2() { checkProblem("Kirby2") }
    func testHahn1() { checkProblem("Hahn1") }
    func testNelson() { checkProblem("Nelson") }
    func testMGH17() { checkProblem("MGH17") }
    func testLanczos2() { checkProblem("Lanczos2") }

    // MARK: Higher difficulty

    func testMGH09() { checkProblem("MGH09") }
    func testThurber() { checkProblem("Thurber") }
    func testBoxBOD() { checkProblem("BoxBOD") }
    func testRat42() { checkProblem("Rat42") }

    // MARK: The fixtures and models themselves (these need no `fit`)

    /// Every .dat file has a model here and a test above, and every model a file.
    func testEveryFixtureHasAModel() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".dat") }.map { String($0.dropLast(4)) }.sorted()
        XCTAssertEqual(files, Self.models.keys.sorted())
        XCTAssertEqual(files.count, 17)
    }

    /// The Calx model at the certified parameters gives the certified residual sum of squares,
    /// which checks the parsing of the files and the transcription of the models.
    func testModelsReproduceTheCertifiedRSSAtTheCertifiedParameters() throws {
        for name in Self.models.keys.sorted() {
            let problem: NISTProblem
            do { problem = try NISTProblem(name: name) } catch { XCTFail("\(name): \(error)"); continue }
            let calx = TestSession()
            let arguments = problem.certified.map { "\($0)" }.joined(separator: ", ")
            let program = problem.calxData + "\n" + problem.calxModel + "\nsum((y - model(x, \(arguments)))^2)"
            let (value, failure) = calx.value(program)
            guard case .number(let rss)? = value else {
                XCTFail("\(name): expected a number, got \(value.map(ValueFormatter.display) ?? failure)")
                continue
            }
            expect(rss, problem.certifiedRSS, relative: 1e-8, "\(name), certified parameters: residual sum of squares")
        }
    }

    // MARK: The shared check

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("nist-strd")

    /// The models in Calx, by problem. Parameters are b1…bk as in the files; `x` is the
    /// (first) predictor as a whole vector. Nelson has two predictors and models log(y):
    /// its `x` is x1, `x2` is a vector defined beside the data, and `y` is the log of the data.
    static let models: [String: String] = [
        "BoxBOD": "b1 * (1 - exp(-b2 * x))",
        "Chwirut1": "exp(-b1 * x) / (b2 + b3 * x)",
        "Chwirut2": "exp(-b1 * x) / (b2 + b3 * x)",
        "DanWood": "b1 * x^b2",
        "Gauss1": "b1 * exp(-b2 * x) + b3 * exp(-(x - b4)^2 / b5^2) + b6 * exp(-(x - b7)^2 / b8^2)",
        "Gauss2": "b1 * exp(-b2 * x) + b3 * exp(-(x - b4)^2 / b5^2) + b6 * exp(-(x - b7)^2 / b8^2)",
        "Hahn1": "(b1 + b2 * x + b3 * x^2 + b4 * x^3) / (1 + b5 * x + b6 * x^2 + b7 * x^3)",
        "Kirby2": "(b1 + b2 * x + b3 * x^2) / (1 + b4 * x + b5 * x^2)",
        "Lanczos2": "b1 * exp(-b2 * x) + b3 * exp(-b4 * x) + b5 * exp(-b6 * x)",
        "Lanczos3": "b1 * exp(-b2 * x) + b3 * exp(-b4 * x) + b5 * exp(-b6 * x)",
        "MGH09": "b1 * (x^2 + x * b2) / (x^2 + x * b3 + b4)",
        "MGH17": "b1 + b2 * exp(-x * b4) + b3 * exp(-x * b5)",
        "Misra1a": "b1 * (1 - exp(-b2 * x))",
        "Misra1b": "b1 * (1 - (1 + b2 * x / 2)^(-2))",
        "Nelson": "b1 - b2 * x * exp(-b3 * x2)",
        "Rat42": "b1 / (1 + exp(b2 - b3 * x))",
        "Thurber": "(b1 + b2 * x + b3 * x^2 + b4 * x^3) / (1 + b5 * x + b6 * x^2 + b7 * x^3)",
    ]

    /// Problems whose response is modelled on the log scale (NIST certifies the fit of log(y)).
    static let logResponse: Set<String> = ["Nelson"]

    static let parameterTolerance = 1e-6    // LRE ≥ 6
    static let rssTolerance = 1e-8
    static let stderrTolerance = 1e-4       // 4 significant digits

    /// Fits one problem from both of NIST's starting points and checks the result.
    private func checkProblem(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let problem: NISTProblem
        do { problem = try NISTProblem(name: name) } catch {
            return XCTFail("\(name): cannot read the fixture: \(error)", file: file, line: line)
        }
        for (label, start) in [("start 1", problem.start1), ("start 2", problem.start2)] {
            let context = "\(name), \(label)"
            let calx = TestSession()
            let program = problem.fitProgram(start: start)
            let (_, failure) = calx.value(program)
            if !failure.isEmpty {
                XCTFail("\(context): the fit failed:\n\(failure)", file: file, line: line)
                continue
            }
            switch calx.value("f.converged") {
            case (.bool(let converged)?, _):
                XCTAssertTrue(converged, "\(context): f.converged is false", file: file, line: line)
            case (let value, let failure):
                XCTFail("\(context): f.converged: expected a bool, got \(value.map(ValueFormatter.display) ?? failure)",
                        file: file, line: line)
            }
            for (index, parameter) in problem.parameterNames.enumerated() {
                if let got = number(calx, "f.params.\(parameter)", context, file: file, line: line) {
                    expect(got, problem.certified[index], relative: Self.parameterTolerance,
                           "\(context): parameter \(parameter)", file: file, line: line)
                }
                if let got = number(calx, "f.stderr.\(parameter)", context, file: file, line: line) {
                    expect(got, problem.certifiedSD[index], relative: Self.stderrTolerance,
                           "\(context): standard error of \(parameter)", file: file, line: line)
                }
            }
            if let got = number(calx, "f.rss", context, file: file, line: line) {
                expect(got, problem.certifiedRSS, relative: Self.rssTolerance,
                       "\(context): residual sum of squares", file: file, line: line)
            }
        }
    }
}

/// One NIST StRD nonlinear regression problem, read from its .dat file.
struct NISTProblem {
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    let name: String
    let start1: [Double]
    let start2: [Double]
    let certified: [Double]
    let certifiedSD: [Double]
    let certifiedRSS: Double
    /// The response, and the predictors with their names from the data header (`x`, or `x1`, `x2`).
    let y: [Double]
    let predictors: [(name: String, values: [Double])]

    var parameterNames: [String] { (1...certified.count).map { "b\($0)" } }

    init(name: String) throws {
        let url = NISTStRDTests.folder.appendingPathComponent("\(name).dat")
        try self.init(name: name, text: String(contentsOf: url, encoding: .utf8))
    }

    init(name: String, text: String) throws {
        func fail(_ message: String) -> FormatError { FormatError(description: "\(name).dat: \(message)") }
        var parameters: [(index: Int, values: [Double])] = []
        var rss: Double?, observations: Int?, declaredParameters: Int?
        var columns: [String]?
        var rows: [[Double]] = []

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if let columns {
                // Inside the data block: every non-blank line is one observation.
                if fields.isEmpty { continue }
                let numbers = fields.compactMap(Double.init)
                guard numbers.count == fields.count, numbers.count == columns.count else {
                    throw fail("line \(offset + 1): expected \(columns.count) numbers, got '\(line)'")
                }
                rows.append(numbers)
            } else if let equals = line.firstIndex(of: "="), line.hasPrefix("b"),
                      let index = Int(line[line.index(after: line.startIndex)..<equals].trimmingCharacters(in: .whitespaces)) {
                // `b1 =   500   250   2.3894212918E+02  2.7070075241E+00`
                let values = line[line.index(after: equals)...].split(whereSeparator: { $0 == " " || $0 == "\t" })
                    .compactMap { Double($0) }
                guard values.count == 4 else { throw fail("line \(offset + 1): expected 4 numbers after '=', got '\(line)'") }
                parameters.append((index, values))
            } else if line.hasPrefix("Residual Sum of Squares:") {
                guard let value = fields.last.flatMap(Double.init) else { throw fail("line \(offset + 1): no residual sum of squares") }
                rss = value
            } else if line.hasPrefix("Number of Observations:") {
                guard let value = fields.last.flatMap({ Int($0) }) else { throw fail("line \(offset + 1): no number of observations") }
                observations = value
            } else if declaredParameters == nil, let at = fields.firstIndex(of: "Parameters"), at > 0,
                      at + 1 < fields.count, fields[at + 1].hasPrefix("("), let count = Int(fields[at - 1]) {
                // `2 Parameters (b1 and b2)` in the model description
                declaredParameters = count
            } else if fields.first == "Data:", fields.count >= 3, fields[1] == "y",
                      fields.dropFirst().allSatisfy({ $0.first!.isLetter && $0.allSatisfy { $0.isLetter || $0.isNumber } }) {
                // The header of the data block, `Data:  y  x` (not the description `Data:  1 Response Variable`).
                columns = Array(fields.dropFirst())
            }
        }

        guard let columns else { throw fail("no data block (a line 'Data:  y  x')") }
        guard let rss else { throw fail("no 'Residual Sum of Squares:' line") }
        guard let observations else { throw fail("no 'Number of Observations:' line") }
        guard !parameters.isEmpty, parameters.map(\.index) == Array(1...parameters.count) else {
            throw fail("parameter lines are not b1…bk in order: \(parameters.map(\.index))")
        }
        if let declaredParameters, declaredParameters != parameters.count {
            throw fail("the model declares \(declaredParameters) parameters, found \(parameters.count) lines")
        }
        guard rows.count == observations else { throw fail("\(observations) observations declared, \(rows.count) data lines") }

        self.name = name
        start1 = parameters.map { $0.values[0] }
        start2 = parameters.map { $0.values[1] }
        certified = parameters.map { $0.values[2] }
        certifiedSD = parameters.map { $0.values[3] }
        certifiedRSS = rss
        y = rows.map { $0[0] }
        predictors = columns.indices.dropFirst().map { column in (name: columns[column], values: rows.map { $0[column] }) }
    }

    /// A Calx vector literal whose numbers read back exactly (Swift's description is the shortest round-trip form).
    static func vector(_ values: [Double]) -> String {
        "[" + values.map { "\($0)" }.joined(separator: ", ") + "]"
    }

    /// The data as Calx: `x` is the first predictor, any others keep their header names (Nelson's `x2`).
    var calxData: String {
        var out = "x = \(Self.vector(predictors[0].values))\n"
        for predictor in predictors.dropFirst() { out += "\(predictor.name) = \(Self.vector(predictor.values))\n" }
        out += NISTStRDTests.logResponse.contains(name) ? "y = log(\(Self.vector(y)))" : "y = \(Self.vector(y))"
        return out
    }

    /// `fn model(x, b1, …, bk) = …`
    var calxModel: String {
        "fn model(x, \(parameterNames.joined(separator: ", "))) = \(NISTStRDTests.models[name] ?? "nil")"
    }

    /// The whole program: data, model, and `f = fit(…)` from one starting point.
    func fitProgram(start: [Double]) -> String {
        let record = zip(parameterNames, start).map { "\($0): \($1)" }.joined(separator: ", ")
        return calxData + "\n" + calxModel + "\nf = fit(model, x, y, start: {\(record)}, max_iter: 1000)\n"
    }
}
