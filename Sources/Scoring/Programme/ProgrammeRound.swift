import RubricModel
import YAML

/// What the programme view needs of one scored library-round: the compact form of an `Assessment`.
///
/// `assess compare` reduces each assessment to this as soon as it is scored, so a programme of 100,000
/// questionnaires never holds every answer of every respondent. `ProgrammeView(assessments:…)` goes through the same
/// reduction, so both paths give the same view.
public struct ProgrammeRound: Sendable {
    public var library: LibraryInfo
    public var round: Int
    /// The latest questionnaire date of the round.
    public var date: CalendarDate?
    public var respondentCount: Int
    /// Respondent names in role order.
    public var respondentNames: [String]
    /// One cell per rubric dimension the assessment has, in rubric order.
    public var cells: [MatrixCell]
    public var overall: OverallResult
    /// The rubric versions the questionnaires were written for.
    public var writtenForVersions: [String]
    /// The rubric version that scored them.
    public var scoredWith: String
    /// Scored questions whose combined answer is weak, ascending by position in `rubric.allQuestions`.
    var weakAnswers: [WeakCombinedAnswer]
    /// Positions in `rubric.allRecommendations` of the recommendations that fire, ascending.
    var triggered: [Int]

    /// Reduces `assessment`; `weakPoints` must be at least the `ProgrammeOptions.weakPoints` of the view.
    public init(_ assessment: Assessment, rubric: Rubric, weakPoints: Double = ProgrammeOptions().weakPoints) {
        library = assessment.library
        round = assessment.round
        date = assessment.date
        respondentCount = assessment.respondents.count
        respondentNames = assessment.respondents.compactMap(\.name)
        cells = rubric.dimensions.compactMap { dimension -> MatrixCell? in
            guard let result = assessment.dimension(dimension.id) else { return nil }
            return MatrixCell(
                dimensionID: dimension.id, level: result.level, score: result.score, coverage: result.coverage,
                provisional: result.provisional, borderline: result.borderline)
        }
        overall = assessment.overall
        writtenForVersions = assessment.writtenForVersions
        scoredWith = assessment.stamp.rubricVersion

        // `assessment.question(id)` is the first result with that id; keep the first per rubric position.
        let questions = rubric.allQuestions
        var seen = [Bool](repeating: false, count: questions.count)
        var weak: [WeakCombinedAnswer] = []
        var position = 0  // results follow the rubric's order; the lookup is for anything else
        // Through the buffers, whose subscripts lend each result out: `for result in` copied every question's
        // result (its answer, respondents and id: several reference counts) of every library-round.
        assessment.dimensions.withUnsafeBufferPointer { dimensions in
            for d in dimensions.indices {
                dimensions[d].questions.withUnsafeBufferPointer { results in
                    for r in results.indices {
                        let expected = position < questions.count && questions[position].id == results[r].questionID
                        position += 1
                        guard let index = expected ? position - 1 : rubric.questionPositions.position(of: results[r].questionID),
                            !seen[index]
                        else { continue }
                        seen[index] = true
                        guard questions[index].isScored, results[r].answered, let points = results[r].answer.points,
                            points <= weakPoints + 1e-9, let value = results[r].answer.value
                        else { continue }
                        weak.append(
                            WeakCombinedAnswer(
                                question: index, value: value, numericValue: results[r].answer.numericValue, points: points))
                    }
                }
            }
        }
        // Kept for the programme's lifetime, so stored without the spare capacity appending leaves.
        var exact: [WeakCombinedAnswer] = []
        exact.reserveCapacity(weak.count)
        exact.append(contentsOf: weak.sorted { $0.question < $1.question })
        weakAnswers = exact
        triggered = assessment.triggered.compactMap { rubric.recommendationOrder[$0.recommendationID] }.sorted()
    }

    /// Drops what only the shown round of a library needs (weak answers, firing recommendations): for rounds the
    /// view only uses for progress and history, so a large programme keeps little per earlier round.
    public mutating func dropFindingDetails() {
        weakAnswers = []
        triggered = []
    }

    /// The cell of a dimension.
    public func cell(_ dimensionID: String) -> MatrixCell? { cells.first { $0.dimensionID == dimensionID } }
}

/// A weak combined answer of one scored question.
///
/// One is kept per weak answer of every library's shown round, so the fields are ordered to pack tightly
/// (48 bytes rather than 56).
struct WeakCombinedAnswer: Sendable {
    var value: AnswerValue
    private var position: Int32
    /// Points 0–4.
    var points: Double
    var numericValue: Double?

    /// Position in `rubric.allQuestions`.
    var question: Int { Int(position) }

    init(question: Int, value: AnswerValue, numericValue: Double?, points: Double) {
        self.value = value
        self.position = Int32(question)
        self.points = points
        self.numericValue = numericValue
    }
}
