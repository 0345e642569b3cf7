import RubricModel
import Scoring
import YAML

/// The phrases the text, Markdown and JSON briefings share, so the three formats say the same thing.
/// Every function is pure and depends only on the context's language and rubric.
struct BriefingWording {
    let context: ReportContext
    var language: String { context.language }
    var l: Labels { context.labels }
    var b: BriefingLabels { context.labels.briefing }

    init(_ context: ReportContext) { self.context = context }

    // MARK: - Numbers

    func score(_ value: Double) -> String { Format.number(value, decimals: 1, language: language) }
    func percent(_ value: Double) -> String { Format.number(value, decimals: 0, language: language) + " %" }
    func points(_ value: Double) -> String { Format.number(value, decimals: 2, fixed: false, language: language) }
    func hours(_ value: Double) -> String { Format.hours(value, language: language) }
    func date(_ value: CalendarDate?) -> String? { value.map { Format.date($0, language: language) } }

    /// "2026-11-01" → the language's date format; other text is shown as given.
    func isoDate(_ text: String) -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let date = CalendarDate(year: parts[0], month: parts[1], day: parts[2]) else { return text }
        return Format.date(date, language: language)
    }

    /// The first 12 hex digits of the rubric hash: enough to tell versions apart at a glance.
    func shortHash(_ hash: String) -> String { String(hash.prefix(12)) }

    func quote(_ text: String) -> String { l.pick("„\(text)“", "'\(text)'") }

    // MARK: - Header

    func respondent(_ respondent: Respondent) -> String {
        let role = context.roleLabel(respondent.role)
        return respondent.name.map { "\(role) (\($0))" } ?? role
    }

    /// "Runde 2 · 10.03.2026 · vor Beratungstag 3"
    func roundLine(_ assessment: Assessment) -> String {
        var parts = ["\(l.round) \(assessment.round)"]
        if let date = date(assessment.date) { parts.append(date) }
        if let day = assessment.coachingDay { parts.append(b.beforeCoachingDay(day)) }
        return parts.joined(separator: " · ")
    }

    /// "Rubrik report-fixture 1.2.0 (0123456789ab) · Engine 1.0.0 · assess 0.1.0"
    func stampLine(_ stamp: Stamp) -> String {
        var line = "\(b.rubric) \(stamp.rubricID) \(stamp.rubricVersion) (\(shortHash(stamp.rubricHash))) · "
        line += "\(b.engine) \(stamp.engineVersion) · assess \(context.toolVersion)"
        return line
    }

    /// Shown when a questionnaire was written for another (minor) version of the rubric.
    func writtenForNote(_ assessment: Assessment) -> String? {
        let others = assessment.writtenForVersions.filter { $0 != assessment.stamp.rubricVersion }
        return others.isEmpty ? nil : b.writtenFor(assessment.writtenForVersions.joined(separator: ", "))
    }

    // MARK: - Levels

    /// "■■■□□" for level 3 of 5.
    func levelBar(_ level: Int) -> String {
        let filled = max(0, min(5, level))
        return String(repeating: "■", count: filled) + String(repeating: "□", count: 5 - filled)
    }

    func levelName(_ level: Int) -> String { context.levelName(level) }

    /// "vorläufig", "knapp" marks of a placement.
    func marks(_ result: DimensionResult) -> [String] {
        var marks: [String] = []
        if result.provisional { marks.append(l.provisional) }
        if result.borderline != nil { marks.append(l.borderline) }
        return marks
    }

    /// "Punktwert 47,5 · Abdeckung 100 % · Ziel 3"
    func facts(_ result: DimensionResult) -> String {
        var parts = ["\(l.score) \(score(result.score))", "\(l.coverage) \(percent(result.coverage))"]
        if let target = result.target { parts.append(b.target(target, reached: result.level >= target)) }
        return parts.joined(separator: " · ")
    }

    func overallMarks(_ overall: OverallResult) -> [String] { overall.provisional ? [l.provisional] : [] }

    // MARK: - Changes

    /// "Stufe 1 → 2 (+1) · Punktwert 21,3 → 47,5 (+26,2) · Ziel 3 nicht erreicht"
    func dimensionChange(_ change: DimensionChange) -> String {
        var parts = [
            "\(l.level) \(change.previousLevel) → \(change.level) (\(Format.delta(Double(change.level - change.previousLevel), decimals: 0, language: language)))",
            "\(l.score) \(score(change.previousScore)) → \(score(change.score)) (\(Format.delta(change.score - change.previousScore, language: language)))",
        ]
        if let target = change.previousTarget, let reached = change.targetReached {
            parts.append(b.previousTarget(target, reached: reached))
        }
        return parts.joined(separator: " · ")
    }

    /// "„Frage“: a → b (+1 Punkte)"
    func questionChange(_ change: QuestionChange) -> String {
        let from = context.describe(change.previous, questionID: change.questionID)
        let to = context.describe(change.current, questionID: change.questionID)
        let delta = b.points(Format.delta(change.pointsDelta, decimals: 2, language: language), value: change.pointsDelta)
        return "\(quote(context.questionText(change.questionID))): \(from) → \(to) (\(delta))"
    }

    /// "Gesamtstufe 1 → 2 (+1)", when there is a previous round.
    func overallChange(_ briefing: Briefing) -> String? {
        guard let previous = briefing.previous else { return nil }
        let (from, to) = (previous.overall.level, briefing.assessment.overall.level)
        return b.overallChange(from, to, delta: Format.delta(Double(to - from), decimals: 0, language: language))
    }

    func followUp(_ followUp: FollowUp) -> String {
        "\(context.recommendationTitle(followUp.recommendationID)) (\(followUp.wasOnAgenda ? b.wasOnAgenda : b.wasNotOnAgenda))"
    }

    // MARK: - Disagreements

    /// "Bibliotheksleitung (Petra Lang): jemand springt ein"
    func respondentAnswer(_ answer: RespondentAnswer, questionID: String) -> String {
        let who = respondent(Respondent(role: answer.role, name: answer.name))
        var text = "\(who): \(context.describe(answer.value, questionID: questionID))"
        if let points = answer.points { text += " (\(b.points(self.points(points), value: points)))" }
        return text
    }

    // MARK: - Next level

    func pathStep(_ change: AnswerChange) -> String {
        let from = context.describe(change.from, questionID: change.questionID)
        var to = context.describe(change.to, questionID: change.questionID)
        if let type = context.rubric.question(change.questionID)?.type, [.number, .count, .percent].contains(type) {
            to = b.atLeast(to)
        }
        return b.raise(question: context.questionText(change.questionID), from: from, to: to)
    }

    func pathResult(_ path: NextLevelPath) -> String {
        b.resulting(level: path.targetLevel, levelName: levelName(path.targetLevel), score: score(path.resultingScore))
    }

    // MARK: - Agenda

    func clock(_ minute: Int) -> String { Format.clock(minutesAfterStart: minute) }

    /// "09:00–10:30"
    func timeRange(_ item: AgendaItem) -> String? {
        guard let start = item.startMinute else { return nil }
        return "\(clock(start))–\(clock(start + Int((item.hours * 60).rounded())))"
    }

    /// "Blockade lösen (Träger)", "Kontinuität", …
    func agendaClass(_ item: AgendaItem) -> String { agendaClass(item.agendaClass, recommendationID: item.recommendationID) }

    func agendaClass(_ value: AgendaClass, recommendationID: String) -> String {
        let name = l.agendaClass(value)
        if value == .blocker, let kind = context.rubric.recommendation(recommendationID)?.blocker {
            return "\(name) (\(l.blocker(kind)))"
        }
        return name
    }

    /// "Wer postet im Urlaub?: jemand springt ein" per triggering question.
    func because(_ because: [(questionID: String, answer: ResolvedAnswer)]) -> [String] {
        because.map { "\(quote(context.questionText($0.questionID))): \(context.describe($0.answer, questionID: $0.questionID))" }
    }

    func recommendationText(_ id: String) -> String { context.rubric.recommendation(id)?.text.text(language) ?? "" }

    /// The legal note of a recommendation: title, text, and the review date of the model's notes.
    func legalNote(_ recommendationID: String) -> (id: String, title: String, text: String, reviewed: String?)? {
        guard let id = context.rubric.recommendation(recommendationID)?.legalNote, let note = context.rubric.legalNote(id) else {
            return nil
        }
        return (id, note.title.text(language), note.text.text(language), context.rubric.legalNotesReviewed.map(isoDate))
    }

    func legalNoteLine(_ note: (id: String, title: String, text: String, reviewed: String?)) -> String {
        let reviewed = note.reviewed.map { " (\(b.lastReviewed($0)))" } ?? ""
        return "\(b.legalNote)\(reviewed): \(note.title). \(note.text)"
    }

    /// Why a recommendation is not on the agenda.
    func leftOutReason(_ item: LeftOutItem) -> String {
        switch item.reason {
        case .noTimeLeft: return b.noTimeLeft
        case .needsFirst(let id): return b.needsFirst(context.recommendationTitle(id))
        case .notYet:
            guard let condition = context.rubric.recommendation(item.recommendationID)?.requiredCondition else { return b.notYet }
            return b.notYet + " (" + describe(condition) + ")"
        }
    }

    func leftOutCode(_ reason: LeftOutReason) -> String {
        switch reason {
        case .noTimeLeft: "no-time-left"
        case .needsFirst: "needs-first"
        case .notYet: "not-yet"
        }
    }

    /// A prerequisite condition in words, e.g. "Integration ins Tagesgeschäft mindestens Stufe 3".
    func describe(_ condition: Condition) -> String {
        switch condition {
        case .all(let items): return items.map(describe).joined(separator: l.pick(" und ", " and "))
        case .any(let items): return items.map(describe).joined(separator: l.pick(" oder ", " or "))
        case .not(let inner): return l.pick("nicht ", "not ") + describe(inner)
        case .dimension(let atom):
            let title = context.dimensionTitle(atom.dimensionID)
            switch atom.test {
            case .levelAtLeast(let n): return l.pick("\(title) mindestens Stufe \(n)", "\(title) at level \(n) or higher")
            case .levelAtMost(let n): return l.pick("\(title) höchstens Stufe \(n)", "\(title) at level \(n) or lower")
            case .scoreAtLeast(let s): return l.pick("\(title) Punktwert ab \(score(s))", "\(title) score at least \(score(s))")
            case .scoreBelow(let s): return l.pick("\(title) Punktwert unter \(score(s))", "\(title) score below \(score(s))")
            }
        case .question(let atom):
            return quote(context.questionText(atom.questionID))
        }
    }
}

