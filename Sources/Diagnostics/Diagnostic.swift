/// One problem found in an input, located where possible.
///
/// Messages are lowercase sentences without a trailing period; user input is quoted in 'single quotes'.
public struct Diagnostic: Hashable, Sendable, Error {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary message with its own location ("first defined here").
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// A stable, greppable kebab-case identifier such as `duplicate-key`.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]
    /// Advice on how to fix the problem, written for non-programmers.
    public var hint: String?

    public init(
        _ severity: Severity, code: String, _ message: String, at location: SourceLocation? = nil,
        notes: [Note] = [], hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
        self.hint = hint
    }

    public static func error(
        _ code: String, _ message: String, at location: SourceLocation? = nil, notes: [Note] = [], hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: location, notes: notes, hint: hint)
    }

    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation? = nil, notes: [Note] = [], hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: location, notes: notes, hint: hint)
    }

    public static func note(
        _ code: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.note, code: code, message, at: location, hint: hint)
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, line and column; unlocated diagnostics come last; ties keep severity order then message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return false
        case (_?, nil): return true
        default:
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.message < rhs.message
        }
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
