import Foundation

/// Supplies source lines for snippets. Files are read lazily, only when a diagnostic points into them.
///
/// Registered (in-memory) texts are kept for the cache's lifetime; files read from disk are kept only for the
/// `capacity` most recently used ones, so printing warnings for 100,000 files does not hold all their lines
/// (diagnostics are printed sorted by file, so a small window gets nearly every hit).
public final class SourceLineCache: @unchecked Sendable {
    private let lock = NSLock()
    private var registered: [String: [Substring]] = [:]
    /// Most recently used last.
    private var recent: [(file: String, lines: [Substring])] = []
    private let capacity: Int

    public init(capacity: Int = 8) {
        self.capacity = max(1, capacity)
    }

    /// Registers in-memory text under a display name (tests, stdin).
    public func register(text: String, as name: String) {
        lock.withLock {
            recent.removeAll { $0.file == name }
            registered[name] = Self.split(text)
        }
    }

    /// The lines of `file`: registered text, a recently read file, or the file read now (and remembered).
    private func lines(of file: String) -> [Substring] {
        if let lines = registered[file] { return lines }
        if let index = recent.lastIndex(where: { $0.file == file }) {
            let entry = recent.remove(at: index)
            recent.append(entry)
            return entry.lines
        }
        let lines = Self.read(file)
        if recent.count >= capacity { recent.removeFirst() }
        recent.append((file, lines))
        return lines
    }

    /// The 1-based line of `file`, without its line break, or nil if unavailable.
    public func line(_ number: Int, of file: String) -> String? {
        lock.withLock {
            let lines = lines(of: file)
            guard number >= 1, number <= lines.count else { return nil }
            return String(lines[number - 1])
        }
    }

    /// The lines of a file on disk, or none if it cannot be shown.
    private static func read(_ file: String) -> [Substring] {
        // Only regular files (reading a named pipe or a device for a snippet could block forever), and only
        // files small enough to have been parsed: a "file is too large" error must not read 50 MB to show it.
        let attributes = try? FileManager.default.attributesOfItem(atPath: Self.resolved(file))
        guard attributes?[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes?[.size] as? NSNumber)?.intValue, size <= Self.maxFileSize,
            let data = FileManager.default.contents(atPath: file), data.count <= Self.maxFileSize,
            let text = String(data: data, encoding: .utf8)
        else { return [] }
        return split(text)
    }

    /// Files larger than this (16 MiB, twice the parser's default limit) get no snippets.
    static let maxFileSize = 16 << 20

    /// `path` with symbolic links resolved (`attributesOfItem` describes the link itself otherwise).
    private static func resolved(_ path: String) -> String {
        (path as NSString).resolvingSymlinksInPath
    }

    /// The lines as libyaml counts them: it breaks lines at \n, \r\n and \r, and also at NEL (U+0085), LINE
    /// SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), so a snippet shows the line a location names. Found in
    /// the UTF-8 bytes: splitting the text into Characters took longer than parsing the file.
    static func split(_ text: String) -> [Substring] {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let utf8 = text.utf8
        let bounds = utf8.withContiguousStorageIfAvailable(lineBounds) ?? Array(utf8).withUnsafeBufferPointer(lineBounds)
        return bounds.map { bound in
            text[utf8.index(utf8.startIndex, offsetBy: bound.start)..<utf8.index(utf8.startIndex, offsetBy: bound.end)]
        }
    }

    /// Byte offsets of each line's start and end (its break excluded).
    private static func lineBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)] {
        var bounds: [(start: Int, end: Int)] = []
        var start = 0, offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            var breakLength = 0
            if byte == 0x0A {
                breakLength = 1
            } else if byte == 0x0D {
                breakLength = offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
            } else if byte == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0x85 {
                breakLength = 2
            } else if byte == 0xE2, offset + 2 < bytes.count, bytes[offset + 1] == 0x80,
                bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9
            {
                breakLength = 3
            }
            if breakLength == 0 {
                offset += 1
            } else {
                bounds.append((start, offset))
                offset += breakLength
                start = offset
            }
        }
        bounds.append((start, bytes.count))
        return bounds
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
        // Long lines are cut at 200 scalars; the caret then stops at the cut rather than padding a megabyte.
        let truncated = line.unicodeScalars.count > 200
        let shown = truncated ? String(String.UnicodeScalarView(line.unicodeScalars.prefix(200))) + "…" : line
        var pad = ""
        for (index, scalar) in shown.unicodeScalars.enumerated() where index < location.column - 1 {
            pad.append(scalar == "\t" ? "\t" : " ")
        }
        if location.column - 1 > shown.unicodeScalars.count {
            let beyond = location.column - 1 - shown.unicodeScalars.count
            pad += String(repeating: " ", count: truncated ? 0 : min(beyond, 200))
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
