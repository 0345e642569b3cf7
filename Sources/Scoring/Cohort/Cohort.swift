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
        var diagnostics: [Diagnostic] = []
        var excluded: [String] = []
        var byKey: [String: [Questionnaire]] = [:]
        var names: [String: Questionnaire] = [:]
        for questionnaire in questionnaires.sorted(by: { $0.file < $1.file }) {
            let key = "\(questionnaire.library.id)\u{0}\(questionnaire.round)"
            if let clash = byKey[key]?.first(where: { $0.respondent == questionnaire.respondent }) {
                let who = questionnaire.respondent.name.map { "\(questionnaire.respondent.role) '\($0)'" } ?? questionnaire.respondent.role
                diagnostics.append(
                    .error(
                        "duplicate-respondent",
                        "'\(clash.file)' and this file both answer for library '\(questionnaire.library.id)', round \(questionnaire.round), respondent \(who); this file is left out",
                        at: questionnaire.location,
                        notes: [.init("the other file", at: clash.location)],
                        hint: "give each respondent's file a different 'respondent: name', or remove the copy"))
                excluded.append(questionnaire.file)
                continue
            }
            if let first = names[questionnaire.library.id], first.library.name != questionnaire.library.name {
                diagnostics.append(
                    .warning(
                        "library-name-differs",
                        "library '\(questionnaire.library.id)' is called '\(questionnaire.library.name)' here but '\(first.library.name)' in '\(first.file)'",
                        at: questionnaire.location))
            } else if names[questionnaire.library.id] == nil {
                names[questionnaire.library.id] = questionnaire
            }
            byKey[key, default: []].append(questionnaire)
        }
        let rounds = byKey.values.map { group in
            LibraryRound(library: names[group[0].library.id]?.library ?? group[0].library, round: group[0].round, questionnaires: group)
        }.sorted { ($0.library.id, $0.round) < ($1.library.id, $1.round) }
        return Grouping(rounds: rounds, diagnostics: diagnostics, excludedFiles: excluded)
    }
}
