import Diagnostics
import RubricModel
import YAML

/// What scored a result: enough to tell whether two results may be compared.
public struct Stamp: Sendable, Equatable {
    public var rubricID: String
    public var rubricVersion: String
    /// SHA-256 of the rubric files.
    public var rubricHash: String
    public var engineVersion: String
    /// The questionnaire files, sorted.
    public var files: [String]
}

/// One respondent's answer to one question.
public struct RespondentAnswer: Sendable {
    public var role: String
    public var name: String?
    public var file: String
    public var value: AnswerValue
    public var points: Double?
    public var note: String?
    public var evidence: String?
    public var location: SourceLocation
}

/// One question's part in a dimension result.
public struct QuestionResult: Sendable {
    public var questionID: String
    public var weight: Int
    /// Whether the question gives points at all.
    public var scored: Bool
    /// The combined answer.
    public var answer: ResolvedAnswer
    /// Every respondent's own answer.
    public var respondents: [RespondentAnswer]
    /// Whether it counts towards coverage (applicable) and the score (answered).
    public var applicable: Bool
    public var answered: Bool
    /// weight × points, when answered.
    public var contribution: Double?
    /// weight × 4, when answered.
    public var maxContribution: Double?
    /// 0–100, when two or more respondents answered.
    public var divergence: Double?
}

public struct GateResult: Sendable {
    public var gateID: String
    public var level: Int
    public var met: Bool
    /// True when the gate mattered: its level was reached by score.
    public var checked: Bool
    /// Questions of the gate without a usable answer (they make the gate fail).
    public var unansweredQuestions: [String]
}

public enum Borderline: String, Sendable {
    /// Almost at the next level.
    case nearNext = "near-next"
    /// Only just reached this level.
    case justReached = "just-reached"
}

public struct DimensionResult: Sendable {
    public var dimensionID: String
    /// 0–100, one decimal.
    public var score: Double
    /// Percent 0–100, whole number.
    public var coverage: Double
    /// The level the score reaches before gates.
    public var thresholdLevel: Int
    /// The placed level after gates.
    public var level: Int
    public var provisional: Bool
    public var gates: [GateResult]
    /// Score points to the next level's threshold; nil at level 5; 0 when a gate holds the level down.
    public var distanceToNext: Double?
    public var borderline: Borderline?
    public var questions: [QuestionResult]
    /// Weighted mean divergence 0–100 of questions with several answers; nil with one respondent.
    public var divergence: Double?
    public var target: Int?

    public var failedGates: [GateResult] { gates.filter { $0.checked && !$0.met } }
}

public struct OverallResult: Sendable {
    public var level: Int
    public var provisional: Bool
    public var method: OverallMethod
    /// The value before rounding and capping (weighted mean, median or minimum).
    public var rawValue: Double
    /// Set when `max_above_lowest` lowered the level.
    public var cappedFrom: Int?
}

public struct ConsistencyFinding: Sendable {
    public var ruleID: String
    public var dimensionID: String?
    public var message: LocalizedText
    /// The answer of the first question the rule names, when located.
    public var location: SourceLocation?
    public var questionIDs: [String]
}

/// A recommendation whose trigger fires, with the answers that made it fire.
public struct TriggeredRecommendation: Sendable {
    public var recommendationID: String
    public var dimensionID: String
    /// Questions named in the trigger, with their combined answers (the "why").
    public var because: [(questionID: String, answer: ResolvedAnswer)]
    public var prerequisitesMet: Bool
}

/// The complete result for one library and round.
public struct Assessment: Sendable {
    public var library: LibraryInfo
    public var round: Int
    public var date: CalendarDate?
    public var coachingDay: Int?
    public var respondents: [Respondent]
    public var dimensions: [DimensionResult]
    public var overall: OverallResult
    public var consistency: [ConsistencyFinding]
    public var triggered: [TriggeredRecommendation]
    public var stamp: Stamp
    /// The rubric version each questionnaire was written for (differs from the stamp's when a minor version changed).
    public var writtenForVersions: [String]

    public func dimension(_ id: String) -> DimensionResult? { dimensions.first { $0.dimensionID == id } }

    public func question(_ id: String) -> QuestionResult? {
        for dimension in dimensions { if let q = dimension.questions.first(where: { $0.questionID == id }) { return q } }
        return nil
    }
}
