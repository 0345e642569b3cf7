import Foundation
import Reports
import RubricModel
import Scoring
import Testing

/// The reporters on the shipped rubric (rubrics/) with generated answers: no golden files (the rubric changes),
/// but every format renders, the JSON keeps to its schema, and output is deterministic.
@Suite("Briefing reports on the shipped rubric")
struct BriefingShippedRubricTests {
    static func briefing(seed: UInt64) throws -> (Briefing, Rubric) {
        let result = RubricLoader.load(directory: ReportFixtures.repository.appendingPathComponent("rubrics").path)
        let rubric = try #require(result.rubric, "the shipped rubric must load: \(result.diagnostics)")
        let sampler = AnswerSampler(rubric: rubric)
        var generator = SeededGenerator(seed: seed)
        let library = LibraryInfo(id: "sample", name: "Gemeindebücherei Beispielstadt")
        func round(_ number: Int, bias: Double) -> [Questionnaire] {
            ["head", "team"].map { role in
                var questionnaire = sampler.questionnaire(
                    sampler.random(using: &generator, bias: bias).answers, library: library, round: number, role: role,
                    file: "round\(number)/\(role).yaml")
                questionnaire.respondent = Respondent(role: role, name: role == "head" ? "Petra Lang" : nil)
                return questionnaire
            }
        }
        let previous = round(1, bias: 0.25)
        let current = round(2, bias: 0.5)
        return (BriefingBuilder(rubric: rubric).build(current: current, previous: previous), rubric)
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func everyFormatRendersDeterministically(seed: UInt64) throws {
        let (briefing, rubric) = try Self.briefing(seed: seed)
        let (again, _) = try Self.briefing(seed: seed)
        let schemaURL = ReportFixtures.repository.appendingPathComponent("docs/briefing.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let reporters: [any BriefingReporter] = [TextBriefingReporter(), MarkdownBriefingReporter(), JSONBriefingReporter()]
        for language in ["de", "en"] {
            let context = ReportFixtures.context(language, rubric: rubric)
            for reporter in reporters {
                let output = reporter.render(briefing, context: context)
                #expect(output == reporter.render(again, context: context))
                #expect(output.contains(briefing.assessment.library.name))
            }
            let json = JSONBriefingReporter().render(briefing, context: context)
            let document = try JSONSerialization.jsonObject(with: Data(json.utf8))
            var problems: [String] = []
            SchemaCheck(root: schema).check(document, against: schema, path: "$", problems: &problems)
            #expect(problems.isEmpty, "\(problems.prefix(10))")
            let explain = ExplainJSONReporter.render(briefing.assessment, dimension: nil, context: context)
            #expect(explain == ExplainJSONReporter.render(again.assessment, dimension: nil, context: context))
            #expect((try? JSONSerialization.jsonObject(with: Data(explain.utf8))) != nil)
        }
    }
}
