import Diagnostics

/// Where on (or after) the coaching day a recommendation is worked on.
public enum SessionType: String, Sendable, CaseIterable {
    case workshop, headTalk = "head-talk", stakeholderMeeting = "stakeholder-meeting", homework, video

    /// Homework and video follow-ups take no time on the coaching day.
    public var isOnCoachingDay: Bool { self == .workshop || self == .headTalk || self == .stakeholderMeeting }
}

public enum Impact: String, Sendable, CaseIterable, Comparable {
    case low, medium, high

    public var weight: Int {
        switch self {
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    public static func < (lhs: Impact, rhs: Impact) -> Bool { lhs.weight < rhs.weight }
}

/// The agenda's priority classes (docs/FORMAT.md §4.2).
public enum Priority: String, Sendable, CaseIterable {
    case blocker, continuity, normal
}

/// Who has to move for a blocker to be lifted.
public enum BlockerKind: String, Sendable, CaseIterable {
    case traeger, it, legal
}

public final class Recommendation: Sendable {
    public let id: String
    public let dimensionID: String
    public let title: LocalizedText
    public let text: LocalizedText
    public let when: Condition
    public let session: SessionType
    /// Coach time on the coaching day, in hours.
    public let hours: Double
    /// The library's own effort until the next visit, in hours.
    public let homeworkHours: Double
    public let impact: Impact
    public let priority: Priority
    public let blocker: BlockerKind?
    public let requiredRecommendations: [String]
    public let requiredCondition: Condition?
    public let legalNote: String?
    public let location: SourceLocation
    /// The questions `when` names, each once: the "why" shown with a firing recommendation (kept, not recomputed
    /// for every library).
    public let whenQuestionIDs: [String]

    public init(
        id: String, dimensionID: String, title: LocalizedText, text: LocalizedText, when: Condition,
        session: SessionType, hours: Double, homeworkHours: Double = 0, impact: Impact, priority: Priority = .normal,
        blocker: BlockerKind? = nil, requiredRecommendations: [String] = [], requiredCondition: Condition? = nil,
        legalNote: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.dimensionID = dimensionID
        self.title = title
        self.text = text
        self.when = when
        self.session = session
        self.hours = hours
        self.homeworkHours = homeworkHours
        self.impact = impact
        self.priority = priority
        self.blocker = blocker
        self.requiredRecommendations = requiredRecommendations
        self.requiredCondition = requiredCondition
        self.legalNote = legalNote
        self.location = location
        whenQuestionIDs = when.distinctQuestionIDs
    }
}

/// A combination of answers that is contradictory or implausible; reported as a warning, never scored.
public final class ConsistencyRule: Sendable {
    public let id: String
    /// nil for rules of the model file (across dimensions).
    public let dimensionID: String?
    public let when: Condition
    public let message: LocalizedText
    public let location: SourceLocation
    /// The questions `when` names, each once.
    public let whenQuestionIDs: [String]

    public init(id: String, dimensionID: String?, when: Condition, message: LocalizedText, location: SourceLocation) {
        self.id = id
        self.dimensionID = dimensionID
        self.when = when
        self.message = message
        self.location = location
        whenQuestionIDs = when.distinctQuestionIDs
    }
}
