import Diagnostics
import RubricModel
import YAML

/// Turns the questionnaires of one library and round into an `Assessment`, exactly as docs/FORMAT.md §3
/// says. Pure: no I/O, no clock.
public struct ScoringEngine: Sendable {
    public let rubric: Rubric

    public init(rubric: Rubric) { self.rubric = rubric }

    /// How much of its reasoning an assessment carries. Levels, scores and findings are the same either way.
    public enum Detail: Sendable {
        /// Everything the briefing and `explain` show.
        case full
        /// Without each respondent's own answers, the gates' unanswered questions and the answers behind a firing
        /// recommendation: what the programme view and `validate` read, at a fraction of the work per library.
        case summary
    }

    /// Scores one library and round. All `questionnaires` must belong to the same library and round (use
    /// `Cohort` to group); their order does not matter.
    public func assess(_ questionnaires: [Questionnaire], detail: Detail = .full) -> Assessment {
        precondition(!questionnaires.isEmpty, "assess needs at least one questionnaire")
        let sorted = sortedRespondents(questionnaires)
        let combined = combine(sorted, keepingRespondents: detail == .full)
        var context = CombinedContext(combined)
        let dimensions = scoreDimensions(combined: combined, context: context, targets: targets(sorted), detail: detail)
        context.place(dimensions)
        let overall = overallLevel(dimensions)
        let consistency = consistencyFindings(context: context, combined: combined)
        let triggered = rubric.allRecommendations.compactMap { recommendation -> TriggeredRecommendation? in
            guard recommendation.when.evaluate(in: context) else { return nil }
            let because = detail == .full ? recommendation.whenQuestionIDs.map { ($0, context.answer($0)) } : []
            return TriggeredRecommendation(
                recommendationID: recommendation.id, dimensionID: recommendation.dimensionID, because: because,
                prerequisitesMet: recommendation.requiredCondition?.evaluate(in: context) ?? true)
        }
        return Assessment(
            library: sorted[0].library, round: sorted[0].round, date: sorted.compactMap(\.date).max(),
            coachingDay: sorted.compactMap(\.coachingDay).first, respondents: sorted.map(\.respondent),
            dimensions: dimensions, overall: overall, consistency: consistency, triggered: triggered,
            stamp: Stamp(
                rubricID: rubric.id, rubricVersion: rubric.version, rubricHash: rubric.contentHash,
                engineVersion: EngineVersion.current, files: sorted.map(\.file).sorted()),
            writtenForVersions: Array(Set(sorted.map(\.rubricVersion))).sorted())
    }

    /// The consistency findings alone, exactly as `assess(questionnaires).consistency` gives them: what `validate`
    /// reports for each file. Dimensions are scored only once a rule asks for a level or a score.
    public func consistencyFindings(_ questionnaires: [Questionnaire]) -> [ConsistencyFinding] {
        precondition(!questionnaires.isEmpty, "consistencyFindings needs at least one questionnaire")
        let sorted = sortedRespondents(questionnaires)
        let combined = combine(sorted, keepingRespondents: false)
        let answers = CombinedContext(combined)
        let placed = LevelsOnDemand {
            var context = answers
            context.place(self.scoreDimensions(combined: combined, context: answers, targets: self.targets(sorted), detail: .summary))
            return context
        }
        return consistencyFindings(context: LevelsOnDemand.Context(answers: answers, placed: placed), combined: combined)
    }

    /// Every dimension scored on the combined answers (conditions see no levels yet), in rubric order.
    private func scoreDimensions(
        combined: Combined, context: CombinedContext, targets: [String: Int], detail: Detail
    ) -> [DimensionResult] {
        var dimensions: [DimensionResult] = []
        var firstPosition = 0  // of the dimension's questions in `rubric.allQuestions`
        for dimension in rubric.dimensions {
            dimensions.append(
                scoreDimension(
                    dimension, firstPosition: firstPosition, combined: combined, context: context, targets: targets,
                    detail: detail))
            firstPosition += dimension.questions.count
        }
        return dimensions
    }

    // MARK: - Respondents

