import Foundation
import Reports
import RubricModel
import Scoring
import Testing

/// The fixed rubric and questionnaires in `Tests/ReportsTests/BriefingFixtures/`: a library with two
/// respondents in two rounds, built so that every section of the briefing has content.
enum ReportFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BriefingFixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// A fixed tool version, so golden files do not change with releases.
    static let toolVersion = "0.0.0-test"

    static func rubric() throws -> Rubric {
        let result = RubricLoader.load(directory: directory.appendingPathComponent("rubric").path)
        guard let rubric = result.rubric else {
            Issue.record("fixture rubric does not load: \(result.diagnostics)")
            throw FixtureError.invalid
        }
        return rubric
    }

    /// Loads a questionnaire by its path relative to the fixtures, which is also its file name in reports.
    static func questionnaire(_ name: String, rubric: Rubric) throws -> Questionnaire {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        let result = QuestionnaireLoader.load(text: text, name: name, rubric: rubric)
        guard let questionnaire = result.questionnaire else {
            Issue.record("fixture \(name) does not load: \(result.diagnostics)")
            throw FixtureError.invalid
        }
        return questionnaire
    }

    static func briefing(withPrevious: Bool = true) throws -> (Briefing, Rubric) {
        let rubric = try rubric()
        let current = try ["round2/head.yaml", "round2/team.yaml"].map { try questionnaire($0, rubric: rubric) }
        let previous = withPrevious ? try ["round1/head.yaml", "round1/team.yaml"].map { try questionnaire($0, rubric: rubric) } : nil
        return (BriefingBuilder(rubric: rubric).build(current: current, previous: previous), rubric)
    }

    static func context(_ language: String, rubric: Rubric, color: Bool = false) -> ReportContext {
        ReportContext(language: language, rubric: rubric, toolVersion: toolVersion, useColor: color)
    }

    enum FixtureError: Error { case invalid }
}
