import Scoring

/// The words of the programme comparison (`assess compare`) in German and English.
extension Labels {
    public var programmeTitle: String { pick("Programmübersicht", "Programme overview") }
    public var matrixHeading: String { pick("Reifegrad je Bibliothek", "Maturity per library") }
    public var distributionHeading: String { pick("Verteilung je Dimension", "Distribution per dimension") }
    public var progressHeading: String { pick("Entwicklung seit der Vorrunde", "Progress since the previous round") }
    public var transitionsHeading: String { pick("Übergänge im Programm", "Transitions across the programme") }
    public var findingsHeading: String { pick("Programmweite Themen", "Programme-wide findings") }
    public var weakQuestionsHeading: String { pick("Häufig schwach beantwortete Fragen", "Questions many libraries answer weakly") }
    public var sharedRecommendationsHeading: String { pick("Häufige Empfehlungen", "Recommendations for many libraries") }
    public var tandemsHeading: String { pick("Tandems (voneinander lernen)", "Peer tandems") }
    public var noticesHeading: String { pick("Hinweise", "Notices") }
    public var name: String { pick("Name", "Name") }
    public var id: String { pick("Kennung", "ID") }
    public var date: String { pick("Datum", "Date") }
    public var respondents: String { pick("Antwortende", "Respondents") }
    public var median: String { pick("Median", "Median") }
    public var scoreMedian: String { pick("Median Punktwert", "Median score") }
    public var range: String { pick("Spanne", "Range") }
    public var interquartile: String { pick("mittlere Hälfte (IQR)", "middle half (IQR)") }
    public var libraries: String { pick("Bibliotheken", "Libraries") }
    public var mentor: String { pick("Mentor", "Mentor") }
    public var mentee: String { pick("Mentee", "Mentee") }
    public var reach: String { pick("Reichweite", "Reach") }
    public var question: String { pick("Frage", "Question") }
    public var recommendation: String { pick("Empfehlung", "Recommendation") }
    public var weakAnswers: String { pick("schwache Antworten", "weak answers") }
    public var from: String { pick("von", "from") }
    public var to: String { pick("nach", "to") }
    public var up: String { pick("gestiegen", "up") }
    public var same: String { pick("gleich", "same") }
    public var down: String { pick("gesunken", "down") }
    public var levelChange: String { pick("Stufenwechsel", "Level change") }
    public var sizeDistance: String { pick("Größenabstand", "Size distance") }
    public var noProgress: String {
        pick("Keine Bibliothek hat schon zwei Runden – noch keine Entwicklung.", "No library has two rounds yet – no progress to show.")
    }
    public var noFindings: String { pick("keine", "none") }
    public var noTandems: String {
        pick("Keine Paare: keine Bibliothek ist mindestens zwei Stufen stärker als eine schwache.", "No pairs: no library is two or more levels stronger than a weak one.")
    }

    /// "Runde 2" / "latest round".
    public func roundSelection(_ round: RoundSelection) -> String {
        switch round {
        case .latest: pick("jeweils letzte Runde", "latest round of each library")
        case .number(let number): pick("Runde \(number)", "round \(number)")
        }
    }

    /// "5 Bibliotheken" / "1 library".
    public func libraryCount(_ count: Int) -> String {
        count == 1 ? pick("1 Bibliothek", "1 library") : pick("\(count) Bibliotheken", "\(count) libraries")
    }

    /// "11 von 15" / "11 of 15".
    public func reach(_ count: Int, of total: Int) -> String { pick("\(count) von \(total)", "\(count) of \(total)") }

    public func direction(_ direction: Direction) -> String {
        switch direction {
        case .up: up
        case .same: same
        case .down: down
        }
    }

    /// The short mark after a level: `*` provisional, `~` borderline.
    public var legendMarks: String {
        pick("* vorläufig (zu wenig beantwortet) · ~ knapp (nahe einer Stufengrenze)", "* provisional (too little answered) · ~ borderline (close to a level boundary)")
    }

