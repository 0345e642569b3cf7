import Diagnostics

/// Inline YAML with a `↓` marker where a diagnostic must land (swift-format's marker idea): the marker is
/// removed and its line and column (1-based, Unicode scalars) are kept.
struct MarkedText {
    let text: String
    let line: Int
    let column: Int

    init(_ marked: String) {
        var text = ""
        var line = 1, column = 1
        var found: (Int, Int)?
        for scalar in marked.unicodeScalars {
            if scalar == "↓" {
                found = (line, column)
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        (self.line, self.column) = found ?? (0, 0)
    }
}
