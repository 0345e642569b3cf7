import Foundation

/// A radar (spider) chart: one axis per dimension, level rings 1…`maxValue`, up to a few series, and a legend.
///
/// ```swift
/// let chart = RadarChart(
///     axes: ["Exploration", "Workflow", "Stakeholders", "Strategy"],
///     series: [.init(name: "Round 2", values: [3, 2, 2, 1], color: "#225ea8", filled: true)])
/// let svg = chart.render()
/// ```
///
/// Axis 0 points up, the others follow clockwise. A series with a value for every axis is drawn as a closed
/// polygon; a series with gaps (nil values, e.g. targets set for only some dimensions) is drawn as markers only.
/// The viewBox is computed from the plot and generously estimated label widths, so nothing is clipped; its
/// origin is the chart's centre, so the viewBox starts at negative coordinates.
public struct RadarChart: Sendable {
    /// One line on the chart.
    public struct Series: Sendable {
        public var name: String
        /// One value per axis, 0…`maxValue`; nil where there is none.
        public var values: [Double?]
        /// Any CSS colour, e.g. `#225ea8`.
        public var color: String
        public var lineStyle: LineStyle
        public var marker: MarkerShape
        /// Fill the polygon with a translucent tint of `color`.
        public var filled: Bool

        public init(
            name: String, values: [Double?], color: String, lineStyle: LineStyle = .solid, marker: MarkerShape = .circle,
            filled: Bool = false
        ) {
            self.name = name
            self.values = values
            self.color = color
            self.lineStyle = lineStyle
            self.marker = marker
            self.filled = filled
        }
    }

    public var axes: [String]
    public var series: [Series]
    /// The outermost ring; rings are drawn at 1…maxValue.
    public var maxValue: Int
    /// Accessible name of the chart (`<title>`).
    public var title: String
    /// Radius of the outermost ring in user units.
    public var radius: Double
    /// Font size of axis labels in user units.
    public var fontSize: Double

    /// - Parameters:
    ///   - axes: the axis labels, in order (wrapped onto up to three lines).
    ///   - series: drawn in order, so put the most important series last to draw it on top.
    ///   - maxValue: the value of the outermost ring (5 for maturity levels).
    ///   - title: the accessible name; empty for none.
    public init(axes: [String], series: [Series], maxValue: Int = 5, title: String = "", radius: Double = 110, fontSize: Double = 12) {
        self.axes = axes
        self.series = series
        self.maxValue = max(1, maxValue)
        self.title = title
        self.radius = radius
        self.fontSize = fontSize
    }

    /// The (x, y) of `value` on axis `index`, relative to the centre.
    func point(axis index: Int, value: Double) -> (x: Double, y: Double) {
        let r = radius * min(max(value, 0), Double(maxValue)) / Double(maxValue)
        let (c, s) = direction(index)
        return (r * c, r * s)
    }

