/// Small building blocks shared by the SVG charts: escaping, the one number formatter for coordinates,
/// label wrapping and a text-width estimate.
///
/// Every number written into SVG goes through ``SVG/number(_:)``, so the same input always gives the same
/// bytes (never the machine's locale, never `String(describing:)` of a `Double`).
public enum SVG {
    /// The font stack of every chart: system fonts only, nothing is downloaded.
    public static let fontFamily =
        "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif"

    /// Escapes text for XML content and attribute values: `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate or length with at most one decimal and an ASCII minus: `12.5`, `-3`, `0`.
    /// - Parameter value: user units of the SVG coordinate system.
    public static func number(_ value: Double) -> String {
        let text = Format.number(value, decimals: 1, fixed: false, language: "en")
        return text.hasPrefix("−") ? "-" + text.dropFirst() : text
    }

    /// Splits `text` into lines of at most `maxCharacters` characters at spaces (a longer word stays whole),
    /// keeping at most `maxLines` lines; the last kept line ends with "…" when text was cut.
    public static func wrap(_ text: String, maxCharacters: Int, maxLines: Int = 3) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= maxCharacters {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += " …"
        }
        return lines
    }

    /// A deliberately generous estimate of the rendered width of `text` (0.6 em per character), used to
    /// size viewBoxes so labels are never clipped.
    /// - Parameter fontSize: user units.
    public static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    /// The opening `<svg>` tag with viewBox, intrinsic size, font and the accessible `<title>`, ending in a newline.
    /// - Parameter standalone: add `xmlns` (needed in `.svg` files, not in HTML).
    public static func openTag(
        className: String, minX: Double = 0, minY: Double = 0, width: Double, height: Double, fontSize: Double,
        title: String, standalone: Bool
    ) -> String {
        let n = SVG.number
        var svg = "<svg"
        if standalone { svg += " xmlns=\"http://www.w3.org/2000/svg\"" }
        svg += " class=\"\(escape(className))\" viewBox=\"\(n(minX)) \(n(minY)) \(n(width)) \(n(height))\""
        svg += " width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\""
        if !title.isEmpty { svg += " aria-label=\"\(escape(title))\"" }
        svg += " font-family=\"\(fontFamily)\" font-size=\"\(n(fontSize))\">\n"
        if !title.isEmpty { svg += "<title>\(escape(title))</title>\n" }
        return svg
    }

    /// The dash pattern of a line style, as a `stroke-dasharray` attribute (empty for solid lines).
    static func dashAttribute(_ style: LineStyle) -> String {
        switch style {
        case .solid: ""
        case .dashed: " stroke-dasharray=\"6 4\""
        case .dotted: " stroke-dasharray=\"2 3\""
        }
    }

    /// A marker shape centred on (x, y) with the given radius, filled with `color`.
    static func marker(_ shape: MarkerShape, x: Double, y: Double, radius r: Double, color: String) -> String {
        let n = SVG.number
        switch shape {
        case .circle:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        case .square:
            return "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(2 * r))\" height=\"\(n(2 * r))\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        case .diamond:
            let d = r * 1.3
            return "<polygon points=\"\(n(x)),\(n(y - d)) \(n(x + d)),\(n(y)) \(n(x)),\(n(y + d)) \(n(x - d)),\(n(y))\" fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        }
    }
}

/// How a chart line is drawn; distinguishable in black-and-white print.
public enum LineStyle: Sendable {
    case solid, dashed, dotted
}

/// The point marker of a chart series; distinguishable without colour.
public enum MarkerShape: Sendable {
    case circle, square, diamond
}
