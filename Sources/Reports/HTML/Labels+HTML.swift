extension Labels {
    /// The HTML reports' own words (table headers, chart captions, legends).
    public var html: HTMLLabels { HTMLLabels(labels: self) }
}

/// Words of the HTML briefing that the other formats do not need, in German and English.
public struct HTMLLabels: Sendable {
    public let labels: Labels
    private func pick(_ de: String, _ en: String) -> String { labels.pick(de, en) }

    // MARK: - Header and footer

    public var kicker: String { pick("Briefing für die Beratung", "Coaching briefing") }
    public var roundWord: String { pick("Runde", "Round") }
    public var comparedWith: String { pick("Vergleich mit", "Compared with") }
    public func roundOn(_ round: Int, date: String?) -> String {
        date.map { pick("Runde \(round) vom \($0)", "round \(round) of \($0)") } ?? pick("Runde \(round)", "round \(round)")
    }
    public var coachingDayWord: String { pick("Beratungstag", "Coaching day") }
    public var firstRound: String { pick("erste Runde", "first round") }
    public func generatedBy(_ stampLine: String) -> String { pick("Erstellt mit \(stampLine)", "Generated with \(stampLine)") }

    // MARK: - Levels

    public func radarTitle(round: Int) -> String { pick("Stufen je Dimension, Runde \(round)", "Levels per dimension, round \(round)") }
    public func barsTitle(round: Int) -> String { pick("Stufen und Gesamtstufe, Runde \(round)", "Levels and overall level, round \(round)") }
    public func thisRound(_ round: Int) -> String { pick("Runde \(round) (jetzt)", "Round \(round) (now)") }
    public func previousRound(_ round: Int) -> String { pick("Runde \(round) (vorher)", "Round \(round) (before)") }
    public var targets: String { pick("Ziele für den nächsten Besuch", "Targets for the next visit") }
    public var chartCaption: String {
        pick("Stufen 1–5 von innen nach außen; die Begründungen stehen in der Tabelle.",
             "Levels 1–5 from the centre outwards; the reasons are in the table.")
    }
    public var notes: String { pick("Hinweise", "Notes") }
    public func nearNext(_ level: Int) -> String { pick("knapp unter Stufe \(level)", "just below level \(level)") }
    public var justReached: String { pick("knapp erreicht", "only just reached") }
    public var gateHolds: String { pick("Bedingung offen", "gate not met") }

    // MARK: - Changes

    public var before: String { pick("vorher", "before") }
    public var now: String { pick("jetzt", "now") }
    public var change: String { pick("Änderung", "Change") }
    public var points: String { pick("Punkte", "Points") }
    public var question: String { pick("Frage", "Question") }
    public var answer: String { pick("Antwort", "Answer") }
    public var previousTarget: String { pick("Ziel der Vorrunde", "Previous target") }
    public var trend: String { pick("Verlauf", "Trend") }
    public var recommendation: String { pick("Empfehlung", "Recommendation") }
    public var status: String { pick("Status", "Status") }
    public var agendaWord: String { pick("Agenda", "Agenda") }

    // MARK: - Discussion

    public var divergence: String { pick("Abweichung", "Divergence") }
    public var answers: String { pick("Antworten", "Answers") }
    public var step: String { pick("Schritt", "Step") }
    public var changesNeeded: String { pick("Nötige Antwortänderungen", "Answer changes needed") }
    public var result: String { pick("Ergebnis", "Result") }
    public var questions: String { pick("Fragen", "Questions") }
    public var acrossDimensions: String { pick("dimensionsübergreifend", "across dimensions") }

    // MARK: - Agenda

    public var time: String { pick("Zeit", "Time") }
    public var topic: String { pick("Thema", "Topic") }
    public var agendaClass: String { pick("Einordnung", "Class") }
    public var hours: String { pick("Dauer", "Hours") }
    public var kind: String { pick("Art", "Kind") }
    public var effort: String { pick("Aufwand", "Effort") }
    public var reason: String { pick("Grund", "Reason") }
    public var task: String { pick("Aufgabe", "Task") }
    public func dayStarts(_ clock: String) -> String { pick("Beginn \(clock)", "Start \(clock)") }
    public func lunchFrom(_ from: String, to: String) -> String { pick("Mittagspause \(from)–\(to)", "lunch break \(from)–\(to)") }
}

extension HTMLLabels {
    public var legalNotes: String { pick("Rechtliche Hinweise", "Legal notes") }
    public var concerns: String { pick("betrifft", "concerns") }
    public var legalNoteBelow: String { pick("rechtlicher Hinweis unten", "legal note below") }
}
