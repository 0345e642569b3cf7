import Diagnostics
import RubricModel

/// The questionnaires of one library in one round (one per respondent).
public struct LibraryRound: Sendable {
    public var library: LibraryInfo
    public var round: Int
    public var questionnaires: [Questionnaire]
}

/// Groups loaded questionnaires by library and round, in a deterministic order.
public enum Cohort {
    public struct Grouping: Sendable {
        /// Sorted by library id, then round.
        public var rounds: [LibraryRound]
        public var diagnostics: [Diagnostic]
        /// Files left out because they clash with another file (duplicate respondent).
        public var excludedFiles: [String]

        /// Library ids in order.
        public var libraryIDs: [String] {
            var seen = Set<String>()
            return rounds.map(\.library.id).filter { seen.insert($0).inserted }
        }

        public func rounds(of libraryID: String) -> [LibraryRound] { rounds.filter { $0.library.id == libraryID } }
        public func latest(of libraryID: String) -> LibraryRound? { rounds(of: libraryID).last }
    }

    /// Groups by `(library id, round)`. Two files of the same library, round, role and name are an error
    /// (`duplicate-respondent`) and the later file (by path) is left out; a library name that differs between
    /// files is a warning.
    public static func group(_ questionnaires: [Questionnaire]) -> Grouping {
        var grouper = Grouper()
        var byKey: [Grouper.Key: [Questionnaire]] = [:]
        for questionnaire in questionnaires.sorted(by: { $0.file < $1.file }) {
            guard grouper.add(Member(questionnaire)) else { continue }
            byKey[Grouper.Key(questionnaire), default: []].append(questionnaire)
        }
        let rounds = byKey.values.map { group in
            LibraryRound(library: grouper.library(group[0].library.id) ?? group[0].library, round: group[0].round, questionnaires: group)
        }.sorted { ($0.library.id, $0.round) < ($1.library.id, $1.round) }
        return Grouping(rounds: rounds, diagnostics: grouper.diagnostics, excludedFiles: grouper.excludedFiles)
    }

    /// What grouping needs to know of a questionnaire.
    public struct Member: Sendable {
        public var file: String
        public var library: LibraryInfo
        public var round: Int
        public var respondent: Respondent
        public var location: SourceLocation

        public init(_ questionnaire: Questionnaire) {
            file = questionnaire.file
            library = questionnaire.library
            round = questionnaire.round
            respondent = questionnaire.respondent
            location = questionnaire.location
        }
    }

    /// The rules of `group` applied one file at a time, for callers that stream: feed members sorted by file
    /// (`String` order) and they are kept or left out exactly as `group` would.
    public struct Grouper: Sendable {
        /// A library and round.
        public struct Key: Hashable, Sendable {
            public var libraryID: String
            public var round: Int

            public init(libraryID: String, round: Int) {
                self.libraryID = libraryID
                self.round = round
            }

            public init(_ questionnaire: Questionnaire) {
                self.init(libraryID: questionnaire.library.id, round: questionnaire.round)
            }
        }

        public private(set) var diagnostics: [Diagnostic] = []
        /// Files left out because they clash with an earlier file.
        public private(set) var excludedFiles: [String] = []
        /// The kept members of each library and round, in the order added.
        public private(set) var members: [Key: [Member]] = [:]
        /// The first member of each library: its name is the library's name.
        private var names: [String: Member] = [:]

        public init() {}

        /// Adds the next file; false when it is left out as a duplicate respondent.
        public mutating func add(_ member: Member) -> Bool {
            var member = member
            // The same library as the first file's shares its strings rather than keeping a copy per file.
            if let first = names[member.library.id], first.library == member.library { member.library = first.library }
            let key = Key(libraryID: member.library.id, round: member.round)
            if let clash = members[key]?.first(where: { $0.respondent == member.respondent }) {
                let who = member.respondent.name.map { "\(member.respondent.role) '\($0)'" } ?? member.respondent.role
                diagnostics.append(
                    .error(
                        "duplicate-respondent",
                        "'\(clash.file)' and this file both answer for library '\(member.library.id)', round \(member.round), respondent \(who); this file is left out",
                        at: member.location,
                        notes: [.init("the other file", at: clash.location)],
                        hint: "give each respondent's file a different 'respondent: name', or remove the copy"))
                excludedFiles.append(member.file)
                return false
            }
            if let first = names[member.library.id], first.library.name != member.library.name {
                diagnostics.append(
                    .warning(
                        "library-name-differs",
                        "library '\(member.library.id)' is called '\(member.library.name)' here but '\(first.library.name)' in '\(first.file)'",
                        at: member.location))
            } else if names[member.library.id] == nil {
                names[member.library.id] = member
            }
            members[key, default: []].append(member)
            return true
        }

        /// The library as named by its first file.
        public func library(_ id: String) -> LibraryInfo? { names[id]?.library }
    }
}
