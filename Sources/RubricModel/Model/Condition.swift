import Diagnostics

/// A boolean condition over answers and placed levels, used by skip logic, gates, triggers and
/// consistency rules (docs/FORMAT.md §1.5).
public indirect enum Condition: Sendable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case question(QuestionAtom)
    case dimension(DimensionAtom)

    /// Question ids the condition mentions, in order of appearance.
    public var questionIDs: [String] {
        switch self {
        case .all(let items), .any(let items): items.flatMap(\.questionIDs)
        case .not(let inner): inner.questionIDs
        case .question(let atom): [atom.questionID]
        case .dimension: []
        }
    }

    /// `questionIDs` without repeats, in order of first appearance.
    public var distinctQuestionIDs: [String] {
        var seen = Set<String>()
        return questionIDs.filter { seen.insert($0).inserted }
    }

    /// The question atoms, in order of appearance.
    public var questionAtoms: [QuestionAtom] {
        switch self {
        case .all(let items), .any(let items): items.flatMap(\.questionAtoms)
        case .not(let inner): inner.questionAtoms
        case .question(let atom): [atom]
        case .dimension: []
        }
    }

    /// True when a dimension atom appears anywhere.
    public var mentionsDimensions: Bool {
        switch self {
        case .all(let items), .any(let items): items.contains(where: \.mentionsDimensions)
        case .not(let inner): inner.mentionsDimensions
        case .question: false
        case .dimension: true
        }
    }
}

/// `{question: Q, <test>: value}`.
public struct QuestionAtom: Sendable {
    public enum Test: Sendable, Equatable {
        case isOneOf([String])
        case isNoneOf([String])
        case includes(String)
        case atLeast(Double)
        case atMost(Double)
        case below(Double)
        case above(Double)
        case pointsAtLeast(Double)
        case pointsAtMost(Double)
        case answered(Bool)
        case dontKnow(Bool)
    }

    public var questionID: String
    public var test: Test
    public var location: SourceLocation

    public init(questionID: String, test: Test, location: SourceLocation) {
        self.questionID = questionID
        self.test = test
        self.location = location
    }
}

/// `{dimension: D, <test>: value}`.
public struct DimensionAtom: Sendable {
    public enum Test: Sendable, Equatable {
        case levelAtLeast(Int)
        case levelAtMost(Int)
        case scoreAtLeast(Double)
        case scoreBelow(Double)
    }

    public var dimensionID: String
    public var test: Test
    public var location: SourceLocation

    public init(dimensionID: String, test: Test, location: SourceLocation) {
        self.dimensionID = dimensionID
        self.test = test
        self.location = location
    }
}
