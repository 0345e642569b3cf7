import RubricModel
import Scoring

/// The briefing as one self-contained HTML page with SVG charts: for reading on a laptop without network and
/// for printing on A4. It says what the text and Markdown briefings say (it shares their wording through
/// `BriefingWording`), plus a radar chart, level bars and small progress charts.
///
/// Pure and deterministic: no clock, no I/O; every number goes through ``Format`` or ``SVG/number(_:)``.
public struct HTMLBriefingReporter: BriefingReporter {
    public static let identifier = "html"

    public init() {}

    public func render(_ briefing: Briefing, context: ReportContext) -> String {
        var writer = HTMLBriefingWriter(context: context)
        writer.line("<div class=\"document\">")
        writer.writeSections(of: briefing)
        writer.footer(briefing)
        writer.line("</div>")
        let b = context.labels.briefing
        return HTMLDocument(
            title: "\(b.title): \(briefing.assessment.library.name)", language: context.language, body: writer.html
        ).render()
    }
}

// MARK: - Writer

private struct HTMLBriefingWriter: BriefingSectionWriter {
    let context: ReportContext
    let w: BriefingWording
    var html = ""

    init(context: ReportContext) {
        self.context = context
        self.w = BriefingWording(context)
    }

    var b: BriefingLabels { w.b }
    var l: Labels { w.l }
    var h: HTMLLabels { context.labels.html }
    var language: String { context.language }

    func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    mutating func line(_ text: String) { html += text + "\n" }

    func badge(_ level: Int) -> String {
        "<span class=\"badge level-\(max(1, min(5, level)))\">\(level) · \(e(w.levelName(level)))</span>"
    }

    func mark(_ text: String, _ kind: String) -> String { "<span class=\"mark \(kind)\">\(e(text))</span>" }

    func list(_ items: [String]) -> String {
        items.isEmpty ? "" : "<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
    }

    func dimensionTitle(_ id: String?) -> String { id.map(context.dimensionTitle) ?? h.acrossDimensions }

    // MARK: - Header

    mutating func header(_ briefing: Briefing) {
        let a = briefing.assessment
        line("<header class=\"keep\">")
        line("<p class=\"kicker\">\(e(h.kicker)) · \(e(context.rubric.title.text(language)))</p>")
        line("<h1>\(e(a.library.name))</h1>")
        line("<dl class=\"facts\">")
        var round = "\(a.round)"
        if let previous = briefing.previous {
            round += " · \(e(h.comparedWith)) \(e(h.roundOn(previous.round, date: w.date(previous.date))))"
        } else {
            round += " · \(e(h.firstRound))"
        }
        line("<dt>\(e(h.roundWord))</dt><dd>\(round)</dd>")
        if let date = w.date(a.date) { line("<dt>\(e(b.dateWord))</dt><dd>\(e(date))</dd>") }
        if let day = a.coachingDay { line("<dt>\(e(h.coachingDayWord))</dt><dd>\(day)</dd>") }
        let respondents = a.respondents.isEmpty ? b.none : a.respondents.map(w.respondent).joined(separator: ", ")
        line("<dt>\(e(b.respondents))</dt><dd>\(e(respondents))</dd>")
        let stamp = a.stamp
        line("<dt>\(e(b.rubric))</dt><dd>\(e(stamp.rubricID)) \(e(stamp.rubricVersion)) <span class=\"muted\">(\(e(w.shortHash(stamp.rubricHash))))</span></dd>")
        let marks = w.overallMarks(a.overall).map { mark($0, "provisional") }.joined(separator: " ")
        line("<dt>\(e(l.overall))</dt><dd>\(badge(a.overall.level))\(marks.isEmpty ? "" : " " + marks)</dd>")
        line("</dl>")
        if let note = w.writtenForNote(a) { line("<div class=\"note\">\(e(note))</div>") }
        line("</header>")
    }

    // MARK: - Levels