    /// Cosine and sine of axis `index`: axis 0 points up, clockwise from there.
    private func direction(_ index: Int) -> (Double, Double) {
        let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(axes.count, 1))
        var c = cos(angle), s = sin(angle)
        // Snap rounding noise so symmetric charts give symmetric numbers.
        if abs(c) < 1e-9 { c = 0 }
        if abs(s) < 1e-9 { s = 0 }
        return (c, s)
    }

    private struct Label {
        var lines: [String]
        var x: Double
        var firstBaseline: Double
        var anchor: String
        var box: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    }

    private func labels() -> [Label] {
        let lineHeight = fontSize * 1.2
        return axes.indices.map { index in
            let lines = SVG.wrap(axes[index], maxCharacters: 18)
            let (c, s) = direction(index)
            let gap = fontSize * 0.8
            let x = (radius + gap) * c
            let y = (radius + gap) * s
            let anchor = abs(c) < 0.3 ? "middle" : (c > 0 ? "start" : "end")
            let height = Double(lines.count) * lineHeight
            var top: Double
            if s < -0.7 {
                top = y - height  // above the chart
            } else if s > 0.7 {
                top = y  // below
            } else {
                top = y - height / 2
            }
            let width = lines.map { SVG.estimatedWidth($0, fontSize: fontSize) }.max() ?? 0
            let minX = anchor == "middle" ? x - width / 2 : (anchor == "start" ? x : x - width)
            return Label(
                lines: lines, x: x, firstBaseline: top + fontSize, anchor: anchor,
                box: (minX, top, minX + width, top + height))
        }
    }

    /// The chart as an `<svg>` element (no XML declaration).
    /// - Parameter standalone: add the SVG namespace, for a `.svg` file; inline SVG in HTML needs none.
    public func render(standalone: Bool = false) -> String {
        let n = SVG.number
        let labels = labels()
        let legendRowHeight = fontSize * 1.5
        var minX = -radius, maxX = radius, minY = -radius, maxY = radius
        for label in labels {
            minX = min(minX, label.box.minX)
            maxX = max(maxX, label.box.maxX)
            minY = min(minY, label.box.minY)
            maxY = max(maxY, label.box.maxY)
        }
        let legendTop = maxY + fontSize * 1.2
        let legendWidth = series.map { 34 + SVG.estimatedWidth($0.name, fontSize: fontSize) }.max() ?? 0
        if !series.isEmpty {
            maxY = legendTop + Double(series.count) * legendRowHeight
            maxX = max(maxX, minX + legendWidth)
        }
        let margin = 6.0
        minX -= margin
        minY -= margin
        maxX += margin
        maxY += margin
        let width = maxX - minX, height = maxY - minY

        var svg = SVG.openTag(
            className: "radar-chart", minX: minX, minY: minY, width: width, height: height, fontSize: fontSize,
            title: title, standalone: standalone)

        // Rings and axes.
        svg += "<g class=\"grid\" fill=\"none\" stroke=\"#c9ced6\" stroke-width=\"1\">\n"
        if axes.count >= 3 {
            for ring in 1...maxValue {
                let points = axes.indices.map { point(axis: $0, value: Double(ring)) }
                svg += "<polygon points=\"\(points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " "))\"/>\n"
            }
        } else {
            for ring in 1...maxValue {
                svg += "<circle cx=\"0\" cy=\"0\" r=\"\(n(radius * Double(ring) / Double(maxValue)))\"/>\n"
            }
        }
        for index in axes.indices {
            let end = point(axis: index, value: Double(maxValue))
            svg += "<line x1=\"0\" y1=\"0\" x2=\"\(n(end.x))\" y2=\"\(n(end.y))\"/>\n"
        }
        svg += "</g>\n"
        // Ring numbers on the middle of the ring edge between the first two axes, where no value lies.
        svg += "<g class=\"ring-labels\" fill=\"#6b7280\" font-size=\"\(n(fontSize * 0.8))\" text-anchor=\"middle\""
        svg += " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\n"
        for ring in 1...maxValue {
            var p = point(axis: 0, value: Double(ring))
            if axes.count >= 3 {
                let q = point(axis: 1, value: Double(ring))
                p = ((p.x + q.x) / 2, (p.y + q.y) / 2)
            } else {
                p.x += fontSize * 0.6
            }
            svg += "<text x=\"\(n(p.x))\" y=\"\(n(p.y + fontSize * 0.3))\">\(ring)</text>\n"
        }
        svg += "</g>\n"

        // Series.
        for item in series {
            let present = axes.indices.compactMap { index -> (x: Double, y: Double)? in
                guard index < item.values.count, let value = item.values[index] else { return nil }
                return point(axis: index, value: value)
            }
            svg += "<g class=\"series\">\n"
            if present.count == axes.count, axes.count >= 2 {
                let points = present.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
                let fill = item.filled ? "fill=\"\(item.color)\" fill-opacity=\"0.22\"" : "fill=\"none\""
                svg += "<polygon points=\"\(points)\" \(fill) stroke=\"\(item.color)\" stroke-width=\"2.5\"\(SVG.dashAttribute(item.lineStyle)) stroke-linejoin=\"round\"/>\n"
            }
            for p in present {
                svg += SVG.marker(item.marker, x: p.x, y: p.y, radius: 4, color: item.color) + "\n"
            }
            svg += "</g>\n"
        }

        // Axis labels.
        svg += "<g class=\"axis-labels\" fill=\"#1a1a1a\">\n"
        for label in labels {
            svg += "<text x=\"\(n(label.x))\" y=\"\(n(label.firstBaseline))\" text-anchor=\"\(label.anchor)\">"
            for (index, line) in label.lines.enumerated() {
                let dy = index == 0 ? "" : " dy=\"\(n(fontSize * 1.2))\""
                svg += "<tspan x=\"\(n(label.x))\"\(dy)>\(SVG.escape(line))</tspan>"
            }
            svg += "</text>\n"
        }
        svg += "</g>\n"

        // Legend.
        if !series.isEmpty {
            svg += "<g class=\"legend\">\n"
            let left = minX + margin
            for (index, item) in series.enumerated() {
                let y = legendTop + Double(index) * legendRowHeight + legendRowHeight / 2
                svg += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + 24))\" y2=\"\(n(y))\" stroke=\"\(item.color)\" stroke-width=\"2.5\"\(SVG.dashAttribute(item.lineStyle))/>\n"
                svg += SVG.marker(item.marker, x: left + 12, y: y, radius: 4, color: item.color) + "\n"
                svg += "<text x=\"\(n(left + 32))\" y=\"\(n(y + fontSize * 0.35))\" fill=\"#1a1a1a\">\(SVG.escape(item.name))</text>\n"
            }
            svg += "</g>\n"
        }
        svg += "</svg>"
        return svg
    }
}
