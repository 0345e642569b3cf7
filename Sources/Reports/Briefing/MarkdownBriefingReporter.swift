import RubricModel
import Scoring

/// The briefing as Markdown (CommonMark with GitHub tables): for printing, e-mail and wikis.
public struct MarkdownBriefingReporter: BriefingReporter {
    public static let identifier = "md"

    public init() {}

    public func render(_ briefing: Briefing, context: ReportContext) -> String {
        var writer = MarkdownWriter(context: context)
        writer.writeSections(of: briefing)
        return writer.lines.joined(separator: "\n") + "\n"
    }
}

private struct MarkdownWriter: BriefingSectionWriter {
    let context: ReportContext
    let w: BriefingWording
    var lines: [String] = []

    init(context: ReportContext) {
        self.context = context
        self.w = BriefingWording(context)
    }

    var b: BriefingLabels { w.b }
    var l: Labels { w.l }

    /// Escapes characters that Markdown would read as markup in running text.
    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    mutating func section(_ title: String) {
        lines.append("")
        lines.append("## \(escape(title))")
        lines.append("")
    }

    mutating func header(_ briefing: Briefing) {
        let a = briefing.assessment
        lines.append("# \(b.title): \(escape(a.library.name))")
        lines.append("")
        lines.append(escape(w.roundLine(a)) + "  ")
        lines.append("**\(b.respondents):** " + escape(a.respondents.map(w.respondent).joined(separator: ", ")) + "  ")
        lines.append("*\(escape(w.stampLine(a.stamp)))*")
        if let note = w.writtenForNote(a) { lines.append("", "> \(escape(note))") }
    }

    mutating func levels(_ briefing: Briefing) {
        let a = briefing.assessment
        section(b.levels)
        lines.append("| \(l.dimension) | \(l.level) | \(l.score) | \(l.coverage) | \(l.target) | |")
        lines.append("|---|---|---:|---:|---|---|")
        let overallMarks = w.overallMarks(a.overall).joined(separator: ", ")
        lines.append(
            "| **\(l.overall)** | **\(a.overall.level) \(escape(w.levelName(a.overall.level)))** \(w.levelBar(a.overall.level)) | | | | \(overallMarks) |")
        for result in a.dimensions {
            let target = result.target.map { b.target($0, reached: result.level >= $0) } ?? ""
            lines.append(
                "| \(escape(context.dimensionTitle(result.dimensionID))) | \(result.level) \(escape(w.levelName(result.level))) \(w.levelBar(result.level)) "
                    + "| \(w.score(result.score)) | \(w.percent(result.coverage)) | \(target) | \(w.marks(result).joined(separator: ", ")) |")
        }
        lines.append("")
        lines.append("- **\(l.overall):** \(escape(context.overallReason(a.overall, dimensions: a.dimensions)))")
        for result in a.dimensions {
            lines.append("- **\(escape(context.dimensionTitle(result.dimensionID))):** \(escape(context.levelReason(result)))")
        }
    }

    mutating func changes(_ briefing: Briefing) {
        guard let previous = briefing.previous else {
            section(b.changesFirstRound)
            lines.append(b.noPreviousRound)
            return
        }
        section(b.changesSince(round: previous.round, date: w.date(previous.date)))
        if let overall = w.overallChange(briefing) { lines.append("**\(escape(overall))**", "") }
        for change in briefing.dimensionChanges {
            lines.append("- **\(escape(context.dimensionTitle(change.dimensionID))):** \(escape(w.dimensionChange(change)))")
        }
        if briefing.improved.isEmpty && briefing.worsened.isEmpty {
            lines.append("", b.noAnswerChanges)
            return
        }
        for (title, changes) in [(b.improved, briefing.improved), (b.worsened, briefing.worsened)] where !changes.isEmpty {
            lines.append("", "### \(title)", "")
            for change in changes { lines.append("- " + escape(w.questionChange(change))) }
        }
    }

    mutating func followUps(_ briefing: Briefing) {
        guard let previous = briefing.previous else { return }
        section(b.followUps(round: previous.round))
        if briefing.followUps.isEmpty {
            lines.append(b.none)
            return
        }
        for item in briefing.followUps {
            lines.append("- [\(item.resolved ? "x" : " ")] \(escape(w.followUp(item))): \(item.resolved ? b.resolved : b.stillOpen)")
        }
    }