    mutating func levels(_ briefing: Briefing) {
        let a = briefing.assessment
        line("<section class=\"levels\">")
        line("<h2>\(e(b.levels))</h2>")
        line("<div class=\"charts\">")
        line("<figure class=\"chart\">")
        line(radar(briefing).render())
        line("<figcaption>\(e(h.chartCaption))</figcaption>")
        line("</figure>")
        line("<figure class=\"chart\">")
        line(levelBars(briefing).render())
        line("</figure>")
        line("</div>")
        line("<table class=\"data levels\">")
        line(
            "<thead><tr><th>\(e(l.dimension))</th><th>\(e(l.level))</th><th class=\"num\">\(e(l.score))</th>"
                + "<th class=\"num\">\(e(l.coverage))</th><th>\(e(l.target))</th><th>\(e(h.notes))</th></tr></thead>")
        for result in a.dimensions {
            let target = result.target.map { b.target($0, reached: result.level >= $0) } ?? "–"
            line("<tbody class=\"keep\">")
            line(
                "<tr class=\"has-reason\"><td><strong>\(e(context.dimensionTitle(result.dimensionID)))</strong></td>"
                    + "<td>\(badge(result.level))</td><td class=\"num\">\(e(w.score(result.score)))</td>"
                    + "<td class=\"num\">\(e(w.percent(result.coverage)))</td><td>\(e(target))</td><td>\(marks(result))</td></tr>")
            line("<tr class=\"reason-row\"><td colspan=\"6\">\(e(context.levelReason(result)))</td></tr>")
            line("</tbody>")
        }
        let overallMarks = w.overallMarks(a.overall).map { mark($0, "provisional") }.joined(separator: " ")
        line("<tbody class=\"keep\">")
        line(
            "<tr class=\"total has-reason\"><td>\(e(l.overall))</td><td>\(badge(a.overall.level))</td><td></td><td></td><td></td>"
                + "<td>\(overallMarks)</td></tr>")
        line("<tr class=\"reason-row\"><td colspan=\"6\">\(e(context.overallReason(a.overall, dimensions: a.dimensions)))</td></tr>")
        line("</tbody>")
        line("</table>")
        line("</section>")
    }

    func marks(_ result: DimensionResult) -> String {
        var marks: [String] = []
        if result.provisional { marks.append(mark(l.provisional, "provisional")) }
        switch result.borderline {
        case .nearNext?: marks.append(mark(h.nearNext(result.level + 1), "borderline"))
        case .justReached?: marks.append(mark(h.justReached, "borderline"))
        case nil: break
        }
        if !result.failedGates.isEmpty { marks.append(mark(h.gateHolds, "gate")) }
        return marks.joined(separator: " ")
    }

    func radar(_ briefing: Briefing) -> RadarChart {
        let a = briefing.assessment
        var series: [RadarChart.Series] = []
        if let previous = briefing.previous {
            series.append(
                RadarChart.Series(
                    name: h.previousRound(previous.round),
                    values: a.dimensions.map { result in previous.dimension(result.dimensionID).map { Double($0.level) } },
                    color: "#6b7280", lineStyle: .dashed, marker: .square))
        }
        if a.dimensions.contains(where: { $0.target != nil }) {
            series.append(
                RadarChart.Series(
                    name: h.targets, values: a.dimensions.map { $0.target.map(Double.init) }, color: LevelBars.targetColor,
                    lineStyle: .dotted, marker: .diamond))
        }
        series.append(
            RadarChart.Series(
                name: h.thisRound(a.round), values: a.dimensions.map { Double($0.level) }, color: "#225ea8", filled: true))
        return RadarChart(
            axes: a.dimensions.map { context.dimensionTitle($0.dimensionID) }, series: series, title: h.radarTitle(round: a.round))
    }

