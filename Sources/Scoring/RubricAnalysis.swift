import Diagnostics
import RubricModel

/// Checks that need the engine: every level of every dimension can be reached, and every recommendation
/// can fire, for some valid answers. A deterministic search over generated answer sets, so a rubric error
/// shows up in `assess rubric check` instead of silently in a report.
public struct RubricAnalysis: Sendable {
    public let rubric: Rubric
    /// How many random answer sets are tried besides the systematic ones.
    public var samples = 3000

    public init(rubric: Rubric) { self.rubric = rubric }

    public struct Findings: Sendable {
        /// Reached levels per dimension id.
        public var reachedLevels: [String: Set<Int>]
        public var triggered: Set<String>
        public var diagnostics: [Diagnostic]
        public var answerSetsTried: Int
    }

    public func run() -> Findings {
        let engine = ScoringEngine(rubric: rubric)
        let sampler = AnswerSampler(rubric: rubric)
        var reached: [String: Set<Int>] = [:]
        var triggered = Set<String>()
        var tried = 0
        func record(_ questionnaire: Questionnaire) {
            let assessment = engine.assess([questionnaire])
            for dimension in assessment.dimensions { reached[dimension.dimensionID, default: []].insert(dimension.level) }
            for recommendation in assessment.triggered { triggered.insert(recommendation.recommendationID) }
            tried += 1
        }
        record(sampler.allWorst())
        record(sampler.allBest())
        // Uniform levels: every question at the same relative position, 0…1 in ninths.
        for step in 0...8 {
            let fraction = Double(step) / 8
            record(sampler.questionnaire(sampler.answers { _, count in Int((Double(count - 1) * fraction).rounded()) }))
        }
        // One question at a time at each of its values, the rest all-worst or all-best.
        for question in rubric.allQuestions {
            for base in [0, 1] {
                for value in 0..<max(1, sampler.values(for: question).count) {
                    record(
                        sampler.questionnaire(
                            sampler.answers { q, count in q.id == question.id ? value : (base == 0 ? 0 : count - 1) }))
                }
            }
        }
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<samples { record(sampler.random(using: &generator)) }
        var bag = DiagnosticBag()
        for dimension in rubric.dimensions {
            let levels = reached[dimension.id] ?? []
            for level in 1...5 where !levels.contains(level) {
                bag.error(
                    "unreachable-level",
                    "level \(level) of dimension '\(dimension.id)' is reached by none of \(tried) answer combinations tried",
                    at: dimension.location,
                    hint: "check the thresholds and the gates of '\(dimension.id)'")
            }
            for recommendation in dimension.recommendations where !triggered.contains(recommendation.id) {
                bag.error(
                    "untriggerable-recommendation",
                    "recommendation '\(recommendation.id)' fires for none of \(tried) answer combinations tried",
                    at: recommendation.location, hint: "check its 'when' condition for contradictions")
            }
        }
        return Findings(reachedLevels: reached, triggered: triggered, diagnostics: bag.sorted, answerSetsTried: tried)
    }
}