    public func borderlineKind(_ kind: Borderline) -> String {
        switch kind {
        case .nearNext: pick("knapp unter der nächsten Stufe", "just below the next level")
        case .justReached: pick("Stufe gerade erreicht", "level only just reached")
        }
    }

    public func sortedBy(_ column: String) -> String { pick("sortiert nach \(column)", "sorted by \(column)") }

    public var anonymizedNote: String {
        pick("Anonymisiert: Bibliotheken erscheinen als Kürzel (B01 …).", "Anonymised: libraries appear as codes (B01 …).")
    }

    public func findingsRule(minReach: Int, total: Int) -> String {
        pick(
            "Themen, die mindestens \(minReach) von \(total) Bibliotheken betreffen – Kandidaten für ein gemeinsames Webinar oder eine programmweite Maßnahme. Schwach heißt: höchstens 1 von 4 Punkten.",
            "Topics shared by at least \(minReach) of \(total) libraries – candidates for a joint webinar or a programme-wide measure. Weak means at most 1 of 4 points.")
    }

    public func tandemRule(maxMentees: Int) -> String {
        pick(
            "Mentor ist eine Bibliothek, die in der Dimension sicher (nicht vorläufig) mindestens zwei Stufen höher steht als eine Bibliothek auf Stufe 1 oder 2; höchstens \(maxMentees) Mentees je Mentor; ähnliche Größe (Einwohner, Personal) hat Vorrang.",
            "A mentor is a library placed (not provisionally) at least two levels above a library at level 1 or 2 in that dimension; at most \(maxMentees) mentees per mentor; similar size (population, staff) comes first.")
    }

    public var unmatchedHeading: String { pick("Noch ohne Mentor", "No mentor free") }

    public func versionMismatch(library: String, round: Int, writtenFor: [String], scoredWith: String) -> String {
        let versions = writtenFor.joined(separator: ", ")
        return pick(
            "\(library), Runde \(round): Fragebogen für Rubrik-Version \(versions), bewertet mit \(scoredWith) – nur eingeschränkt vergleichbar.",
            "\(library), round \(round): questionnaire written for rubric version \(versions), scored with \(scoredWith) – not fully comparable.")
    }

    public func versionHint(scoredWith: String) -> String {
        pick(
            "Neu bewerten: den aktuellen Fragebogen (assess template) ausfüllen lassen, oder assess compare mit --rubric DIR auf die passende Rubrik-Version aufrufen.",
            "To re-score: have the current template filled in (assess template), or run assess compare with --rubric DIR pointing at the matching rubric version.")
    }

    public func missingRound(_ names: [String], round: RoundSelection) -> String {
        pick(
            "Ohne \(roundSelection(round)): \(names.joined(separator: ", ")).",
            "Without \(roundSelection(round)): \(names.joined(separator: ", ")).")
    }

    public var leftOutHeading: String { pick("Nicht verglichen (fehlerhafte Dateien)", "Left out (files with errors)") }

    public func leftOut(count: Int) -> String {
        count == 1
            ? pick("1 Datei wurde wegen Fehlern ausgelassen:", "1 file was left out because of errors:")
            : pick("\(count) Dateien wurden wegen Fehlern ausgelassen:", "\(count) files were left out because of errors:")
    }

    public func lineWord(_ line: Int) -> String { pick("Zeile \(line)", "line \(line)") }

    public func generatedBy(_ version: String) -> String { pick("Erstellt mit assess \(version)", "Generated by assess \(version)") }

    public var rubricWord: String { pick("Rubrik", "Rubric") }
    public var moveWord: String { pick("Wechsel", "Move") }
    public var overallLevel: String { pick("Gesamtstufe", "Overall level") }
    public var transitionReading: String {
        pick("Zeilen: Stufe in der Vorrunde (↓), Spalten: Stufe jetzt (→); jede Zahl zählt Bibliotheken.", "Rows: level in the previous round (↓), columns: level now (→); each number counts libraries.")
    }
    public var historyWord: String { pick("Verlauf", "History") }
}
