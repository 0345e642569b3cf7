import RubricModel
import Scoring
import Testing

@Suite struct NextLevelTests {
    static let rubric = Fixtures.shipped
    static let engine = ScoringEngine(rubric: rubric)

    /// The path really reaches the next level when its changes are applied to the questionnaire.
    @Test(arguments: [21, 22, 23]) func pathReachesNextLevel(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let sampler = AnswerSampler(rubric: Self.rubric)
        for _ in 0..<8 {
            let questionnaire = sampler.random(using: &generator, bias: 0.35)
            let assessment = Self.engine.assess([questionnaire])
            let paths = NextLevelPlanner(engine: Self.engine).paths(for: [questionnaire], assessment: assessment)
            for (dimensionID, path) in paths {
                var changed = questionnaire
                for change in path.changes {
                    changed.answers[change.questionID] = Answer(
                        questionID: change.questionID, value: change.to,
                        location: questionnaire.answers[change.questionID]?.location ?? questionnaire.location)
                }
                let after = Self.engine.assess([changed])
                #expect(after.dimension(dimensionID)!.level >= path.targetLevel, "\(dimensionID): \(path.changes.map(\.questionID))")
                #expect(path.changes.allSatisfy { $0.pointsTo > ($0.pointsFrom ?? -1) })
            }
        }
    }

    /// No smaller set of changes reaches the level: brute force over all subsets one smaller, on the mini rubric.
    @Test func noSmallerSetSuffices() throws {
        let q = try #require(
            Fixtures.questionnaire(
                Fixtures.miniHeader() + """
                    answers:
                      alpha:
                        q1: none
                        q2: 1
                        q3: 0,5
                        q4: nein
                      beta:
                        b1: low
                    """))
        let engine = ScoringEngine(rubric: Fixtures.mini)
        let assessment = engine.assess([q])
        #expect(assessment.dimension("alpha")!.level == 1)
        let path = try #require(NextLevelPlanner(engine: engine).paths(for: [q], assessment: assessment)["alpha"])
        #expect(path.targetLevel == 2)
        // score 100 × (0 + 1 + 0 + 0) / 20 = 5; level 2 needs 25: q1 'full' alone gives 100 × 9/20 = 45.
        #expect(path.changes.count == 1)
        // And the smallest raise that works is chosen: 'some' gives 100 × 5/20 = 25 → exactly level 2.
        #expect(path.changes.first?.to == .option("some"))
        #expect(path.resultingScore == 25)
        // To level 3 from there, the gate (q1 ≥ 2 points) must be part of any path.
        let level2 = try #require(
            Fixtures.questionnaire(
                Fixtures.miniHeader() + """
                    answers:
                      alpha:
                        q1: none
                        q2: 4
                        q3: 4
                        q4: ja
                      beta:
                        b1: low
                    """))
        let gated = engine.assess([level2])
        #expect(gated.dimension("alpha")!.level == 2)
        let gatePath = try #require(NextLevelPlanner(engine: engine).paths(for: [level2], assessment: gated)["alpha"])
        #expect(gatePath.changes.map(\.questionID) == ["q1"])
    }
}
