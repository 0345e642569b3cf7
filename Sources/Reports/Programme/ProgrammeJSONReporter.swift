import Foundation
import RubricModel
import Scoring

/// The programme comparison as JSON, documented by `docs/compare.schema.json` (`schema_version: 1`).
///
/// Keys are snake_case and sorted; optional values are left out when unknown; numbers are plain JSON numbers
/// (scores with one decimal, spreads with two). Texts (titles, questions, weak answers) are in the report language.
public enum ProgrammeJSONReporter {
    /// The version of the JSON layout; raised on any incompatible change.
    public static let schemaVersion = 1

    public static func render(_ view: ProgrammeView, context: ReportContext) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document(view, context: context)), let text = String(data: data, encoding: .utf8)
        else { return "{}\n" }
        return text + "\n"
    }

    /// The JSON document as a value (what `render` encodes).
    public static func document(_ view: ProgrammeView, context: ReportContext) -> ProgrammeJSON {
        let l = context.labels
        func ref(_ library: LibraryRef) -> ProgrammeJSON.Library { .init(id: library.id, name: library.name) }
        let roundValue: ProgrammeJSON.Round
        switch view.round {
        case .latest: roundValue = .latest
        case .number(let number): roundValue = .number(number)
        }
        return ProgrammeJSON(
            schemaVersion: schemaVersion, toolVersion: context.toolVersion, language: context.language,
            rubric: .init(id: view.rubricID, version: view.rubricVersion, title: context.rubric.title.text(context.language)),
            round: roundValue, sort: view.sort.description, anonymized: view.anonymized, libraryCount: view.libraryCount,
            dimensions: view.dimensionIDs.map { .init(id: $0, title: context.dimensionTitle($0)) },
            libraries: view.rows.map { row in
                .init(
                    id: row.libraryID, name: row.name, population: row.population, staff: row.staff, round: row.round,
                    date: row.date?.description, respondents: row.respondentCount,
                    dimensions: row.cells.map { cell in
                        .init(
                            id: cell.dimensionID, level: cell.level, score: cell.score, coverage: cell.coverage,
                            provisional: cell.provisional, borderline: cell.borderline?.rawValue)
                    },
                    overall: .init(level: row.overallLevel, provisional: row.overallProvisional),
                    writtenForVersions: row.writtenForVersions)
            },
            distributions: view.distributions.map { distribution in
                .init(
                    dimension: distribution.dimensionID, levelCounts: distribution.levelCounts,
                    medianLevel: distribution.medianLevel, minLevel: distribution.minLevel, maxLevel: distribution.maxLevel,
                    scores: distribution.scores.map { scores in
                        .init(
                            median: scores.median, min: scores.min, max: scores.max, lowerQuartile: scores.lowerQuartile,
                            upperQuartile: scores.upperQuartile, interquartileRange: scores.interquartileRange)
                    })
            },
            progress: view.progress.map { progress in
                .init(
                    library: ref(progress.library), fromRound: progress.fromRound, toRound: progress.toRound,
                    dimensions: progress.changes.map { change in
                        .init(
                            id: change.dimensionID ?? "", fromLevel: change.fromLevel, toLevel: change.toLevel,
                            direction: change.direction.rawValue, fromScore: change.fromScore, toScore: change.toScore,
                            scoreDelta: change.scoreDelta)
                    },
                    overall: .init(
                        fromLevel: progress.overall.fromLevel, toLevel: progress.overall.toLevel,
                        direction: progress.overall.direction.rawValue),
                    history: progress.history.map { .init(round: $0.round, levels: $0.levels, overall: $0.overall) })
            },
            transitions: view.transitions.map { table in
                .init(dimension: table.dimensionID, counts: table.counts, up: table.up, same: table.same, down: table.down)
            },
            findings: .init(
                minReach: view.findingsMinReach,
                questions: view.questionFindings.map { finding in
                    .init(
                        questionID: finding.questionID, dimensionID: finding.dimensionID,
                        text: context.questionText(finding.questionID), reach: finding.reach, libraries: finding.libraryIDs,
                        weakAnswers: finding.weakAnswers.map { answer in
                            .init(
                                answer: context.describe(answer.value, questionID: finding.questionID, numeric: answer.numericValue),
                                points: answer.points, libraries: answer.libraryIDs)
                        },
                        sentence: context.questionFindingSentence(finding, total: view.libraryCount))
                },
                recommendations: view.recommendationFindings.map { finding in
                    .init(
                        recommendationID: finding.recommendationID, dimensionID: finding.dimensionID,
                        title: context.recommendationTitle(finding.recommendationID), reach: finding.reach,
                        libraries: finding.libraryIDs)
                }),
            tandems: .init(
                maxMenteesPerMentor: view.maxMenteesPerMentor,
                pairs: view.tandems.map { tandem in
                    .init(
                        mentor: ref(tandem.mentor), mentee: ref(tandem.mentee),
                        dimensions: tandem.dimensions.map {
                            .init(id: $0.dimensionID, mentorLevel: $0.mentorLevel, menteeLevel: $0.menteeLevel)
                        }, sizeDistance: tandem.sizeDistance)
                },
                unmatched: view.unmatchedNeeds.map { .init(library: ref($0.library), dimensionID: $0.dimensionID, level: $0.level) }),
            notices: .init(
                versionMismatches: view.versionMismatches.map { mismatch in
                    .init(
                        library: ref(mismatch.library), round: mismatch.round, writtenFor: mismatch.writtenFor,
                        scoredWith: mismatch.scoredWith, message: context.versionWarning(mismatch),
                        hint: l.versionHint(scoredWith: mismatch.scoredWith))
                },
                missingRound: view.missingRound.map(ref),
                leftOut: view.leftOut.map { file in
                    .init(file: file.file, line: file.line, column: file.column, code: file.code, message: file.message)
                }))
    }
}

