/// Replaces library ids and names by codes for reports that leave the programme.
///
/// Codes are `B01`, `B02`, … assigned in ascending order of the library ids given (all rounds, so a library
/// keeps its code whichever round is shown); `B001`… with 100 or more libraries. The same set of libraries always
/// gets the same codes. Respondent names, population and staff are dropped (a town's size can identify it), and
/// left-out files become "file 1", "file 2", … with their messages removed (paths and messages may quote names).
public struct Anonymizer: Sendable {
    /// Code by library id.
    public let codes: [String: String]

    public init(libraryIDs: [String]) {
        let unique = Array(Set(libraryIDs)).sorted()
        let width = max(2, String(unique.count).count)
        var codes: [String: String] = [:]
        for (index, id) in unique.enumerated() {
            let number = String(index + 1)
            codes[id] = "B" + String(repeating: "0", count: width - number.count) + number
        }
        self.codes = codes
    }

    public func code(_ libraryID: String) -> String { codes[libraryID] ?? libraryID }

    func ref(_ library: LibraryRef) -> LibraryRef {
        let code = code(library.id)
        return LibraryRef(id: code, name: code)
    }

    func ids(_ ids: [String]) -> [String] { ids.map(code).sorted() }

    /// The view with every library reference replaced; lists keyed by library are re-sorted by code.
    func apply(to view: ProgrammeView) -> ProgrammeView {
        var view = view
        view.rows = view.rows.map { row in
            var row = row
            row.library = ref(row.library)
            row.population = nil
            row.staff = nil
            row.respondentNames = []
            return row
        }
        view.progress = view.progress.map { progress in
            var progress = progress
            progress.library = ref(progress.library)
            return progress
        }.sorted { $0.library.id < $1.library.id }
        view.questionFindings = view.questionFindings.map { finding in
            var finding = finding
            finding.libraryIDs = ids(finding.libraryIDs)
            finding.weakAnswers = finding.weakAnswers.map { answer in
                var answer = answer
                answer.libraryIDs = ids(answer.libraryIDs)
                return answer
            }
            return finding
        }
        view.recommendationFindings = view.recommendationFindings.map { finding in
            var finding = finding
            finding.libraryIDs = ids(finding.libraryIDs)
            return finding
        }
        view.tandems = view.tandems.map { tandem in
            var tandem = tandem
            tandem.mentor = ref(tandem.mentor)
            tandem.mentee = ref(tandem.mentee)
            tandem.sizeDistance = nil
            return tandem
        }.sorted { ($0.mentor.id, $0.mentee.id) < ($1.mentor.id, $1.mentee.id) }
        view.unmatchedNeeds = view.unmatchedNeeds.map { need in
            var need = need
            need.library = ref(need.library)
            return need
        }
        view.versionMismatches = view.versionMismatches.map { mismatch in
            var mismatch = mismatch
            mismatch.library = ref(mismatch.library)
            return mismatch
        }.sorted { ($0.library.id, $0.round) < ($1.library.id, $1.round) }
        view.missingRound = view.missingRound.map(ref).sorted { $0.id < $1.id }
        view.leftOut = view.leftOut.enumerated().map { index, file in
            LeftOutFile(file: "file \(index + 1)", line: file.line, column: file.column, code: file.code, message: "")
        }
        view.anonymized = true
        return view
    }
}
