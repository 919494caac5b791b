// A figure as an SVG document. Deterministic: coordinates are written with two
// decimals and nothing depends on time or randomness, so the same figure gives the
// same bytes.

import Foundation

public enum SVGRenderer {
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// The figure at `width` × `height` pixels.
    public static func render(_ figure: Figure, width: Double = 672, height: Double = 480) -> String {
        let left = 72.0, right = 24.0, top = figure.title == nil ? 20.0 : 44.0, bottom = 56.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xAxis: Axis
        if let categories = figure.categories {
            xAxis = Axis(low: -0.5, high: Double(categories.count) - 0.5, log: false, ticks: categories.indices.map(Double.init))
        } else {
            xAxis = Axis(range: figure.range(of: \.x, log: figure.xLog), log: figure.xLog)
        }
        let yAxis = Axis(range: figure.range(of: \.y, log: figure.yLog), log: figure.yLog)
        func px(_ x: Double) -> Double? { xAxis.fraction(x).map { left + $0 * plotWidth } }
        func py(_ y: Double) -> Double? { yAxis.fraction(y).map { top + (1 - $0) * plotHeight } }

        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" viewBox="0 0 \(n(width)) \(n(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
            <rect width="\(n(width))" height="\(n(height))" fill="white"/>

            """
        if let title = figure.title {
            out += "<text x=\"\(n(width / 2))\" y=\"26\" text-anchor=\"middle\" font-size=\"15\">\(escape(title))</text>\n"
        }
        // Grid and ticks.
        for tick in yAxis.ticks {
            guard let y = py(tick) else { continue }
            out += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y))\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(n(left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(escape(yAxis.label(tick)))</text>\n"
        }
        for (index, tick) in xAxis.ticks.enumerated() {
            guard let x = px(tick) else { continue }
            let text = figure.categories.map { $0[index] } ?? xAxis.label(tick)
            out += "<line x1=\"\(n(x))\" y1=\"\(n(top))\" x2=\"\(n(x))\" y2=\"\(n(top + plotHeight))\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(n(x))\" y=\"\(n(top + plotHeight + 18))\" text-anchor=\"middle\">\(escape(text))</text>\n"
        }
        out += "<clipPath id=\"plot-area\"><rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotWidth))\" height=\"\(n(plotHeight))\"/></clipPath>\n"
        out += "<g clip-path=\"url(#plot-area)\">\n"
        for (index, series) in figure.series.enumerated() {
            let color = palette[(series.color ?? index) % palette.count]
            switch series.mark {
            case .line:
                let points = zip(series.x, series.y).compactMap { x, y in px(x).flatMap { a in py(y).map { "\(n(a)),\(n($0))" } } }
                if points.count > 1 { out += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n" }
            case .points:
                for (x, y) in zip(series.x, series.y) {
                    guard let a = px(x), let b = py(y) else { continue }
                    out += "<circle cx=\"\(n(a))\" cy=\"\(n(b))\" r=\"3\" fill=\"\(color)\"/>\n"
                }
            case .bars(let barWidth):
                let base = yAxis.log ? yAxis.low : 0
                for (x, y) in zip(series.x, series.y) {
                    guard let a = px(x - barWidth / 2), let b = px(x + barWidth / 2), let top = py(max(y, base)), let zero = py(base) else { continue }
                    out += "<rect x=\"\(n(a))\" y=\"\(n(min(top, zero)))\" width=\"\(n(b - a))\" height=\"\(n(abs(zero - top)))\" fill=\"\(color)\" stroke=\"white\"/>\n"
                }
            case .band:
                let upper = zip(series.x, series.upper).compactMap { x, y in px(x).flatMap { a in py(y).map { "\(n(a)),\(n($0))" } } }
                let lower = zip(series.x, series.lower).compactMap { x, y in px(x).flatMap { a in py(y).map { "\(n(a)),\(n($0))" } } }
                if upper.count > 1 { out += "<polygon points=\"\((upper + lower.reversed()).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.2\" stroke=\"none\"/>\n" }
            }
        }
        out += "</g>\n"
        out += "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotWidth))\" height=\"\(n(plotHeight))\" fill=\"none\" stroke=\"#333333\"/>\n"
        if let label = figure.xAxisLabel {
            out += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 14))\" text-anchor=\"middle\">\(escape(label))</text>\n"
        }
        if let label = figure.yAxisLabel {
            out += "<text transform=\"translate(18 \(n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(label))</text>\n"
        }
        // The legend goes in the corner of the plot area that covers the fewest data points.
        let entries = figure.series.filter { $0.label != nil }
        let legendWidth = 40 + 7 * Double(entries.compactMap(\.label).map(\.count).max() ?? 0), legendHeight = Double(entries.count) * 18 + 8
        let corners = [(left + plotWidth - 10 - legendWidth, top + 10), (left + 10, top + 10),
                       (left + plotWidth - 10 - legendWidth, top + plotHeight - 10 - legendHeight), (left + 10, top + plotHeight - 10 - legendHeight)]
        let covered = corners.map { corner in
            figure.series.reduce(0) { count, series in
                count + zip(series.x, series.mark == .band ? series.upper : series.y).filter { x, y in
                    guard let a = px(x), let b = py(y) else { return false }
                    return a >= corner.0 && a <= corner.0 + legendWidth && b >= corner.1 && b <= corner.1 + legendHeight
                }.count
            }
        }
        let best = corners[covered.indices.min { covered[$0] < covered[$1] } ?? 0]
        out += legend(figure, x: best.0, y: best.1, width: legendWidth)
        return out + "</svg>\n"
    }

    /// The labelled series, in a box whose top left corner is (x, y).
    static func legend(_ figure: Figure, x left: Double, y top: Double, width: Double) -> String {
        let entries = figure.series.enumerated().compactMap { index, series in series.label.map { (series.color ?? index, series.mark, $0) } }
        guard !entries.isEmpty else { return "" }
        var out = "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(width))\" height=\"\(n(Double(entries.count) * 18 + 8))\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#cccccc\"/>\n"
        for (row, (index, mark, label)) in entries.enumerated() {
            let color = palette[index % palette.count], y = top + 16 + Double(row) * 18
            switch mark {
            case .line: out += "<line x1=\"\(n(left + 8))\" y1=\"\(n(y - 4))\" x2=\"\(n(left + 28))\" y2=\"\(n(y - 4))\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
            case .points: out += "<circle cx=\"\(n(left + 18))\" cy=\"\(n(y - 4))\" r=\"3\" fill=\"\(color)\"/>\n"
            case .bars, .band:
                let opacity = mark == .band ? " fill-opacity=\"0.2\"" : ""
                out += "<rect x=\"\(n(left + 8))\" y=\"\(n(y - 10))\" width=\"20\" height=\"12\" fill=\"\(color)\"\(opacity)/>\n"
            }
            out += "<text x=\"\(n(left + 34))\" y=\"\(n(y))\">\(escape(label))</text>\n"
        }
        return out
    }

    /// Two decimals, without a trailing ".00": stable across runs and platforms.
    static func n(_ x: Double) -> String {
        let text = String(format: "%.2f", x == 0 ? 0 : x)
        let short = text.hasSuffix(".00") ? String(text.dropLast(3)) : text
        return short == "-0" ? "0" : short
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

extension Axis {
    /// An axis with the given extent and ticks (categories).
    init(low: Double, high: Double, log: Bool, ticks: [Double]) {
        self.low = low
        self.high = high
        self.log = log
        self.ticks = ticks
    }
}