/// The JSON document of `assess compare --format json` (docs/compare.schema.json). Decodable, so tools and tests
/// can read it back.
public struct ProgrammeJSON: Codable, Sendable, Equatable {
    public enum Round: Codable, Sendable, Equatable {
        case latest
        case number(Int)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else if try container.decode(String.self) == "latest" {
                self = .latest
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "round is 'latest' or a number")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .latest: try container.encode("latest")
            case .number(let number): try container.encode(number)
            }
        }
    }

    public struct Rubric: Codable, Sendable, Equatable {
        public var id: String
        public var version: String
        public var title: String
    }

    public struct Dimension: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
    }

    public struct Library: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
    }

    public struct Cell: Codable, Sendable, Equatable {
        public var id: String
        public var level: Int
        public var score: Double
        public var coverage: Double
        public var provisional: Bool
        /// `near-next` or `just-reached`; absent when not borderline.
        public var borderline: String?
    }

    public struct Overall: Codable, Sendable, Equatable {
        public var level: Int
        public var provisional: Bool
    }

    public struct Row: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var population: Int?
        public var staff: Int?
        public var round: Int
        public var date: String?
        public var respondents: Int
        public var dimensions: [Cell]
        public var overall: Overall
        public var writtenForVersions: [String]

        enum CodingKeys: String, CodingKey {
            case id, name, population, staff, round, date, respondents, dimensions, overall
            case writtenForVersions = "written_for_versions"
        }
    }

    public struct Spread: Codable, Sendable, Equatable {
        public var median: Double
        public var min: Double
        public var max: Double
        public var lowerQuartile: Double
        public var upperQuartile: Double
        public var interquartileRange: Double

        enum CodingKeys: String, CodingKey {
            case median, min, max
            case lowerQuartile = "lower_quartile"
            case upperQuartile = "upper_quartile"
            case interquartileRange = "interquartile_range"
        }
    }

    public struct Distribution: Codable, Sendable, Equatable {
        /// Absent for the overall level.
        public var dimension: String?
        public var levelCounts: [Int]
        public var medianLevel: Double?
        public var minLevel: Int?
        public var maxLevel: Int?
        public var scores: Spread?

        enum CodingKeys: String, CodingKey {
            case dimension, scores
            case levelCounts = "level_counts"
            case medianLevel = "median_level"
            case minLevel = "min_level"
            case maxLevel = "max_level"
        }
    }

    public struct Change: Codable, Sendable, Equatable {
        public var id: String
        public var fromLevel: Int
        public var toLevel: Int
        public var direction: String
        public var fromScore: Double?
        public var toScore: Double?
        public var scoreDelta: Double?

        enum CodingKeys: String, CodingKey {
            case id, direction
            case fromLevel = "from_level"
            case toLevel = "to_level"
            case fromScore = "from_score"
            case toScore = "to_score"
            case scoreDelta = "score_delta"
        }
    }

    public struct OverallChange: Codable, Sendable, Equatable {
        public var fromLevel: Int
        public var toLevel: Int
        public var direction: String

        enum CodingKeys: String, CodingKey {
            case direction
            case fromLevel = "from_level"
            case toLevel = "to_level"
        }
    }

    public struct Snapshot: Codable, Sendable, Equatable {
        public var round: Int
        public var levels: [Int]
        public var overall: Int
    }

    public struct Progress: Codable, Sendable, Equatable {
        public var library: Library
        public var fromRound: Int
        public var toRound: Int
        public var dimensions: [Change]
        public var overall: OverallChange
        public var history: [Snapshot]

        enum CodingKeys: String, CodingKey {
            case library, dimensions, overall, history
            case fromRound = "from_round"
            case toRound = "to_round"
        }
    }

    public struct Transition: Codable, Sendable, Equatable {
        /// Absent for the overall level.
        public var dimension: String?
        /// `counts[from - 1][to - 1]`.
        public var counts: [[Int]]
        public var up: Int
        public var same: Int
        public var down: Int
    }

    public struct WeakAnswer: Codable, Sendable, Equatable {
        public var answer: String
        public var points: Double
        public var libraries: [String]
    }

    public struct QuestionFinding: Codable, Sendable, Equatable {
        public var questionID: String
        public var dimensionID: String
        public var text: String
        public var reach: Int
        public var libraries: [String]
        public var weakAnswers: [WeakAnswer]
        public var sentence: String

        enum CodingKeys: String, CodingKey {
            case text, reach, libraries, sentence
            case questionID = "question_id"
            case dimensionID = "dimension_id"
            case weakAnswers = "weak_answers"
        }
    }

    public struct RecommendationFinding: Codable, Sendable, Equatable {
        public var recommendationID: String
        public var dimensionID: String
        public var title: String
        public var reach: Int
        public var libraries: [String]

        enum CodingKeys: String, CodingKey {
            case title, reach, libraries
            case recommendationID = "recommendation_id"
            case dimensionID = "dimension_id"
        }
    }

    public struct Findings: Codable, Sendable, Equatable {
        public var minReach: Int
        public var questions: [QuestionFinding]
        public var recommendations: [RecommendationFinding]

        enum CodingKeys: String, CodingKey {
            case questions, recommendations
            case minReach = "min_reach"
        }
    }

    public struct TandemDimension: Codable, Sendable, Equatable {
        public var id: String
        public var mentorLevel: Int
        public var menteeLevel: Int

        enum CodingKeys: String, CodingKey {
            case id
            case mentorLevel = "mentor_level"
            case menteeLevel = "mentee_level"
        }
    }

    public struct Pair: Codable, Sendable, Equatable {
        public var mentor: Library
        public var mentee: Library
        public var dimensions: [TandemDimension]
        public var sizeDistance: Double?

        enum CodingKeys: String, CodingKey {
            case mentor, mentee, dimensions
            case sizeDistance = "size_distance"
        }
    }

    public struct Need: Codable, Sendable, Equatable {
        public var library: Library
        public var dimensionID: String
        public var level: Int

        enum CodingKeys: String, CodingKey {
            case library, level
            case dimensionID = "dimension_id"
        }
    }

    public struct Tandems: Codable, Sendable, Equatable {
        public var maxMenteesPerMentor: Int
        public var pairs: [Pair]
        public var unmatched: [Need]

        enum CodingKeys: String, CodingKey {
            case pairs, unmatched
            case maxMenteesPerMentor = "max_mentees_per_mentor"
        }
    }

    public struct VersionMismatch: Codable, Sendable, Equatable {
        public var library: Library
        public var round: Int
        public var writtenFor: [String]
        public var scoredWith: String
        public var message: String
        public var hint: String

        enum CodingKeys: String, CodingKey {
            case library, round, message, hint
            case writtenFor = "written_for"
            case scoredWith = "scored_with"
        }
    }

    public struct LeftOut: Codable, Sendable, Equatable {
        public var file: String
        public var line: Int?
        public var column: Int?
        public var code: String
        public var message: String
    }

    public struct Notices: Codable, Sendable, Equatable {
        public var versionMismatches: [VersionMismatch]
        public var missingRound: [Library]
        public var leftOut: [LeftOut]

        enum CodingKeys: String, CodingKey {
            case versionMismatches = "version_mismatches"
            case missingRound = "missing_round"
            case leftOut = "left_out"
        }
    }

    public var schemaVersion: Int
    public var toolVersion: String
    public var language: String
    public var rubric: Rubric
    public var round: Round
    public var sort: String
    public var anonymized: Bool
    public var libraryCount: Int
    public var dimensions: [Dimension]
    public var libraries: [Row]
    public var distributions: [Distribution]
    public var progress: [Progress]
    public var transitions: [Transition]
    public var findings: Findings
    public var tandems: Tandems
    public var notices: Notices

    enum CodingKeys: String, CodingKey {
        case language, rubric, round, sort, anonymized, dimensions, libraries, distributions, progress, transitions
        case findings, tandems, notices
        case schemaVersion = "schema_version"
        case toolVersion = "tool_version"
        case libraryCount = "library_count"
    }
}
