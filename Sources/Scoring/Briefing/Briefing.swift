import RubricModel

/// How one question's combined answer moved between two rounds.
public struct QuestionChange: Sendable {
    public var questionID: String
    public var dimensionID: String
    public var previous: ResolvedAnswer
    public var current: ResolvedAnswer
    /// current − previous points (both answered).
    public var pointsDelta: Double
}

public struct DimensionChange: Sendable {
    public var dimensionID: String
    public var previousLevel: Int
    public var level: Int
    public var previousScore: Double
    public var score: Double
    /// The target the library set in the previous round, and whether it is reached now.
    public var previousTarget: Int?
    public var targetReached: Bool?
}

/// The previous round's recommendations and what became of them.
public struct FollowUp: Sendable {
    public var recommendationID: String
    public var dimensionID: String
    /// The trigger no longer fires.
    public var resolved: Bool
    /// It was on the previous round's agenda (rather than only triggered).
    public var wasOnAgenda: Bool
}

/// A question the respondents answered far apart: a topic for the coaching day.
public struct Disagreement: Sendable {
    public var questionID: String
    public var dimensionID: String
    public var divergence: Double
    public var answers: [RespondentAnswer]
}

/// Everything the coach reads before a visit (issue: the coach's briefing).
public struct Briefing: Sendable {
    public var assessment: Assessment
    public var previous: Assessment?
    public var dimensionChanges: [DimensionChange]
    public var improved: [QuestionChange]
    public var worsened: [QuestionChange]
    public var followUps: [FollowUp]
    public var disagreements: [Disagreement]
    public var nextLevelPaths: [NextLevelPath]
    public var agenda: Agenda
}

public struct BriefingBuilder: Sendable {
    public let engine: ScoringEngine
    public var budgetHours: Double

    public init(rubric: Rubric, budgetHours: Double = 6) {
        self.engine = ScoringEngine(rubric: rubric)
        self.budgetHours = budgetHours
    }

    public func build(current: [Questionnaire], previous: [Questionnaire]?) -> Briefing {
        let rubric = engine.rubric
        let assessment = engine.assess(current)
        let previousAssessment = previous.flatMap { $0.isEmpty ? nil : engine.assess($0) }
        let planner = AgendaPlanner(rubric: rubric)
        var dimensionChanges: [DimensionChange] = []
        var improved: [QuestionChange] = []
        var worsened: [QuestionChange] = []
        var followUps: [FollowUp] = []
        if let before = previousAssessment {
            for dimension in assessment.dimensions {
                guard let old = before.dimension(dimension.dimensionID) else { continue }
                dimensionChanges.append(
                    DimensionChange(
                        dimensionID: dimension.dimensionID, previousLevel: old.level, level: dimension.level,
                        previousScore: old.score, score: dimension.score, previousTarget: old.target,
                        targetReached: old.target.map { dimension.level >= $0 }))
                for question in dimension.questions where question.scored {
                    guard let oldQuestion = old.questions.first(where: { $0.questionID == question.questionID }),
                        question.answered, oldQuestion.answered, let now = question.answer.points,
                        let then = oldQuestion.answer.points, abs(now - then) > 1e-9
                    else { continue }
                    let change = QuestionChange(
                        questionID: question.questionID, dimensionID: dimension.dimensionID, previous: oldQuestion.answer,
                        current: question.answer, pointsDelta: now - then)
                    if now > then { improved.append(change) } else { worsened.append(change) }
                }
            }
            // Largest moves first; rubric order breaks ties.
            let order = Dictionary(uniqueKeysWithValues: rubric.allQuestions.enumerated().map { ($1.id, $0) })
            improved.sort { ($1.pointsDelta, order[$0.questionID]!) < ($0.pointsDelta, order[$1.questionID]!) }
            worsened.sort { ($0.pointsDelta, order[$0.questionID]!) < ($1.pointsDelta, order[$1.questionID]!) }
            let previousAgenda = planner.plan(before, budgetHours: budgetHours)
            let onAgenda = Set((previousAgenda.items + previousAgenda.homework).map(\.recommendationID))
            let nowTriggered = Set(assessment.triggered.map(\.recommendationID))
            followUps = before.triggered.map { old in
                FollowUp(
                    recommendationID: old.recommendationID, dimensionID: old.dimensionID,
                    resolved: !nowTriggered.contains(old.recommendationID), wasOnAgenda: onAgenda.contains(old.recommendationID))
            }
        }
        let threshold = rubric.scoring.disagreementThreshold
        let order = Dictionary(uniqueKeysWithValues: rubric.allQuestions.enumerated().map { ($1.id, $0) })
        let disagreements = assessment.dimensions.flatMap { dimension in
            dimension.questions.compactMap { question -> Disagreement? in
                guard let divergence = question.divergence, divergence >= threshold else { return nil }
                return Disagreement(
                    questionID: question.questionID, dimensionID: dimension.dimensionID, divergence: divergence,
                    answers: question.respondents)
            }
        }.sorted { ($1.divergence, order[$0.questionID]!) < ($0.divergence, order[$1.questionID]!) }
        let paths = NextLevelPlanner(engine: engine).paths(for: current, assessment: assessment)
        return Briefing(
            assessment: assessment, previous: previousAssessment, dimensionChanges: dimensionChanges, improved: improved,
            worsened: worsened, followUps: followUps, disagreements: disagreements,
            nextLevelPaths: rubric.dimensions.compactMap { paths[$0.id] },
            agenda: planner.plan(assessment, budgetHours: budgetHours))
    }
}