    func levelBars(_ briefing: Briefing) -> LevelBars {
        let a = briefing.assessment
        var bars = a.dimensions.map { result in
            LevelBars.Bar(
                label: context.dimensionTitle(result.dimensionID), value: Double(result.level),
                valueLabel: "\(result.level) · \(w.levelName(result.level))",
                previous: briefing.previous?.dimension(result.dimensionID).map { Double($0.level) },
                target: result.target.map(Double.init))
        }
        bars.append(
            LevelBars.Bar(
                label: l.overall, value: Double(a.overall.level), valueLabel: "\(a.overall.level) · \(w.levelName(a.overall.level))",
                previous: briefing.previous.map { Double($0.overall.level) }, emphasized: true))
        return LevelBars(
            bars: bars,
            legend: LevelBars.Legend(previous: briefing.previous.map { h.previousRound($0.round) } ?? "", target: h.targets),
            title: h.barsTitle(round: a.round))
    }

    // MARK: - Changes

    mutating func changes(_ briefing: Briefing) {
        line("<section class=\"changes\">")
        guard let previous = briefing.previous else {
            line("<h2>\(e(b.changesFirstRound))</h2>")
            line("<p>\(e(b.noPreviousRound))</p>")
            line("</section>")
            return
        }
        line("<h2>\(e(b.changesSince(round: previous.round, date: w.date(previous.date))))</h2>")
        line("<table class=\"data dimension-changes\">")
        line(
            "<thead><tr><th>\(e(l.dimension))</th><th>\(e(l.level))</th><th class=\"num\">\(e(l.score))</th>"
                + "<th>\(e(h.previousTarget))</th><th>\(e(h.trend))</th></tr></thead>")
        line("<tbody>")
        for change in briefing.dimensionChanges {
            let levelDelta = Format.delta(Double(change.level - change.previousLevel), decimals: 0, language: language)
            let scoreDelta = Format.delta(change.score - change.previousScore, language: language)
            var target = "–"
            if let level = change.previousTarget, let reached = change.targetReached {
                target = mark(b.previousTarget(level, reached: reached), reached ? "ok" : "open")
            }
            let title = context.dimensionTitle(change.dimensionID)
            let chart = ProgressChart(
                levels: [change.previousLevel, change.level], width: 90, height: 28,
                title: "\(title): \(l.level) \(change.previousLevel) → \(change.level)")
            line(
                "<tr><td>\(e(title))</td><td class=\"nowrap\">\(change.previousLevel) → \(change.level) (\(e(levelDelta)))</td>"
                    + "<td class=\"num\">\(e(w.score(change.previousScore))) → \(e(w.score(change.score))) (\(e(scoreDelta)))</td>"
                    + "<td>\(target)</td><td>\(chart.render())</td></tr>")
        }
        line("</tbody>")
        line("</table>")
        if briefing.improved.isEmpty && briefing.worsened.isEmpty {
            line("<p>\(e(b.noAnswerChanges))</p>")
        }
        for (title, changes) in [(b.improved, briefing.improved), (b.worsened, briefing.worsened)] where !changes.isEmpty {
            line("<h3>\(e(title))</h3>")
            line("<table class=\"data question-changes\">")
            line(
                "<thead><tr><th>\(e(h.question))</th><th>\(e(h.before))</th><th>\(e(h.now))</th>"
                    + "<th class=\"num\">\(e(h.points))</th></tr></thead>")
            line("<tbody>")
            for change in changes {
                let delta = Format.delta(change.pointsDelta, decimals: 2, language: language)
                line(
                    "<tr><td>\(e(context.questionText(change.questionID)))<br><span class=\"muted small\">\(e(context.dimensionTitle(change.dimensionID)))</span></td>"
                        + "<td>\(e(context.describe(change.previous, questionID: change.questionID)))</td>"
                        + "<td>\(e(context.describe(change.current, questionID: change.questionID)))</td>"
                        + "<td class=\"num\">\(e(delta))</td></tr>")
            }
            line("</tbody>")
            line("</table>")
        }
        line("</section>")
    }

