import RubricModel
import Scoring
import Testing

/// Properties over random valid questionnaires for the shipped rubric (deterministic seeds).
@Suite struct PropertyTests {
    static let rubric = Fixtures.shipped
    static let engine = ScoringEngine(rubric: rubric)
    static let sampler = AnswerSampler(rubric: rubric)

    @Test func allBestGivesLevelFiveAndAllWorstLevelOne() {
        let best = Self.engine.assess([Self.sampler.allBest()])
        #expect(best.dimensions.map(\.level) == [5, 5, 5, 5])
        #expect(best.dimensions.map(\.score) == [100, 100, 100, 100])
        #expect(best.overall.level == 5)
        let worst = Self.engine.assess([Self.sampler.allWorst()])
        #expect(worst.dimensions.map(\.level) == [1, 1, 1, 1])
        #expect(worst.overall.level == 1)
    }

    /// Raising one answer by one step never lowers its dimension's score or level. Questions that steer skip
    /// logic are left out: answering them differently changes which questions count at all.
    @Test(arguments: [1, 2, 3]) func betterAnswerNeverLowersScoreOrLevel(seed: UInt64) {
        let steering = Set(Self.rubric.allQuestions.compactMap(\.appliesWhen).flatMap(\.questionIDs))
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<12 {
            let base = Self.sampler.random(using: &generator)
            let before = Self.engine.assess([base])
            for question in Self.rubric.allQuestions where question.isScored && !steering.contains(question.id) {
                guard let answer = base.answers[question.id] else { continue }
                let values = Self.sampler.values(for: question)
                let points = question.points(for: answer.value, questionnaireDate: base.date) ?? 0
                guard let better = values.first(where: { $0.1 > points }) else { continue }
                var raised = base
                raised.answers[question.id] = Answer(questionID: question.id, value: better.0, location: answer.location)
                let after = Self.engine.assess([raised])
                let old = before.dimension(question.dimensionID)!, new = after.dimension(question.dimensionID)!
                #expect(new.score >= old.score, "raising \(question.id) lowered the score")
                #expect(new.level >= old.level, "raising \(question.id) lowered the level")
                #expect(after.overall.level >= before.overall.level)
            }
        }
    }

    @Test(arguments: [11, 12, 13]) func levelsNeverExceedWhatGatesAllow(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<200 {
            let assessment = Self.engine.assess([Self.sampler.random(using: &generator)])
            for dimension in assessment.dimensions {
                for gate in dimension.gates where !gate.met {
                    #expect(dimension.level < gate.level, "\(dimension.dimensionID) placed at \(dimension.level) despite gate \(gate.gateID)")
                }
                #expect(dimension.level <= dimension.thresholdLevel)
                let rubricDimension = Self.rubric.dimension(dimension.dimensionID)!
                #expect(dimension.score >= rubricDimension.threshold(for: dimension.level))
            }
        }
    }

    @Test func respondentOrderDoesNotMatter() {
        var generator = SeededGenerator(seed: 77)
        let a = Self.sampler.random(using: &generator)
        var b = Self.sampler.random(using: &generator)
        b.respondent = Respondent(role: "team", name: "Team")
        b.file = "b.yaml"
        let one = Self.engine.assess([a, b]), two = Self.engine.assess([b, a])
        #expect(one.dimensions.map(\.score) == two.dimensions.map(\.score))
        #expect(one.dimensions.map(\.level) == two.dimensions.map(\.level))
        #expect(one.dimensions.map(\.divergence) == two.dimensions.map(\.divergence))
    }

    @Test func everyLevelReachableAndEveryRecommendationTriggerable() {
        let findings = RubricAnalysis(rubric: Self.rubric).run()
        #expect(findings.diagnostics.isEmpty)
        for dimension in Self.rubric.dimensions {
            #expect(findings.reachedLevels[dimension.id] == [1, 2, 3, 4, 5], "\(dimension.id)")
        }
        #expect(findings.triggered == Set(Self.rubric.allRecommendations.map(\.id)))
    }
}
