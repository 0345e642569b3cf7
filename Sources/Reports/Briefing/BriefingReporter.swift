import Scoring

/// Renders a coach's briefing in one output format. Reporters are pure: no I/O, no clock, and the same
/// briefing and context always give byte-identical output.
public protocol BriefingReporter: Sendable {
    /// The value of `--format` that selects the reporter: "text", "md", "json", "html".
    static var identifier: String { get }
    func render(_ briefing: Briefing, context: ReportContext) -> String
}

/// The sections of a briefing, in the order every format shows them. Each format writes them its own way;
/// `writeSections` keeps the order in one place.
protocol BriefingSectionWriter {
    mutating func header(_ briefing: Briefing)
    mutating func levels(_ briefing: Briefing)
    mutating func changes(_ briefing: Briefing)
    mutating func followUps(_ briefing: Briefing)
    mutating func disagreements(_ briefing: Briefing)
    mutating func nextLevel(_ briefing: Briefing)
    mutating func consistency(_ briefing: Briefing)
    mutating func agenda(_ briefing: Briefing)
    mutating func homework(_ briefing: Briefing)
    mutating func leftOut(_ briefing: Briefing)
}

extension BriefingSectionWriter {
    mutating func writeSections(of briefing: Briefing) {
        header(briefing)
        levels(briefing)
        changes(briefing)
        followUps(briefing)
        disagreements(briefing)
        nextLevel(briefing)
        consistency(briefing)
        agenda(briefing)
        homework(briefing)
        leftOut(briefing)
    }
}
