import RubricModel

/// What every reporter needs besides the data. Reporters do no I/O and never read the clock, so the same
/// inputs always give byte-identical output.
public struct ReportContext: Sendable {
    /// `de` or `en` (any language of the rubric).
    public var language: String
    public var rubric: Rubric
    /// The version of the tool, printed in report footers.
    public var toolVersion: String
    /// ANSI colour in terminal text (only when writing to a terminal and NO_COLOR is unset).
    public var useColor: Bool
    /// Threads a reporter may use for a large report (the text is the same with any number).
    public var threads: Int

    public init(language: String, rubric: Rubric, toolVersion: String, useColor: Bool = false, threads: Int = 1) {
        self.language = language
        self.rubric = rubric
        self.toolVersion = toolVersion
        self.useColor = useColor
        self.threads = threads
    }

    public var labels: Labels { Labels(language: language) }

    // MARK: - Rubric texts in the report's language

    public func dimensionTitle(_ id: String) -> String { rubric.dimension(id)?.title.text(language) ?? id }
    public func levelName(_ level: Int) -> String { rubric.level(level)?.name.text(language) ?? String(level) }
    public func questionText(_ id: String) -> String { rubric.question(id)?.text.text(language) ?? id }
    public func recommendationTitle(_ id: String) -> String { rubric.recommendation(id)?.title.text(language) ?? id }
    public func roleLabel(_ id: String) -> String { rubric.role(id)?.label.text(language) ?? id }
    public func gateLabel(_ id: String, in dimensionID: String) -> String {
        rubric.dimension(dimensionID)?.gates.first { $0.id == id }?.label.text(language) ?? id
    }
}
