import Diagnostics

/// "level 3 or higher requires …"
public final class Gate: Sendable {
    public let id: String
    public let level: Int
    public let label: LocalizedText
    public let require: Condition
    public let location: SourceLocation
    /// The questions `require` names, each once.
    public let requiredQuestionIDs: [String]

    public init(id: String, level: Int, label: LocalizedText, require: Condition, location: SourceLocation) {
        self.id = id
        self.level = level
        self.label = label
        self.require = require
        self.location = location
        requiredQuestionIDs = require.distinctQuestionIDs
    }
}

public struct RubricDimension: Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var weight: Int
    /// Descriptors for levels 1…5 (index 0 is level 1).
    public var levelDescriptors: [LocalizedText]
    /// Minimum scores for levels 2…5 (index 0 is level 2).
    public var thresholds: [Double]
    public var gates: [Gate]
    public var questions: [Question]
    public var recommendations: [Recommendation]
    public var consistency: [ConsistencyRule]
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, description: LocalizedText, weight: Int, levelDescriptors: [LocalizedText],
        thresholds: [Double], gates: [Gate], questions: [Question], recommendations: [Recommendation],
        consistency: [ConsistencyRule], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.weight = weight
        self.levelDescriptors = levelDescriptors
        self.thresholds = thresholds
        self.gates = gates
        self.questions = questions
        self.recommendations = recommendations
        self.consistency = consistency
        self.location = location
    }

    /// The minimum score of `level` (2…5); level 1 needs 0.
    public func threshold(for level: Int) -> Double {
        level <= 1 ? 0 : thresholds[min(level, 5) - 2]
    }
}

public struct LevelDefinition: Sendable {
    public var level: Int
    public var name: LocalizedText
    public var description: LocalizedText

    public init(level: Int, name: LocalizedText, description: LocalizedText) {
        self.level = level
        self.name = name
        self.description = description
    }
}

public enum OverallMethod: String, Sendable, CaseIterable {
    case weightedMean = "weighted-mean", median, minimum
}

public struct ScoringRules: Sendable {
    /// Percent 0–100.
    public var minCoverage: Double
    /// Score points.
    public var borderlineMargin: Double
    public var overallMethod: OverallMethod
    public var maxAboveLowest: Int?
    /// Divergence 0–100 from which respondents count as disagreeing.
    public var disagreementThreshold: Double

    public init(
        minCoverage: Double = 60, borderlineMargin: Double = 3, overallMethod: OverallMethod = .weightedMean,
        maxAboveLowest: Int? = 1, disagreementThreshold: Double = 50
    ) {
        self.minCoverage = minCoverage
        self.borderlineMargin = borderlineMargin
        self.overallMethod = overallMethod
        self.maxAboveLowest = maxAboveLowest
        self.disagreementThreshold = disagreementThreshold
    }
}

public struct Role: Sendable {
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}

public struct LegalNote: Sendable {
    public var id: String
    public var title: LocalizedText
    public var text: LocalizedText

    public init(id: String, title: LocalizedText, text: LocalizedText) {
        self.id = id
        self.title = title
        self.text = text
    }
}

