// The plotting natives: scatter, line, band, hist, bar, and plot, which overlays
// figures and draws a fit result (data, fitted curve and confidence band). Each
// returns a figure: a record that shows as a terminal plot and that a notebook
// writes as SVG.

import CalxCore
import Foundation

public enum PlotLibrary {
    /// The figure a value holds, if it is one.
    public static func figure(_ value: Value) -> Figure? {
        if case .record(let record) = value, record.kind == "figure" { return record.attachment as? Figure }
        return nil
    }

    static func value(_ figure: Figure) -> Value {
        .record(Record(names: ["title", "xlabel", "ylabel", "series"],
                       values: [figure.title.map(Value.string) ?? .nil, figure.xLabel.map(Value.string) ?? .nil,
                                figure.yLabel.map(Value.string) ?? .nil, .number(Double(figure.series.count))],
                       kind: "figure", summary: { _ in TerminalRenderer.render(figure) }, attachment: figure))
    }

    /// Options shared by every plotting function: a series label (except for plot), then
    /// title, xlabel, ylabel, xlog and ylog in that order.
    struct Labels {
        var label: String?, title: String?, xLabel: String?, yLabel: String?, xLog: Bool?, yLog: Bool?

        init() {}

        init(_ arguments: Arguments, from position: Int, withLabel: Bool = true) throws {
            func text(_ at: Int) throws -> String? { arguments.optional(at) == nil ? nil : try arguments.string(at) }
            func flag(_ at: Int) throws -> Bool? { arguments.optional(at) == nil ? nil : try arguments.bool(at) }
            let first = withLabel ? position + 1 : position
            if withLabel { label = try text(position) }
            (title, xLabel, yLabel) = (try text(first), try text(first + 1), try text(first + 2))
            (xLog, yLog) = (try flag(first + 3), try flag(first + 4))
        }

        func apply(to figure: Figure, xUnit: CalxCore.Unit? = nil, yUnit: CalxCore.Unit? = nil) {
            figure.title = title ?? figure.title
            figure.xLabel = xLabel ?? figure.xLabel
            figure.yLabel = yLabel ?? figure.yLabel
            figure.xUnit = shown(xUnit) ?? figure.xUnit
            figure.yUnit = shown(yUnit) ?? figure.yUnit
            if let xLog { figure.xLog = xLog }
            if let yLog { figure.yLog = yLog }
        }

        /// plot()'s options, given by name after its items.
        init(named arguments: Arguments) throws {
            for (name, value) in arguments.extraNamed {
                func text() throws -> String {
                    guard case .string(let text) = value else { throw NativeError("plot(): \(name) must be a string, got \(ValueFormatter.brief(value))") }
                    return text
                }
                func flag() throws -> Bool {
                    guard case .bool(let flag) = value else { throw NativeError("plot(): \(name) must be true or false, got \(ValueFormatter.brief(value))") }
                    return flag
                }
                switch name {
                case "title": title = try text()
                case "xlabel": xLabel = try text()
                case "ylabel": yLabel = try text()
                case "xlog": xLog = try flag()
                case "ylog": yLog = try flag()
                default: throw NativeError("plot() has no option '\(name)'; its options are title, xlabel, ylabel, xlog, ylog")
                }
            }
        }

        /// A unit worth naming on an axis (not a plain number).
        func shown(_ unit: CalxCore.Unit?) -> String? {
            guard let unit, !unit.dimension.isNone || unit.scale != 1 else { return nil }
            return unit.symbol
        }
    }

    /// x and y of equal length, each in its own unit.
    static func pair(_ arguments: Arguments, _ x: Int, _ y: Int) throws -> ([Double], CalxCore.Unit?, [Double], CalxCore.Unit?) {
        let (xs, xUnit) = try arguments.measured(x), (ys, yUnit) = try arguments.measured(y)
        guard xs.count == ys.count else {
            throw NativeError("\(arguments.parameterNames[x]) has \(xs.count) values but \(arguments.parameterNames[y]) has \(ys.count)")
        }
        return (xs, xUnit, ys, yUnit)
    }

    static func marks(_ mark: Figure.Mark) -> NativeBody {
        { arguments in
            let (x, xUnit, y, yUnit) = try pair(arguments, 0, 1)
            let labels = try Labels(arguments, from: 2)
            let figure = Figure(series: [Figure.Series(mark: mark, x: x, y: y, label: labels.label)])
            labels.apply(to: figure, xUnit: xUnit, yUnit: yUnit)
            return value(figure)
        }
    }

    /// band(x, lower, upper, label, title, xlabel, ylabel, xlog, ylog)
    static func band(_ arguments: Arguments) throws -> Value {
        let (x, xUnit, lower, yUnit) = try pair(arguments, 0, 1)
        let (_, _, upper, _) = try pair(arguments, 0, 2)
        let labels = try Labels(arguments, from: 3)
        let figure = Figure(series: [Figure.Series(mark: .band, x: x, y: [], lower: lower, upper: upper, label: labels.label)])
        labels.apply(to: figure, xUnit: xUnit, yUnit: yUnit)
        return value(figure)
    }

