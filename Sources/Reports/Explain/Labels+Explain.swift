import RubricModel
import Scoring

extension Labels {
    /// The words of `assess explain`.
    public var explain: ExplainLabels { ExplainLabels(labels: self) }
}

/// Words and phrases of `assess explain`, in German and English.
public struct ExplainLabels: Sendable {
    public let labels: Labels
    private func pick(_ de: String, _ en: String) -> String { labels.pick(de, en) }

    public var title: String { pick("Wie die Stufen zustande kommen", "How the levels came about") }
    public var answer: String { pick("Antwort", "answer") }
    public var points: String { pick("Punkte", "points") }
    public var weight: String { pick("Gewicht", "weight") }
    public var contribution: String { pick("Beitrag", "contribution") }
    public var respondents: String { pick("Befragte", "respondents") }
    public func combine(_ rule: CombineRule, authority: String?) -> String {
        switch rule {
        case .lowest: return pick("zusammengeführt: niedrigste Antwort zählt", "combined: the lowest answer counts")
        case .mean: return pick("zusammengeführt: Mittelwert", "combined: mean")
        case .authority:
            let role = authority ?? "?"
            return pick(
                "zusammengeführt: Antwort der Rolle „\(role)“ zählt, sonst die niedrigste",
                "combined: the answer of role '\(role)' counts, else the lowest")
        }
    }
    public var divergence: String { pick("Abweichung", "divergence") }
    public var notScored: String { pick("zählt nicht (keine Punkte)", "not scored") }
    public var skippedNote: String { pick("entfällt: zählt weder für Punktwert noch Abdeckung", "skipped: counts for neither score nor coverage") }
    public var notApplicableNote: String {
        pick("trifft nicht zu: zählt weder für Punktwert noch Abdeckung", "not applicable: counts for neither score nor coverage")
    }
    public var unansweredNote: String {
        pick("nicht im Punktwert, senkt aber die Abdeckung", "left out of the score, but lowers coverage")
    }
    public var sums: String { pick("Summen", "Sums") }
    public var scoreFormula: String { pick("Punktwert", "Score") }
    public var noAnsweredQuestion: String { pick("keine beantwortete Frage: Punktwert 0", "no answered question: score 0") }
    public var coverageFormula: String { pick("Abdeckung", "Coverage") }
    public var answeredWeight: String { pick("Gewicht beantwortet", "answered weight") }
    public var applicableWeight: String { pick("Gewicht zutreffend", "applicable weight") }
    public var noApplicableQuestion: String { pick("keine zutreffende Frage: Abdeckung 0", "no applicable question: coverage 0") }
    public var thresholds: String { pick("Schwellen", "Thresholds") }
    public var reached: String { pick("erreicht", "reached") }
    public var fromScore: String { pick("ab", "from") }
    public var gates: String { pick("Bedingungen", "Gates") }
    public var noGates: String { pick("keine", "none") }
    public var met: String { pick("erfüllt", "met") }
    public var notMet: String { pick("nicht erfüllt", "not met") }
    public var notChecked: String { pick("nicht geprüft", "not checked") }
    public func notCheckedReason(_ level: Int) -> String {
        pick("Stufe \(level) wird über den Punktwert nicht erreicht", "level \(level) is not reached by score")
    }
    public func capsAt(_ level: Int) -> String { pick("begrenzt auf Stufe \(level)", "caps the level at \(level)") }
    public func unanswered(_ list: String) -> String { pick("ohne Antwort: \(list)", "unanswered: \(list)") }
    public var provisional: String { pick("Vorläufig", "Provisional") }
    public func provisionalLine(_ isProvisional: Bool, coverage: String, minimum: String) -> String {
        isProvisional
            ? pick("ja (Abdeckung \(coverage) < \(minimum))", "yes (coverage \(coverage) < \(minimum))")
            : pick("nein (Abdeckung \(coverage) ≥ \(minimum))", "no (coverage \(coverage) ≥ \(minimum))")
    }
    public var borderline: String { pick("Knapp", "Borderline") }
    public func nearNext(_ distance: String, margin: String, level: Int) -> String {
        pick(
            "ja: \(distance) Punkte bis Stufe \(level) (≤ \(margin))",
            "yes: \(distance) points short of level \(level) (≤ \(margin))")
    }
    public func justReached(_ above: String, margin: String) -> String {
        pick("ja: nur \(above) Punkte über der Schwelle (< \(margin))", "yes: only \(above) points above the threshold (< \(margin))")
    }
    public var notBorderline: String { pick("nein", "no") }
    public var distance: String { pick("Abstand zur nächsten Stufe", "Distance to the next level") }
    public func distanceHeldByGate(_ level: Int) -> String {
        pick("0 – eine Bedingung hält die Stufe bei \(level)", "0 – a gate holds the level at \(level)")
    }
    public var topLevel: String { pick("höchste Stufe", "highest level") }
    public var placed: String { pick("Eingestufte Stufe", "Placed level") }
    public var overallTitle: String { pick("Gesamtstufe", "Overall level") }
    public var method: String { pick("Verfahren", "Method") }
    public func method(_ method: OverallMethod) -> String {
        switch method {
        case .weightedMean: pick("gewichteter Mittelwert der Stufen", "weighted mean of the levels")
        case .median: pick("unterer Median der Stufen", "lower median of the levels")
        case .minimum: pick("niedrigste Stufe", "lowest level")
        }
    }
    public var roundedHalvesDown: String { pick("gerundet, .5 abwärts", "rounded, halves down") }
    public func cap(_ k: Int, lowest: Int) -> String {
        pick("höchstens \(k) über der niedrigsten Stufe: \(lowest) + \(k) = \(lowest + k)", "at most \(k) above the lowest level: \(lowest) + \(k) = \(lowest + k)")
    }
    public func capApplied(_ from: Int, to: Int) -> String { pick("begrenzt: \(from) → \(to)", "capped: \(from) → \(to)") }
    public var capNotApplied: String { pick("greift nicht", "does not apply") }
    public var noCap: String { pick("keine Begrenzung", "no cap") }
    public func provisionalOverall(_ value: Bool) -> String {
        value ? pick("ja (mindestens eine Dimension ist vorläufig)", "yes (at least one dimension is provisional)") : pick("nein", "no")
    }
    public func unknownDimension(_ id: String, known: String) -> String {
        pick("Unbekannte Dimension „\(id)“; vorhanden: \(known)", "Unknown dimension '\(id)'; known: \(known)")
    }
}
