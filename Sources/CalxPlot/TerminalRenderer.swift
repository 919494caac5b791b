// A figure in a terminal: Braille characters give 2 × 4 dots per cell, so a 60 × 16
// cell canvas holds 120 × 64 points. Lines are drawn point to point, bars as columns.

import Foundation

public enum TerminalRenderer {
    public static func render(_ figure: Figure, columns: Int = 60, rows: Int = 16) -> String {
        let xAxis = figure.categories.map { Axis(low: -0.5, high: Double($0.count) - 0.5, log: false, ticks: []) }
            ?? Axis(range: figure.range(of: \.x, log: figure.xLog), log: figure.xLog)
        let yAxis = Axis(range: figure.range(of: \.y, log: figure.yLog), log: figure.yLog)
        let width = columns * 2, height = rows * 4
        var dots = [[Bool]](repeating: [Bool](repeating: false, count: width), count: height)
        func dot(_ x: Double, _ y: Double) -> (Int, Int)? {
            guard let fx = xAxis.fraction(x), let fy = yAxis.fraction(y) else { return nil }
            return (Int((fx * Double(width - 1)).rounded()), Int(((1 - fy) * Double(height - 1)).rounded()))
        }
        func set(_ point: (Int, Int)) {
            if (0..<width).contains(point.0), (0..<height).contains(point.1) { dots[point.1][point.0] = true }
        }
        func segment(_ a: (Int, Int), _ b: (Int, Int)) {
            let steps = max(abs(b.0 - a.0), abs(b.1 - a.1), 1)
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                set((Int((Double(a.0) + t * Double(b.0 - a.0)).rounded()), Int((Double(a.1) + t * Double(b.1 - a.1)).rounded())))
            }
        }
        for series in figure.series {
            switch series.mark {
            case .line:
                let points = zip(series.x, series.y).compactMap(dot)
                for (a, b) in zip(points, points.dropFirst()) { segment(a, b) }
            case .points:
                zip(series.x, series.y).compactMap(dot).forEach(set)
            case .bars:
                let base = yAxis.log ? yAxis.low : 0
                for (x, y) in zip(series.x, series.y) {
                    if let top = dot(x, y), let bottom = dot(x, base) { segment(top, bottom) }
                }
            case .band:
                for edge in [series.lower, series.upper] {
                    let points = zip(series.x, edge).compactMap(dot)
                    for (index, point) in points.enumerated() where index % 2 == 0 { set(point) }
                }
            }
        }
        // Braille: dot (column c, row r) of a cell sets bit `bits[r][c]` of U+2800.
        let bits = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        let high = Axis.plain(yAxis.high), low = Axis.plain(yAxis.low)
        let margin = max(high.count, low.count)
        var lines: [String] = []
        if let title = figure.title { lines.append(String(repeating: " ", count: margin + 1) + title) }
        for row in 0..<rows {
            var text = ""
            for column in 0..<columns {
                var code = 0x2800
                for r in 0..<4 { for c in 0..<2 where dots[row * 4 + r][column * 2 + c] { code |= bits[r][c] } }
                text.unicodeScalars.append(Unicode.Scalar(code) ?? " ")
            }
            let label = row == 0 ? high : row == rows - 1 ? low : ""
            lines.append(String(repeating: " ", count: margin - label.count) + label + "│" + text)
        }
        lines.append(String(repeating: " ", count: margin) + "└" + String(repeating: "─", count: columns))
        let left = figure.categories?.first ?? xAxis.label(xAxis.low), right = figure.categories?.last ?? xAxis.label(xAxis.high)
        let gap = max(1, columns - left.count - right.count)
        lines.append(String(repeating: " ", count: margin + 1) + left + String(repeating: " ", count: gap) + right)
        if let label = figure.xAxisLabel { lines.append(String(repeating: " ", count: margin + 1 + max(0, (columns - label.count) / 2)) + label) }
        var legend: [String] = []
        if let label = figure.yAxisLabel { legend.append("y: " + label) }
        legend += figure.series.compactMap { series in
            series.label.map { (series.mark == .points ? "• " : series.mark == .band ? "░ " : "─ ") + $0 }
        }
        if !legend.isEmpty { lines.append(String(repeating: " ", count: margin + 1) + legend.joined(separator: "   ")) }
        return lines.joined(separator: "\n")
    }
}
