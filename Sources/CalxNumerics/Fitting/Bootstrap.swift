// bootstrap(f, n, seed, stat, level): refits on resampled data (pairs resampled
// with replacement), in parallel for Swift models, and gives percentile intervals
// and standard errors. Every resample's rows are drawn up front from one seeded
// gsl_rng, so the result is the same whatever the number of cores.

import CGSL
import CalxCore
import Dispatch
import Foundation
import Synchronization

enum Bootstrap {
    static func bootstrap(_ arguments: Arguments) throws -> Value {
        guard case .record(let record) = arguments[0], let state = record.attachment as? FitState else {
            throw arguments.mismatch(0, expected: "a fit result (from fit, fit_sigmoid, fit_power, …)")
        }
        guard let refit = state.refit else { throw NativeError("this fit cannot be bootstrapped") }
        let count = try arguments.integer(1, minimum: 1)
        // The resamples' rows are drawn up front; a million resamples is far past any use.
        guard count <= 1_000_000 else { throw ArgumentError(position: 1, "n is at most 1000000 resamples, got \(count)") }
        let seed = arguments.optional(2) == nil ? defaultSeed(arguments) : try arguments.integer(2, minimum: 0)
        let level = try arguments.probability(4)
        let summary = state.summary
        let points = summary.n
        let samples = resamples(count: count, points: points, seed: UInt(seed))

        let progress = Progress(total: count)
        var outcomes: [FitOutcome?]
        if refit.threadSafe {
            outcomes = Parallel.map(count) { index, worker in
                defer { progress.advance(reporting: worker == 0) }
                return try? refit.run(samples[index])
            }
        } else {
            outcomes = []
            for index in 0..<count {
                // A Calx model's own error (not a failed fit) is the user's to see.
                do { outcomes.append(try refit.run(samples[index])) } catch let error as Unwind { throw error } catch { outcomes.append(nil) }
                progress.advance(reporting: true)
            }
        }
        progress.finish()

        let kept = outcomes.compactMap { $0 }.filter(\.converged)
        guard kept.count >= 2 else {
            throw NativeError("only \(kept.count) of \(count) resamples could be fitted: the bootstrap has nothing to summarise", stage: .numerics)
        }
        let failed = count - kept.count
        let names = summary.names
        var fields: [(String, Value)] = []
        var statistics: [(name: String, estimate: Double, values: [Double], unit: CalxCore.Unit?)] = []
        if let stat = arguments.optional(3) {
            guard case .function(let closure) = stat else { throw arguments.mismatch(3, expected: "a function of the fitted parameters, like g => g.A") }
            func apply(_ θ: [Double]) throws -> (Double, CalxCore.Unit?) {
                let params = Value.record(Record(names: names, values: θ.indices.map { summary.quantity(θ[$0], $0) }))
                let value = try arguments.call(closure, [params])
                guard let (numbers, unit) = magnitudes(value), numbers.count == 1 else {
                    throw NativeError("stat returned \(ValueFormatter.brief(value)); it must return one number")
                }
                return (numbers[0], unit)
            }
            let (estimate, unit) = try apply(summary.outcome.parameters)
            let values = try kept.map { try apply($0.parameters).0 }
            statistics.append(("stat", estimate, values, unit))
        } else {
            for j in names.indices where !summary.spec.fixed[j] {
                statistics.append((names[j], summary.outcome.parameters[j], kept.map { $0.parameters[j] }, summary.units[j]))
            }
        }
        let rows = statistics.map { row -> (se: Double, low: Double, high: Double) in
            var sorted = row.values.sorted()
            let mean = sorted.reduce(0, +) / Double(sorted.count)
            let se = (sorted.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(sorted.count - 1)).squareRoot()
            let (low, high) = sorted.withUnsafeMutableBufferPointer { buffer in
                (gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, (1 - level) / 2),
                 gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, 1 - (1 - level) / 2))
            }
            return (se, low, high)
        }
        let keep = { (x: Double, unit: CalxCore.Unit?) in QuantityArithmetic.keep(.number(x), unit) }
        if arguments.optional(3) != nil {
            let row = statistics[0], r = rows[0]
            fields = [("value", keep(row.estimate, row.unit)), ("stderr", keep(r.se, row.unit)),
                      ("ci", QuantityArithmetic.keep(.numbers([r.low, r.high]), row.unit)),
                      ("samples", QuantityArithmetic.keep(.numbers(row.values), row.unit))]
        } else {
            let record = { (values: [Value]) in Value.record(Record(names: statistics.map(\.name), values: values)) }
            fields = [("params", record(statistics.map { keep($0.estimate, $0.unit) })),
                      ("stderr", record(zip(statistics, rows).map { keep($1.se, $0.unit) })),
                      ("ci", record(zip(statistics, rows).map { QuantityArithmetic.keep(.numbers([$1.low, $1.high]), $0.unit) })),
                      ("samples", .table(Table(names: statistics.map(\.name),
                                               columns: statistics.map { QuantityArithmetic.keep(.numbers($0.values), $0.unit) },
                                               rowCount: kept.count)))]
        }
        fields += [("n", .number(Double(count))), ("failed", .number(Double(failed))), ("seed", .number(Double(seed))), ("level", .number(level))]
        let percent = ValueFormatter.number(level * 100) + "%"
        let text = display(statistics.map { ($0.name, $0.estimate, $0.unit) }, rows, percent: percent, count: count, failed: failed, seed: seed)
        return .record(Record(names: fields.map(\.0), values: fields.map(\.1), kind: "bootstrap", summary: { _ in text }))
    }

    /// Without `seed:`, a notebook's `params.seed` (so `calx render -p seed=7` reseeds every
    /// bootstrap), else 1: the same result on every run either way.
    static func defaultSeed(_ arguments: Arguments) -> Int {
        if case .record(let params)? = arguments.runtime.globals.value(of: "params"), case .number(let seed)? = params["seed"],
           seed >= 0, seed == seed.rounded(), seed < 1e15 {
            return Int(seed)
        }
        return 1
    }

    /// Row indexes of each resample, drawn in order from one Mersenne Twister.
    static func resamples(count: Int, points: Int, seed: UInt) -> [[Int]] {
        let rng = gsl_rng_alloc(gsl_rng_mt19937)!
        defer { gsl_rng_free(rng) }
        gsl_rng_set(rng, seed)
        return (0..<count).map { _ in (0..<points).map { _ in Int(gsl_rng_uniform_int(rng, UInt(points))) } }
    }

    static func display(_ rows: [(String, Double, CalxCore.Unit?)], _ intervals: [(se: Double, low: Double, high: Double)],
                        percent: String, count: Int, failed: Int, seed: Int) -> String {
        func short(_ x: Double) -> String { ValueFormatter.significant(x, digits: 4) }
        var table = [["param", "estimate", "bootstrap s.e.", "\(percent) percentile CI"]]
        for ((name, estimate, unit), r) in zip(rows, intervals) {
            let suffix = unit.map { " " + $0.symbol } ?? ""
            table.append([name, short(estimate) + suffix, short(r.se) + suffix, "[\(short(r.low)), \(short(r.high))]" + suffix])
        }
        let widths = table[0].indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        var lines = ["bootstrap: \(count - failed) of \(count) resamples refitted (seed \(seed))"]
        for (index, row) in table.enumerated() {
            let cells = row.indices.map { c -> String in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                return c == 0 || c == 3 || index == 0 ? row[c] + pad : pad + row[c]
            }
            lines.append("  " + cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
        if failed > 0 { lines.append("warning: \(failed) resample\(failed == 1 ? "" : "s") did not converge and were left out") }
        return lines.joined(separator: "\n")
    }
}

/// A progress line on standard error, shown only on a terminal and only once a run lasts.
final class Progress: Sendable {
    let total: Int
    let done = Atomic<Int>(0)
    let started = DispatchTime.now().uptimeNanoseconds
    let lastShown = Atomic<UInt64>(0)
    let shown = Atomic<Bool>(false)
    static let onTerminal = isatty(STDERR_FILENO) != 0

    init(total: Int) { self.total = total }

    func advance(reporting: Bool) {
        let finished = done.add(1, ordering: .relaxed).newValue
        guard reporting, Progress.onTerminal else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        // Quiet for the first half second, then at most ten updates a second.
        guard now - started > 500_000_000, now - lastShown.load(ordering: .relaxed) > 100_000_000 else { return }
        lastShown.store(now, ordering: .relaxed)
        shown.store(true, ordering: .relaxed)
        let width = 30, filled = width * finished / max(total, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write("\rbootstrap \(bar) \(finished)/\(total)".data(using: .utf8) ?? Data())
    }

    func finish() {
        if shown.load(ordering: .relaxed) { FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8) ?? Data()) }
    }
}
