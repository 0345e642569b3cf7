import Foundation
import RubricModel
import Testing

@testable import Scoring

/// `validate` asks the engine for the consistency findings alone; they must be exactly those of a full assessment,
/// also for rules that look at levels (placed on demand).
@Suite("Consistency findings alone")
struct ConsistencyOnlyTests {
    @Test(
        .enabled(if: ProgrammeSampledTests.shippedRubric != nil, "the shipped rubric does not load"),
        arguments: [UInt64(11), 12, 13])
    func findingsMatchTheFullAssessment(seed: UInt64) throws {
        let rubric = try #require(ProgrammeSampledTests.shippedRubric)
        #expect(rubric.allConsistencyRules.contains { $0.when.mentionsDimensions }, "no rule asks for a level")
        var generator = SeededGenerator(seed: seed)
        let sampler = AnswerSampler(rubric: rubric)
        let engine = ScoringEngine(rubric: rubric)
        var findings = 0, levelRules = 0
        for library in 0..<40 {
            let questionnaires = (0..<(1 + library % 3)).map { index -> Questionnaire in
                var questionnaire = sampler.random(using: &generator, bias: Double.random(in: 0...1, using: &generator))
                if library % 2 == 1 {
                    // A strong strategy on a weak exploration phase: what the rule on levels looks for.
                    let strong = sampler.random(using: &generator, bias: 1), weak = sampler.random(using: &generator, bias: 0)
                    for question in rubric.allQuestions {
                        let source = question.dimensionID == "exploration" ? weak : strong
                        questionnaire.answers[question.id] = source.answers[question.id]
                    }
                }
                questionnaire.respondent = Respondent(role: index == 0 ? "head" : "team", name: "Person \(index)")
                questionnaire.file = "lib-\(library)-\(index).yaml"
                return questionnaire
            }
            for group in [questionnaires, [questionnaires[0]]] {
                let expected = engine.assess(group, detail: .summary).consistency
                #expect(String(describing: engine.consistencyFindings(group)) == String(describing: expected))
                findings += expected.count
                levelRules += expected.filter { id in
                    rubric.allConsistencyRules.first { $0.id == id.ruleID }?.when.mentionsDimensions == true
                }.count
            }
        }
        // Not vacuous: findings were made, some by a rule that asks for levels.
        #expect(findings > 10 && levelRules > 0)
    }
}