    /// Role order of the model, then name, then file: the tie-break order of §3.7.
    func sortedRespondents(_ questionnaires: [Questionnaire]) -> [Questionnaire] {
        // The roles are a handful: found by comparing their ids rather than through a dictionary made per library.
        let roles = rubric.roles
        func roleOrder(_ role: String) -> Int { roles.firstIndex { $0.id == role } ?? Int.max }
        return questionnaires.sorted {
            let l = (roleOrder($0.respondent.role), $0.respondent.name ?? "", $0.file)
            let r = (roleOrder($1.respondent.role), $1.respondent.name ?? "", $1.file)
            return l < r
        }
    }

    private func targets(_ questionnaires: [Questionnaire]) -> [String: Int] {
        var targets: [String: Int] = [:]
        for questionnaire in questionnaires {
            for (dimension, level) in questionnaire.targets where targets[dimension] == nil { targets[dimension] = level }
        }
        return targets
    }

    struct Combined {
        /// By position in `rubric.allQuestions`: the combined answer (skipped ones marked), every respondent's own
        /// answer, and the divergence when two or more respondents gave points.
        var resolved: [ResolvedAnswer]
        /// Positions by question id (the rubric's `questionPositions`), for conditions.
        var order: QuestionPositions
        /// Per question (empty without `keepingRespondents`).
        var respondents: [[RespondentAnswer]]
        var divergence: [Double?]
        /// Where the first respondent (in tie-break order) answered: what a consistency finding points at.
        var firstLocation: [SourceLocation?]
    }

    /// One respondent's usable facts about one question: what combining needs of a `RespondentAnswer`.
    struct Given {
        var value: AnswerValue
        var points: Double?
        var role: String
        /// The date of the answer's own questionnaire, the one its points were computed with.
        var date: CalendarDate?
    }

    /// Combines the respondents' answers per question (§3.7) and applies the skip logic to the result.
    /// Without `keepingRespondents` the respondents' own answers are left out (`respondents` is empty).
    func combine(_ questionnaires: [Questionnaire], keepingRespondents: Bool = true) -> Combined {
        let questions = rubric.allQuestions
        var resolved: [ResolvedAnswer] = []
        resolved.reserveCapacity(questions.count)
        var respondents: [[RespondentAnswer]] = []
        if keepingRespondents { respondents.reserveCapacity(questions.count) }
        var divergence: [Double?] = []
        divergence.reserveCapacity(questions.count)
        var firstLocation: [SourceLocation?] = []
        firstLocation.reserveCapacity(questions.count)
        var given: [Given] = []
        given.reserveCapacity(questionnaires.count)
        // Taken out once: reading them through `questionnaires` inside the loop below copied every questionnaire
        // (a dozen reference counts) once per question. Answers read against this rubric (or a copy of it) are taken
        // where they stand; others (built by hand) are put in its order once.
        let order = rubric.questionPositions
        var answerSets: [Answers] = []
        var dates: [CalendarDate?] = []
        var roles: [String] = []
        answerSets.reserveCapacity(questionnaires.count)
        dates.reserveCapacity(questionnaires.count)
        roles.reserveCapacity(questionnaires.count)
        // Field by field through the buffer: mapping the array (or by key paths) copied each whole questionnaire,
        // a dozen reference counts, to read one field.
        questionnaires.withUnsafeBufferPointer { questionnaires in
            for index in questionnaires.indices {
                let answers = questionnaires[index].answers
                answerSets.append(answers.positions.hasSameOrder(as: order) ? answers : Answers(positions: order, from: answers))
                dates.append(questionnaires[index].date)
                roles.append(questionnaires[index].respondent.role)
            }
        }
        for (position, question) in questions.enumerated() {
            given.removeAll(keepingCapacity: true)
            var own: [RespondentAnswer] = []
            var first: SourceLocation?
            for index in answerSets.indices {
                guard let value = answerSets[index].value(at: position) else { continue }
                if first == nil { first = answerSets[index].location(at: position) }
                let points = question.points(for: value, questionnaireDate: dates[index])
                given.append(Given(value: value, points: points, role: roles[index], date: dates[index]))
                if keepingRespondents, let answer = answerSets[index][position: position] {
                    if own.isEmpty { own.reserveCapacity(questionnaires.count) }
                    own.append(
                        RespondentAnswer(
                            role: roles[index], name: questionnaires[index].respondent.name,
                            file: questionnaires[index].file, value: answer.value, points: points, note: answer.note,
                            evidence: answer.evidence, location: answer.location))
                }
            }
            let answer = resolve(question, given)
            resolved.append(answer)
            divergence.append(Self.divergence(given))
            if keepingRespondents { respondents.append(own) }
            firstLocation.append(first)
        }
        // Skip logic on the combined answers; skipped questions neither score nor count for coverage. All
        // conditions see the answers before skipping; marking them only once the context is gone also spares a
        // copy of the array it shares.
        var skipped: [Int] = []
        do {
            let context = CombinedContext(resolved: resolved, order: order)
            for (position, question) in questions.enumerated() {
                if let condition = question.appliesWhen, !condition.evaluate(in: context) { skipped.append(position) }
            }
        }
        for position in skipped { resolved[position] = ResolvedAnswer(status: .skipped) }
        return Combined(
            resolved: resolved, order: order, respondents: respondents, divergence: divergence,
            firstLocation: firstLocation)
    }

