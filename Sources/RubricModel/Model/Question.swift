import Diagnostics

/// The kinds of question a rubric may ask (docs/FORMAT.md §1.3).
public enum QuestionType: String, Sendable, CaseIterable {
    case choice, multi, scale, yesno, number, percent, count, date, text

    /// Whether answers of this type give points.
    public var isScorable: Bool { self != .text }
    /// Whether the answer is a number compared with `at_least` and friends.
    public var isNumeric: Bool { [.scale, .number, .percent, .count].contains(self) }
}

/// How the answers of several respondents to one question are combined (§3.7).
public enum CombineRule: String, Sendable, CaseIterable {
    case lowest, mean, authority
}

/// An option of a `choice` or `multi` question. A class for the same reason as `Question`: answers are matched
/// against the options of their question, which would otherwise copy every option's fields.
public final class Option: Sendable {
    public let id: String
    public let label: LocalizedText
    public let points: Int
    public let location: SourceLocation

    public init(id: String, label: LocalizedText, points: Int, location: SourceLocation) {
        self.id = id
        self.label = label
        self.points = points
        self.location = location
    }
}

/// `from ≤ value < to` gives `points`; `to == nil` means no upper bound.
public struct Band: Sendable {
    public var from: Double
    public var to: Double?
    public var points: Int
    public var location: SourceLocation

    public init(from: Double, to: Double?, points: Int, location: SourceLocation) {
        self.from = from
        self.to = to
        self.points = points
        self.location = location
    }

    public func contains(_ value: Double) -> Bool { value >= from && (to.map { value < $0 } ?? true) }
}

/// One question of a dimension.
///
/// A class because scoring and validation hand questions around per answer: a copy is then one reference count,
/// not one per field.
public final class Question: Sendable {
    public let id: String
    public let dimensionID: String
    public let type: QuestionType
    public let text: LocalizedText
    public let help: LocalizedText?
    public let evidence: LocalizedText?
    /// Whole number 1–5.
    public let weight: Int
    public let required: Bool
    public let allowsDontKnow: Bool
    public let allowsNotApplicable: Bool
    public let appliesWhen: Condition?
    public let combine: CombineRule
    public let authority: String?
    /// Options of `choice` and `multi` questions, in rubric order.
    public let options: [Option]
    /// `multi`: the summed points that count as full marks.
    public let maxPoints: Int
    /// `yesno`: points for yes and no.
    public let yesPoints: Int
    public let noPoints: Int
    /// Allowed range of numeric answers.
    public let minimum: Double
    public let maximum: Double?
    public let unit: LocalizedText?
    public let bands: [Band]
    public let location: SourceLocation
    /// The options' positions by their ids' bytes, for readers that match an answer without making a string.
    let optionIDs: IDTable

    public init(
        id: String, dimensionID: String, type: QuestionType, text: LocalizedText, help: LocalizedText? = nil,
        evidence: LocalizedText? = nil, weight: Int = 1, required: Bool = false, allowsDontKnow: Bool = false,
        allowsNotApplicable: Bool = false, appliesWhen: Condition? = nil, combine: CombineRule? = nil,
        authority: String? = nil, options: [Option] = [], maxPoints: Int = 4, yesPoints: Int = 4, noPoints: Int = 0,
        minimum: Double = 0, maximum: Double? = nil, unit: LocalizedText? = nil, bands: [Band] = [],
        location: SourceLocation
    ) {
        self.id = id
        self.dimensionID = dimensionID
        self.type = type
        self.text = text
        self.help = help
        self.evidence = evidence
        self.weight = weight
        self.required = required
        self.allowsDontKnow = allowsDontKnow
        self.allowsNotApplicable = allowsNotApplicable
        self.appliesWhen = appliesWhen
        self.combine = combine ?? (type == .scale ? .mean : .lowest)
        self.authority = authority
        self.options = options
        self.maxPoints = maxPoints
        self.yesPoints = yesPoints
        self.noPoints = noPoints
        self.minimum = minimum
        self.maximum = maximum ?? (type == .percent ? 100 : (type == .scale ? 4 : nil))
        self.unit = unit
        self.bands = bands
        self.location = location
        optionIDs = IDTable(options.map(\.id))
    }

    /// Whether answers give points (text and date-without-bands questions don't).
    public var isScored: Bool {
        switch type {
        case .text: false
        case .date: !bands.isEmpty
        default: true
        }
    }

    public func option(_ id: String) -> Option? { optionIndex(id).map { options[$0] } }

    /// The position in `options` of the (first) option with this id: found by its bytes, as scoring asks for every
    /// answer of every respondent.
    func optionIndex(_ id: String) -> Int? {
        optionIDs.position(of: id) { options.firstIndex { $0.id == id } }
    }

    /// The points a numeric value earns through the bands, or nil when no band holds it.
    public func bandPoints(for value: Double) -> Int? { bands.first { $0.contains(value) }?.points }
}
