import RubricModel
import Scoring

/// The reports' own words in German and English. Areas add their labels in `Labels+<Area>.swift` files,
/// each with a `de`/`en` pair, through `pick`.
public struct Labels: Sendable {
    public var language: String
    public init(language: String) { self.language = language }

    /// German text for `de`, English otherwise.
    public func pick(_ de: String, _ en: String) -> String { language == "de" ? de : en }

    // MARK: - Shared words

    public var level: String { pick("Stufe", "Level") }
    public var score: String { pick("Punktwert", "Score") }
    public var coverage: String { pick("Abdeckung", "Coverage") }
    public var overall: String { pick("Gesamt", "Overall") }
    public var dimension: String { pick("Dimension", "Dimension") }
    public var provisional: String { pick("vorläufig", "provisional") }
    public var borderline: String { pick("knapp", "borderline") }
    public var target: String { pick("Ziel", "Target") }
    public var round: String { pick("Runde", "Round") }
    public var library: String { pick("Bibliothek", "Library") }
    public var hoursWord: String { pick("Stunden", "hours") }
    public var dontKnow: String { pick("weiß nicht", "don't know") }
    public var notApplicable: String { pick("trifft nicht zu", "not applicable") }
    public var notAnswered: String { pick("nicht beantwortet", "not answered") }
    public var skipped: String { pick("entfällt (Filterfrage)", "skipped (does not apply)") }
    public var yes: String { pick("ja", "yes") }
    public var no: String { pick("nein", "no") }

    public func session(_ type: SessionType) -> String {
        switch type {
        case .workshop: pick("Praxisworkshop mit dem Team", "Hands-on workshop with the team")
        case .headTalk: pick("Gespräch mit der Leitung", "Talk with the library head")
        case .stakeholderMeeting: pick("Termin mit Träger / Presseamt / IT / DSB", "Meeting with Träger / press office / IT / DPO")
        case .homework: pick("Hausaufgabe", "Homework")
        case .video: pick("Videokonferenz", "Video follow-up")
        }
    }

    public func agendaClass(_ value: AgendaClass) -> String {
        switch value {
        case .blocker: pick("Blockade lösen", "Blocker")
        case .continuity: pick("Kontinuität", "Continuity")
        case .weakestDimension: pick("schwächste Dimension", "Weakest dimension")
        case .quickWin: pick("schneller Erfolg", "Quick win")
        }
    }

    public func blocker(_ kind: BlockerKind) -> String {
        switch kind {
        case .traeger: pick("Träger", "Träger")
        case .it: pick("IT", "IT")
        case .legal: pick("Recht", "legal")
        }
    }

    public func impact(_ value: Impact) -> String {
        switch value {
        case .low: pick("gering", "low")
        case .medium: pick("mittel", "medium")
        case .high: pick("hoch", "high")
        }
    }
}

extension ReportContext {
    /// An answer as a person reads it: the option's label, "ja", "3 (trifft eher zu)", "12,5 Stunden pro Woche".
    public func describe(_ answer: ResolvedAnswer, questionID: String) -> String {
        switch answer.status {
        case .dontKnow: return labels.dontKnow
        case .notApplicable: return labels.notApplicable
        case .missing: return labels.notAnswered
        case .skipped: return labels.skipped
        case .answered: break
        }
        guard let value = answer.value else { return labels.notAnswered }
        return describe(value, questionID: questionID, numeric: answer.numericValue)
    }

    public func describe(_ value: AnswerValue, questionID: String, numeric: Double? = nil) -> String {
        let question = rubric.question(questionID)
        switch value {
        case .option(let id): return question?.option(id)?.label.text(language) ?? id
        case .options(let ids):
            if ids.isEmpty { return labels.pick("keine", "none") }
            return ids.map { question?.option($0)?.label.text(language) ?? $0 }.joined(separator: ", ")
        case .bool(let flag): return flag ? labels.yes : labels.no
        case .number(let number):
            let shown = numeric ?? number
            if question?.type == .scale {
                let labels = rubric.agreementLabels[language] ?? []
                let index = Int(shown.rounded())
                let text = Format.number(shown, decimals: 1, fixed: false, language: language)
                return index >= 0 && index < labels.count && abs(shown - Double(index)) < 1e-9 ? "\(text) (\(labels[index]))" : text
            }
            let text = Format.number(shown, decimals: 1, fixed: false, language: language)
            if question?.type == .percent { return text + " %" }
            if let unit = question?.unit?.text(language) { return "\(text) \(unit)" }
            return text
        case .date(let date): return Format.date(date, language: language)
        case .text(let text): return text
        case .dontKnow: return labels.dontKnow
        case .notApplicable: return labels.notApplicable
        }
    }
}