    /// 25 × (highest − lowest points) of the usable answers, when at least two gave points.
    private static func divergence(_ given: [Given]) -> Double? {
        var count = 0, high = -Double.infinity, low = Double.infinity
        for answer in given where answer.value.isUsable {
            guard let points = answer.points else { continue }
            count += 1
            high = max(high, points)
            low = min(low, points)
        }
        return count >= 2 ? 25 * (high - low) : nil
    }

    private func resolve(_ question: Question, _ given: [Given]) -> ResolvedAnswer {
        guard let firstUsable = given.firstIndex(where: { $0.value.isUsable }) else {
            if given.contains(where: { $0.value == .dontKnow }) { return ResolvedAnswer(status: .dontKnow) }
            if given.contains(where: { $0.value == .notApplicable }) { return ResolvedAnswer(status: .notApplicable) }
            return .missing
        }
        func numeric(_ index: Int) -> Double? {
            question.numericValue(for: given[index].value, questionnaireDate: given[index].date)
        }
        /// The first usable answer with the fewest points (answers without points count as the most).
        func lowest() -> Int {
            var chosen = firstUsable
            for index in given.indices.dropFirst(firstUsable + 1) where given[index].value.isUsable {
                if (given[index].points ?? .infinity) < (given[chosen].points ?? .infinity) { chosen = index }
            }
            return chosen
        }
        let chosen: Int
        switch question.combine {
        case .mean:
            var pointsSum = 0.0, pointsCount = 0, valueSum = 0.0, valueCount = 0
            for index in given.indices where given[index].value.isUsable {
                if let points = given[index].points {
                    pointsSum += points
                    pointsCount += 1
                }
                if let value = numeric(index) {
                    valueSum += value
                    valueCount += 1
                }
            }
            let meanPoints = pointsCount == 0 ? nil : pointsSum / Double(pointsCount)
            let meanValue = valueCount == 0 ? nil : valueSum / Double(valueCount)
            let value: AnswerValue = meanValue.map { .number($0) } ?? given[firstUsable].value
            return ResolvedAnswer(status: .answered, value: value, points: meanPoints, numericValue: meanValue)
        case .lowest:
            chosen = lowest()
        case .authority:
            chosen =
                given.indices.dropFirst(firstUsable).first { given[$0].value.isUsable && given[$0].role == question.authority }
                ?? lowest()
        }
        return ResolvedAnswer(
            status: .answered, value: given[chosen].value, points: given[chosen].points, numericValue: numeric(chosen))
    }

    // MARK: - Dimensions

