import RubricModel
import Scoring

/// The briefing as terminal text: short sections, a level bar per dimension, the agenda with clock times.
/// ANSI colour only when `context.useColor`.
public struct TextBriefingReporter: BriefingReporter {
    public static let identifier = "text"

    public init() {}

    public func render(_ briefing: Briefing, context: ReportContext) -> String {
        var writer = TextWriter(context: context)
        writer.writeSections(of: briefing)
        return writer.lines.joined(separator: "\n") + "\n"
    }
}

private struct TextWriter: BriefingSectionWriter {
    let context: ReportContext
    let w: BriefingWording
    var lines: [String] = []

    init(context: ReportContext) {
        self.context = context
        self.w = BriefingWording(context)
    }

    var b: BriefingLabels { w.b }
    var l: Labels { w.l }

    // MARK: - Styling

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33"
    }

    func style(_ text: String, _ style: Style) -> String {
        context.useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    func bar(_ level: Int) -> String {
        let color: Style = level <= 1 ? .red : level <= 3 ? .yellow : .green
        return style(w.levelBar(level), color)
    }

    func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// A section title in capitals; `detail` (e.g. a date) keeps its case.
    mutating func section(_ title: String, detail: String? = nil) {
        lines.append("")
        lines.append(style(title.uppercased() + (detail.map { " (\($0))" } ?? ""), .bold))
    }

    // MARK: - Sections

    mutating func header(_ briefing: Briefing) {
        let a = briefing.assessment
        lines.append(style("\(b.title.uppercased()) · \(a.library.name)", .bold))
        lines.append(w.roundLine(a))
        lines.append("\(b.respondents): " + a.respondents.map(w.respondent).joined(separator: ", "))
        lines.append(w.stampLine(a.stamp))
        if let note = w.writtenForNote(a) { lines.append(note) }
    }

    mutating func levels(_ briefing: Briefing) {
        let a = briefing.assessment
        section(b.levels)
        let width = ([l.overall] + a.dimensions.map { context.dimensionTitle($0.dimensionID) }).map(\.count).max()! + 2
        let overallMarks = w.overallMarks(a.overall).map { "[\($0)]" }.joined(separator: " ")
        lines.append(
            "  " + padded(style(l.overall, .bold), width + (context.useColor ? 8 : 0)) + bar(a.overall.level)
                + " \(a.overall.level) \(w.levelName(a.overall.level))" + (overallMarks.isEmpty ? "" : "  " + overallMarks))
        lines.append("      " + context.overallReason(a.overall, dimensions: a.dimensions))
        for result in a.dimensions {
            let marks = w.marks(result).map { "[\($0)]" }.joined(separator: " ")
            lines.append(
                "  " + padded(context.dimensionTitle(result.dimensionID), width) + bar(result.level)
                    + " \(result.level) \(w.levelName(result.level))" + (marks.isEmpty ? "" : "  " + style(marks, .yellow)))
            lines.append("      " + w.facts(result))
            lines.append("      " + context.levelReason(result))
        }
    }

    mutating func changes(_ briefing: Briefing) {
        guard let previous = briefing.previous else {
            section(b.changesFirstRound)
            lines.append("  " + b.noPreviousRound)
            return
        }
        section(b.changesSince(round: previous.round, date: nil), detail: w.date(previous.date))
        let width = briefing.dimensionChanges.map { context.dimensionTitle($0.dimensionID).count }.max() ?? 0
        if let overall = w.overallChange(briefing) { lines.append("  " + style(overall, .bold)) }
        for change in briefing.dimensionChanges {
            lines.append("  " + padded(context.dimensionTitle(change.dimensionID) + ":", width + 2) + w.dimensionChange(change))
        }
        if briefing.improved.isEmpty && briefing.worsened.isEmpty {
            lines.append("  " + b.noAnswerChanges)
            return
        }
        for (title, changes, color) in [(b.improved, briefing.improved, Style.green), (b.worsened, briefing.worsened, Style.red)]
        where !changes.isEmpty {
            lines.append("  " + style(title, color) + ":")
            for change in changes { lines.append("    - " + w.questionChange(change)) }
        }
    }

    mutating func followUps(_ briefing: Briefing) {
        guard let previous = briefing.previous else { return }
        section(b.followUps(round: previous.round))
        if briefing.followUps.isEmpty {
            lines.append("  " + b.none)
            return
        }
        for (title, resolved, color) in [(b.resolved, true, Style.green), (b.stillOpen, false, Style.yellow)] {
            let items = briefing.followUps.filter { $0.resolved == resolved }
            guard !items.isEmpty else { continue }
            lines.append("  " + style(title, color) + ":")
            for item in items { lines.append("    - " + w.followUp(item)) }
        }
    }

    mutating func disagreements(_ briefing: Briefing) {
        section(b.disagreements)
        if briefing.disagreements.isEmpty {
            lines.append("  " + b.noDisagreements)
            return
        }
        for (index, topic) in briefing.disagreements.enumerated() {
            lines.append(
                "  \(index + 1). \(context.questionText(topic.questionID)) "
                    + "(\(context.dimensionTitle(topic.dimensionID)); \(Format.number(topic.divergence, decimals: 0, language: context.language))/100)")
            for answer in topic.answers { lines.append("     - " + w.respondentAnswer(answer, questionID: topic.questionID)) }
        }
    }

    mutating func nextLevel(_ briefing: Briefing) {
        section(b.nextLevel)
        for result in briefing.assessment.dimensions {
            let title = context.dimensionTitle(result.dimensionID)
            guard result.level < 5 else {
                lines.append("  \(title): \(b.highestLevel)")
                continue
            }
            guard let path = briefing.nextLevelPaths.first(where: { $0.dimensionID == result.dimensionID }) else {
                lines.append("  \(title): \(b.noPath)")
                continue
            }
            lines.append("  \(title) → \(l.level) \(path.targetLevel):")
            for change in path.changes { lines.append("    - " + w.pathStep(change)) }
            lines.append("    = " + w.pathResult(path))
        }
    }

    mutating func consistency(_ briefing: Briefing) {
        section(b.consistency)
        let findings = briefing.assessment.consistency
        if findings.isEmpty {
            lines.append("  " + b.noConsistency)
            return
        }
        for finding in findings { lines.append("  ! " + style(finding.message.text(context.language), .yellow)) }
    }

    mutating func agenda(_ briefing: Briefing) {
        let agenda = briefing.agenda
        section(b.agenda(day: briefing.assessment.coachingDay))
        lines.append("  " + b.planned(w.hours(agenda.plannedHours), of: w.hours(agenda.budgetHours)))
        if agenda.items.isEmpty {
            lines.append("  " + b.emptyAgenda)
            return
        }
        var lunchShown = agenda.lunchStartMinute == nil
        var currentSession: SessionType?
        for item in agenda.items {
            if !lunchShown, let lunch = agenda.lunchStartMinute, let start = item.startMinute, start > lunch {
                lines.append(
                    "    \(w.clock(lunch))–\(w.clock(lunch + Agenda.lunchMinutes))  " + style(b.lunch, .dim))
                lunchShown = true
            }
            if item.session != currentSession {
                lines.append("  " + style(l.session(item.session), .bold))
                currentSession = item.session
            }
            let time = w.timeRange(item) ?? ""
            lines.append(
                "    \(time)  \(context.recommendationTitle(item.recommendationID)) · \(w.hours(item.hours)) · \(w.agendaClass(item))")
            itemDetails(item, indent: "                   ")
        }
    }

    mutating func itemDetails(_ item: AgendaItem, indent: String) {
        let text = w.recommendationText(item.recommendationID)
        if !text.isEmpty { lines.append(indent + text) }
        let reasons = w.because(item.because)
        if !reasons.isEmpty { lines.append(indent + "\(b.because): " + reasons.joined(separator: "; ")) }
        if let note = w.legalNote(item.recommendationID) { lines.append(indent + style(w.legalNoteLine(note), .yellow)) }
    }

    mutating func homework(_ briefing: Briefing) {
        section(b.homework)
        let homework = briefing.agenda.homework
        if homework.isEmpty {
            lines.append("  " + b.noHomework)
            return
        }
        for item in homework {
            var line = "  - \(context.recommendationTitle(item.recommendationID)) · \(w.hours(item.homeworkHours)) \(b.homeworkHours)"
            line += " · " + (item.session.isOnCoachingDay ? b.afterOnDayItem : l.session(item.session))
            lines.append(line)
            if item.session.isOnCoachingDay { continue }  // described in the agenda already
            itemDetails(item, indent: "    ")
        }
    }

    mutating func leftOut(_ briefing: Briefing) {
        section(b.leftOut)
        let leftOut = briefing.agenda.leftOut
        if leftOut.isEmpty {
            lines.append("  " + b.nothingLeftOut)
            return
        }
        for item in leftOut {
            lines.append(
                "  - \(context.recommendationTitle(item.recommendationID)) · \(w.hours(item.hours)) · "
                    + "\(w.agendaClass(item.agendaClass, recommendationID: item.recommendationID)): \(w.leftOutReason(item))")
        }
    }
}
