import RubricModel
import Testing

@testable import Scoring

/// Invariants on synthetic cohorts of 15 libraries, as in the coaching programme.
@Suite("Programme view: sampled cohorts")
struct ProgrammeSampledTests {
    @Test(arguments: [UInt64(1), 7, 42])
    func invariants(seed: UInt64) throws {
        let rubric = try ProgrammeFixture.rubric()
        let assessments = SampledCohort.assessments(rubric: rubric, count: 15, seed: seed)
        let view = ProgrammeView(assessments: assessments, rubric: rubric)
        #expect(view.rows.count == 15)
        #expect(view.rows.allSatisfy { $0.round == 2 })
        for distribution in view.distributions { #expect(distribution.count == 15) }
        for table in view.transitions { #expect(table.total == 15) }
        #expect(view.progress.count == 15)
        // Every weak placement is either served by a tandem or listed as unmatched.
        let weak = view.rows.reduce(0) { $0 + $1.cells.filter { $0.level <= 2 }.count }
        #expect(view.tandems.reduce(0) { $0 + $1.dimensions.count } + view.unmatchedNeeds.count == weak)
        let perMentor = Dictionary(grouping: view.tandems, by: \.mentor.id)
        #expect(perMentor.values.allSatisfy { $0.count <= 2 })
        #expect(Set(view.tandems.map { "\($0.mentor.id) \($0.mentee.id)" }).count == view.tandems.count)
        let reaches = view.questionFindings.map(\.reach)
        #expect(reaches == reaches.sorted(by: >))
        #expect(reaches.allSatisfy { $0 >= view.findingsMinReach })
        #expect(view.recommendationFindings.map(\.reach) == view.recommendationFindings.map(\.reach).sorted(by: >))
        // Same input, same view.
        let again = ProgrammeView(assessments: assessments.reversed(), rubric: rubric)
        #expect(String(describing: again.rows.map(\.cells)) == String(describing: view.rows.map(\.cells)))
        #expect(String(describing: again.tandems) == String(describing: view.tandems))
        #expect(String(describing: again.questionFindings) == String(describing: view.questionFindings))
    }

    /// The programme view and `validate` score with `.summary`: it must place, score and find exactly as `.full`.
    @Test(.enabled(if: shippedRubric != nil, "the shipped rubric does not load"), arguments: [UInt64(5), 6, 8])
    func summaryDetailScoresAlike(seed: UInt64) throws {
        let rubric = try #require(Self.shippedRubric)
        let engine = ScoringEngine(rubric: rubric)
        for questionnaires in SampledCohort.libraries(20, rubric: rubric, seed: seed) {
            let full = engine.assess(questionnaires), summary = engine.assess(questionnaires, detail: .summary)
            #expect(
                String(describing: ProgrammeRound(full, rubric: rubric, weakPoints: 4))
                    == String(describing: ProgrammeRound(summary, rubric: rubric, weakPoints: 4)))
            #expect(String(describing: full.consistency) == String(describing: summary.consistency))
            #expect(full.triggered.map(\.recommendationID) == summary.triggered.map(\.recommendationID))
            #expect(full.triggered.map(\.prerequisitesMet) == summary.triggered.map(\.prerequisitesMet))
            for (a, b) in zip(full.dimensions, summary.dimensions) {
                #expect(a.gates.map(\.met) == b.gates.map(\.met) && a.gates.map(\.checked) == b.gates.map(\.checked))
                #expect(a.divergence == b.divergence && a.coverage == b.coverage && a.borderline == b.borderline)
                #expect(summary.dimensions.allSatisfy { $0.questions.allSatisfy(\.respondents.isEmpty) })
            }
        }
    }

    static let shippedRubric = RubricLoader.load(directory: ProgrammeFixture.folder + "/../../../rubrics").rubric

    @Test(.enabled(if: shippedRubric != nil, "the shipped rubric does not load"))
    func shippedRubricCohort() throws {
        let rubric = try #require(Self.shippedRubric)
        let view = ProgrammeView(assessments: SampledCohort.assessments(rubric: rubric, count: 15, seed: 3), rubric: rubric)
        #expect(view.rows.count == 15)
        #expect(view.dimensionIDs == rubric.dimensions.map(\.id))
        #expect(view.questionFindings.allSatisfy { $0.reach >= view.findingsMinReach })
    }
}