    private func scoreDimension(
        _ dimension: RubricDimension, firstPosition: Int, combined: Combined, context: CombinedContext,
        targets: [String: Int], detail: Detail
    ) -> DimensionResult {
        var questions: [QuestionResult] = []
        questions.reserveCapacity(dimension.questions.count)
        var weighted = 0.0, possible = 0.0, answeredWeight = 0.0, applicableWeight = 0.0
        var divergenceSum = 0.0, divergenceWeight = 0.0
        for (offset, question) in dimension.questions.enumerated() {
            let position = firstPosition + offset
            let answer = combined.resolved[position]
            let applicable = question.isScored && answer.status != .skipped && answer.status != .notApplicable
            let answered = applicable && answer.status == .answered && answer.points != nil
            let weight = Double(question.weight)
            if applicable { applicableWeight += weight }
            var contribution: Double?, maxContribution: Double?
            if answered, let points = answer.points {
                contribution = weight * points
                maxContribution = weight * 4
                weighted += weight * points
                possible += weight * 4
                answeredWeight += weight
            }
            // Skipped and not-applicable questions are no discussion topic either.
            let divergence = applicable ? combined.divergence[position] : nil
            if let divergence {
                divergenceSum += weight * divergence
                divergenceWeight += weight
            }
            questions.append(
                QuestionResult(
                    questionID: question.id, weight: question.weight, scored: question.isScored, answer: answer,
                    respondents: combined.respondents.isEmpty ? [] : combined.respondents[position],
                    applicable: applicable, answered: answered, contribution: contribution,
                    maxContribution: maxContribution, divergence: divergence))
        }
        let score = possible > 0 ? Rounding.oneDecimal(100 * weighted / possible) : 0
        let coverage = applicableWeight > 0 ? Rounding.whole(100 * answeredWeight / applicableWeight) : 0
        let placement = place(score: score, dimension: dimension, context: context, listingUnanswered: detail == .full)
        return DimensionResult(
            dimensionID: dimension.id, score: score, coverage: coverage, thresholdLevel: placement.thresholdLevel,
            level: placement.level, provisional: coverage < rubric.scoring.minCoverage, gates: placement.gates,
            distanceToNext: placement.distance, borderline: placement.borderline, questions: questions,
            divergence: divergenceWeight > 0 ? Rounding.oneDecimal(divergenceSum / divergenceWeight) : nil,
            target: targets[dimension.id])
    }

    struct Placement {
        var thresholdLevel: Int
        var level: Int
        var gates: [GateResult]
        var distance: Double?
        var borderline: Borderline?
    }

    /// Threshold level, gates, distance and borderline for a score (§3.5, §3.6).
    func place(
        score: Double, dimension: RubricDimension, context: some ConditionContext, listingUnanswered: Bool = true
    ) -> Placement {
        var thresholdLevel = 1
        for level in 2...5 where score >= dimension.threshold(for: level) { thresholdLevel = level }
        var level = thresholdLevel
        let gates = dimension.gates.map { gate -> GateResult in
            let met = gate.require.evaluate(in: context)
            let checked = gate.level <= thresholdLevel
            if checked, !met { level = min(level, gate.level - 1) }
            let unanswered = listingUnanswered ? gate.requiredQuestionIDs.filter { context.answer($0).status != .answered } : []
            return GateResult(gateID: gate.id, level: gate.level, met: met, checked: checked, unansweredQuestions: unanswered)
        }
        var distance: Double?
        var borderline: Borderline?
        let margin = rubric.scoring.borderlineMargin
        if level < 5 {
            distance = level < thresholdLevel ? 0 : Rounding.oneDecimal(dimension.threshold(for: level + 1) - score)
            if let gap = distance, gap > 0, gap <= margin { borderline = .nearNext }
        }
        if borderline == nil, level >= 2, level == thresholdLevel, score - dimension.threshold(for: level) < margin {
            borderline = .justReached
        }
        return Placement(thresholdLevel: thresholdLevel, level: level, gates: gates, distance: distance, borderline: borderline)
    }

    /// The placed level of `place(score:dimension:context:)` alone, without building the gate results.
    func placedLevel(score: Double, dimension: RubricDimension, context: some ConditionContext) -> Int {
        var thresholdLevel = 1
        for level in 2...5 where score >= dimension.threshold(for: level) { thresholdLevel = level }
        var level = thresholdLevel
        for gate in dimension.gates where gate.level <= thresholdLevel && !gate.require.evaluate(in: context) {
            level = min(level, gate.level - 1)
        }
        return level
    }

    // MARK: - Overall