    mutating func disagreements(_ briefing: Briefing) {
        section(b.disagreements)
        if briefing.disagreements.isEmpty {
            lines.append(b.noDisagreements)
            return
        }
        for (index, topic) in briefing.disagreements.enumerated() {
            lines.append(
                "\(index + 1). **\(escape(context.questionText(topic.questionID)))** "
                    + "(\(escape(context.dimensionTitle(topic.dimensionID))); \(Format.number(topic.divergence, decimals: 0, language: context.language))/100)")
            for answer in topic.answers { lines.append("   - " + escape(w.respondentAnswer(answer, questionID: topic.questionID))) }
        }
    }

    mutating func nextLevel(_ briefing: Briefing) {
        section(b.nextLevel)
        for result in briefing.assessment.dimensions {
            let title = escape(context.dimensionTitle(result.dimensionID))
            guard result.level < 5 else {
                lines.append("- **\(title):** \(b.highestLevel)")
                continue
            }
            guard let path = briefing.nextLevelPaths.first(where: { $0.dimensionID == result.dimensionID }) else {
                lines.append("- **\(title):** \(b.noPath)")
                continue
            }
            lines.append("- **\(title) → \(l.level) \(path.targetLevel):** \(escape(w.pathResult(path)))")
            for change in path.changes { lines.append("  - " + escape(w.pathStep(change))) }
        }
    }

    mutating func consistency(_ briefing: Briefing) {
        section(b.consistency)
        let findings = briefing.assessment.consistency
        if findings.isEmpty {
            lines.append(b.noConsistency)
            return
        }
        for finding in findings { lines.append("> ⚠ \(escape(finding.message.text(context.language)))", ">") }
        lines.removeLast()
    }

    mutating func agenda(_ briefing: Briefing) {
        let agenda = briefing.agenda
        section(b.agenda(day: briefing.assessment.coachingDay))
        lines.append(b.planned(w.hours(agenda.plannedHours), of: w.hours(agenda.budgetHours)))
        if agenda.items.isEmpty {
            lines.append("", b.emptyAgenda)
            return
        }
        var lunchShown = agenda.lunchStartMinute == nil
        var currentSession: SessionType?
        for item in agenda.items {
            if !lunchShown, let lunch = agenda.lunchStartMinute, let start = item.startMinute, start > lunch {
                lines.append("", "*\(w.clock(lunch))–\(w.clock(lunch + Agenda.lunchMinutes)) \(b.lunch)*")
                lunchShown = true
            }
            if item.session != currentSession {
                lines.append("", "### \(escape(l.session(item.session)))", "")
                currentSession = item.session
            }
            let time = w.timeRange(item).map { "**\($0)** " } ?? ""
            lines.append(
                "- \(time)**\(escape(context.recommendationTitle(item.recommendationID)))** · \(w.hours(item.hours)) · \(escape(w.agendaClass(item)))")
            itemDetails(item)
        }
    }

    mutating func itemDetails(_ item: AgendaItem) {
        let text = w.recommendationText(item.recommendationID)
        if !text.isEmpty { lines.append("  " + escape(text)) }
        let reasons = w.because(item.because)
        if !reasons.isEmpty { lines.append("  - *\(b.because):* " + escape(reasons.joined(separator: "; "))) }
        if let note = w.legalNote(item.recommendationID) { lines.append("  - ⚖ " + escape(w.legalNoteLine(note))) }
    }

    mutating func homework(_ briefing: Briefing) {
        section(b.homework)
        let homework = briefing.agenda.homework
        if homework.isEmpty {
            lines.append(b.noHomework)
            return
        }
        for item in homework {
            let kind = item.session.isOnCoachingDay ? b.afterOnDayItem : l.session(item.session)
            lines.append(
                "- **\(escape(context.recommendationTitle(item.recommendationID)))** · \(w.hours(item.homeworkHours)) \(b.homeworkHours) · \(escape(kind))")
            if !item.session.isOnCoachingDay { itemDetails(item) }
        }
    }

    mutating func leftOut(_ briefing: Briefing) {
        section(b.leftOut)
        let leftOut = briefing.agenda.leftOut
        if leftOut.isEmpty {
            lines.append(b.nothingLeftOut)
            return
        }
        lines.append("| \(b.recommendation) | \(l.hoursWord) | \(b.agendaClass) | \(b.reason) |")
        lines.append("|---|---:|---|---|")
        for item in leftOut {
            lines.append(
                "| \(escape(context.recommendationTitle(item.recommendationID))) | \(w.hours(item.hours)) | "
                    + "\(escape(w.agendaClass(item.agendaClass, recommendationID: item.recommendationID))) | \(escape(w.leftOutReason(item))) |")
        }
    }
}

extension Array where Element == String {
    /// Appends several lines at once.
    fileprivate mutating func append(_ first: String, _ second: String, _ more: String...) {
        append(contentsOf: [first, second] + more)
    }
}
