import Diagnostics
import RubricModel
import YAML

/// The programme view behind `assess compare`: every library of a coaching programme side by side, for the
/// programme managers who steer it across libraries.
///
/// Built from the `Assessment`s of all libraries and rounds with `ProgrammeView(assessments:rubric:options:leftOut:)`.
/// Pure: no I/O, no clock; the same inputs always give the same view. Library ids, names and every list are in a
/// documented, deterministic order (docs/COMPARE.md).
public struct ProgrammeView: Sendable {
    /// The rubric the assessments were scored with.
    public var rubricID: String
    public var rubricVersion: String
    /// Dimension ids in rubric order: the matrix columns.
    public var dimensionIDs: [String]
    /// Which round the matrix shows.
    public var round: RoundSelection
    /// One row per library in the chosen round, sorted by `sort`.
    public var rows: [LibraryRow]
    public var sort: MatrixSort
    /// Level counts and score spread per dimension, then one for the overall level (`dimensionID == nil`).
    public var distributions: [Distribution]
    /// Per library: the chosen round against the round before it (libraries with only one round have none).
    public var progress: [LibraryProgress]
    /// Cohort transition tables per dimension, then the overall level.
    public var transitions: [TransitionTable]
    /// Questions answered weakly by many libraries, ranked by reach.
    public var questionFindings: [QuestionFinding]
    /// Recommendations that fire for many libraries, ranked by reach.
    public var recommendationFindings: [RecommendationFinding]
    /// The smallest reach a finding needs to be listed.
    public var findingsMinReach: Int
    /// Proposed mentoring pairs.
    public var tandems: [Tandem]
    /// Weak (library, dimension) placements for which no mentor was free.
    public var unmatchedNeeds: [TandemNeed]
    /// The mentee limit per mentor that was applied.
    public var maxMenteesPerMentor: Int
    /// Libraries whose questionnaires were written for another rubric version than the one that scored them.
    public var versionMismatches: [VersionMismatch]
    /// Libraries without the chosen round (only with `--round N`), sorted by id.
    public var missingRound: [LibraryRef]
    /// Files that could not be used, with their first error.
    public var leftOut: [LeftOutFile]
    /// True when names, ids and respondent names were replaced by codes.
    public var anonymized: Bool

    /// The number of libraries in the matrix: the denominator of "11 of 15".
    public var libraryCount: Int { rows.count }

    /// The row of a library, by (possibly anonymised) id.
    public func row(_ libraryID: String) -> LibraryRow? { rows.first { $0.libraryID == libraryID } }

    /// The distribution of one dimension, or of the overall level for nil.
    public func distribution(_ dimensionID: String?) -> Distribution? {
        distributions.first { $0.dimensionID == dimensionID }
    }

    /// The transition table of one dimension, or of the overall level for nil.
    public func transitions(_ dimensionID: String?) -> TransitionTable? {
        transitions.first { $0.dimensionID == dimensionID }
    }
}

/// Which round of each library the matrix shows.
public enum RoundSelection: Sendable, Equatable, CustomStringConvertible {
    /// Each library's latest round.
    case latest
    /// Round N of every library (libraries without it are listed in `missingRound`).
    case number(Int)

    /// Parses `latest` or a whole number ≥ 1; nil otherwise.
    public init?(_ text: String) {
        if text.lowercased() == "latest" {
            self = .latest
        } else if let number = Int(text), number >= 1 {
            self = .number(number)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .latest: "latest"
        case .number(let number): String(number)
        }
    }
}

/// Knobs of the comparison; the defaults are the documented rules of docs/COMPARE.md.
public struct ProgrammeOptions: Sendable {
    public var round: RoundSelection
    public var sort: MatrixSort
    /// Replace library names and ids by codes (`B01`…), drop respondent names, population and staff.
    public var anonymize: Bool
    /// Distinct mentees one mentor library takes on, across all dimensions.
    public var maxMenteesPerMentor: Int
    /// A finding is listed when at least this many libraries share it; nil means max(2, ⌈n ÷ 3⌉).
    public var findingsMinReach: Int?
    /// At most this many findings of each kind (questions, recommendations).
    public var findingsLimit: Int
    /// A combined answer with at most this many points (0–4) counts as weak.
    public var weakPoints: Double
    /// Threads the view may be built with (the tandem plan runs beside the rest from 2); the view is the same.
    public var threads: Int

    public init(
        round: RoundSelection = .latest, sort: MatrixSort = .default, anonymize: Bool = false,
        maxMenteesPerMentor: Int = 2, findingsMinReach: Int? = nil, findingsLimit: Int = 10, weakPoints: Double = 1,
        threads: Int = 1
    ) {
        self.round = round
        self.sort = sort
        self.anonymize = anonymize
        self.maxMenteesPerMentor = maxMenteesPerMentor
        self.findingsMinReach = findingsMinReach
        self.findingsLimit = findingsLimit
        self.weakPoints = weakPoints
        self.threads = threads
    }
}

// MARK: - Matrix

/// A library as named in the view (id and name are codes when anonymised).
public struct LibraryRef: Sendable, Hashable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// One dimension of one library in the matrix.
public struct MatrixCell: Sendable, Equatable {
    public var dimensionID: String
    /// Placed level 1–5.
    public var level: Int
    /// 0–100, one decimal.
    public var score: Double
    /// Percent 0–100.
    public var coverage: Double
    public var provisional: Bool
    public var borderline: Borderline?
}

