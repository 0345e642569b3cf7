import RubricModel
import YAML

/// The blank questionnaire a library fills in with a plain text editor (`assess template`): every question as
/// a key, with its text, options, help and evidence prompt in comments, in the chosen language.
public struct QuestionnaireTemplate: Sendable {
    public var rubric: Rubric
    public var language: String
    /// Pre-filled header values; nil leaves the field empty for the library.
    public var libraryID: String?
    public var libraryName: String?
    public var round: Int?
    public var date: CalendarDate?
    public var coachingDay: Int?
    public var role: String?
    public var respondentName: String?
    /// Pre-filled answers as YAML values (`named-deputy`, `[instagram, facebook]`, `12`), by question id.
    public var answers: [String: String] = [:]
    /// With `false`, only the keys and values are written (compact files, e.g. for synthetic cohorts).
    public var comments = true

    public init(rubric: Rubric, language: String) {
        self.rubric = rubric
        self.language = language
    }

    public func render() -> String {
        let l = Labels(language: language)
        var out = ""
        func comment(_ text: String, indent: String) {
            guard comments else { return }
            for line in RubricText.wrap(text, indent: "", width: 96 - indent.count).split(separator: "\n", omittingEmptySubsequences: false) {
                out += "\(indent)# \(line.trimmingCharacters(in: .whitespaces))\n"
            }
        }
        if comments {
            comment("\(l.pick("Fragebogen", "Questionnaire")): \(rubric.title.text(language)) (\(rubric.id) \(rubric.version))", indent: "")
            comment(
                l.pick(
                    "So füllen Sie ihn aus: Schreiben Sie Ihre Antwort hinter den Doppelpunkt der jeweiligen Zeile (nach einem Leerzeichen). Zeilen mit # sind Erläuterungen und können stehen bleiben. Bitte nur Leerzeichen zum Einrücken verwenden, keine Tabulatoren. Leere Antworten gelten als nicht beantwortet.",
                    "How to fill it in: write your answer after the colon of each line (after a space). Lines starting with # are explanations and may stay. Indent with spaces only, never tabs. Empty answers count as not answered."),
                indent: "")
            comment(
                l.pick(
                    "Zu einer Antwort können Sie eine Notiz und einen Nachweis angeben, so:  frage: {answer: ..., note: \"...\", evidence: \"...\"}",
                    "You may add a note and evidence to an answer like this:  question: {answer: ..., note: \"...\", evidence: \"...\"}"),
                indent: "")
            out += "\n"
        }
        out += "format: 1\nrubric: \(rubric.id)\nrubric_version: \(rubric.version)\n"
        out += "library:\n"
        out += field("id", libraryID.map(YAMLText.scalar), indent: "  ", note: l.pick("kurze Kennung ohne Leerzeichen, z. B. stadtbibliothek-musterstadt", "short id without spaces, e.g. city-library-sampletown"))
        out += field("name", libraryName.map(YAMLText.scalar), indent: "  ", note: l.pick("Name der Bibliothek", "name of the library"))
        out += field("population", nil, indent: "  ", note: l.pick("optional: Einwohnerzahl", "optional: population served"))
        out += field("staff", nil, indent: "  ", note: l.pick("optional: Zahl der Mitarbeitenden", "optional: number of staff"))
        out += field("round", round.map(String.init), indent: "", note: l.pick("Runde: 1 vor dem zweiten Coachingtag, 2 vor dem dritten", "round: 1 before the second coaching day, 2 before the third"))
        out += field("date", date?.description, indent: "", note: l.pick("Datum des Ausfüllens, z. B. 2026-03-10", "date filled in, e.g. 2026-03-10"))
        out += field("coaching_day", coachingDay.map(String.init), indent: "", note: l.pick("der Coachingtag, vor dem Sie ausfüllen", "the coaching day this precedes"))
        out += "respondent:\n"
        let roles = rubric.roles.map { "\($0.id) = \($0.label.text(language))" }.joined(separator: ", ")
        out += field("role", role, indent: "  ", note: roles)
        out += field("name", respondentName.map(YAMLText.scalar), indent: "  ", note: l.pick("optional", "optional"))
        out += "targets:\n"
        comment(l.pick("Optional: welche Stufe (1–5) Sie bis zum nächsten Besuch erreichen wollen", "Optional: the level (1–5) you aim for by the next visit"), indent: "  ")
        for dimension in rubric.dimensions {
            out += field(dimension.id, nil, indent: "  ", note: comments ? dimension.title.text(language) : nil)
        }
        out += "answers:\n"
        for dimension in rubric.dimensions {
            if comments { out += "\n" }
            comment("== \(dimension.title.text(language)) ==", indent: "  ")
            out += "  \(dimension.id):\n"
            for (index, question) in dimension.questions.enumerated() {
                if comments {
                    out += "\n"
                    comment("\(index + 1). \(question.text.text(language))", indent: "    ")
                    if let help = question.help { comment(l.pick("Hilfe: ", "Help: ") + help.text(language), indent: "    ") }
                    if let evidence = question.evidence { comment(l.pick("Nachweis: ", "Evidence: ") + evidence.text(language), indent: "    ") }
                    for line in answerGuide(question, labels: l) { comment(line, indent: "    ") }
                }
                out += field(question.id, answers[question.id], indent: "    ", note: nil)
            }
        }
        out += "notes:"
        out += comments ? " # \(l.pick("Platz für Anmerkungen an den Coach", "room for remarks to the coach"))\n" : "\n"
        return out
    }

