/// A question's answer as conditions see it: after combining respondents, with its points.
public struct ResolvedAnswer: Sendable, Equatable {
    public enum Status: String, Sendable {
        case answered, dontKnow = "dont-know", notApplicable = "not-applicable", missing, skipped
    }

    public var status: Status
    /// The answer that counts (for `combine: mean`, the mean as `.number`, also in `numericValue`).
    public var value: AnswerValue?
    public var points: Double?
    public var numericValue: Double?

    public init(status: Status, value: AnswerValue? = nil, points: Double? = nil, numericValue: Double? = nil) {
        self.status = status
        self.value = value
        self.points = points
        self.numericValue = numericValue
    }

    public static let missing = ResolvedAnswer(status: .missing)
}

/// What a condition can look at.
public protocol ConditionContext {
    func answer(_ questionID: String) -> ResolvedAnswer
    /// The placed level of a dimension, or nil before levels exist.
    func level(_ dimensionID: String) -> Int?
    func score(_ dimensionID: String) -> Double?
}

extension Condition {
    /// Evaluates the condition (docs/FORMAT.md §1.5): atoms about a question without a usable answer are false,
    /// except `answered: false` and `dont_know`; dimension atoms are false while levels are unknown.
    public func evaluate(in context: some ConditionContext) -> Bool {
        switch self {
        case .all(let items): return items.allSatisfy { $0.evaluate(in: context) }
        case .any(let items): return items.contains { $0.evaluate(in: context) }
        case .not(let inner): return !inner.evaluate(in: context)
        case .question(let atom): return atom.evaluate(context.answer(atom.questionID))
        case .dimension(let atom):
            switch atom.test {
            case .levelAtLeast(let level): return context.level(atom.dimensionID).map { $0 >= level } ?? false
            case .levelAtMost(let level): return context.level(atom.dimensionID).map { $0 <= level } ?? false
            case .scoreAtLeast(let score): return context.score(atom.dimensionID).map { $0 >= score } ?? false
            case .scoreBelow(let score): return context.score(atom.dimensionID).map { $0 < score } ?? false
            }
        }
    }
}

extension QuestionAtom {
    public func evaluate(_ answer: ResolvedAnswer) -> Bool {
        switch test {
        case .answered(let expected): return (answer.status == .answered) == expected
        case .dontKnow(let expected): return (answer.status == .dontKnow) == expected
        default: break
        }
        guard answer.status == .answered, let value = answer.value else { return false }
        switch test {
        case .isOneOf(let values): return values.contains(where: { value.matches($0, numeric: answer.numericValue) })
        case .isNoneOf(let values): return !values.contains(where: { value.matches($0, numeric: answer.numericValue) })
        case .includes(let option):
            if case .options(let ids) = value { return ids.contains(option) }
            return false
        case .atLeast(let bound): return answer.numericValue.map { $0 >= bound } ?? false
        case .atMost(let bound): return answer.numericValue.map { $0 <= bound } ?? false
        case .below(let bound): return answer.numericValue.map { $0 < bound } ?? false
        case .above(let bound): return answer.numericValue.map { $0 > bound } ?? false
        case .pointsAtLeast(let bound): return answer.points.map { $0 >= bound - 1e-9 } ?? false
        case .pointsAtMost(let bound): return answer.points.map { $0 <= bound + 1e-9 } ?? false
        case .answered, .dontKnow: return false
        }
    }
}

extension AnswerValue {
    /// Whether the answer equals a value written in a condition (`is:`).
    func matches(_ written: String, numeric: Double?) -> Bool {
        switch self {
        case .option(let id): return id == written
        case .bool(let flag): return (flag ? "yes" : "no") == written
        case .number: return numeric.map { Double(written) == $0 } ?? false
        default: return false
        }
    }
}