    mutating func followUps(_ briefing: Briefing) {
        guard let previous = briefing.previous else { return }
        line("<section class=\"follow-ups\">")
        line("<h2>\(e(b.followUps(round: previous.round)))</h2>")
        if briefing.followUps.isEmpty {
            line("<p>\(e(b.none))</p>")
        } else {
            line("<table class=\"data\">")
            line(
                "<thead><tr><th>\(e(h.recommendation))</th><th>\(e(l.dimension))</th><th>\(e(h.status))</th>"
                    + "<th>\(e(h.agendaWord))</th></tr></thead>")
            line("<tbody>")
            for item in briefing.followUps {
                let status = item.resolved ? mark(b.resolved, "ok") : mark(b.stillOpen, "open")
                line(
                    "<tr><td>\(e(context.recommendationTitle(item.recommendationID)))</td><td>\(e(context.dimensionTitle(item.dimensionID)))</td>"
                        + "<td>\(status)</td><td>\(e(item.wasOnAgenda ? b.wasOnAgenda : b.wasNotOnAgenda))</td></tr>")
            }
            line("</tbody>")
            line("</table>")
        }
        line("</section>")
    }

    // MARK: - Discussion

    mutating func disagreements(_ briefing: Briefing) {
        line("<section class=\"disagreements\">")
        line("<h2>\(e(b.disagreements))</h2>")
        if briefing.disagreements.isEmpty {
            line("<p>\(e(b.noDisagreements))</p>")
        } else {
            line("<table class=\"data\">")
            line(
                "<thead><tr><th class=\"num\">#</th><th>\(e(h.question))</th><th class=\"num\">\(e(h.divergence))</th>"
                    + "<th>\(e(h.answers))</th></tr></thead>")
            line("<tbody>")
            for (index, topic) in briefing.disagreements.enumerated() {
                let answers = topic.answers.map { w.respondentAnswer($0, questionID: topic.questionID) }
                line(
                    "<tr><td class=\"num\">\(index + 1)</td><td>\(e(context.questionText(topic.questionID)))<br>"
                        + "<span class=\"muted small\">\(e(context.dimensionTitle(topic.dimensionID)))</span></td>"
                        + "<td class=\"num\">\(e(Format.number(topic.divergence, decimals: 0, language: language)))/100</td>"
                        + "<td>\(list(answers))</td></tr>")
            }
            line("</tbody>")
            line("</table>")
        }
        line("</section>")
    }

    mutating func nextLevel(_ briefing: Briefing) {
        line("<section class=\"next-level\">")
        line("<h2>\(e(b.nextLevel))</h2>")
        line("<table class=\"data\">")
        line(
            "<thead><tr><th>\(e(l.dimension))</th><th>\(e(h.step))</th><th>\(e(h.changesNeeded))</th>"
                + "<th>\(e(h.result))</th></tr></thead>")
        line("<tbody>")
        for result in briefing.assessment.dimensions {
            let title = "<td>\(e(context.dimensionTitle(result.dimensionID)))</td>"
            guard result.level < 5 else {
                line("<tr>\(title)<td colspan=\"3\">\(e(b.highestLevel))</td></tr>")
                continue
            }
            guard let path = briefing.nextLevelPaths.first(where: { $0.dimensionID == result.dimensionID }) else {
                line("<tr>\(title)<td class=\"nowrap\">\(result.level) → \(result.level + 1)</td><td colspan=\"2\">\(e(b.noPath))</td></tr>")
                continue
            }
            line(
                "<tr>\(title)<td class=\"nowrap\">\(path.fromLevel) → \(path.targetLevel)</td>"
                    + "<td>\(list(path.changes.map(w.pathStep)))</td><td>\(e(w.pathResult(path)))</td></tr>")
        }
        line("</tbody>")
        line("</table>")
        line("</section>")
    }

