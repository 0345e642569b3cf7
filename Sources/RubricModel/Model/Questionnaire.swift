import Diagnostics
import YAML

/// One answer as given in a questionnaire, after type checking against the rubric.
public enum AnswerValue: Sendable, Equatable {
    case option(String)
    case options([String])
    case number(Double)
    case bool(Bool)
    case date(CalendarDate)
    case text(String)
    case dontKnow
    case notApplicable

    /// True for an answer that can be scored (not don't-know, not n/a).
    public var isUsable: Bool {
        switch self {
        case .dontKnow, .notApplicable: false
        default: true
        }
    }
}

public struct Answer: Sendable, Equatable {
    public var questionID: String
    public var value: AnswerValue
    public var note: String?
    public var evidence: String?
    /// Where the answer value stands in the file.
    public var location: SourceLocation

    public init(questionID: String, value: AnswerValue, note: String? = nil, evidence: String? = nil, location: SourceLocation) {
        self.questionID = questionID
        self.value = value
        self.note = note
        self.evidence = evidence
        self.location = location
    }
}

public struct LibraryInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    public var population: Int?
    public var staff: Int?

    public init(id: String, name: String, population: Int? = nil, staff: Int? = nil) {
        self.id = id
        self.name = name
        self.population = population
        self.staff = staff
    }
}

public struct Respondent: Sendable, Hashable {
    public var role: String
    public var name: String?

    public init(role: String, name: String? = nil) {
        self.role = role
        self.name = name
    }
}

/// One respondent's answers for one library and round.
public struct Questionnaire: Sendable, Equatable {
    public var file: String
    public var rubricID: String
    public var rubricVersion: String
    public var library: LibraryInfo
    public var round: Int
    public var date: CalendarDate?
    public var coachingDay: Int?
    public var respondent: Respondent
    /// Target level by dimension id.
    public var targets: [String: Int]
    /// Answers by question id.
    public var answers: Answers
    public var notes: String?
    /// Where the file starts (line 1, column 1).
    public var location: SourceLocation

    public init(
        file: String, rubricID: String, rubricVersion: String, library: LibraryInfo, round: Int, date: CalendarDate?,
        coachingDay: Int?, respondent: Respondent, targets: [String: Int] = [:], answers: Answers,
        notes: String? = nil, location: SourceLocation? = nil
    ) {
        self.file = file
        self.rubricID = rubricID
        self.rubricVersion = rubricVersion
        self.library = library
        self.round = round
        self.date = date
        self.coachingDay = coachingDay
        self.respondent = respondent
        self.targets = targets
        self.answers = answers
        self.notes = notes
        self.location = location ?? SourceLocation(file: file, line: 1, column: 1)
    }
}
