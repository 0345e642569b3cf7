import RubricModel

/// A weak answer shared by one or more libraries ("nobody", given by 7 libraries).
public struct WeakAnswer: Sendable {
    /// The combined answer (for `combine: mean`, the mean as `.number`, also in `numericValue`).
    public var value: AnswerValue
    public var numericValue: Double?
    /// Points 0–4 of the combined answer.
    public var points: Double
    /// Libraries that gave it, sorted by id.
    public var libraryIDs: [String]
}

/// A question that many libraries answer weakly: a candidate for a joint webinar.
public struct QuestionFinding: Sendable {
    public var questionID: String
    public var dimensionID: String
    /// Libraries whose combined answer is weak (points ≤ `ProgrammeOptions.weakPoints`).
    public var libraryIDs: [String]
    /// The weak answers grouped by value, most frequent first (then fewest points, then first seen).
    public var weakAnswers: [WeakAnswer]
    public var reach: Int { libraryIDs.count }
}

/// A recommendation that fires for many libraries: a candidate for a programme-wide measure.
public struct RecommendationFinding: Sendable {
    public var recommendationID: String
    public var dimensionID: String
    /// Libraries for which it fires, sorted by id.
    public var libraryIDs: [String]
    public var reach: Int { libraryIDs.count }
}

/// Finds what many libraries share (docs/COMPARE.md, "Programme findings").
struct FindingsCollector {
    let rubric: Rubric
    let options: ProgrammeOptions

    /// The default reach: max(2, ⌈n ÷ 3⌉).
    static func defaultMinReach(libraries: Int) -> Int { max(2, (libraries + 2) / 3) }

    func questions(_ assessments: [ProgrammeRound], minReach: Int) -> [QuestionFinding] {
        let questions = rubric.allQuestions
        // Weak answers per question, in the order of `assessments`, as positions (round, answer): copying each weak
        // answer with its library id was most of this with 25,000 libraries.
        var weakByQuestion = [[(round: Int32, answer: Int32)]](repeating: [], count: questions.count)
        var findings: [(finding: QuestionFinding, weight: Int, order: Int)] = []
        // Through the buffer, whose subscript lends each round out: `for assessment in` copied every round.
        assessments.withUnsafeBufferPointer { assessments in
            for round in assessments.indices {
                let weakAnswers = assessments[round].weakAnswers
                for answer in weakAnswers.indices where weakAnswers[answer].points <= options.weakPoints + 1e-9 {
                    let question = weakAnswers[answer].question
                    if question < questions.count { weakByQuestion[question].append((Int32(round), Int32(answer))) }
                }
            }
            for (order, question) in questions.enumerated() where question.isScored {
                var libraries: [String] = []
                var groups: [WeakAnswer] = []
                libraries.reserveCapacity(weakByQuestion[order].count)
                for (round, position) in weakByQuestion[order] {
                    let libraryID = assessments[Int(round)].library.id
                    libraries.append(libraryID)
                    assessments[Int(round)].weakAnswers.withUnsafeBufferPointer { weakAnswers in
                        let answer = weakAnswers[Int(position)]
                        let value = answer.value, numeric = answer.numericValue
                        if let index = groups.firstIndex(where: { $0.value == value && $0.numericValue == numeric }) {
                            groups[index].libraryIDs.append(libraryID)
                        } else {
                            groups.append(
                                WeakAnswer(value: value, numericValue: numeric, points: answer.points, libraryIDs: [libraryID]))
                        }
                    }
                }
                guard libraries.count >= minReach else { continue }
                let ranked = groups.enumerated().sorted { a, b in
                    if a.element.libraryIDs.count != b.element.libraryIDs.count {
                        return a.element.libraryIDs.count > b.element.libraryIDs.count
                    }
                    if a.element.points != b.element.points { return a.element.points < b.element.points }
                    return a.offset < b.offset
                }.map(\.element)
                findings.append(
                    (QuestionFinding(
                        questionID: question.id, dimensionID: question.dimensionID, libraryIDs: libraries.sorted(),
                        weakAnswers: ranked), question.weight, order))
            }
        }
        // Reach first, then the question's weight (it moves the score more), then rubric order.
        return findings.sorted { a, b in
            if a.finding.reach != b.finding.reach { return a.finding.reach > b.finding.reach }
            if a.weight != b.weight { return a.weight > b.weight }
            return a.order < b.order
        }.prefix(options.findingsLimit).map(\.finding)
    }

    func recommendations(_ assessments: [ProgrammeRound], minReach: Int) -> [RecommendationFinding] {
        let recommendations = rubric.allRecommendations
        var firingFor = [[String]](repeating: [], count: recommendations.count)
        assessments.withUnsafeBufferPointer { assessments in
            for position in assessments.indices {
                for index in assessments[position].triggered where index < recommendations.count {
                    firingFor[index].append(assessments[position].library.id)
                }
            }
        }
        var findings: [(finding: RecommendationFinding, impact: Int, order: Int)] = []
        for (order, recommendation) in recommendations.enumerated() {
            let libraries = firingFor[order].sorted()
            guard libraries.count >= minReach else { continue }
            findings.append(
                (RecommendationFinding(
                    recommendationID: recommendation.id, dimensionID: recommendation.dimensionID, libraryIDs: libraries),
                    recommendation.impact.weight, order))
        }
        // Reach first, then impact, then rubric order.
        return findings.sorted { a, b in
            if a.finding.reach != b.finding.reach { return a.finding.reach > b.finding.reach }
            if a.impact != b.impact { return a.impact > b.impact }
            return a.order < b.order
        }.prefix(options.findingsLimit).map(\.finding)
    }
}
