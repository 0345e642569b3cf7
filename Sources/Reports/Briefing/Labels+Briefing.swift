import RubricModel
import Scoring

extension Labels {
    /// The briefing's own words (text, Markdown, JSON and HTML briefings share them).
    public var briefing: BriefingLabels { BriefingLabels(labels: self) }
}

/// Words and phrases of the coach's briefing, in German and English.
public struct BriefingLabels: Sendable {
    public let labels: Labels
    private func pick(_ de: String, _ en: String) -> String { labels.pick(de, en) }

    // MARK: - Header

    public var title: String { pick("Briefing", "Briefing") }
    public var respondents: String { pick("Befragte", "Respondents") }
    public var rubric: String { pick("Rubrik", "Rubric") }
    public var engine: String { pick("Engine", "engine") }
    public var dateWord: String { pick("Datum", "Date") }
    public func beforeCoachingDay(_ day: Int) -> String { pick("vor Beratungstag \(day)", "before coaching day \(day)") }
    public func coachingDay(_ day: Int) -> String { pick("Beratungstag \(day)", "coaching day \(day)") }
    public var files: String { pick("Dateien", "Files") }
    public func writtenFor(_ versions: String) -> String {
        pick("Fragebögen für Rubrik-Version \(versions) ausgefüllt", "questionnaires written for rubric version \(versions)")
    }

    // MARK: - Sections

    public var levels: String { pick("Stufen", "Levels") }
    public func changesSince(round: Int, date: String?) -> String {
        let when = date.map { " (\($0))" } ?? ""
        return pick("Veränderungen seit Runde \(round)\(when)", "Changes since round \(round)\(when)")
    }
    public var changesFirstRound: String { pick("Veränderungen", "Changes") }
    public var noPreviousRound: String {
        pick("Erste Runde: kein Vergleich mit einer früheren Runde.", "First round: nothing to compare with.")
    }
    public var improved: String { pick("Verbessert", "Improved") }
    public var worsened: String { pick("Verschlechtert", "Worsened") }
    public var noAnswerChanges: String { pick("keine Antwort hat sich verändert", "no answer changed") }
    public func followUps(round: Int) -> String {
        pick("Empfehlungen aus Runde \(round)", "Recommendations from round \(round)")
    }
    public var followUpsTitle: String { pick("Empfehlungen der letzten Runde", "Recommendations of the previous round") }
    public var resolved: String { pick("Erledigt", "Resolved") }
    public var stillOpen: String { pick("Noch offen", "Still open") }
    public var wasOnAgenda: String { pick("stand auf der Agenda", "was on the agenda") }
    public var wasNotOnAgenda: String { pick("stand nicht auf der Agenda", "was not on the agenda") }
    public var disagreements: String { pick("Gesprächsthemen: unterschiedliche Antworten", "Discussion topics: respondents disagree") }
    public var noDisagreements: String {
        pick("Die Befragten sind sich weitgehend einig.", "The respondents largely agree.")
    }
    public var nextLevel: String { pick("Weg zur nächsten Stufe", "Path to the next level") }
    public var consistency: String { pick("Hinweise zur Stimmigkeit", "Consistency warnings") }
    public var noConsistency: String { pick("Keine Widersprüche gefunden.", "No contradictions found.") }
    public func agenda(day: Int?) -> String {
        day.map { pick("Agenda für Beratungstag \($0)", "Agenda for coaching day \($0)") }
            ?? pick("Agenda für den Beratungstag", "Agenda for the coaching day")
    }
    public var homework: String { pick("Hausaufgaben bis zum nächsten Besuch", "Homework until the next visit") }
    public var noHomework: String { pick("Keine Hausaufgaben.", "No homework.") }
    public var leftOut: String { pick("Nicht auf der Agenda", "Left out") }
    public var nothingLeftOut: String { pick("Alle ausgelösten Empfehlungen sind eingeplant.", "Every triggered recommendation is planned.") }
    public var emptyAgenda: String {
        pick("Keine Empfehlung für den Beratungstag ausgelöst.", "No recommendation was triggered for the coaching day.")
    }
    public var none: String { pick("keine", "none") }

    // MARK: - Levels

    public var targetReached: String { pick("erreicht", "reached") }
    public var targetMissed: String { pick("nicht erreicht", "not reached") }
    public func target(_ level: Int, reached: Bool?) -> String {
        let base = pick("Ziel \(level)", "target \(level)")
        switch reached {
        case true?: return base + " (" + targetReached + ")"
        case false?: return base + " (" + targetMissed + ")"
        case nil: return base
        }
    }
    public var gateMissing: String { pick("Bedingung fehlt", "gate missing") }

    // MARK: - Changes

    /// "1 Punkt", "2,5 Punkte", "+1 point", "−3 points": `text` is the formatted `value`.
    public func points(_ text: String, value: Double) -> String {
        abs(abs(value) - 1) < 1e-9 ? pick("\(text) Punkt", "\(text) point") : pick("\(text) Punkte", "\(text) points")
    }
    public func overallChange(_ from: Int, _ to: Int, delta: String) -> String {
        pick("Gesamtstufe \(from) → \(to) (\(delta))", "Overall level \(from) → \(to) (\(delta))")
    }
    public func previousTarget(_ level: Int, reached: Bool) -> String {
        reached ? pick("Ziel \(level) erreicht", "target \(level) reached") : pick("Ziel \(level) nicht erreicht", "target \(level) not reached")
    }

    // MARK: - Next level

    public func raise(question: String, from: String, to: String) -> String {
        pick("„\(question)“ von „\(from)“ auf „\(to)“ anheben", "raise '\(question)' from '\(from)' to '\(to)'")
    }
    public func atLeast(_ value: String) -> String { pick("mindestens \(value)", "at least \(value)") }
    public func resulting(level: Int, levelName: String, score: String) -> String {
        pick("ergibt Stufe \(level) „\(levelName)“ mit Punktwert \(score)", "gives level \(level) '\(levelName)' with score \(score)")
    }
    public var highestLevel: String { pick("höchste Stufe erreicht", "highest level reached") }
    public var noPath: String {
        pick("kein Weg mit wenigen Änderungen gefunden", "no path with a few changes found")
    }

    // MARK: - Agenda

    public var lunch: String { pick("Mittagspause", "Lunch break") }
    public var because: String { pick("Warum", "Why") }
    public var legalNote: String { pick("Rechtlicher Hinweis", "Legal note") }
    public func lastReviewed(_ date: String) -> String { pick("Stand: \(date)", "last reviewed \(date)") }
    public func planned(_ planned: String, of budget: String) -> String {
        pick("\(planned) von \(budget) eingeplant", "\(planned) of \(budget) planned")
    }
    public var homeworkHours: String { pick("Aufwand der Bibliothek", "library's effort") }
    public var afterOnDayItem: String { pick("nach dem Termin", "after the session") }
    public func needsFirst(_ title: String) -> String { pick("braucht zuerst „\(title)“", "needs '\(title)' first") }
    public var noTimeLeft: String { pick("keine Zeit mehr im Tagesbudget", "no time left in the day's budget") }
    public var notYet: String { pick("noch nicht: Voraussetzung nicht erfüllt", "not yet: prerequisite not met") }
    public var recommendation: String { pick("Empfehlung", "Recommendation") }
    public var agendaClass: String { pick("Einordnung", "Class") }
    public var reason: String { pick("Grund", "Reason") }
    public var impact: String { pick("Wirkung", "impact") }
}
