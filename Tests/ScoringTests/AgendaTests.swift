import RubricModel
import Scoring
import Testing

@Suite struct AgendaTests {
    static let rubric = Fixtures.shipped
    static let engine = ScoringEngine(rubric: rubric)
    static let planner = AgendaPlanner(rubric: rubric)

    static func assessments(seed: UInt64, count: Int) -> [Assessment] {
        var generator = SeededGenerator(seed: seed)
        let sampler = AnswerSampler(rubric: rubric)
        return (0..<count).map { _ in engine.assess([sampler.random(using: &generator)]) }
    }

    @Test(arguments: [2.0, 4.5, 6, 8]) func budgetRespectedAndOrderDocumented(budget: Double) {
        for assessment in Self.assessments(seed: 3, count: 60) {
            let agenda = Self.planner.plan(assessment, budgetHours: budget)
            #expect(agenda.plannedHours <= budget + 1e-9)
            let triggered = Set(assessment.triggered.map(\.recommendationID))
            for item in agenda.items + agenda.homework {
                // No recommendation without a firing trigger.
                #expect(triggered.contains(item.recommendationID))
                #expect(!item.because.isEmpty || Self.rubric.recommendation(item.recommendationID)!.when.questionIDs.isEmpty)
            }
            // Blockers first: no blocker left out for time while a lower class got time on the day.
            let leftBlockers = agenda.leftOut.filter { $0.agendaClass == .blocker && $0.reason == .noTimeLeft }
            if let smallest = leftBlockers.map(\.hours).min() {
                let lowerClassHours = agenda.items.filter { $0.agendaClass > .blocker }.map(\.hours)
                #expect(lowerClassHours.allSatisfy { $0 < smallest } || lowerClassHours.isEmpty || smallest > budget)
            }
            // Prerequisites: each required recommendation that fires is on the agenda earlier.
            var seen = Set<String>()
            for item in agenda.items {
                let recommendation = Self.rubric.recommendation(item.recommendationID)!
                for required in recommendation.requiredRecommendations where triggered.contains(required) {
                    #expect(seen.contains(required) || agenda.homework.contains { $0.recommendationID == required })
                }
                #expect(recommendation.requiredCondition.map { _ in assessment.triggered.first { $0.recommendationID == item.recommendationID }!.prerequisitesMet } ?? true)
                seen.insert(item.recommendationID)
            }
            // Times are consecutive (with at most one lunch break).
            var minute = 0
            for item in agenda.items {
                if let lunch = agenda.lunchStartMinute, minute == lunch { minute += Agenda.lunchMinutes }
                #expect(item.startMinute == minute)
                minute += Int((item.hours * 60).rounded())
            }
        }
    }

    @Test func blockersComeFirstAndStrategyDocumentWaitsForExploration() throws {
        let sampler = AnswerSampler(rubric: Self.rubric)
        let worst = Self.engine.assess([sampler.allWorst()])
        let agenda = Self.planner.plan(worst)
        let classes = agenda.items.map(\.agendaClass)
        #expect(classes.first == .blocker)
        // Items are grouped by session, but within the chosen set blockers were picked before anything else.
        let chosenBlockers = agenda.items.filter { $0.agendaClass == .blocker }.map(\.hours).reduce(0, +)
        #expect(chosenBlockers > 0)
        // Exploration is at level 1, so the strategy document is "not yet".
        let strategyDocument = agenda.leftOut.first { $0.recommendationID == "write-strategy-document" }
        #expect(strategyDocument?.reason == .notYet)
        #expect(!agenda.items.contains { $0.recommendationID == "write-strategy-document" })
    }

    @Test func miniRubricPrerequisiteOrder() throws {
        let q = try #require(
            Fixtures.questionnaire(
                Fixtures.miniHeader() + """
                    answers:
                      alpha:
                        q1: some
                        q2: 1
                        q3: 0
                        q4: nein
                      beta:
                        b1: low
                    """))
        let assessment = ScoringEngine(rubric: Fixtures.mini).assess([q])
        // Budget 2: the blocker 'unblock' (1.5 h) first; beta is the weakest dimension, but its 'strategy-later'
        // needs alpha at level 3; 'raise-q1' (2 h) does not fit, so 'follow-up' would need it first.
        let agenda = AgendaPlanner(rubric: Fixtures.mini).plan(assessment, budgetHours: 2)
        #expect(agenda.items.map(\.recommendationID) == ["unblock"])
        #expect(agenda.leftOut.map(\.recommendationID) == ["strategy-later", "raise-q1", "follow-up"])
        #expect(agenda.leftOut.map(\.reason) == [.notYet, .noTimeLeft, .needsFirst("raise-q1")])
        #expect(agenda.homework.map(\.recommendationID) == ["homework"])
        // With a full day both fit, in prerequisite order.
        let day = AgendaPlanner(rubric: Fixtures.mini).plan(assessment, budgetHours: 6.5)
        #expect(day.items.map(\.recommendationID) == ["unblock", "raise-q1", "follow-up"])
        #expect(day.items.map(\.startMinute) == [0, 90, 210 + Agenda.lunchMinutes])
        #expect(day.lunchStartMinute == 210)
    }
}
