import RubricModel
@testable import Scoring
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

extension NextLevelTests {
    /// Independent check on the shipped rubric: with one change fewer than the path has, even raising every
    /// chosen question to its best answer does not reach the target level (all subsets tried).
    @Test(arguments: [31, 32]) func noSmallerSetReachesTheLevel(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let sampler = AnswerSampler(rubric: Self.rubric)
        for _ in 0..<4 {
            let questionnaire = sampler.random(using: &generator, bias: 0.45)
            let assessment = Self.engine.assess([questionnaire])
            let paths = NextLevelPlanner(engine: Self.engine).paths(for: [questionnaire], assessment: assessment)
            for (dimensionID, path) in paths where (2...3).contains(path.changes.count) {
                let dimension = Self.rubric.dimension(dimensionID)!
                let candidates = dimension.questions.filter { question in
                    guard question.isScored, question.type != .date, let best = sampler.values(for: question).last else { return false }
                    let current = questionnaire.answers[question.id].flatMap {
                        question.points(for: $0.value, questionnaireDate: questionnaire.date)
                    } ?? -1
                    return best.1 > current
                }
                for subset in Self.subsets(of: candidates.count, size: path.changes.count - 1) {
                    var changed = questionnaire
                    for index in subset {
                        let question = candidates[index]
                        changed.answers[question.id] = Answer(
                            questionID: question.id, value: sampler.values(for: question).last!.0, location: questionnaire.location)
                    }
                    let level = Self.engine.assess([changed]).dimension(dimensionID)!.level
                    #expect(level < path.targetLevel, "\(dimensionID): \(subset.map { candidates[$0].id }) already reaches \(path.targetLevel)")
                }
            }
        }
    }

    static func subsets(of n: Int, size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard size <= n else { return [] }
        var result: [[Int]] = []
        func extend(_ current: [Int], _ start: Int) {
            if current.count == size { result.append(current); return }
            for next in start..<n { extend(current + [next], next + 1) }
        }
        extend([], 0)
        return result
    }
}

extension NextLevelTests {
    @Test func subsetCountsAreExactAndSaturate() {
        #expect(NextLevelPlanner.binomial(15, 5) == 3003)
        #expect(NextLevelPlanner.binomial(100, 3) == 161_700)
        #expect(NextLevelPlanner.binomial(5, 7) == 0)
        #expect(NextLevelPlanner.binomial(10_000, 60) == Int.max)
    }

    /// With a tiny search budget the planner gives up on large sizes instead of trying every subset.
    @Test func searchStopsAtTheBudget() throws {
        var generator = SeededGenerator(seed: 5)
        let questionnaire = AnswerSampler(rubric: Self.rubric).random(using: &generator, bias: 0.2)
        let assessment = Self.engine.assess([questionnaire])
        var planner = NextLevelPlanner(engine: Self.engine)
        planner.maxSubsetsPerSize = 0  // not even single changes: nothing is searched
        #expect(planner.paths(for: [questionnaire], assessment: assessment).isEmpty)
        planner.maxSubsetsPerSize = 20_000
        #expect(!planner.paths(for: [questionnaire], assessment: assessment).isEmpty)
    }
}
