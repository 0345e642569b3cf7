import Diagnostics
import Foundation
import RubricModel
import Testing

@testable import Scoring

/// `Answers` keeps the answers read against a rubric by the question's position; built by hand, by name. Both
/// must behave as the dictionary they replace, and score alike.
@Suite("Answers by position")
struct AnswersTests {
    private static func answer(_ id: String, _ value: AnswerValue, line: Int = 1) -> Answer {
        Answer(questionID: id, value: value, location: SourceLocation(file: "q.yaml", line: line, column: 3))
    }

    @Test func behavesAsADictionary() {
        var answers: Answers = ["b": Self.answer("b", .number(2)), "a": Self.answer("a", .bool(true))]
        #expect(answers.count == 2)
        #expect(answers.keys == ["a", "b"])
        #expect(answers["a"]?.value == .bool(true))
        #expect(answers["c"] == nil)

        answers["c"] = Self.answer("c", .text("neu"))  // an id the positions lack goes at the end
        #expect(answers.keys == ["a", "b", "c"])
        answers["a"] = Self.answer("a", .bool(false))  // replacing does not count twice
        #expect(answers.count == 3)
        answers["b"] = nil
        answers["x"] = nil  // removing what is not there changes nothing
        #expect(answers.count == 2)
        #expect(answers.map(\.key) == ["a", "c"])
        #expect(answers.dictionary.mapValues(\.value) == ["a": .bool(false), "c": .text("neu")])
        #expect(!answers.isEmpty && ([:] as Answers).isEmpty)
    }

    @Test func equalityIgnoresTheOrder() {
        let order = QuestionPositions(ids: ["z", "a"])
        var byPosition = Answers(positions: order)
        byPosition[position: 0] = Self.answer("z", .number(1))
        byPosition[position: 1] = Self.answer("a", .number(2))
        let byName: Answers = ["a": Self.answer("a", .number(2)), "z": Self.answer("z", .number(1))]
        #expect(byPosition == byName)
        #expect(byPosition.keys == ["z", "a"] && byName.keys == ["a", "z"])

        var other = byName
        other["a"] = Self.answer("a", .number(3))
        #expect(other != byPosition)
        other["a"] = nil
        #expect(other != byPosition)
    }

    @Test func takesAnswersWhereTheyStandOrByID() {
        let order = QuestionPositions(ids: ["q1", "q2", "q3"])
        var answers = Answers(positions: order)
        answers["q2"] = Self.answer("q2", .option("yes"), line: 7)
        #expect(answers.value(at: 1) == .option("yes"))
        #expect(answers.location(at: 1)?.line == 7)
        #expect(answers.value(at: 0) == nil && answers.location(at: 2) == nil)
        #expect(answers.hasAnswer(at: 1, of: order) && !answers.hasAnswer(at: 0, of: order))

        // Another order finds the same answers by id.
        let byName: Answers = ["q2": Self.answer("q2", .option("yes"), line: 7)]
        #expect(byName.answer(at: 1, of: order)?.value == .option("yes"))
        #expect(byName.hasAnswer(at: 1, of: order) && !byName.hasAnswer(at: 2, of: order))
        let rearranged = Answers(positions: order, from: byName)
        #expect(rearranged.positions === order && rearranged == byName)
    }

