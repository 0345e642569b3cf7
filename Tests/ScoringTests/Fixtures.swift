import Diagnostics
import Foundation
import RubricModel
import Scoring
import Testing

/// Test fixtures found through #filePath, so the tests read the files in the repository itself.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

    static let mini: Rubric = load("Tests/Fixtures/rubrics/mini")
    static let shipped: Rubric = load("rubrics")

    static func load(_ relative: String) -> Rubric {
        let result = RubricLoader.load(directory: path(relative))
        guard let rubric = result.rubric else {
            fatalError("fixture rubric \(relative) does not load:\n" + DiagnosticRenderer().render(result.diagnostics))
        }
        return rubric
    }

    /// A questionnaire from inline YAML; records the diagnostics as test issues when it does not load.
    static func questionnaire(_ yaml: String, name: String = "test.yaml", rubric: Rubric = mini) -> Questionnaire? {
        let result = QuestionnaireLoader.load(text: yaml, name: name, rubric: rubric)
        if result.questionnaire == nil {
            Issue.record("\(name) does not load:\n\(DiagnosticRenderer().render(result.diagnostics))")
        }
        return result.questionnaire
    }

    /// The header of a mini-rubric questionnaire.
    static func miniHeader(role: String = "head", name: String? = nil, library: String = "lib", round: Int = 1) -> String {
        """
        format: 1
        rubric: mini
        rubric_version: 1.0.0
        library: {id: \(library), name: Testbibliothek}
        round: \(round)
        date: 2026-03-10
        respondent: {role: \(role)\(name.map { ", name: \($0)" } ?? "")}

        """
    }
}
