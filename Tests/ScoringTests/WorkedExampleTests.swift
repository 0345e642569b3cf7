import RubricModel
import Scoring
import Testing

/// The worked example of docs/FORMAT.md §5, number by number.
@Suite struct WorkedExampleTests {
    static let head = Fixtures.miniHeader(role: "head") + """
        answers:
          alpha:
            q1: some
            q2: 3
            q3: 2,5
            q4: dont-know
            q5: "Wir posten vor allem Veranstaltungen."
          beta:
            b1: high
            b2: 3
        """
    static let team = Fixtures.miniHeader(role: "team") + """
        answers:
          alpha:
            q1: none
            q2: 1
            q3: 4
            q4: ja
          beta:
            b1: high
        """

    @Test func oneRespondent() throws {
        let head = try #require(Fixtures.questionnaire(Self.head, name: "head.yaml"))
        let assessment = ScoringEngine(rubric: Fixtures.mini).assess([head])
        let alpha = try #require(assessment.dimension("alpha"))
        // q1: 2 points × weight 2 = 4; q2: 3 × 1 = 3; q3: 2.5 h lies in [1, 3) → 2 × 1 = 2; q4 don't know: left out.
        #expect(alpha.questions.map(\.contribution) == [4, 3, 2, nil, nil])
        #expect(alpha.questions.map(\.maxContribution) == [8, 4, 4, nil, nil])
        // score = 100 × 9 / 16 = 56.25 → 56.3; coverage = 4 / 5 = 80 %.
        #expect(alpha.score == 56.3)
        #expect(alpha.coverage == 80)
        #expect(alpha.thresholdLevel == 3)
        #expect(alpha.level == 3)
        #expect(alpha.gates.map(\.met) == [true])
        #expect(alpha.distanceToNext == 13.7)
        #expect(alpha.borderline == nil)
        #expect(alpha.provisional == false)
        let beta = try #require(assessment.dimension("beta"))
        #expect(beta.score == 100)
        #expect(beta.level == 5)
        // overall: (3 + 5) / 2 = 4, at most lowest (3) + 1 = 4.
        #expect(assessment.overall.rawValue == 4)
        #expect(assessment.overall.level == 4)
        #expect(assessment.overall.cappedFrom == nil)
    }

    @Test func twoRespondents() throws {
        let head = try #require(Fixtures.questionnaire(Self.head, name: "head.yaml"))
        let team = try #require(Fixtures.questionnaire(Self.team, name: "team.yaml"))
        let assessment = ScoringEngine(rubric: Fixtures.mini).assess([team, head])
        let alpha = try #require(assessment.dimension("alpha"))
        // q1 lowest: none (0); q2 mean: (3 + 1) / 2 = 2; q3 lowest: 2.5 h (2 points); q4: the team's yes (4).
        #expect(alpha.questions.map(\.answer.points) == [0, 2, 2, 4, nil])
        // score = 100 × (0 + 2 + 2 + 4) / 20 = 40.0; coverage 100 %.
        #expect(alpha.score == 40)
        #expect(alpha.coverage == 100)
        #expect(alpha.level == 2)
        #expect(alpha.distanceToNext == 10)
        // divergence: q1, q2, q3 each 25 × 2 = 50; weighted (2 × 50 + 50 + 50) / 4 = 50.
        #expect(alpha.questions.map(\.divergence) == [50, 50, 50, nil, nil])
        #expect(alpha.divergence == 50)
        // beta: b1 high (4), b2 applies but only the head answered: 3 → 4 points.
        let beta = try #require(assessment.dimension("beta"))
        #expect(beta.score == 100)
        // overall: (2 + 5) / 2 = 3.5 → halves down → 3; cap 2 + 1 = 3.
        #expect(assessment.overall.rawValue == 3.5)
        #expect(assessment.overall.level == 3)
    }

    @Test func provisionalWhenCoverageIsLow() throws {
        let sparse = try #require(
            Fixtures.questionnaire(
                Fixtures.miniHeader() + """
                    answers:
                      alpha:
                        q1: full
                        q4: dont-know
                      beta:
                        b1: high
                    """))
        let assessment = ScoringEngine(rubric: Fixtures.mini).assess([sparse])
        let alpha = try #require(assessment.dimension("alpha"))
        // answered weight 2 of applicable 5 → 40 % < 60 %.
        #expect(alpha.coverage == 40)
        #expect(alpha.provisional)
        #expect(alpha.score == 100)
        let beta = try #require(assessment.dimension("beta"))
        // b2 applies (b1 is high) but is not answered: 1 of 2 → 50 %.
        #expect(beta.coverage == 50)
        #expect(assessment.overall.provisional)
    }

    @Test func gateCapsTheLevel() throws {
        let gated = try #require(
            Fixtures.questionnaire(
                Fixtures.miniHeader() + """
                    answers:
                      alpha:
                        q1: none
                        q2: 4
                        q3: 10
                        q4: yes
                      beta:
                        b1: low
                    """))
        let assessment = ScoringEngine(rubric: Fixtures.mini).assess([gated])
        let alpha = try #require(assessment.dimension("alpha"))
        // 100 × (0 + 4 + 4 + 4) / 20 = 60 → threshold level 3, but gate q1-some fails → level 2.
        #expect(alpha.score == 60)
        #expect(alpha.thresholdLevel == 3)
        #expect(alpha.level == 2)
        #expect(alpha.failedGates.map(\.gateID) == ["q1-some"])
        #expect(alpha.distanceToNext == 0)
        // b2 is skipped because b1 is low: beta has one applicable question.
        let beta = try #require(assessment.dimension("beta"))
        #expect(beta.questions[1].answer.status == .skipped)
        #expect(beta.coverage == 100)
        #expect(beta.level == 1)
    }
}
