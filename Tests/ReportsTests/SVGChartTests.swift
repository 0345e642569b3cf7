import Foundation
import Reports
import Testing

@Suite("SVG building blocks")
struct SVGHelperTests {
    @Test("Coordinates use one fixed format with an ASCII minus")
    func numbers() {
        #expect(SVG.number(12.345) == "12.3")
        #expect(SVG.number(-3.25) == "-3.3")
        #expect(SVG.number(-0.04) == "0")
        #expect(SVG.number(110) == "110")
        #expect(SVG.number(0.96) == "1")
    }

    @Test func escaping() {
        #expect(SVG.escape("Träger & \"IT\" <DSB> 'x'") == "Träger &amp; &quot;IT&quot; &lt;DSB&gt; &#39;x&#39;")
    }

    @Test func wrapping() {
        #expect(SVG.wrap("Integration ins Tagesgeschäft", maxCharacters: 18) == ["Integration ins", "Tagesgeschäft"])
        #expect(SVG.wrap("Kurz", maxCharacters: 18) == ["Kurz"])
        #expect(SVG.wrap("Donaudampfschifffahrtsgesellschaft", maxCharacters: 10) == ["Donaudampfschifffahrtsgesellschaft"])
        #expect(SVG.wrap("a b c d e f", maxCharacters: 1, maxLines: 2) == ["a", "b …"])
    }

    @Test("Only standalone SVG carries the namespace URL")
    func namespace() {
        let chart = ProgressChart(levels: [1, 2])
        #expect(!chart.render().contains("http"))
        #expect(chart.render(standalone: true).hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }
}

@Suite("Level colours")
struct LevelColorTests {
    @Test("Whole levels give the anchor colours, light to dark")
    func anchors() {
        #expect((1...5).map { levelColor($0) } == ["#c7e9b4", "#7fcdbb", "#41b6c4", "#225ea8", "#253494"])
    }

    @Test("Fractional levels are interpolated, out-of-range levels clamped")
    func interpolation() {
        #expect(levelColor(1.5) == "#a3dbb8")
        #expect(levelColor(0) == levelColor(1))
        #expect(levelColor(7.5) == levelColor(5))
        #expect(levelColor(Double.nan) == levelColor(1))
    }

    @Test("Text on a level colour is dark on light fills and white on dark ones")
    func textColor() {
        #expect((1...5).map { levelTextColor($0) } == ["#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff", "#ffffff"])
    }
}

@Suite("Radar chart")
struct RadarChartTests {
    static let longAxes = [
        "Erkundungsphase", "Integration ins Tagesgeschäft", "Rückhalt bei Träger, Presseamt und IT-Abteilung",
        "Professionalisierung der Strategie",
    ]

    @Test("Every point, label anchor and legend item lies inside the viewBox", arguments: [3, 4, 5, 6, 8])
    func insideViewBox(axisCount: Int) {
        let axes = (0..<axisCount).map { Self.longAxes[$0 % Self.longAxes.count] }
        let chart = RadarChart(
            axes: axes,
            series: [
                .init(name: "Runde 1 (vorher)", values: axes.map { _ in 5 }, color: "#6b7280", lineStyle: .dashed, marker: .square),
                .init(name: "Ziele für den nächsten Besuch", values: axes.indices.map { $0 % 2 == 0 ? 4 : nil }, color: "#c75000", marker: .diamond),
                .init(name: "Runde 2 (jetzt)", values: axes.indices.map { Double($0 % 5 + 1) }, color: "#225ea8", filled: true),
            ], title: "Stufen")
        let svg = chart.render()
        #expect(Markup.problems(svg) == [])
        #expect(Markup.pointsOutsideViewBox(svg) == [])
        #expect(textOutsideViewBox(svg) == [])
    }

    @Test("Values are placed on their axis at value/max of the radius")
    func geometry() {
        let svg = RadarChart(axes: ["A", "B", "C", "D"], series: [.init(name: "S", values: [5, 2.5, 1, 0], color: "#000")], radius: 100)
            .render()
        // Axis 0 points up, axis 1 right, axis 2 down, axis 3 left.
        #expect(svg.contains("<polygon points=\"0,-100 50,0 0,20 0,0\" fill=\"none\" stroke=\"#000\""))
        // Five rings.
        #expect(svg.contains("<polygon points=\"0,-20 20,0 0,20 -20,0\"/>"))
        #expect(svg.contains("<polygon points=\"0,-100 100,0 0,100 -100,0\"/>"))
    }

    @Test("A series with gaps is drawn as markers only, and values are clamped to the rings")
    func gapsAndClamping() {
        let svg = RadarChart(axes: ["A", "B", "C"], series: [.init(name: "T", values: [9, nil, -1], color: "#111")], radius: 100).render()
        #expect(!svg.contains("stroke=\"#111\" stroke-width=\"2.5\" stroke-linejoin"))
        #expect(svg.contains("cx=\"0\" cy=\"-100\""))
        #expect(svg.contains("cx=\"0\" cy=\"0\""))
        #expect(Markup.pointsOutsideViewBox(svg) == [])
    }

    @Test("Labels, legend and title are escaped")
    func escaping() {
        let svg = RadarChart(axes: ["A&B", "<C>", "\"D\""], series: [.init(name: "x<y", values: [1, 2, 3], color: "#000")], title: "T&T").render()
        #expect(svg.contains("A&amp;B") && svg.contains("&lt;C&gt;") && svg.contains("&quot;D&quot;") && svg.contains("x&lt;y"))
        #expect(svg.contains("<title>T&amp;T</title>"))
        #expect(Markup.problems(svg) == [])
    }