    func overallLevel(_ dimensions: [DimensionResult]) -> OverallResult {
        let levels = dimensions.map(\.level)
        let weights = rubric.dimensions.map { Double($0.weight) }
        let lowest = levels.min() ?? 1
        var raw: Double
        var level: Int
        switch rubric.scoring.overallMethod {
        case .weightedMean:
            raw = zip(levels, weights).reduce(0) { $0 + Double($1.0) * $1.1 } / max(weights.reduce(0, +), 1)
            level = Int((raw - 0.5).rounded(.up))  // nearest, halves down
        case .median:
            let sorted = levels.sorted()
            level = sorted.isEmpty ? 1 : sorted[(sorted.count - 1) / 2]
            raw = Double(level)
        case .minimum:
            level = lowest
            raw = Double(level)
        }
        level = max(1, min(5, level))
        var cappedFrom: Int?
        if let cap = rubric.scoring.maxAboveLowest, level > lowest + cap {
            cappedFrom = level
            level = lowest + cap
        }
        return OverallResult(
            level: level, provisional: dimensions.contains(where: \.provisional), method: rubric.scoring.overallMethod,
            rawValue: Rounding.twoDecimals(raw), cappedFrom: cappedFrom)
    }

    // MARK: - Consistency

    private func consistencyFindings(context: some ConditionContext, combined: Combined) -> [ConsistencyFinding] {
        rubric.allConsistencyRules.compactMap { rule in
            guard rule.when.evaluate(in: context) else { return nil }
            let questionIDs = rule.whenQuestionIDs
            let location = questionIDs.lazy
                .compactMap { id in rubric.questionPositions.position(of: id).flatMap { combined.firstLocation[$0] } }.first
            return ConsistencyFinding(
                ruleID: rule.id, dimensionID: rule.dimensionID, message: rule.message, location: location,
                questionIDs: questionIDs)
        }
    }
}

/// Conditions over combined answers and (once placed) levels and scores.
struct CombinedContext: ConditionContext {
    /// By position in `rubric.allQuestions`, found through `order`.
    let resolved: [ResolvedAnswer]
    let order: QuestionPositions
    /// The placed dimensions, in the order placed (a later one with the same id wins): a handful, found faster by
    /// comparing their short ids than by hashing them into dictionaries for every library.
    private var placed: [(dimensionID: String, level: Int, score: Double)] = []

    init(resolved: [ResolvedAnswer], order: QuestionPositions) {
        self.resolved = resolved
        self.order = order
    }

    init(_ combined: ScoringEngine.Combined) { self.init(resolved: combined.resolved, order: combined.order) }

    func answer(_ questionID: String) -> ResolvedAnswer { order.position(of: questionID).map { resolved[$0] } ?? .missing }

    /// Levels and scores from now on.
    mutating func place(_ dimensions: [DimensionResult]) {
        placed.reserveCapacity(placed.count + dimensions.count)
        for result in dimensions { placed.append((result.dimensionID, result.level, result.score)) }
    }

    func level(_ dimensionID: String) -> Int? { placed.last { $0.dimensionID == dimensionID }?.level }
    func score(_ dimensionID: String) -> Double? { placed.last { $0.dimensionID == dimensionID }?.score }
}

/// Levels and scores placed the first time a condition asks for one (the context then placed is kept).
private final class LevelsOnDemand {
    private let place: () -> CombinedContext
    private var placed: CombinedContext?

    init(_ place: @escaping () -> CombinedContext) { self.place = place }

    var context: CombinedContext {
        if let placed { return placed }
        let context = place()
        placed = context
        return context
    }

    /// The combined answers at once, levels and scores on demand.
    struct Context: ConditionContext {
        let answers: CombinedContext
        let placed: LevelsOnDemand

        func answer(_ questionID: String) -> ResolvedAnswer { answers.answer(questionID) }
        func level(_ dimensionID: String) -> Int? { placed.context.level(dimensionID) }
        func score(_ dimensionID: String) -> Double? { placed.context.score(dimensionID) }
    }
}

/// The rounding rules of docs/FORMAT.md §3: halves away from zero.
public enum Rounding {
    public static func oneDecimal(_ value: Double) -> Double { (value * 10).rounded(.toNearestOrAwayFromZero) / 10 }
    public static func twoDecimals(_ value: Double) -> Double { (value * 100).rounded(.toNearestOrAwayFromZero) / 100 }
    public static func whole(_ value: Double) -> Double { value.rounded(.toNearestOrAwayFromZero) }
}