    mutating func consistency(_ briefing: Briefing) {
        line("<section class=\"consistency\">")
        line("<h2>\(e(b.consistency))</h2>")
        let findings = briefing.assessment.consistency
        if findings.isEmpty { line("<p>\(e(b.noConsistency))</p>") }
        for finding in findings {
            let questions = finding.questionIDs.map { w.quote(context.questionText($0)) }.joined(separator: ", ")
            var where_ = dimensionTitle(finding.dimensionID)
            if !questions.isEmpty { where_ += " · \(h.questions): \(questions)" }
            line(
                "<div class=\"warning\">⚠ \(e(finding.message.text(language)))<br>"
                    + "<span class=\"muted small\">\(e(where_))</span></div>")
        }
        line("</section>")
    }

    // MARK: - Agenda

    /// The timetable, followed by the legal notes its recommendations refer to.
    mutating func agenda(_ briefing: Briefing) {
        agendaTable(briefing)
        legalNotes(briefing)
    }

    mutating func agendaTable(_ briefing: Briefing) {
        let agenda = briefing.agenda
        line("<section class=\"agenda page-break\">")
        line("<h2>\(e(b.agenda(day: briefing.assessment.coachingDay)))</h2>")
        var summary = [b.planned(w.hours(agenda.plannedHours), of: w.hours(agenda.budgetHours))]
        if !agenda.items.isEmpty { summary.append(h.dayStarts(w.clock(0))) }
        if let lunch = agenda.lunchStartMinute {
            summary.append(h.lunchFrom(w.clock(lunch), to: w.clock(lunch + Agenda.lunchMinutes)))
        }
        line("<p>\(e(summary.joined(separator: " · ")))</p>")
        if agenda.items.isEmpty {
            line("<p>\(e(b.emptyAgenda))</p>")
            line("</section>")
            return
        }
        line("<table class=\"data agenda\">")
        line(
            "<thead><tr><th>\(e(h.time))</th><th>\(e(h.topic))</th><th>\(e(h.agendaClass))</th>"
                + "<th>\(e(b.because))</th></tr></thead>")
        var lunchShown = agenda.lunchStartMinute == nil
        var currentSession: SessionType?
        for item in agenda.items {
            if item.session != currentSession {
                if currentSession != nil { line("</tbody>") }
                line("<tbody>")
                currentSession = item.session
                // The lunch break comes before the group when the group starts after it.
                if !lunchShown, let lunch = agenda.lunchStartMinute, let start = item.startMinute, start > lunch {
                    lunchRow(lunch)
                    lunchShown = true
                }
                line("<tr class=\"group\"><th colspan=\"4\">\(e(l.session(item.session)))</th></tr>")
            }
            if !lunchShown, let lunch = agenda.lunchStartMinute, let start = item.startMinute, start > lunch {
                lunchRow(lunch)
                lunchShown = true
            }
            let time = w.timeRange(item) ?? ""
            var topic = "<strong>\(e(context.recommendationTitle(item.recommendationID)))</strong>"
            let text = w.recommendationText(item.recommendationID)
            if !text.isEmpty { topic += "<br><span class=\"small\">\(e(text))</span>" }
            if w.legalNote(item.recommendationID) != nil { topic += "<br>" + mark("⚖ " + h.legalNoteBelow, "gate") }
            line(
                "<tr><td class=\"nowrap\">\(e(time))<br><span class=\"muted small\">\(e(w.hours(item.hours)))</span></td>"
                    + "<td>\(topic)</td><td>\(e(w.agendaClass(item)))</td><td>\(list(w.because(item.because)))</td></tr>")
        }
        line("</tbody>")
        line("</table>")
        line("</section>")
    }

    mutating func lunchRow(_ lunch: Int) {
        line(
            "<tr class=\"break\"><td class=\"nowrap\">\(e(w.clock(lunch)))–\(e(w.clock(lunch + Agenda.lunchMinutes)))</td>"
                + "<td colspan=\"3\">\(e(b.lunch))</td></tr>")
    }