    @Test func deterministic() {
        let make = { RadarChart(axes: Self.longAxes, series: [.init(name: "S", values: [1, 2, 3, 4], color: "#000")]).render() }
        #expect(make() == make())
    }
}

@Suite("Level bars and progress chart")
struct LevelBarsAndProgressTests {
    @Test("Bars are as long as the level and stay inside the viewBox")
    func bars() {
        let chart = LevelBars(
            bars: [
                .init(label: "Integration ins Tagesgeschäft", value: 2, valueLabel: "2 · Erste Schritte", previous: 1, target: 3),
                .init(label: "Strategie", value: 5, valueLabel: "5 · Gestaltend", previous: 5, target: 5),
                .init(label: "Gesamt", value: 3, valueLabel: "3 · Koordiniert", emphasized: true),
            ], legend: .init(previous: "Runde 1", target: "Ziel"), barAreaWidth: 200)
        let svg = chart.render()
        #expect(Markup.problems(svg) == [])
        #expect(Markup.pointsOutsideViewBox(svg) == [])
        #expect(textOutsideViewBox(svg) == [])
        let widths = Markup.values(svg, attribute: "width").dropFirst()  // the first is the <svg> itself
        #expect(widths.contains("80") && widths.contains("200") && widths.contains("120"))
        #expect(svg.contains("fill=\"\(levelColor(2))\""))
        #expect(svg.contains("Runde 1") && svg.contains("Ziel"))
    }

    @Test("Without previous levels or targets there is no legend")
    func noLegend() {
        let svg = LevelBars(bars: [.init(label: "A", value: 1, valueLabel: "1")], legend: .init(previous: "Vorher", target: "Ziel")).render()
        #expect(!svg.contains("Vorher") && !svg.contains("Ziel"))
    }

    @Test("Progress chart: higher levels are higher up, gaps split the line", arguments: [false, true])
    func progress(withLabels: Bool) {
        let chart = ProgressChart(
            levels: [1, 3, nil, 5, 2], labels: withLabels ? ["R1", "R2", "R3", "R4", "R5"] : [], width: 160, height: 50)
        let svg = chart.render()
        #expect(Markup.problems(svg) == [])
        #expect(Markup.pointsOutsideViewBox(svg) == [])
        #expect(textOutsideViewBox(svg) == [])
        let cys = Markup.numbers(svg, attribute: "cy")
        #expect(cys.count == 4)
        #expect(cys[0] > cys[1] && cys[1] > cys[2] && cys[3] > cys[2])
        // R1–R2 and R4–R5 are the consecutive rounds with data: two line pieces.
        #expect(Markup.values(svg, attribute: "points").count == 2)
        #expect(svg.contains(">2</text>"))
        #expect(svg.contains("R3") == withLabels)
    }

    @Test("A single round is a point in the middle")
    func singleRound() {
        let svg = ProgressChart(levels: [4], width: 100, height: 30).render()
        #expect(Markup.pointsOutsideViewBox(svg) == [])
        #expect(Markup.values(svg, attribute: "points").isEmpty)
    }
}

/// Text anchors whose estimated extent (``SVG/estimatedWidth(_:fontSize:)`` of the content) leaves the viewBox.
func textOutsideViewBox(_ svg: String) -> [String] {
    guard let parsed = Markup.points(svg) else { return ["no viewBox"] }
    let box = parsed.viewBox
    let fontSize = Markup.numbers(svg, attribute: "font-size").first ?? 12
    var problems: [String] = []
    var rest = svg[...]
    while let open = rest.range(of: "<text ") {
        // The text-anchor of an enclosing <g>, if the text has none of its own.
        let before = svg[..<open.lowerBound]
        var groupAnchor = "start"
        if let group = before.range(of: "<g ", options: .backwards), !before[group.lowerBound...].contains("</g>"),
            let end = before[group.lowerBound...].firstIndex(of: ">")
        {
            groupAnchor = Markup.values(String(before[group.lowerBound...end]), attribute: "text-anchor").first ?? "start"
        }
        guard let close = rest[open.upperBound...].range(of: "</text>") else { break }
        let element = String(rest[open.lowerBound..<close.upperBound])
        rest = rest[close.upperBound...]
        guard let x = Markup.numbers(element, attribute: "x").first, let y = Markup.numbers(element, attribute: "y").first else { continue }
        var content = element.replacingOccurrences(of: "</tspan>", with: "\n")
        while let tag = content.range(of: "<[^>]*>", options: .regularExpression) { content.removeSubrange(tag) }
        let longest = content.split(separator: "\n").map { $0.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"") }.max { $0.count < $1.count } ?? ""
        let width = SVG.estimatedWidth(longest, fontSize: fontSize) * 0.85  // real glyphs are narrower than the estimate
        let anchor = Markup.values(element, attribute: "text-anchor").first ?? groupAnchor
        let (minX, maxX): (Double, Double) = anchor == "middle" ? (x - width / 2, x + width / 2) : anchor == "end" ? (x - width, x) : (x, x + width)
        if minX < box.x - 0.5 || maxX > box.x + box.width + 0.5 || y - fontSize * 0.8 < box.y - 0.5 || y > box.y + box.height + 0.5 {
            problems.append("text '\(longest)' at (\(x), \(y)) leaves \(box)")
        }
    }
    return problems
}
