import RubricModel

/// One concrete answer change: "raise 'holiday-cover' from 'someone-will' to 'named-deputy'".
public struct AnswerChange: Sendable {
    public var questionID: String
    /// The combined answer now (nil value when unanswered or don't know).
    public var from: ResolvedAnswer
    public var to: AnswerValue
    public var pointsFrom: Double?
    public var pointsTo: Double
}

/// The smallest set of answer changes that lifts a dimension to the next level, respecting gates.
public struct NextLevelPath: Sendable {
    public var dimensionID: String
    public var fromLevel: Int
    public var targetLevel: Int
    public var changes: [AnswerChange]
    /// The score the changes would give.
    public var resultingScore: Double
}

/// Finds next-level paths by searching subsets of questions in increasing size (so the first size that
/// works is the smallest), then lowering each change to the least raise that still reaches the level.
public struct NextLevelPlanner: Sendable {
    public let engine: ScoringEngine
    /// The largest number of changes searched.
    public var maxChanges = 5
    /// The most subsets tried for one size; beyond it the search stops, so a rubric with very many questions
    /// in a dimension cannot make the briefing hang (it then shows no path for that dimension).
    public var maxSubsetsPerSize = 20_000

    public init(engine: ScoringEngine) { self.engine = engine }

    /// The path for each dimension below level 5 (nil entries when no path within `maxChanges` exists).
    public func paths(for questionnaires: [Questionnaire], assessment: Assessment) -> [String: NextLevelPath] {
        let combined = engine.combine(engine.sortedRespondents(questionnaires))
        var result: [String: NextLevelPath] = [:]
        for dimension in engine.rubric.dimensions {
            guard let current = assessment.dimension(dimension.id), current.level < 5 else { continue }
            if let path = path(for: dimension, from: current.level, answers: CombinedContext(combined)) { result[dimension.id] = path }
        }
        return result
    }

    func path(for dimension: RubricDimension, from level: Int, answers: CombinedContext) -> NextLevelPath? {
        let target = level + 1
        // Candidate raises per question, ascending by points; the last is the best.
        let candidates: [(question: Question, options: [(AnswerValue, Double)])] = dimension.questions.compactMap { question in
            let answer = answers.answer(question.id)
            guard question.isScored, answer.status != .skipped, answer.status != .notApplicable else { return nil }
            let current = answer.status == .answered ? (answer.points ?? -1) : -1
            let better = Self.values(for: question).filter { $0.1 > current + 1e-9 }
            return better.isEmpty ? nil : (question, better)
        }
        guard !candidates.isEmpty else { return nil }
        let candidateByID = Dictionary(
            candidates.enumerated().map { ($1.question.id, $0) }, uniquingKeysWith: { _, last in last })
        let candidateOptions = candidates.map(\.options)
        // The search below works on positions rather than dictionaries: `selected[c]` is the option index chosen
        // for candidate c (-1: unchanged), and each dimension question knows its candidate, if any.
        let candidateOf: [Int] = dimension.questions.map { question in
            candidates.firstIndex { $0.question.id == question.id } ?? -1
        }
        let current: [(status: ResolvedAnswer.Status, points: Double?)] = dimension.questions.map { question in
            let answer = answers.answer(question.id)
            return (answer.status, answer.points)
        }
        let threshold = dimension.threshold(for: target)
        // Scored questions as (position, weight), so the search never copies `Question` values.
        let scored: [(position: Int, weight: Double)] = dimension.questions.indices.compactMap { position in
            dimension.questions[position].isScored ? (position, Double(dimension.questions[position].weight)) : nil
        }
        var selected = [Int](repeating: -1, count: candidates.count)
        func changes(_ selected: [Int]) -> [String: (AnswerValue, Double)] {
            var changed: [String: (AnswerValue, Double)] = [:]
            for (index, option) in selected.enumerated() where option >= 0 {
                changed[candidates[index].question.id] = candidates[index].options[option]
            }
            return changed
        }
        /// The score the selected raises give, when it reaches the target level (gates included); summed in
        /// the same order as the engine sums a dimension, so the numbers agree to the last bit.
        func reachesSelected(_ selected: [Int]) -> Double? {
            var weighted = 0.0, possible = 0.0
            for (position, weight) in scored {
                let points: Double
                let candidate = candidateOf[position]
                if candidate >= 0, selected[candidate] >= 0 {
                    points = candidateOptions[candidate][selected[candidate]].1
                } else {
                    guard current[position].status == .answered, let given = current[position].points else { continue }
                    points = given
                }
                weighted += weight * points
                possible += weight * 4
            }
            let score = possible > 0 ? Rounding.oneDecimal(100 * weighted / possible) : 0
            guard score >= threshold else { return nil }
            let context = ChangedAnswers(
                answers: answers, candidateByID: candidateByID, options: candidateOptions, selected: selected)
            return engine.placedLevel(score: score, dimension: dimension, context: context) >= target ? score : nil
        }
        for size in 1...min(maxChanges, candidates.count) {
            guard Self.binomial(candidates.count, size) <= maxSubsetsPerSize else { break }
            var best: (selected: [Int], cost: Double, order: [Int])?
            for subset in Self.combinations(candidates.count, size) {
                for index in subset { selected[index] = candidateOptions[index].count - 1 }
                defer { for index in subset { selected[index] = -1 } }
                guard reachesSelected(selected) != nil else { continue }
                // Lower each change, in rubric order, to the smallest raise that still works.
                for index in subset {
                    let maximal = selected[index]
                    for option in candidateOptions[index].indices {
                        selected[index] = option
                        if reachesSelected(selected) != nil { break }
                        selected[index] = maximal
                    }
                }
                let cost = subset.reduce(0.0) { sum, index in
                    let id = candidates[index].question.id
                    let previous = answers.answer(id)
                    let before = previous.status == .answered ? (previous.points ?? 0) : 0
                    return sum + (candidates[index].options[selected[index]].1 - before) * Double(candidates[index].question.weight)
                }
                if best == nil || cost < best!.cost - 1e-9 { best = (selected, cost, subset) }
            }
            if let best {
                let bestChanges = changes(best.selected)
                let changes = best.order.map { index -> AnswerChange in
                    let question = candidates[index].question
                    let answer = answers.answer(question.id)
                    let change = bestChanges[question.id]!
                    return AnswerChange(
                        questionID: question.id, from: answer,
                        to: change.0, pointsFrom: answer.status == .answered ? answer.points : nil, pointsTo: change.1)
                }
                return NextLevelPath(
                    dimensionID: dimension.id, fromLevel: target - 1, targetLevel: target, changes: changes,
                    resultingScore: reachesSelected(best.selected) ?? 0)
            }
        }
        return nil
    }