// MARK: - JSON pieces shared by the briefing and explain reporters

extension JSONTree {
    /// An answer value as data: option id, list of ids, number, boolean, ISO date or text.
    static func answerValue(_ value: AnswerValue?) -> JSONTree {
        guard let value else { return .null }
        switch value {
        case .option(let id): return .string(id)
        case .options(let ids): return .array(ids.map(JSONTree.string))
        case .number(let number): return .number(number, decimals: 4)
        case .bool(let flag): return .bool(flag)
        case .date(let date): return .string(date.description)
        case .text(let text): return .string(text)
        case .dontKnow: return .string("dont-know")
        case .notApplicable: return .string("not-applicable")
        }
    }

    /// A combined answer: status, value, points and the text a person reads.
    static func resolved(_ answer: ResolvedAnswer, questionID: String, context: ReportContext) -> JSONTree {
        .object([
            ("status", .string(answer.status.rawValue)),
            ("value", answer.status == .answered ? answerValue(answer.value) : .null),
            ("points", .optional(answer.points)),
            ("text", .string(context.describe(answer, questionID: questionID))),
        ])
    }

    /// One respondent's own answer.
    static func respondentAnswer(_ answer: RespondentAnswer, questionID: String, context: ReportContext) -> JSONTree {
        .object([
            ("role", .string(answer.role)),
            ("role_label", .string(context.roleLabel(answer.role))),
            ("name", .optional(answer.name)),
            ("file", .string(answer.file)),
            ("value", answerValue(answer.value)),
            ("points", .optional(answer.points)),
            ("text", .string(context.describe(answer.value, questionID: questionID))),
        ])
    }

    static func stamp(_ stamp: Stamp, assessment: Assessment, context: ReportContext) -> JSONTree {
        .object([
            ("rubric_id", .string(stamp.rubricID)),
            ("rubric_version", .string(stamp.rubricVersion)),
            ("rubric_hash", .string(stamp.rubricHash)),
            ("engine_version", .string(stamp.engineVersion)),
            ("tool_version", .string(context.toolVersion)),
            ("files", .array(stamp.files.map(JSONTree.string))),
            ("written_for_versions", .array(assessment.writtenForVersions.map(JSONTree.string))),
        ])
    }

    static func library(_ library: LibraryInfo) -> JSONTree {
        .object([
            ("id", .string(library.id)),
            ("name", .string(library.name)),
            ("population", .optional(library.population)),
            ("staff", .optional(library.staff)),
        ])
    }
}
