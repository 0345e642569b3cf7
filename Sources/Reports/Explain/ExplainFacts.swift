import RubricModel
import Scoring

/// The arithmetic behind one dimension result, recomputed from its question results so that `explain`
/// can show every number with its origin. Shared by the text and JSON explain reporters.
struct ExplainFacts {
    let result: DimensionResult
    /// Minimum scores of levels 1…5 (index 0 is level 1).
    let levelThresholds: [Double]
    /// Σ w×p and Σ w×4 over the answered questions.
    let contributionSum: Double
    let possibleSum: Double
    /// Σ w over answered and over applicable questions.
    let answeredWeight: Int
    let applicableWeight: Int
    let contributions: [Double]
    let possibles: [Double]

    init(_ result: DimensionResult, rubric: Rubric) {
        self.result = result
        let dimension = rubric.dimension(result.dimensionID)
        levelThresholds = (1...5).map { dimension?.threshold(for: $0) ?? 0 }
        let answered = result.questions.filter(\.answered)
        contributions = answered.compactMap(\.contribution)
        possibles = answered.compactMap(\.maxContribution)
        contributionSum = contributions.reduce(0, +)
        possibleSum = possibles.reduce(0, +)
        answeredWeight = answered.reduce(0) { $0 + $1.weight }
        applicableWeight = result.questions.filter(\.applicable).reduce(0) { $0 + $1.weight }
    }

    /// 100 × Σ w×p / Σ w×4 before rounding.
    var rawScore: Double { possibleSum > 0 ? 100 * contributionSum / possibleSum : 0 }
    var rawCoverage: Double { applicableWeight > 0 ? 100 * Double(answeredWeight) / Double(applicableWeight) : 0 }

    func threshold(_ level: Int) -> Double { levelThresholds[max(1, min(5, level)) - 1] }

    /// "met", "not-met" or "not-checked".
    static func gateStatus(_ gate: GateResult) -> String { !gate.checked ? "not-checked" : gate.met ? "met" : "not-met" }

    // MARK: - Formulas in words

    func number(_ value: Double, _ language: String) -> String { Format.number(value, decimals: 2, fixed: false, language: language) }

    /// "100 × 19 / 40 = 47,5"
    func scoreFormula(_ language: String) -> String? {
        guard possibleSum > 0 else { return nil }
        return "100 × \(number(contributionSum, language)) / \(number(possibleSum, language)) = "
            + Format.number(result.score, decimals: 1, language: language)
    }

    /// "100 × 10 / 10 = 100 %"
    func coverageFormula(_ language: String) -> String? {
        guard applicableWeight > 0 else { return nil }
        return "100 × \(answeredWeight) / \(applicableWeight) = " + Format.number(result.coverage, decimals: 0, language: language) + " %"
    }

    /// "6 + 3 + 4 + 2 + 4 = 19"
    func sumFormula(_ values: [Double], total: Double, _ language: String) -> String {
        values.isEmpty ? "0" : values.map { number($0, language) }.joined(separator: " + ") + " = " + number(total, language)
    }
}

extension OverallResult {
    /// "(1×2 + 1×3) / 2 = 2,5 → 2" and friends, for the overall computation.
    func explainFormula(levels: [(weight: Int, level: Int)], language: String) -> String {
        let n = { (value: Double) in Format.number(value, decimals: 2, fixed: false, language: language) }
        let list = levels.map { String($0.level) }.joined(separator: ", ")
        let uncapped = cappedFrom ?? level
        switch method {
        case .weightedMean:
            let terms = levels.map { "\($0.weight)×\($0.level)" }.joined(separator: " + ")
            let total = levels.reduce(0) { $0 + $1.weight }
            return "(\(terms)) / \(total) = \(n(rawValue)) → \(uncapped)"
        case .median:
            return "median(\(list)) = \(uncapped)"
        case .minimum:
            return "min(\(list)) = \(uncapped)"
        }
    }
}
