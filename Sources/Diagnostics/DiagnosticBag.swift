/// Collects diagnostics while loading, so that every problem is reported instead of only the first.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public mutating func add(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    public mutating func error(
        _ code: String, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = [], hint: String? = nil
    ) {
        add(.error(code, message, at: location, notes: notes, hint: hint))
    }

    public mutating func warning(
        _ code: String, _ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = [], hint: String? = nil
    ) {
        add(.warning(code, message, at: location, notes: notes, hint: hint))
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
    /// The diagnostics in a stable order (by location, then severity).
    public var sorted: [Diagnostic] { diagnostics.sorted() }
}