    private func field(_ key: String, _ value: String?, indent: String, note: String?) -> String {
        var line = "\(indent)\(key):"
        if let value { line += " \(value)" }
        if comments, let note { line += " # \(note)" }
        return line + "\n"
    }

    private func answerGuide(_ question: Question, labels l: Labels) -> [String] {
        var lines: [String] = []
        switch question.type {
        case .choice:
            lines.append(l.pick("Antwort: eine dieser Optionen", "Answer: one of these options"))
            lines += question.options.map { "  \($0.id) = \($0.label.text(language))" }
        case .multi:
            lines.append(l.pick("Antwort: eine Liste, z. B. [\(question.options.prefix(2).map(\.id).joined(separator: ", "))], oder [] für keine", "Answer: a list, e.g. [\(question.options.prefix(2).map(\.id).joined(separator: ", "))], or [] for none"))
            lines += question.options.map { "  \($0.id) = \($0.label.text(language))" }
        case .scale:
            let labels = rubric.agreementLabels[language] ?? []
            lines.append(l.pick("Antwort: eine Zahl von 0 bis 4", "Answer: a number from 0 to 4") + ": " + labels.enumerated().map { "\($0.offset) = \($0.element)" }.joined(separator: ", "))
        case .yesno:
            lines.append(l.pick("Antwort: ja oder nein", "Answer: yes or no"))
        case .number, .count, .percent:
            var text = question.type == .percent ? l.pick("Antwort: ein Prozentwert von 0 bis 100", "Answer: a percentage from 0 to 100")
                : (question.type == .count ? l.pick("Antwort: eine ganze Zahl", "Answer: a whole number") : l.pick("Antwort: eine Zahl", "Answer: a number"))
            if let unit = question.unit { text += " (\(unit.text(language)))" }
            lines.append(text)
        case .date:
            lines.append(l.pick("Antwort: ein Datum, z. B. 2025-09-15", "Answer: a date, e.g. 2025-09-15"))
        case .text:
            lines.append(l.pick("Antwort: freier Text in Anführungszeichen, z. B. \"...\"", "Answer: free text in quotes, e.g. \"...\""))
        }
        var allowed: [String] = []
        if question.allowsDontKnow { allowed.append("dont-know (\(l.dontKnow))") }
        if question.allowsNotApplicable { allowed.append("not-applicable (\(l.notApplicable))") }
        if !allowed.isEmpty { lines.append(l.pick("Auch möglich: ", "Also possible: ") + allowed.joined(separator: ", ")) }
        if question.required { lines.append(l.pick("Pflichtfrage", "Required")) }
        if let condition = question.appliesWhen {
            let ids = condition.questionIDs.map { "'\($0)'" }.joined(separator: ", ")
            lines.append(l.pick("Nur beantworten, wenn es nach Ihrer Antwort auf \(ids) zutrifft; sonst leer lassen", "Answer only if it applies given your answer to \(ids); otherwise leave empty"))
        }
        return lines
    }
}

/// Writing YAML values safely.
public enum YAMLText {
    /// A plain scalar when it cannot be misread, otherwise double-quoted with escapes.
    public static func scalar(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                || (scalar.value >= 0x61 && scalar.value <= 0x7A) || scalar == "-" || scalar == " " || scalar == "."
                || scalar.value > 0x7F
        } && !text.hasPrefix("-") && !text.hasPrefix(" ") && !text.hasSuffix(" ")
        if safe { return text }
        return quoted(text)
    }

    /// Always double-quoted (JSON's escapes are valid in YAML's double-quoted style).
    public static func quoted(_ text: String) -> String { JSONTree.quoted(text) }
}

extension YAMLText {
    /// An answer as the YAML value a librarian would write.
    public static func answer(_ value: AnswerValue) -> String {
        switch value {
        case .option(let id): return id
        case .options(let ids): return "[" + ids.joined(separator: ", ") + "]"
        case .number(let number): return Format.number(number, decimals: 4, fixed: false, language: "en")
        case .bool(let flag): return flag ? "ja" : "nein"
        case .date(let date): return date.description
        case .text(let text): return quoted(text)
        case .dontKnow: return "dont-know"
        case .notApplicable: return "not-applicable"
        }
    }
}

extension QuestionnaireTemplate {
    /// The template filled with a questionnaire's header and answers (round-trip tests, synthetic cohorts).
    public init(filling questionnaire: Questionnaire, rubric: Rubric, language: String, comments: Bool = true) {
        self.init(rubric: rubric, language: language)
        libraryID = questionnaire.library.id
        libraryName = questionnaire.library.name
        round = questionnaire.round
        date = questionnaire.date
        coachingDay = questionnaire.coachingDay
        role = questionnaire.respondent.role
        respondentName = questionnaire.respondent.name
        answers = questionnaire.answers.mapValues { YAMLText.answer($0.value) }
        self.comments = comments
    }
}