    /// hist(v, bins, label, title, xlabel, ylabel, xlog, ylog): counts in equal-width bins.
    static func hist(_ arguments: Arguments) throws -> Value {
        let (values, unit) = try arguments.measured(0)
        let bins = try arguments.integer(1, minimum: 1)
        guard bins <= 10_000 else { throw ArgumentError(position: 1, "bins is at most 10000, got \(bins)") }
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { throw ArgumentError(position: 0, "hist() needs at least one finite value") }
        let width = high > low ? (high - low) / Double(bins) : 1
        guard width.isFinite, width > 0 else { throw ArgumentError(position: 0, "the span of the values is beyond what equal-width bins of doubles can split") }
        var counts = [Double](repeating: 0, count: bins)
        for v in finite { counts[min(bins - 1, Int((v - low) / width))] += 1 }
        let centers = (0..<bins).map { low + (Double($0) + 0.5) * width }
        let labels = try Labels(arguments, from: 2)
        let figure = Figure(series: [Figure.Series(mark: .bars(width: width), x: centers, y: counts, label: labels.label)], yLabel: "count")
        labels.apply(to: figure, xUnit: unit)
        return value(figure)
    }

    /// bar(labels, values, label, title, xlabel, ylabel, xlog, ylog): one bar per category.
    static func bar(_ arguments: Arguments) throws -> Value {
        let names = try arguments.elements(0).map { element -> String in
            if case .string(let text) = element { return text }
            return ValueFormatter.plain(element)
        }
        let (values, unit) = try arguments.measured(1)
        guard names.count == values.count else { throw NativeError("bar() has \(names.count) labels for \(values.count) values") }
        let labels = try Labels(arguments, from: 2)
        let figure = Figure(series: [Figure.Series(mark: .bars(width: 0.8), x: names.indices.map(Double.init), y: values, label: labels.label)])
        figure.categories = names
        labels.apply(to: figure, yUnit: unit)
        return value(figure)
    }

    /// plot(...items, title, xlabel, ylabel, xlog, ylog): figures overlaid, a fit drawn, or plot(x, y) as a line.
    static func plot(_ arguments: Arguments) throws -> Value {
        let items = try arguments.elements(0)
        var figures: [Figure] = []
        var index = 0
        while index < items.count {
            let item = items[index]
            if let figure = figure(item) {
                figures.append(figure)
            } else if case .record(let record) = item, record.kind == "fit" {
                figures.append(try fitFigure(record, arguments))
            } else if index + 1 < items.count, let (x, xUnit) = magnitudes(item), let (y, yUnit) = magnitudes(items[index + 1]), x.count == y.count {
                let figure = Figure(series: [Figure.Series(mark: .line, x: x, y: y)])
                Labels().apply(to: figure, xUnit: xUnit, yUnit: yUnit)
                figures.append(figure)
                index += 1
            } else {
                throw NativeError("plot() takes figures (from scatter, line, …), fit results, or x and y vectors; got \(ValueFormatter.brief(item))")
            }
            index += 1
        }
        guard !figures.isEmpty else { throw NativeError("plot() needs something to draw") }
        let figure = Figure.overlay(figures)
        try Labels(named: arguments).apply(to: figure)
        return value(figure)
    }

    /// The data as points, the fitted curve, and its confidence band, from `predict`.
    static func fitFigure(_ fit: Record, _ arguments: Arguments) throws -> Figure {
        guard let xField = fit["x"], let yField = fit["y"], let (xs, xUnit) = magnitudes(xField), let (ys, yUnit) = magnitudes(yField),
              case .function(let predict)? = arguments.runtime.globals.library("predict") else {
            throw NativeError("this fit has no data to plot")
        }
        let finite = xs.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { throw NativeError("this fit has no finite x to plot") }
        let logScale = low > 0 && high / low > 100
        let count = 200
        let grid = (0..<count).map { i -> Double in
            let t = Double(i) / Double(count - 1)
            return logScale ? exp(log(low) + t * (log(high) - log(low))) : low + t * (high - low)
        }
        let gridValue = xUnit.map { Value.quantities(grid, $0) } ?? .numbers(grid)
        guard case .table(let table) = try arguments.call(predict, [.record(fit), gridValue, .bool(true)]),
              let (curve, _) = table["y"].flatMap(magnitudes), let (lower, _) = table["lower"].flatMap(magnitudes),
              let (upper, _) = table["upper"].flatMap(magnitudes) else {
            throw NativeError("predict() gave no band for this fit")
        }
        var level = "95%"
        if case .number(let l)? = fit["level"] { level = ValueFormatter.number(l * 100) + "%" }
        let figure = Figure(series: [
            // The band in the colour of the curve it surrounds.
            Figure.Series(mark: .band, x: grid, y: [], lower: lower, upper: upper, label: "\(level) band", color: 1),
            Figure.Series(mark: .points, x: xs, y: ys, label: "data", color: 0),
            Figure.Series(mark: .line, x: grid, y: curve, label: "fit", color: 1),
        ])
        if case .string(let method)? = fit["method"] { figure.title = method }
        figure.xLog = logScale
        Labels().apply(to: figure, xUnit: xUnit, yUnit: yUnit)
        return figure
    }

    static func magnitudes(_ value: Value) -> ([Double], CalxCore.Unit?)? {
        switch value {
        case .numbers(let xs): return (xs, nil)
        case .quantities(let xs, let unit): return (xs, unit)
        default: return nil
        }
    }

    public static let natives: [String: NativeBody] = [
        "scatter": marks(.points),
        "line": marks(.line),
        "band": band,
        "hist": hist,
        "bar": bar,
        "plot": plot,
    ]
}
