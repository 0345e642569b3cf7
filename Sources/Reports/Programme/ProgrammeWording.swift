import RubricModel
import Scoring

/// Phrasing shared by the programme reporters, so every format says the same thing in the same words.
extension ReportContext {
    /// A matrix cell: the level plus `*` (provisional) and `~` (borderline), e.g. `2*~`.
    public func cellMarks(_ cell: MatrixCell) -> String {
        String(cell.level) + (cell.provisional ? "*" : "") + (cell.borderline != nil ? "~" : "")
    }

    /// The overall level with `*` when provisional.
    public func overallMarks(_ row: LibraryRow) -> String {
        String(row.overallLevel) + (row.overallProvisional ? "*" : "")
    }

    /// The display name of a sort column: a dimension's title, or the column word.
    public func sortColumnName(_ sort: MatrixSort) -> String {
        let l = labels
        let name: String
        switch sort.column {
        case .id: name = l.id
        case .name: name = l.name
        case .round: name = l.round
        case .date: name = l.date
        case .overall: name = l.overall
        case .dimension(let id): name = dimensionTitle(id)
        }
        return name + (sort.descending ? l.pick(" (absteigend)", " (descending)") : "")
    }

    /// The names of libraries by id, in the given order (ids not in the matrix stay ids).
    public func libraryNames(_ ids: [String], in view: ProgrammeView) -> [String] {
        libraryNamer(for: view)(ids)
    }

    /// `libraryNames` for the findings of one view: with many ids (a finding shared by a third of a large
    /// programme) the rows are indexed in one pass, once for all findings rather than once per finding; the first
    /// row of an id wins, as in `view.row`.
    public func libraryNamer(for view: ProgrammeView) -> ([String]) -> [String] {
        var index: [String: String]?
        return { ids in
            if ids.count < 8 { return ids.map { view.row($0)?.name ?? $0 } }
            if index == nil {
                var names: [String: String] = [:]
                names.reserveCapacity(view.rows.count)
                for position in view.rows.indices where names[view.rows[position].libraryID] == nil {
                    names[view.rows[position].libraryID] = view.rows[position].name
                }
                index = names
            }
            return ids.map { index![$0] ?? $0 }
        }
    }

    /// "2 Stunden (2), 1 Stunde (1)": the weak answers of a finding with how many libraries gave them.
    public func weakAnswersText(_ finding: QuestionFinding) -> String {
        finding.weakAnswers.map { answer in
            "\(describe(answer.value, questionID: finding.questionID, numeric: answer.numericValue)) (\(answer.libraryIDs.count))"
        }.joined(separator: ", ")
    }

    /// One question finding as a sentence: "3 von 5: Stunden pro Woche … – schwache Antworten: …".
    public func questionFindingSentence(_ finding: QuestionFinding, total: Int) -> String {
        let l = labels
        return "\(l.reach(finding.reach, of: total)): \(questionText(finding.questionID)) – \(l.weakAnswers): \(weakAnswersText(finding))"
    }

    /// A left-out file: `broken.yaml:3:5: message [code]`, or `file 1, line 3 [code]` when anonymised.
    public func leftOutLine(_ file: LeftOutFile) -> String {
        var place = file.file
        if file.message.isEmpty {
            if let line = file.line { place += ", " + labels.lineWord(line) }
            return "\(place) [\(file.code)]"
        }
        if let line = file.line { place += ":\(line)" + (file.column.map { ":\($0)" } ?? "") }
        return place.isEmpty ? "\(file.message) [\(file.code)]" : "\(place): \(file.message) [\(file.code)]"
    }

    /// The version warning for one library-round.
    public func versionWarning(_ mismatch: VersionMismatch) -> String {
        labels.versionMismatch(
            library: mismatch.library.name, round: mismatch.round, writtenFor: mismatch.writtenFor,
            scoredWith: mismatch.scoredWith)
    }

    /// Every (from, to) level move that occurs in some transition table, ascending.
    public func transitionMoves(_ view: ProgrammeView) -> [(from: Int, to: Int)] {
        var moves: [(Int, Int)] = []
        for from in 1...5 {
            for to in 1...5 where view.transitions.contains(where: { $0.count(from: from, to: to) > 0 }) {
                moves.append((from, to))
            }
        }
        return moves
    }

    /// Column title of a transition table: a dimension's title, or "Overall".
    public func transitionTitle(_ table: TransitionTable) -> String {
        table.dimensionID.map(dimensionTitle) ?? labels.overall
    }

    /// Title of a distribution row.
    public func distributionTitle(_ distribution: Distribution) -> String {
        distribution.dimensionID.map(dimensionTitle) ?? labels.overall
    }

    /// The rounds the progress section compares, e.g. "Runde 1 → 2"; mixed pairs are listed per library.
    public func progressRounds(_ view: ProgrammeView) -> String? {
        let pairs = Set(view.progress.map { "\($0.fromRound) → \($0.toRound)" })
        guard pairs.count == 1, let only = pairs.first else { return nil }
        return "\(labels.round) \(only)"
    }

    /// "Erkundung (5 → 1)" for one tandem dimension.
    public func tandemDimensionText(_ dimension: TandemDimension) -> String {
        "\(dimensionTitle(dimension.dimensionID)) (\(dimension.mentorLevel) → \(dimension.menteeLevel))"
    }

    /// A median level: "4" or "2,5".
    public func levelNumber(_ value: Double?) -> String {
        guard let value else { return "–" }
        return Format.number(value, decimals: 1, fixed: false, language: language)
    }

    /// A score: "83,3".
    public func scoreNumber(_ value: Double?) -> String {
        guard let value else { return "–" }
        return Format.number(value, decimals: 1, language: language)
    }

    /// An arrow for a direction: ↑, → or ↓.
    public func arrow(_ direction: Direction) -> String {
        switch direction {
        case .up: "↑"
        case .same: "="
        case .down: "↓"
        }
    }
}
