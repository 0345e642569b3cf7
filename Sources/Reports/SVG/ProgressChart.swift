/// A small line chart of one library's level over rounds: a sparkline for tables, or with round labels
/// underneath for a programme overview.
///
/// ```swift
/// ProgressChart(levels: [1, 2, 2, 3]).render()                                  // sparkline
/// ProgressChart(levels: [1, 2, nil, 3], labels: ["R1", "R2", "R3", "R4"], width: 240, height: 90).render()
/// ```
///
/// The y axis runs from 1 (bottom) to `maxValue` (top); a nil level (a round without data) leaves a gap in
/// the line. Points are coloured with ``levelColor(_:)-(Double)`` and the last level is written at the end.
public struct ProgressChart: Sendable {
    /// One level per round, oldest first; nil for a round without data.
    public var levels: [Double?]
    /// Optional labels under the points (e.g. round numbers); empty for a sparkline.
    public var labels: [String]
    public var width: Double
    public var height: Double
    public var maxValue: Int
    public var title: String
    public var fontSize: Double

    /// - Parameters:
    ///   - levels: values 1…`maxValue`, oldest first.
    ///   - labels: shown under the points when not empty.
    ///   - width: total width in user units (the plot plus room for the last value).
    ///   - height: total height in user units (plus room for the labels when given).
    public init(
        levels: [Double?], labels: [String] = [], width: Double = 120, height: Double = 32, maxValue: Int = 5,
        title: String = "", fontSize: Double = 11
    ) {
        self.levels = levels
        self.labels = labels
        self.width = width
        self.height = height
        self.maxValue = max(2, maxValue)
        self.title = title
        self.fontSize = fontSize
    }

    /// Whole levels, oldest first.
    public init(levels: [Int], labels: [String] = [], width: Double = 120, height: Double = 32, title: String = "") {
        self.init(levels: levels.map { Double($0) }, labels: labels, width: width, height: height, title: title)
    }

    /// The chart as an `<svg>` element.
    /// - Parameter standalone: add the SVG namespace, for a `.svg` file.
    public func render(standalone: Bool = false) -> String {
        let n = SVG.number
        let pad = 5.0
        let valueRoom = fontSize * 1.4
        let labelRoom = labels.isEmpty ? 0 : fontSize * 1.5
        // Round labels are centred under their points, so the first and last need half their width of room.
        let labelHalf = (labels.prefix(levels.count).map { SVG.estimatedWidth($0, fontSize: fontSize) }.max() ?? 0) / 2
        let plotLeft = max(pad, labelHalf)
        let plotRight = max(plotLeft + 1, width - max(valueRoom + pad, labelHalf))
        let plotTop = pad, plotBottom = max(plotTop + 1, height - pad)
        let totalHeight = height + labelRoom
        func x(_ index: Int) -> Double {
            levels.count <= 1 ? (plotLeft + plotRight) / 2 : plotLeft + (plotRight - plotLeft) * Double(index) / Double(levels.count - 1)
        }
        func y(_ level: Double) -> Double {
            let clamped = min(max(level, 1), Double(maxValue))
            return plotBottom - (plotBottom - plotTop) * (clamped - 1) / Double(maxValue - 1)
        }
        var svg = SVG.openTag(
            className: "progress-chart", width: width, height: totalHeight, fontSize: fontSize, title: title,
            standalone: standalone)
        svg += "<g class=\"guides\" stroke=\"#e1e4e8\" stroke-width=\"1\">\n"
        for guide in Set([1, (maxValue + 1) / 2, maxValue]).sorted() {
            svg += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(y(Double(guide))))\" x2=\"\(n(plotRight))\" y2=\"\(n(y(Double(guide))))\"/>\n"
        }
        svg += "</g>\n"
        // Line segments between consecutive rounds with data.
        var segments: [[String]] = []
        var current: [String] = []
        for (index, level) in levels.enumerated() {
            if let level {
                current.append("\(n(x(index))),\(n(y(level)))")
            } else if !current.isEmpty {
                segments.append(current)
                current = []
            }
        }
        if !current.isEmpty { segments.append(current) }
        for segment in segments where segment.count > 1 {
            svg += "<polyline points=\"\(segment.joined(separator: " "))\" fill=\"none\" stroke=\"#4b5563\" stroke-width=\"1.5\"/>\n"
        }
        for (index, level) in levels.enumerated() {
            guard let level else { continue }
            svg += "<circle cx=\"\(n(x(index)))\" cy=\"\(n(y(level)))\" r=\"3.5\" fill=\"\(levelColor(level))\" stroke=\"#1a1a1a\" stroke-width=\"0.75\"/>\n"
        }
        if let lastIndex = levels.lastIndex(where: { $0 != nil }), let last = levels[lastIndex] {
            let text = Format.number(last, decimals: 1, fixed: false, language: "en")
            let baseline = min(max(y(last) + fontSize * 0.35, fontSize * 0.8), height)
            svg += "<text x=\"\(n(plotRight + pad))\" y=\"\(n(baseline))\" fill=\"#1a1a1a\" font-weight=\"600\">\(SVG.escape(text))</text>\n"
        }
        if !labels.isEmpty {
            svg += "<g class=\"round-labels\" fill=\"#6b7280\" text-anchor=\"middle\">\n"
            for (index, label) in labels.prefix(levels.count).enumerated() {
                svg += "<text x=\"\(n(x(index)))\" y=\"\(n(height + fontSize))\">\(SVG.escape(label))</text>\n"
            }
            svg += "</g>\n"
        }
        svg += "</svg>"
        return svg
    }
}
