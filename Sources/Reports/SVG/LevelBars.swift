/// Horizontal level bars: one row per dimension (plus an emphasised overall row), each bar as long as the
/// level, coloured with ``levelColor(_:)-(Double)``, with the level and its name written beside it, and optional
/// markers for the previous level and the target.
///
/// ```swift
/// let bars = LevelBars(bars: [
///     .init(label: "Exploration", value: 3, valueLabel: "3 · Coordinating", previous: 2, target: 4),
///     .init(label: "Overall", value: 2, valueLabel: "2 · Testing", emphasized: true),
/// ], legend: .init(previous: "Previous round", target: "Target"))
/// ```
public struct LevelBars: Sendable {
    public struct Bar: Sendable {
        /// Left-hand label (wrapped onto up to two lines).
        public var label: String
        /// The bar length, 0…`maxValue`.
        public var value: Double
        /// Text right of the bar, e.g. "3 · Koordiniert".
        public var valueLabel: String
        /// Drawn as a vertical tick.
        public var previous: Double?
        /// Drawn as a diamond.
        public var target: Double?
        /// Bold, separated by a rule (the overall row).
        public var emphasized: Bool

        public init(
            label: String, value: Double, valueLabel: String, previous: Double? = nil, target: Double? = nil,
            emphasized: Bool = false
        ) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
            self.previous = previous
            self.target = target
            self.emphasized = emphasized
        }
    }

    /// Legend words for the markers; a marker's entry is shown only when some bar has that marker.
    public struct Legend: Sendable {
        public var previous: String
        public var target: String
        public init(previous: String, target: String) {
            self.previous = previous
            self.target = target
        }
    }

    public var bars: [Bar]
    public var maxValue: Int
    public var legend: Legend?
    public var title: String
    public var fontSize: Double
    /// Length of the bar for `maxValue`, in user units.
    public var barAreaWidth: Double

    public init(
        bars: [Bar], maxValue: Int = 5, legend: Legend? = nil, title: String = "", fontSize: Double = 12,
        barAreaWidth: Double = 200
    ) {
        self.bars = bars
        self.maxValue = max(1, maxValue)
        self.legend = legend
        self.title = title
        self.fontSize = fontSize
        self.barAreaWidth = barAreaWidth
    }

    static let targetColor = "#c75000"
    static let previousColor = "#1a1a1a"

    /// The chart as an `<svg>` element.
    /// - Parameter standalone: add the SVG namespace, for a `.svg` file.
    public func render(standalone: Bool = false) -> String {
        let n = SVG.number
        let lineHeight = fontSize * 1.2
        let wrapped = bars.map { SVG.wrap($0.label, maxCharacters: 22, maxLines: 2) }
        let labelWidth = max(60, wrapped.flatMap { $0 }.map { SVG.estimatedWidth($0, fontSize: fontSize) }.max() ?? 0)
        let barLeft = labelWidth + 12
        let valueLeft = barLeft + barAreaWidth + 14  // room for a target diamond at the end
        let valueWidth = bars.map { SVG.estimatedWidth($0.valueLabel, fontSize: fontSize) }.max() ?? 0
        let rowHeight = max(30, Double(wrapped.map(\.count).max() ?? 1) * lineHeight + 10)
        let barHeight = 16.0
        let top = fontSize + 8  // room for the scale numbers
        let unit = barAreaWidth / Double(maxValue)
        let hasPrevious = bars.contains { $0.previous != nil }
        let hasTarget = bars.contains { $0.target != nil }
        let legendShown = legend != nil && (hasPrevious || hasTarget)
        let rowsBottom = top + Double(bars.count) * rowHeight
        var legendWidth = 0.0
        if let legend, legendShown {
            if hasPrevious { legendWidth += 20 + SVG.estimatedWidth(legend.previous, fontSize: fontSize) + 16 }
            if hasTarget { legendWidth += 20 + SVG.estimatedWidth(legend.target, fontSize: fontSize) }
        }
        let width = max(valueLeft + valueWidth, legendWidth) + 4
        let height = rowsBottom + (legendShown ? lineHeight + 12 : 4)

        var svg = SVG.openTag(
            className: "level-bars", width: width, height: height, fontSize: fontSize, title: title, standalone: standalone)
        // Scale: grid lines and numbers 1…max.
        svg += "<g class=\"scale\" stroke=\"#d5d9df\" stroke-width=\"1\">\n"
        for step in 0...maxValue {
            let x = barLeft + Double(step) * unit
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(top - 2))\" x2=\"\(n(x))\" y2=\"\(n(rowsBottom))\"/>\n"
        }
        svg += "</g>\n<g class=\"scale-labels\" fill=\"#6b7280\" font-size=\"\(n(fontSize * 0.85))\" text-anchor=\"middle\">\n"
        for step in 1...maxValue {
            svg += "<text x=\"\(n(barLeft + (Double(step) - 0.5) * unit))\" y=\"\(n(fontSize))\">\(step)</text>\n"
        }
        svg += "</g>\n"

        for (index, bar) in bars.enumerated() {
            let rowTop = top + Double(index) * rowHeight
            let centre = rowTop + rowHeight / 2
            let weight = bar.emphasized ? " font-weight=\"700\"" : ""
            svg += "<g class=\"bar\"\(weight)>\n"
            if bar.emphasized && index > 0 {
                svg += "<line x1=\"0\" y1=\"\(n(rowTop))\" x2=\"\(n(width))\" y2=\"\(n(rowTop))\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>\n"
            }
            let lines = wrapped[index]
            let firstBaseline = centre - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
            svg += "<text x=\"0\" y=\"\(n(firstBaseline))\" fill=\"#1a1a1a\">"
            for (lineIndex, line) in lines.enumerated() {
                svg += "<tspan x=\"0\"\(lineIndex == 0 ? "" : " dy=\"\(n(lineHeight))\"")>\(SVG.escape(line))</tspan>"
            }
            svg += "</text>\n"
            let value = min(max(bar.value, 0), Double(maxValue))
            svg += "<rect x=\"\(n(barLeft))\" y=\"\(n(centre - barHeight / 2))\" width=\"\(n(value * unit))\" height=\"\(n(barHeight))\""
            svg += " fill=\"\(levelColor(value))\" stroke=\"#4b5563\" stroke-width=\"0.5\"/>\n"
            if let previous = bar.previous {
                let x = barLeft + min(max(previous, 0), Double(maxValue)) * unit
                svg += "<line class=\"previous\" x1=\"\(n(x))\" y1=\"\(n(centre - barHeight / 2 - 3))\" x2=\"\(n(x))\" y2=\"\(n(centre + barHeight / 2 + 3))\""
                svg += " stroke=\"\(Self.previousColor)\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n"
            }
            if let target = bar.target {
                let x = barLeft + min(max(target, 0), Double(maxValue)) * unit
                svg += SVG.marker(.diamond, x: x, y: centre, radius: 4.5, color: Self.targetColor) + "\n"
            }
            svg += "<text x=\"\(n(valueLeft))\" y=\"\(n(centre + fontSize * 0.35))\" fill=\"#1a1a1a\">\(SVG.escape(bar.valueLabel))</text>\n"
            svg += "</g>\n"
        }

        if let legend, legendShown {
            let y = rowsBottom + 8 + lineHeight / 2
            var x = 0.0
            svg += "<g class=\"legend\">\n"
            if hasPrevious {
                svg += "<line x1=\"\(n(x + 6))\" y1=\"\(n(y - 7))\" x2=\"\(n(x + 6))\" y2=\"\(n(y + 7))\" stroke=\"\(Self.previousColor)\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n"
                svg += "<text x=\"\(n(x + 18))\" y=\"\(n(y + fontSize * 0.35))\" fill=\"#1a1a1a\">\(SVG.escape(legend.previous))</text>\n"
                x += 20 + SVG.estimatedWidth(legend.previous, fontSize: fontSize) + 16
            }
            if hasTarget {
                svg += SVG.marker(.diamond, x: x + 6, y: y, radius: 4.5, color: Self.targetColor) + "\n"
                svg += "<text x=\"\(n(x + 18))\" y=\"\(n(y + fontSize * 0.35))\" fill=\"#1a1a1a\">\(SVG.escape(legend.target))</text>\n"
            }
            svg += "</g>\n"
        }
        svg += "</svg>"
        return svg
    }
}