/// One library in the chosen round.
public struct LibraryRow: Sendable {
    public var library: LibraryRef
    /// From the questionnaires, when given (nil when anonymised).
    public var population: Int?
    public var staff: Int?
    public var round: Int
    /// The latest questionnaire date of the round.
    public var date: CalendarDate?
    /// Respondent files combined into this row.
    public var respondentCount: Int
    /// Respondent names (empty when anonymised), in role order.
    public var respondentNames: [String]
    /// One cell per dimension, in rubric order.
    public var cells: [MatrixCell]
    public var overallLevel: Int
    public var overallProvisional: Bool
    /// The overall value before rounding (weighted mean, median or minimum of the levels): a finer sort key.
    public var overallValue: Double
    /// The rubric versions the questionnaires were written for.
    public var writtenForVersions: [String]

    public var libraryID: String { library.id }
    public var name: String { library.name }

    public func cell(_ dimensionID: String) -> MatrixCell? { cells.first { $0.dimensionID == dimensionID } }
}

// MARK: - Progress

/// Whether a level went up, stayed or went down between two rounds.
public enum Direction: String, Sendable, CaseIterable {
    case up, same, down

    public init(from: Int, to: Int) {
        self = to > from ? .up : (to < from ? .down : .same)
    }
}

/// One dimension's (or the overall level's) change between two rounds of a library.
public struct LevelChange: Sendable, Equatable {
    /// nil for the overall level.
    public var dimensionID: String?
    public var fromLevel: Int
    public var toLevel: Int
    /// Dimension scores (nil for the overall level).
    public var fromScore: Double?
    public var toScore: Double?
    public var direction: Direction { Direction(from: fromLevel, to: toLevel) }
    /// Score points gained (negative when lost), one decimal; nil for the overall level.
    public var scoreDelta: Double? {
        guard let fromScore, let toScore else { return nil }
        return ((toScore - fromScore) * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}

/// A library's chosen round against its round before.
public struct LibraryProgress: Sendable {
    public var library: LibraryRef
    public var fromRound: Int
    public var toRound: Int
    /// One change per dimension, in rubric order.
    public var changes: [LevelChange]
    public var overall: LevelChange
    /// Every round of the library up to `toRound`, oldest first: the data of a progress chart.
    public var history: [RoundSnapshot]

    public func change(_ dimensionID: String) -> LevelChange? { changes.first { $0.dimensionID == dimensionID } }
    public var upCount: Int { changes.filter { $0.direction == .up }.count }
    public var downCount: Int { changes.filter { $0.direction == .down }.count }
}

/// A library's levels in one round.
public struct RoundSnapshot: Sendable, Equatable {
    public var round: Int
    /// Levels per dimension, in rubric order.
    public var levels: [Int]
    public var overall: Int
}

/// How many libraries moved from level a to level b in one dimension (or overall).
public struct TransitionTable: Sendable, Equatable {
    /// nil for the overall level.
    public var dimensionID: String?
    /// `counts[from - 1][to - 1]`, 5 × 5.
    public var counts: [[Int]]

    public init(dimensionID: String?, counts: [[Int]] = Array(repeating: Array(repeating: 0, count: 5), count: 5)) {
        self.dimensionID = dimensionID
        self.counts = counts
    }

    /// Libraries that moved from `from` to `to` (levels 1–5).
    public func count(from: Int, to: Int) -> Int {
        guard (1...5).contains(from), (1...5).contains(to) else { return 0 }
        return counts[from - 1][to - 1]
    }

    public var total: Int { counts.joined().reduce(0, +) }
    public var up: Int { sum { $0 < $1 } }
    public var same: Int { sum { $0 == $1 } }
    public var down: Int { sum { $0 > $1 } }

    private func sum(_ include: (Int, Int) -> Bool) -> Int {
        var total = 0
        for from in 0..<5 { for to in 0..<5 where include(from, to) { total += counts[from][to] } }
        return total
    }
}

// MARK: - Version guard and left-out files

/// A library-round whose questionnaires were written for another rubric version than the one that scored them.
public struct VersionMismatch: Sendable, Equatable {
    public var library: LibraryRef
    public var round: Int
    /// The versions named in the questionnaires (`rubric_version`), sorted.
    public var writtenFor: [String]
    /// The version of the rubric that scored them.
    public var scoredWith: String
}

/// An input file that was not compared, with the first error that ruled it out.
public struct LeftOutFile: Sendable, Equatable {
    /// The path as given (a neutral "file N" when anonymised).
    public var file: String
    /// Where the first error is (nil when it has no line).
    public var line: Int?
    public var column: Int?
    /// The diagnostic code, e.g. `yaml-syntax` or `duplicate-respondent`.
    public var code: String
    /// The diagnostic message (empty when anonymised: messages may quote names).
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, code: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    /// The first error of `diagnostics` for `file` (by location), or a generic entry when there is none.
    public init(file: String, diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error && ($0.location?.file ?? file) == file }.sorted()
        if let first = errors.first {
            self.init(
                file: file, line: first.location?.line, column: first.location?.column, code: first.code,
                message: first.message)
        } else {
            self.init(file: file, code: "unreadable", message: "the file could not be read")
        }
    }
}
