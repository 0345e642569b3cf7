import Foundation

/// The colour scale for maturity levels 1–5, for heatmaps, level bars and badges.
///
/// A sequential light-to-dark green-blue scale (ColorBrewer YlGnBu): readable for colour-blind readers and
/// still ordered when printed in grey. Values between levels (e.g. a cohort's mean level 2.4) are
/// interpolated; values outside 1…5 are clamped.

/// The anchor colours of levels 1…5 as RGB.
private let levelAnchors: [(Int, Int, Int)] = [
    (0xc7, 0xe9, 0xb4), (0x7f, 0xcd, 0xbb), (0x41, 0xb6, 0xc4), (0x22, 0x5e, 0xa8), (0x25, 0x34, 0x94),
]

private func levelRGB(_ level: Double) -> (Int, Int, Int) {
    let clamped = min(5, max(1, level.isFinite ? level : 1))
    let lower = min(3, Int(clamped - 1))  // index 0…3 of the lower anchor
    let t = clamped - 1 - Double(lower)
    let (a, b) = (levelAnchors[lower], levelAnchors[lower + 1])
    func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
    return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

private func hex(_ rgb: (Int, Int, Int)) -> String {
    let digits = Array("0123456789abcdef")
    var text = "#"
    for component in [rgb.0, rgb.1, rgb.2] {
        text.append(digits[component / 16])
        text.append(digits[component % 16])
    }
    return text
}

/// The fill colour of a level as `#rrggbb`.
/// - Parameter level: 1…5; fractional values are interpolated, others clamped.
public func levelColor(_ level: Double) -> String { hex(levelRGB(level)) }

/// The fill colour of a whole level as `#rrggbb`.
public func levelColor(_ level: Int) -> String { levelColor(Double(level)) }

/// A text colour readable on ``levelColor(_:)-(Double)`` of the same level: near-black on light fills,
/// white on dark ones (WCAG relative luminance, threshold 0.3).
public func levelTextColor(_ level: Double) -> String {
    let (r, g, b) = levelRGB(level)
    func linear(_ c: Int) -> Double {
        let s = Double(c) / 255
        return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return luminance > 0.3 ? "#1a1a1a" : "#ffffff"
}

/// The text colour for a whole level.
public func levelTextColor(_ level: Int) -> String { levelTextColor(Double(level)) }