    /// The legal notes of the recommendations on the agenda and in the homework, each once, in agenda order.
    mutating func legalNotes(_ briefing: Briefing) {
        var order: [String] = []
        var concerned: [String: [String]] = [:]
        var notes: [String: (id: String, title: String, text: String, reviewed: String?)] = [:]
        for item in briefing.agenda.items + briefing.agenda.homework {
            guard let note = w.legalNote(item.recommendationID) else { continue }
            if notes[note.id] == nil {
                order.append(note.id)
                notes[note.id] = note
            }
            let title = context.recommendationTitle(item.recommendationID)
            if !(concerned[note.id] ?? []).contains(title) { concerned[note.id, default: []].append(title) }
        }
        guard !order.isEmpty else { return }
        line("<section class=\"legal-notes keep\">")
        line("<h3>\(e(h.legalNotes))</h3>")
        for id in order {
            let note = notes[id]!
            let reviewed = note.reviewed.map { " <span class=\"muted\">(\(e(b.lastReviewed($0))))</span>" } ?? ""
            line(
                "<div class=\"legal\"><span class=\"title\">⚖ \(e(note.title))</span>\(reviewed)<br>\(e(note.text))<br>"
                    + "<span class=\"muted small\">\(e(h.concerns)): \(e((concerned[id] ?? []).joined(separator: ", ")))</span></div>")
        }
        line("</section>")
    }

    mutating func homework(_ briefing: Briefing) {
        line("<section class=\"homework\">")
        line("<h2>\(e(b.homework))</h2>")
        let homework = briefing.agenda.homework
        if homework.isEmpty {
            line("<p>\(e(b.noHomework))</p>")
            line("</section>")
            return
        }
        line("<table class=\"data\">")
        line(
            "<thead><tr><th>\(e(h.task))</th><th>\(e(h.kind))</th><th class=\"num\">\(e(h.effort))</th>"
                + "<th>\(e(b.because))</th></tr></thead>")
        line("<tbody>")
        for item in homework {
            let kind = item.session.isOnCoachingDay ? b.afterOnDayItem : l.session(item.session)
            var task = "<strong>\(e(context.recommendationTitle(item.recommendationID)))</strong>"
            var because = ""
            if !item.session.isOnCoachingDay {
                let text = w.recommendationText(item.recommendationID)
                if !text.isEmpty { task += "<br><span class=\"small\">\(e(text))</span>" }
                because = list(w.because(item.because))
            }
            line(
                "<tr><td>\(task)</td><td>\(e(kind))</td><td class=\"num\">\(e(w.hours(item.homeworkHours)))</td>"
                    + "<td>\(because)</td></tr>")
        }
        line("</tbody>")
        line("</table>")
        line("</section>")
    }

    mutating func leftOut(_ briefing: Briefing) {
        line("<section class=\"left-out\">")
        line("<h2>\(e(b.leftOut))</h2>")
        let leftOut = briefing.agenda.leftOut
        if leftOut.isEmpty {
            line("<p>\(e(b.nothingLeftOut))</p>")
            line("</section>")
            return
        }
        line("<table class=\"data\">")
        line(
            "<thead><tr><th>\(e(h.recommendation))</th><th>\(e(l.dimension))</th><th class=\"num\">\(e(h.hours))</th>"
                + "<th>\(e(h.agendaClass))</th><th>\(e(h.reason))</th></tr></thead>")
        line("<tbody>")
        for item in leftOut {
            line(
                "<tr><td>\(e(context.recommendationTitle(item.recommendationID)))</td><td>\(e(context.dimensionTitle(item.dimensionID)))</td>"
                    + "<td class=\"num\">\(e(w.hours(item.hours)))</td>"
                    + "<td>\(e(w.agendaClass(item.agendaClass, recommendationID: item.recommendationID)))</td>"
                    + "<td>\(e(w.leftOutReason(item)))</td></tr>")
        }
        line("</tbody>")
        line("</table>")
        line("</section>")
    }

    mutating func footer(_ briefing: Briefing) {
        line("<footer class=\"document-footer\">\(e(h.generatedBy(w.stampLine(briefing.assessment.stamp))))</footer>")
    }
}
