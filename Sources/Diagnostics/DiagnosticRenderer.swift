import Foundation

/// Supplies source lines for snippets. Files are read lazily, only when a diagnostic points into them.
public final class SourceLineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [Substring]] = [:]

    public init() {}

    /// Registers in-memory text under a display name (tests, stdin).
    public func register(text: String, as name: String) {
        lock.withLock { files[name] = Self.split(text) }
    }

    /// The 1-based line of `file`, without its line break, or nil if unavailable.
    public func line(_ number: Int, of file: String) -> String? {
        lock.withLock {
            if files[file] == nil {
                guard let data = FileManager.default.contents(atPath: file), data.count <= 64 << 20,
                    let text = String(data: data, encoding: .utf8)
                else {
                    files[file] = []
                    return nil
                }
                files[file] = Self.split(text)
            }
            guard let lines = files[file], number >= 1, number <= lines.count else { return nil }
            return String(lines[number - 1])
        }
    }

    private static func split(_ text: String) -> [Substring] {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        // Split on \n, \r\n and \r alike; libyaml counts all three as line breaks.
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    }
}

/// Renders diagnostics the way compilers do:
///
///     path:line:column: error: message [code]
///         source line
///         ^
///     path:line:column: note: note message
///     hint: advice
public struct DiagnosticRenderer: Sendable {
    public var sources: SourceLineCache
    public var useColor: Bool
    public var showCodes: Bool

    public init(sources: SourceLineCache = SourceLineCache(), useColor: Bool = false, showCodes: Bool = true) {
        self.sources = sources
        self.useColor = useColor
        self.showCodes = showCodes
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        let label = paint(diagnostic.severity.rawValue + ":", diagnostic.severity)
        let prefix = diagnostic.location.map { bold($0.description + ":") + " " } ?? ""
        let code = showCodes ? " [\(diagnostic.code)]" : ""
        out += "\(prefix)\(label) \(bold(diagnostic.message))\(code)\n"
        if let location = diagnostic.location { out += snippet(at: location) }
        for note in diagnostic.notes {
            let notePrefix = note.location.map { bold($0.description + ":") + " " } ?? ""
            out += "\(notePrefix)\(paint("note:", .note)) \(note.message)\n"
            if let location = note.location { out += snippet(at: location) }
        }
        if let hint = diagnostic.hint { out += "\(paint("hint:", .note)) \(hint)\n" }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    /// The source line and a caret under the column; tabs are kept so the caret lines up in a terminal.
    private func snippet(at location: SourceLocation) -> String {
        guard let line = sources.line(location.line, of: location.file) else { return "" }
        let shown = line.count > 200 ? String(line.prefix(200)) + "…" : line
        var pad = ""
        for (index, scalar) in shown.unicodeScalars.enumerated() where index < location.column - 1 {
            pad.append(scalar == "\t" ? "\t" : " ")
        }
        if location.column - 1 > shown.unicodeScalars.count {
            pad += String(repeating: " ", count: location.column - 1 - shown.unicodeScalars.count)
        }
        return "    \(shown)\n    \(pad)\(paint("^", .error))\n"
    }

    private func paint(_ text: String, _ severity: Diagnostic.Severity) -> String {
        guard useColor else { return text }
        let code: String
        switch severity {
        case .error: code = "1;31"
        case .warning: code = "1;35"
        case .note: code = "1;36"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    private func bold(_ text: String) -> String { useColor ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
