import Foundation
import RubricModel
import Testing

@testable import Scoring

/// The comparison fixture: a three-dimension rubric and ten questionnaires of five libraries in two rounds
/// (Tests/Fixtures/compare; expected levels are worked out in Tests/Fixtures/compare/README.md).
enum ProgrammeFixture {
    static let folder: String = {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return tests.appendingPathComponent("Fixtures/compare").path
    }()

    static var rubricFolder: String { folder + "/rubric" }
    static var cohortFolder: String { folder + "/cohort" }

    static func rubric() throws -> Rubric {
        let result = RubricLoader.load(directory: rubricFolder)
        guard let rubric = result.rubric else {
            throw ProgrammeFixtureError("fixture rubric has errors: \(result.diagnostics.map(\.message))")
        }
        return rubric
    }

    static func questionnaires(_ rubric: Rubric) throws -> [Questionnaire] {
        let names = try FileManager.default.contentsOfDirectory(atPath: cohortFolder).filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { name in
            let result = QuestionnaireLoader.load(file: cohortFolder + "/" + name, rubric: rubric)
            guard let questionnaire = result.questionnaire else {
                throw ProgrammeFixtureError("\(name): \(result.diagnostics.map(\.message))")
            }
            return questionnaire
        }
    }

    static func assessments() throws -> (Rubric, [Assessment]) {
        let rubric = try rubric()
        let grouping = Cohort.group(try questionnaires(rubric))
        let engine = ScoringEngine(rubric: rubric)
        return (rubric, grouping.rounds.map { engine.assess($0.questionnaires) })
    }

    static func view(_ options: ProgrammeOptions = ProgrammeOptions()) throws -> ProgrammeView {
        let (rubric, assessments) = try assessments()
        return ProgrammeView(assessments: assessments, rubric: rubric, options: options)
    }
}

struct ProgrammeFixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A synthetic cohort from `AnswerSampler`: `count` libraries, two rounds each, bias varying per library.
enum SampledCohort {
    /// One to three respondents (head, then team) of library `library`, each with random answers.
    private static func respondents(
        library: Int, sampler: AnswerSampler, using generator: inout SeededGenerator
    ) -> [Questionnaire] {
        (0..<(1 + library % 3)).map { index -> Questionnaire in
            var questionnaire = sampler.random(using: &generator, bias: Double.random(in: 0...1, using: &generator))
            questionnaire.respondent = Respondent(role: index == 0 ? "head" : "team", name: "Person \(index)")
            questionnaire.file = "lib-\(library)-\(index).yaml"
            return questionnaire
        }
    }

    /// The respondents of libraries 0 ..< `count`, drawn one library after the other from one generator.
    static func libraries(_ count: Int, rubric: Rubric, seed: UInt64) -> [[Questionnaire]] {
        var generator = SeededGenerator(seed: seed)
        let sampler = AnswerSampler(rubric: rubric)
        return (0..<count).map { respondents(library: $0, sampler: sampler, using: &generator) }
    }

    static func assessments(rubric: Rubric, count: Int, seed: UInt64) -> [Assessment] {
        var generator = SeededGenerator(seed: seed)
        let sampler = AnswerSampler(rubric: rubric)
        let engine = ScoringEngine(rubric: rubric)
        var assessments: [Assessment] = []
        for index in 0..<count {
            let bias = Double(index) / Double(max(1, count - 1))
            let library = LibraryInfo(
                id: "lib-\(index < 10 ? "0" : "")\(index)", name: "Bibliothek \(index)",
                population: 5_000 + index * 15_000, staff: 2 + index * 3)
            for round in 1...2 {
                var questionnaire = sampler.random(using: &generator, bias: min(1, bias + Double(round - 1) * 0.15))
                questionnaire.library = library
                questionnaire.round = round
                questionnaire.file = "\(library.id)-r\(round).yaml"
                assessments.append(engine.assess([questionnaire]))
            }
        }
        return assessments
    }
}
