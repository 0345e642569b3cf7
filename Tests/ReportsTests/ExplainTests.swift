import Foundation
import Reports
import RubricModel
import Scoring
import Testing

@Suite("Explain reports")
struct ExplainTests {
    @Test(arguments: ["de", "en"]) func textGolden(language: String) throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = ExplainTextReporter.render(briefing.assessment, dimension: nil, context: ReportFixtures.context(language, rubric: rubric))
        Golden.check(output, named: "explain.\(language).txt")
    }

    @Test func jsonGolden() throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = ExplainJSONReporter.render(briefing.assessment, dimension: nil, context: ReportFixtures.context("en", rubric: rubric))
        Golden.check(output, named: "explain.en.json")
    }

    /// The contributions in the JSON add up to the sums, and 100 × sum / possible gives the score.
    @Test(arguments: [false, true]) func numbersAddUp(withSampledAnswers: Bool) throws {
        let assessments: [(Assessment, Rubric)]
        if withSampledAnswers {
            // Many generated questionnaires, two respondents each, so mean and fractional points occur.
            let rubric = try ReportFixtures.rubric()
            let sampler = AnswerSampler(rubric: rubric)
            var generator = SeededGenerator(seed: 7)
            assessments = (0..<25).map { index in
                let head = sampler.random(using: &generator)
                var team = sampler.random(using: &generator)
                team.respondent = Respondent(role: "team")
                team.file = "team-\(index).yaml"
                return (ScoringEngine(rubric: rubric).assess([head, team]), rubric)
            }
        } else {
            let (briefing, rubric) = try ReportFixtures.briefing()
            assessments = [(briefing.assessment, rubric)]
        }
        for (assessment, rubric) in assessments {
            let output = ExplainJSONReporter.render(assessment, dimension: nil, context: ReportFixtures.context("en", rubric: rubric))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let dimensions = try #require(document["dimensions"] as? [[String: Any]])
            #expect(dimensions.count == assessment.dimensions.count)
            for (dimension, result) in zip(dimensions, assessment.dimensions) {
                let questions = try #require(dimension["questions"] as? [[String: Any]])
                let sums = try #require(dimension["sums"] as? [String: Any])
                var contribution = 0.0, possible = 0.0
                for question in questions where question["answered"] as? Bool == true {
                    let weight = try #require(question["weight"] as? Double)
                    let points = try #require(question["points"] as? Double)
                    let c = try #require(question["contribution"] as? Double)
                    #expect(abs(c - weight * points) < 0.006, "w×p for \(question["question_id"] ?? "")")
                    #expect(question["max_contribution"] as? Double == weight * 4)
                    contribution += c
                    possible += weight * 4
                }
                #expect(abs(contribution - (sums["contribution"] as? Double ?? -1)) < 0.02)
                #expect(possible == sums["max_contribution"] as? Double)
                let score = try #require((dimension["score"] as? [String: Any])?["value"] as? Double)
                #expect(score == result.score)
                let recomputed = possible > 0 ? Rounding.oneDecimal(100 * contribution / possible) : 0
                #expect(abs(recomputed - score) < 0.051, "\(result.dimensionID): 100 × \(contribution) / \(possible) vs \(score)")
                // The reached threshold is the highest one at or below the score.
                let thresholds = try #require(dimension["thresholds"] as? [[String: Any]])
                let reached = thresholds.filter { $0["reached"] as? Bool == true }.compactMap { $0["level"] as? Int }
                #expect(reached == [result.thresholdLevel])
                let highest = thresholds.filter { ($0["min_score"] as? Double ?? 999) <= score }.compactMap { $0["level"] as? Int }.max()
                #expect(highest == result.thresholdLevel)
            }
        }
    }

    /// The text shows the score formula with the same numbers the assessment holds.
    @Test func textFormulaMatchesAssessment() throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = ExplainTextReporter.render(briefing.assessment, dimension: nil, context: ReportFixtures.context("en", rubric: rubric))
        for result in briefing.assessment.dimensions {
            let answered = result.questions.filter(\.answered)
            let sum = answered.compactMap(\.contribution).reduce(0, +)
            let possible = answered.compactMap(\.maxContribution).reduce(0, +)
            let formula = "Score = 100 × \(Format.number(sum, decimals: 2, fixed: false, language: "en")) / "
                + "\(Format.number(possible, decimals: 2, fixed: false, language: "en")) = \(Format.number(result.score, language: "en"))"
            #expect(output.contains(formula), "missing: \(formula)")
        }
        #expect(output.contains("(1×2 + 1×3) / 2 = 2.5 → 2"))
    }

    @Test func dimensionFilter() throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let context = ReportFixtures.context("en", rubric: rubric)
        let only = ExplainTextReporter.render(briefing.assessment, dimension: "stakeholders", context: context)
        #expect(only.contains("(stakeholders)"))
        #expect(!only.contains("(workflow)"))
        #expect(!only.contains("OVERALL LEVEL"))
        let json = ExplainJSONReporter.render(briefing.assessment, dimension: "stakeholders", context: context)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((document["dimensions"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["stakeholders"])
        #expect(document["overall"] is NSNull)
        let unknown = ExplainTextReporter.render(briefing.assessment, dimension: "nope", context: context)
        #expect(unknown.contains("Unknown dimension 'nope'; known: workflow, stakeholders"))
    }

    @Test func gatesShowAllThreeStates() throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = ExplainTextReporter.render(briefing.assessment, dimension: nil, context: ReportFixtures.context("en", rubric: rubric))
        #expect(output.contains("named-deputy (Level 3) 'A deputy is named': not met – caps the level at 2"))
        #expect(output.contains("tasks-allocated (Level 4) 'Social media is in the allocation of tasks': not checked"))
        #expect(output.contains("written-permission (Level 3) 'Written permission from the Träger': met"))
    }

    @Test func reRenderingIsByteIdentical() throws {
        let (first, rubric) = try ReportFixtures.briefing()
        let (second, _) = try ReportFixtures.briefing()
        for language in ["de", "en"] {
            let context = ReportFixtures.context(language, rubric: rubric)
            #expect(
                ExplainTextReporter.render(first.assessment, dimension: nil, context: context)
                    == ExplainTextReporter.render(second.assessment, dimension: nil, context: context))
            #expect(
                ExplainJSONReporter.render(first.assessment, dimension: nil, context: context)
                    == ExplainJSONReporter.render(second.assessment, dimension: nil, context: context))
        }
    }
}
