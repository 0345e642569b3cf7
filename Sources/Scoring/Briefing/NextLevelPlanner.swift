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

    public init(engine: ScoringEngine) { self.engine = engine }

    /// The path for each dimension below level 5 (nil entries when no path within `maxChanges` exists).
    public func paths(for questionnaires: [Questionnaire], assessment: Assessment) -> [String: NextLevelPath] {
        let combined = engine.combine(engine.sortedRespondents(questionnaires))
        var result: [String: NextLevelPath] = [:]
        for dimension in engine.rubric.dimensions {
            guard let current = assessment.dimension(dimension.id), current.level < 5 else { continue }
            if let path = path(for: dimension, from: current.level, answers: combined.answers) { result[dimension.id] = path }
        }
        return result
    }

    func path(for dimension: RubricDimension, from level: Int, answers: [String: ResolvedAnswer]) -> NextLevelPath? {
        let target = level + 1
        // Candidate raises per question, ascending by points; the last is the best.
        let candidates: [(question: Question, options: [(AnswerValue, Double)])] = dimension.questions.compactMap { question in
            let answer = answers[question.id] ?? .missing
            guard question.isScored, answer.status != .skipped, answer.status != .notApplicable else { return nil }
            let current = answer.status == .answered ? (answer.points ?? -1) : -1
            let better = Self.values(for: question).filter { $0.1 > current + 1e-9 }
            return better.isEmpty ? nil : (question, better)
        }
        let context = { (changed: [String: (AnswerValue, Double)]) -> CombinedContext in
            var modified = answers
            for (id, change) in changed {
                modified[id] = ResolvedAnswer(
                    status: .answered, value: change.0, points: change.1,
                    numericValue: { if case .number(let n) = change.0 { return n } else { return nil } }())
            }
            return CombinedContext(answers: modified)
        }
        func reaches(_ changed: [String: (AnswerValue, Double)]) -> Double? {
            let ctx = context(changed)
            let score = Self.score(dimension, ctx)
            let placement = engine.place(score: score, dimension: dimension, context: ctx)
            return placement.level >= target ? score : nil
        }
        guard !candidates.isEmpty else { return nil }
        for size in 1...min(maxChanges, candidates.count) {
            var best: (changes: [String: (AnswerValue, Double)], cost: Double, order: [Int])?
            for subset in Self.combinations(candidates.count, size) {
                let maximal = Dictionary(uniqueKeysWithValues: subset.map { (candidates[$0].question.id, candidates[$0].options.last!) })
                guard reaches(maximal) != nil else { continue }
                // Lower each change, in rubric order, to the smallest raise that still works.
                var chosen = maximal
                for index in subset {
                    let question = candidates[index].question
                    for option in candidates[index].options {
                        var trial = chosen
                        trial[question.id] = option
                        if reaches(trial) != nil {
                            chosen = trial
                            break
                        }
                    }
                }
                let cost = subset.reduce(0.0) { sum, index in
                    let id = candidates[index].question.id
                    let before = answers[id]?.status == .answered ? (answers[id]?.points ?? 0) : 0
                    return sum + (chosen[id]!.1 - before) * Double(candidates[index].question.weight)
                }
                if best == nil || cost < best!.cost - 1e-9 { best = (chosen, cost, subset) }
            }
            if let best {
                let changes = best.order.map { index -> AnswerChange in
                    let question = candidates[index].question
                    let answer = answers[question.id] ?? .missing
                    let change = best.changes[question.id]!
                    return AnswerChange(
                        questionID: question.id, from: answer,
                        to: change.0, pointsFrom: answer.status == .answered ? answer.points : nil, pointsTo: change.1)
                }
                return NextLevelPath(
                    dimensionID: dimension.id, fromLevel: target - 1, targetLevel: target, changes: changes,
                    resultingScore: reaches(best.changes) ?? 0)
            }
        }
        return nil
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

    static func score(_ dimension: RubricDimension, _ context: CombinedContext) -> Double {
        var weighted = 0.0, possible = 0.0
        for question in dimension.questions where question.isScored {
            let answer = context.answer(question.id)
            guard answer.status == .answered, let points = answer.points else { continue }
            weighted += Double(question.weight) * points
            possible += Double(question.weight) * 4
        }
        return possible > 0 ? Rounding.oneDecimal(100 * weighted / possible) : 0
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
