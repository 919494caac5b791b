// A figure as data: series on two axes, with labels and scales. The same figure is
// drawn as SVG for reports (SVGRenderer) and as Braille dots in a terminal
// (TerminalRenderer); a Calx program holds it as a record of kind "figure".

import CalxCore

public final class Figure {
    public enum Mark: Equatable {
        case line
        case points
        /// Bars at x with height y (histograms, categories).
        case bars(width: Double)
        /// A shaded area between `lower` and `upper` (a confidence band).
        case band
    }

    public struct Series {
        public var mark: Mark
        public var x: [Double]
        public var y: [Double]
        /// The band's edges (y is unused for a band).
        public var lower: [Double] = []
        public var upper: [Double] = []
        public var label: String?
        /// The palette entry to draw with; nil takes the series' own position.
        public var color: Int?
    }

    public var series: [Series]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    /// The data's units, joined to the axis labels when drawn.
    public var xUnit: String?
    public var yUnit: String?
    public var xLog = false
    public var yLog = false
    /// Names shown at x = 0, 1, 2 … instead of numbers (bar charts of categories).
    public var categories: [String]?

    public init(series: [Series], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The series of several figures on one set of axes; titles and labels from the first that has them.
    public static func overlay(_ figures: [Figure]) -> Figure {
        let combined = Figure(series: figures.flatMap(\.series),
                              title: figures.lazy.compactMap(\.title).first,
                              xLabel: figures.lazy.compactMap(\.xLabel).first,
                              yLabel: figures.lazy.compactMap(\.yLabel).first)
        combined.xUnit = figures.lazy.compactMap(\.xUnit).first
        combined.yUnit = figures.lazy.compactMap(\.yUnit).first
        combined.xLog = figures.contains(where: \.xLog)
        combined.yLog = figures.contains(where: \.yLog)
        combined.categories = figures.lazy.compactMap(\.categories).first
        return combined
    }

    /// "compute (GPU·h)": an axis label with the data's unit, or the unit alone.
    static func axisLabel(_ label: String?, _ unit: String?) -> String? {
        guard let unit else { return label }
        return label.map { "\($0) (\(unit))" } ?? unit
    }

    public var xAxisLabel: String? { Figure.axisLabel(xLabel, xUnit) }
    public var yAxisLabel: String? { Figure.axisLabel(yLabel, yUnit) }

    /// The data range of each axis over every series (finite values only, positive on a log axis).
    func range(of axis: KeyPath<Series, [Double]>, log: Bool) -> (Double, Double) {
        var values: [Double] = []
        for s in series {
            if axis == \Series.y, s.mark == .band { values += s.lower + s.upper } else { values += s[keyPath: axis] }
            if axis == \Series.y, case .bars = s.mark { values.append(0) }
        }
        let usable = values.filter { $0.isFinite && (!log || $0 > 0) }
        guard let low = usable.min(), let high = usable.max() else { return log ? (1, 10) : (0, 1) }
        return (low, high)
    }
}