    /// `position(of:)` looks ids up by their bytes, not through the dictionary: it must give what `byID` gives
    /// for every id, and nothing for ids it lacks, however alike.
    @Test func findsEachIDAtItsFirstPosition() {
        var ids = (0..<500).map { "question-\($0)" }
        ids += ["", "ä-ümlaut", "question-7", "x", "a-rather-long-question-identifier-beyond-inline-size"]
        let positions = QuestionPositions(ids: ids)
        for id in Set(ids) { #expect(positions.position(of: id) == positions.byID[id], "\(id)") }
        #expect(positions.position(of: "question-7") == 7)  // the first of two
        #expect(positions.position(of: "") == 500)
        for absent in ["question-500", "question-", "Question-1", "ä-umlaut", "xx", " x"] {
            #expect(positions.position(of: absent) == nil, "\(absent)")
        }
        let bridged = NSString(string: "ä-ümlaut") as String  // not stored contiguously: found through the dictionary
        #expect(positions.position(of: bridged) == 501)
        #expect(QuestionPositions(ids: []).position(of: "a") == nil)
    }

    /// Options are found by their ids' bytes when scoring: a choice earns its option's points, a multi answer the
    /// summed points of the options it names (each once, unknown ids ignored), capped at `maxPoints` — exactly as
    /// filtering the options by the ids gives them.
    @Test func optionAnswersEarnTheirOptionsPoints() {
        let here = SourceLocation(file: "r.yaml", line: 1, column: 1)
        let options = ["a", "bb", "a-rather-long-option-identifier", "ä"].enumerated().map { index, id in
            Option(id: id, label: LocalizedText(["de": id]), points: index + 1, location: here)
        }
        let multi = Question(
            id: "m", dimensionID: "d", type: .multi, text: LocalizedText(["de": "m"]), options: options, maxPoints: 6,
            location: here)
        let choice = Question(
            id: "c", dimensionID: "d", type: .choice, text: LocalizedText(["de": "c"]), options: options, location: here)
        for ids in [[], ["a"], ["bb", "a"], ["a", "a"], ["zz"], ["ä", "a-rather-long-option-identifier"], options.map(\.id)] {
            let sum = options.filter { ids.contains($0.id) }.reduce(0) { $0 + $1.points }
            #expect(multi.points(for: .options(ids), questionnaireDate: nil) == 4 * Double(min(sum, 6)) / 6, "\(ids)")
        }
        for option in options {
            #expect(choice.points(for: .option(option.id), questionnaireDate: nil) == Double(option.points))
            #expect(choice.option(option.id) === option)
        }
        #expect(choice.points(for: .option("b"), questionnaireDate: nil) == nil && choice.option("") == nil)
        let bridged = NSString(string: "ä") as String
        #expect(choice.option(bridged) === options[3])
    }

    /// Each worker scores with its own copy of the rubric; answers read with another copy stand at the same
    /// positions and must score exactly alike.
    @Test(.enabled(if: ProgrammeSampledTests.shippedRubric != nil, "the shipped rubric does not load"))
    func answersReadWithACopyOfTheRubricScoreAlike() throws {
        let rubric = try #require(ProgrammeSampledTests.shippedRubric)
        let folder = try #require(rubric.files.first.map { ($0 as NSString).deletingLastPathComponent })
        let copy = try #require(RubricLoader.load(directory: folder).rubric)
        #expect(copy.questionPositions !== rubric.questionPositions)
        #expect(copy.questionPositions.hasSameOrder(as: rubric.questionPositions))
        #expect(!QuestionPositions(ids: ["a", "b"]).hasSameOrder(as: QuestionPositions(ids: ["b", "a"])))

        var generator = SeededGenerator(seed: 31)
        let sampler = AnswerSampler(rubric: rubric)
        for library in 0..<8 {
            let questionnaires = (0..<2).map { index -> Questionnaire in
                var questionnaire = sampler.random(using: &generator, bias: Double(library) / 8)
                questionnaire.respondent = Respondent(role: index == 0 ? "head" : "team", name: "Person \(index)")
                return questionnaire
            }
            // The same answers put in the copy's own order must score exactly alike (locations name the copy's
            // files, so both are scored with the copy).
            let native = questionnaires.map { questionnaire -> Questionnaire in
                var moved = questionnaire
                moved.answers = Answers(positions: copy.questionPositions, from: questionnaire.answers)
                return moved
            }
            #expect(native.allSatisfy { $0.answers.positions === copy.questionPositions })
            let engine = ScoringEngine(rubric: copy)
            #expect(String(describing: engine.assess(questionnaires)) == String(describing: engine.assess(native)))
        }
    }

    /// Questionnaires built by hand keep their answers by name; the engine must score them exactly as those read
    /// against the rubric.
    @Test(
        .enabled(if: ProgrammeSampledTests.shippedRubric != nil, "the shipped rubric does not load"),
        arguments: [UInt64(21), 22])
    func handBuiltAnswersScoreAlike(seed: UInt64) throws {
        let rubric = try #require(ProgrammeSampledTests.shippedRubric)
        let engine = ScoringEngine(rubric: rubric)
        for (library, questionnaires) in SampledCohort.libraries(12, rubric: rubric, seed: seed).enumerated() {
            #expect(questionnaires.allSatisfy { $0.answers.positions === rubric.questionPositions })
            let byName = questionnaires.map { questionnaire -> Questionnaire in
                var copy = questionnaire
                copy.answers = Answers(questionnaire.answers.dictionary)
                return copy
            }
            #expect(byName.allSatisfy { $0.answers.positions !== rubric.questionPositions })
            #expect(
                String(describing: engine.assess(byName)) == String(describing: engine.assess(questionnaires)),
                "library \(library)")
        }
    }
}