    /// The combined answers with the selected raises applied (what `CombinedContext` over a modified copy of
    /// `answers` would give, without copying the dictionary for every subset tried). No levels or scores.
    struct ChangedAnswers: ConditionContext {
        let answers: CombinedContext
        let candidateByID: [String: Int]
        let options: [[(AnswerValue, Double)]]
        let selected: [Int]

        func answer(_ questionID: String) -> ResolvedAnswer {
            if let candidate = candidateByID[questionID], selected[candidate] >= 0 {
                let change = options[candidate][selected[candidate]]
                return ResolvedAnswer(
                    status: .answered, value: change.0, points: change.1,
                    numericValue: { if case .number(let n) = change.0 { return n } else { return nil } }())
            }
            return answers.answer(questionID)
        }
        func level(_ dimensionID: String) -> Int? { nil }
        func score(_ dimensionID: String) -> Double? { nil }
    }

    /// Every answer value worth considering for a question, with its points, ascending by points.
    static func values(for question: Question) -> [(AnswerValue, Double)] {
        var values: [(AnswerValue, Double)] = []
        switch question.type {
        case .choice:
            values = question.options.map { (.option($0.id), Double($0.points)) }
        case .yesno:
            values = [(.bool(false), Double(question.noPoints)), (.bool(true), Double(question.yesPoints))]
        case .scale:
            values = (0...4).map { (.number(Double($0)), Double($0)) }
        case .number, .percent, .count:
            values = question.bands.map { (.number($0.from), Double($0.points)) }
        case .multi:
            // Options by decreasing points, added one at a time: the cheapest way to each point total.
            var chosen: [String] = []
            var sum = 0
            values = [(.options([]), 0)]
            for option in question.options.sorted(by: { $0.points > $1.points }) where option.points > 0 {
                chosen.append(option.id)
                sum += option.points
                values.append((.options(chosen), 4 * Double(min(sum, question.maxPoints)) / Double(question.maxPoints)))
                if sum >= question.maxPoints { break }
            }
        case .date, .text:
            return []  // a date cannot be changed by action
        }
        // Keep the first value for each points total, ascending.
        var seen = Set<Double>()
        return values.sorted { $0.1 < $1.1 }.filter { seen.insert($0.1).inserted }
    }

    /// n choose k, saturating instead of overflowing.
    static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<min(k, n - k) {
            let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
            if overflow { return Int.max }
            result = product / (i + 1)
        }
        return result
    }

    /// All k-element subsets of 0..<n in lexicographic order.
    static func combinations(_ n: Int, _ k: Int) -> [[Int]] {
        guard k > 0, k <= n else { return k == 0 ? [[]] : [] }
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(from start: Int) {
            if current.count == k {
                result.append(current)
                return
            }
            guard start < n, n - start >= k - current.count else { return }
            for i in start..<n {
                current.append(i)
                extend(from: i + 1)
                current.removeLast()
            }
        }
        extend(from: 0)
        return result
    }
}