/// A complete, validated rubric: the model file plus its dimensions.
public struct Rubric: Sendable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var languages: [String]
    public var defaultLanguage: String
    public var levels: [LevelDefinition]
    public var scoring: ScoringRules
    public var roles: [Role]
    /// Labels of the 0–4 agreement scale by language.
    public var agreementLabels: [String: [String]]
    public var platforms: [Option]
    public var legalNotesReviewed: String?
    public var legalNotes: [LegalNote]
    public var dimensions: [RubricDimension] { didSet { buildIndexes() } }
    /// Rules of the model file, across dimensions.
    public var consistency: [ConsistencyRule] { didSet { buildIndexes() } }
    /// SHA-256 over the rubric files (hex), so results can name exactly what scored them.
    public var contentHash: String
    /// The rubric files as given.
    public var files: [String]

    private var questionIndex: [String: (dimension: Int, question: Int)] = [:]
    private var recommendationIndex: [String: (dimension: Int, recommendation: Int)] = [:]
    /// Every question, recommendation and consistency rule in rubric order, built once (the engine asks per library).
    public private(set) var allQuestions: [Question] = []
    public private(set) var allRecommendations: [Recommendation] = []
    public private(set) var allConsistencyRules: [ConsistencyRule] = []
    /// The questions' ids in rubric order, as the questionnaires read against this rubric keep their answers.
    public private(set) var questionPositions = QuestionPositions(ids: [])
    /// Dimension ids, and each dimension's question ids, by their bytes: how the event reader finds an answer's
    /// question without making or retaining a string.
    private(set) var answerKeys = AnswerKeys(dimensions: [])
    /// The position of each question id in `allQuestions` (first occurrence).
    public var questionOrder: [String: Int] { questionPositions.byID }
    /// The position of each recommendation id in `allRecommendations` (first occurrence).
    public private(set) var recommendationOrder: [String: Int] = [:]

    public init(
        id: String, version: String, title: LocalizedText, languages: [String], defaultLanguage: String,
        levels: [LevelDefinition], scoring: ScoringRules, roles: [Role], agreementLabels: [String: [String]],
        platforms: [Option], legalNotesReviewed: String?, legalNotes: [LegalNote], dimensions: [RubricDimension],
        consistency: [ConsistencyRule], contentHash: String, files: [String]
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.levels = levels
        self.scoring = scoring
        self.roles = roles
        self.agreementLabels = agreementLabels
        self.platforms = platforms
        self.legalNotesReviewed = legalNotesReviewed
        self.legalNotes = legalNotes
        self.dimensions = dimensions
        self.consistency = consistency
        self.contentHash = contentHash
        self.files = files
        buildIndexes()
    }

    private mutating func buildIndexes() {
        // Typed as the properties are: a dictionary of unlabelled tuples assigned to one of labelled tuples is
        // converted element by element through the runtime's dynamic casts (2.5 M instructions at start-up).
        var questionIndex: [String: (dimension: Int, question: Int)] = [:]
        var recommendationIndex: [String: (dimension: Int, recommendation: Int)] = [:]
        for (d, dimension) in dimensions.enumerated() {
            for (q, question) in dimension.questions.enumerated() where questionIndex[question.id] == nil {
                questionIndex[question.id] = (d, q)
            }
            for (r, recommendation) in dimension.recommendations.enumerated()
            where recommendationIndex[recommendation.id] == nil {
                recommendationIndex[recommendation.id] = (d, r)
            }
        }
        self.questionIndex = questionIndex
        self.recommendationIndex = recommendationIndex
        allQuestions = dimensions.flatMap(\.questions)
        allRecommendations = dimensions.flatMap(\.recommendations)
        allConsistencyRules = dimensions.flatMap(\.consistency) + consistency
        questionPositions = QuestionPositions(ids: allQuestions.map(\.id))
        answerKeys = AnswerKeys(dimensions: dimensions)
        var recommendations: [String: Int] = [:]
        for (index, recommendation) in allRecommendations.enumerated() where recommendations[recommendation.id] == nil {
            recommendations[recommendation.id] = index
        }
        recommendationOrder = recommendations
    }

    public func question(_ id: String) -> Question? {
        questionIndex[id].map { dimensions[$0.dimension].questions[$0.question] }
    }

    public func dimension(_ id: String) -> RubricDimension? { dimensions.first { $0.id == id } }

    public func recommendation(_ id: String) -> Recommendation? {
        recommendationIndex[id].map { dimensions[$0.dimension].recommendations[$0.recommendation] }
    }


    public func role(_ id: String) -> Role? { roles.first { $0.id == id } }
    public func level(_ number: Int) -> LevelDefinition? { levels.first { $0.level == number } }
    public func legalNote(_ id: String) -> LegalNote? { legalNotes.first { $0.id == id } }

    /// The major version number ("1" of "1.2.0").
    public var majorVersion: String { String(version.split(separator: ".").first ?? Substring(version)) }
}

/// The ids a questionnaire's `answers:` mapping is keyed by, looked up by their UTF-8 bytes (`IDTable`).
final class AnswerKeys: Sendable {
    private let dimensions: IDTable
    /// Per dimension: its questions' ids.
    private let questions: [IDTable]

    init(dimensions: [RubricDimension]) {
        self.dimensions = IDTable(dimensions.map(\.id))
        questions = dimensions.map { IDTable($0.questions.map(\.id)) }
    }

    /// The index in `Rubric.dimensions` of the (first) dimension with this id.
    func dimension(_ key: UnsafeBufferPointer<UInt8>) -> Int? { dimensions.position(of: key) }

    /// The index in the dimension's `questions` of the (first) question with this id.
    func question(_ key: UnsafeBufferPointer<UInt8>, inDimension dimension: Int) -> Int? {
        questions.withUnsafeBufferPointer { $0[dimension].position(of: key) }
    }
}
