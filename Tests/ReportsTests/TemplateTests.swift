import Diagnostics
import Foundation
import Reports
import RubricModel
import Scoring
import Testing
import YAML

@Suite struct TemplateTests {
    static let rubric: Rubric = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rubrics").path
        return RubricLoader.load(directory: path).rubric!
    }()

    @Test(arguments: ["de", "en"]) func blankTemplateParsesAndNamesEveryQuestion(language: String) {
        let text = QuestionnaireTemplate(rubric: Self.rubric, language: language).render()
        let parsed = YAMLParser.parse(text: text, name: "template.yaml")
        #expect(parsed.diagnostics.isEmpty)
        let answers = parsed.root?["answers"]
        for dimension in Self.rubric.dimensions {
            let keys = answers?[dimension.id]?.mapping?.compactMap { $0.key.scalar?.text } ?? []
            #expect(keys == dimension.questions.map(\.id))
        }
        // Nothing to fill in is pre-filled: every answer is empty.
        #expect(answers?.mapping?.allSatisfy { $0.value.mapping?.allSatisfy { $0.value.isNull } ?? false } == true)
        #expect(!text.contains("\t"))
    }

    /// Filled with valid answers, the template validates cleanly and reads back the same answers.
    @Test(arguments: [1, 2, 3, 4]) func filledTemplateRoundTrips(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let sampler = AnswerSampler(rubric: Self.rubric)
        var original = sampler.random(using: &generator)
        original.library = LibraryInfo(id: "musterstadt", name: "Stadtbücherei \"Muster\": Stadt")
        original.respondent = Respondent(role: "team", name: "Anna Beispiel")
        original.answers["questions-for-coach"] = Answer(
            questionID: "questions-for-coach", value: .text("Wie gehen wir mit #Hashtags um? Und: \"Zitate\""),
            location: original.location)
        for comments in [true, false] {
            let text = QuestionnaireTemplate(filling: original, rubric: Self.rubric, language: "de", comments: comments).render()
            let result = QuestionnaireLoader.load(text: text, name: "filled.yaml", rubric: Self.rubric)
            #expect(result.diagnostics.isEmpty, "\(DiagnosticRenderer().render(result.diagnostics))")
            guard let loaded = result.questionnaire else { continue }
            #expect(loaded.library == original.library)
            #expect(loaded.respondent == original.respondent)
            #expect(Set(loaded.answers.keys) == Set(original.answers.keys))
            for (id, answer) in original.answers { #expect(loaded.answers[id]?.value == answer.value, "\(id)") }
        }
    }
}
