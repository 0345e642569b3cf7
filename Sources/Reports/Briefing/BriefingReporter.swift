import Scoring

/// Renders a coach's briefing in one output format. Reporters are pure: no I/O, no clock, and the same
/// briefing and context always give byte-identical output.
public protocol BriefingReporter: Sendable {
    /// The value of `--format` that selects the reporter: "text", "md", "json", "html".
    static var identifier: String { get }
    func render(_ briefing: Briefing, context: ReportContext) -> String
}
