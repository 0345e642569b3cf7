import RubricModel
import Scoring

/// The programme comparison as one self-contained, printable (A4) HTML page: a heatmap of libraries ×
/// dimensions coloured by level, the distribution with stacked level bars, progress per library as small SVG
/// charts, the transition tables, programme-wide findings and peer tandems. No network, no scripts.
public enum ProgrammeHTMLReporter {
    public static func render(_ view: ProgrammeView, context: ReportContext) -> String {
        let l = context.labels
        let rubricTitle = context.rubric.title.text(context.language)
        var body = "<main class=\"document programme\">\n"
        body += "<header>\n<p class=\"kicker\">\(e(l.programmeTitle))</p>\n"
        body += "<h1>\(e(rubricTitle))</h1>\n"
        var facts = [
            "\(l.rubricWord) \(view.rubricID) \(view.rubricVersion)", l.roundSelection(view.round),
            l.libraryCount(view.libraryCount), l.sortedBy(context.sortColumnName(view.sort)),
        ]
        if view.anonymized { facts.append(l.anonymizedNote) }
        body += "<p class=\"subtitle\">\(e(facts.joined(separator: " · ")))</p>\n</header>\n"
        body += notices(view, context)
        body += heatmap(view, context)
        body += distribution(view, context)
        body += progress(view, context)
        body += findings(view, context)
        body += tandems(view, context)
        body += "<footer class=\"document-footer\">\(e(l.generatedBy(context.toolVersion)))</footer>\n</main>\n"
        return HTMLDocument(
            title: "\(l.programmeTitle) – \(rubricTitle)", language: context.language, body: body, extraCSS: css
        ).render()
    }

    private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    // MARK: - Sections

    private static func notices(_ view: ProgrammeView, _ context: ReportContext) -> String {
        let l = context.labels
        var html = ""
        if !view.leftOut.isEmpty {
            html += "<div class=\"warning left-out\"><p><strong>\(e(l.leftOut(count: view.leftOut.count)))</strong></p>\n<ul>\n"
            for file in view.leftOut { html += "<li><code>\(e(context.leftOutLine(file)))</code></li>\n" }
            html += "</ul></div>\n"
        }
        if !view.versionMismatches.isEmpty {
            html += "<div class=\"warning version\"><ul>\n"
            for mismatch in view.versionMismatches { html += "<li>\(e(context.versionWarning(mismatch)))</li>\n" }
            html += "</ul>\n<p class=\"small\">\(e(l.versionHint(scoredWith: view.versionMismatches[0].scoredWith)))</p></div>\n"
        }
        if !view.missingRound.isEmpty {
            html += "<div class=\"note\">\(e(l.missingRound(view.missingRound.map(\.name), round: view.round)))</div>\n"
        }
        return html
    }

    private static func heatmap(_ view: ProgrammeView, _ context: ReportContext) -> String {
        let l = context.labels
        var html = "<section class=\"matrix\">\n<h2>\(e(l.matrixHeading))</h2>\n"
        html += "<table class=\"data heatmap\">\n<thead><tr><th>\(e(l.library))</th><th class=\"num\">\(e(l.round))</th>"
        for id in view.dimensionIDs { html += "<th class=\"level-cell\">\(e(context.dimensionTitle(id)))</th>" }
        html += "<th class=\"level-cell\">\(e(l.overall))</th></tr></thead>\n<tbody>\n"
        for row in view.rows {
            html += "<tr><th scope=\"row\">\(e(row.name))</th><td class=\"num\">\(row.round)</td>"
            for id in view.dimensionIDs {
                guard let cell = row.cell(id) else {
                    html += "<td class=\"level-cell\">–</td>"
                    continue
                }
                var title = context.levelName(cell.level)
                if cell.provisional { title += " · " + l.provisional }
                if let borderline = cell.borderline { title += " · " + l.borderlineKind(borderline) }
                html += "<td class=\"level-cell\" style=\"background:\(levelColor(cell.level));color:\(levelTextColor(cell.level))\" title=\"\(e(title))\">"
                html += "<strong>\(e(context.cellMarks(cell)))</strong><span class=\"score\">\(e(context.scoreNumber(cell.score)))</span></td>"
            }
            html += "<td class=\"level-cell overall\" style=\"background:\(levelColor(row.overallLevel));color:\(levelTextColor(row.overallLevel))\">"
            html += "<strong>\(e(context.overallMarks(row)))</strong></td></tr>\n"
        }
        html += "</tbody>\n</table>\n<p class=\"legend small\">"
        for level in 1...5 {
            html += "<span class=\"badge level-\(level)\">\(level) · \(e(context.levelName(level)))</span> "
        }
        html += "<br>\(e(l.legendMarks))</p>\n</section>\n"
        return html
    }

    private static func distribution(_ view: ProgrammeView, _ context: ReportContext) -> String {
        let l = context.labels
        var html = "<section class=\"distribution keep\">\n<h2>\(e(l.distributionHeading))</h2>\n"
        html += "<table class=\"data\">\n<thead><tr><th>\(e(l.dimension))</th><th>\(e(l.level)) 1–5</th>"
        html += "<th class=\"num\">\(e(l.median))</th><th class=\"num\">\(e(l.scoreMedian))</th>"
        html += "<th class=\"num\">\(e(l.range))</th><th class=\"num\">\(e(l.interquartile))</th></tr></thead>\n<tbody>\n"
        for distribution in view.distributions {
            let title = context.distributionTitle(distribution)
            html += "<tr><th scope=\"row\">\(e(title))</th><td>\(stackedBar(distribution, title: title, context))</td>"
            html += "<td class=\"num\">\(e(context.levelNumber(distribution.medianLevel)))</td>"
            if let scores = distribution.scores {
                html += "<td class=\"num\">\(e(context.scoreNumber(scores.median)))</td>"
                html += "<td class=\"num\">\(e(context.scoreNumber(scores.min)))–\(e(context.scoreNumber(scores.max)))</td>"
                html += "<td class=\"num\">\(e(context.scoreNumber(scores.lowerQuartile)))–\(e(context.scoreNumber(scores.upperQuartile)))</td>"
            } else {
                let range = distribution.minLevel.map { "\($0)–\(distribution.maxLevel ?? $0)" } ?? "–"
                html += "<td class=\"num\">–</td><td class=\"num\">\(e(range))</td><td class=\"num\">–</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    /// A horizontal bar split into the libraries per level, each segment in its level's colour and labelled with
    /// its count.
    private static func stackedBar(_ distribution: Distribution, title: String, _ context: ReportContext) -> String {
        let n = SVG.number
        let width = 240.0, height = 20.0
        let total = max(1, distribution.count)
        let label = (1...5).map { "\(context.labels.level) \($0): \(distribution.count(atLevel: $0))" }.joined(separator: ", ")
        var svg = SVG.openTag(
            className: "level-distribution", width: width, height: height, fontSize: 11, title: "\(title) – \(label)",
            standalone: false)
        svg += "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#f4f5f7\"/>\n"
        var x = 0.0
        for level in 1...5 {
            let count = distribution.count(atLevel: level)
            guard count > 0 else { continue }
            let segment = width * Double(count) / Double(total)
            svg += "<rect x=\"\(n(x))\" y=\"0\" width=\"\(n(segment))\" height=\"\(n(height))\" fill=\"\(levelColor(level))\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n"
            svg += "<text x=\"\(n(x + segment / 2))\" y=\"14\" text-anchor=\"middle\" fill=\"\(levelTextColor(level))\">\(count)</text>\n"
            x += segment
        }
        return svg + "</svg>"
    }

    private static func progress(_ view: ProgrammeView, _ context: ReportContext) -> String {
        let l = context.labels
        var html = "<section class=\"progress page-break\">\n<h2>\(e(l.progressHeading + (context.progressRounds(view).map { " (\($0))" } ?? "")))</h2>\n"
        guard !view.progress.isEmpty else { return html + "<p class=\"muted\">\(e(l.noProgress))</p>\n</section>\n" }
        html += "<table class=\"data progress-table\">\n<thead><tr><th>\(e(l.library))</th>"
        for id in view.dimensionIDs { html += "<th>\(e(context.dimensionTitle(id)))</th>" }
        html += "<th>\(e(l.overall))</th></tr></thead>\n<tbody>\n"
        for progress in view.progress {
            html += "<tr><th scope=\"row\">\(e(progress.library.name))<br><span class=\"small muted\">\(e(l.round)) \(progress.fromRound) → \(progress.toRound)</span></th>"
            let columns = Array(progress.changes.enumerated().map { index, change in (change, progress.history.map { Double($0.levels[safe: index] ?? 1) }) })
                + [(progress.overall, progress.history.map { Double($0.overall) })]
            for (change, levels) in columns {
                let title = "\(change.dimensionID.map(context.dimensionTitle) ?? l.overall): \(change.fromLevel) → \(change.toLevel)"
                let chart = ProgressChart(
                    levels: levels.map { Optional($0) }, labels: progress.history.map { "R\($0.round)" }, width: 96, height: 30,
                    title: title, fontSize: 9)
                html += "<td class=\"change \(change.direction.rawValue)\">\(chart.render())"
                html += "<span class=\"delta\">\(change.fromLevel) → \(change.toLevel) \(e(context.arrow(change.direction)))</span></td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<h3>\(e(l.transitionsHeading))</h3>\n<p class=\"small muted\">\(e(l.transitionReading))</p>\n<div class=\"charts transitions\">\n"
        for table in view.transitions {
            html += "<figure class=\"chart keep\"><table class=\"transition\">\n<caption>\(e(context.transitionTitle(table)))</caption>\n"
            html += "<thead><tr><th class=\"corner\" title=\"\(e(l.from)) ↓ · \(e(l.to)) →\">↓ →</th>"
            for to in 1...5 { html += "<th>\(to)</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for from in 1...5 {
                html += "<tr><th>\(from)</th>"
                for to in 1...5 {
                    let count = table.count(from: from, to: to)
                    let kind = Direction(from: from, to: to).rawValue
                    html += "<td class=\"\(kind)\(count == 0 ? " zero" : "")\">\(count == 0 ? "" : String(count))</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table>\n<figcaption>\(e(l.up)) \(table.up) · \(e(l.same)) \(table.same) · \(e(l.down)) \(table.down)</figcaption></figure>\n"
        }
        html += "</div>\n</section>\n"
        return html
    }

    private static func findings(_ view: ProgrammeView, _ context: ReportContext) -> String {
        let l = context.labels
        let names = context.libraryNamer(for: view)
        var html = "<section class=\"findings\">\n<h2>\(e(l.findingsHeading))</h2>\n"
        html += "<p class=\"muted\">\(e(l.findingsRule(minReach: view.findingsMinReach, total: view.libraryCount)))</p>\n"
        html += "<h3>\(e(l.weakQuestionsHeading))</h3>\n"
        if view.questionFindings.isEmpty {
            html += "<p class=\"muted\">\(e(l.noFindings))</p>\n"
        } else {
            html += "<table class=\"data\">\n<thead><tr><th class=\"num\">\(e(l.reach))</th><th>\(e(l.question))</th><th>\(e(l.weakAnswers))</th><th>\(e(l.libraries))</th></tr></thead>\n<tbody>\n"
            for finding in view.questionFindings {
                html += "<tr><td class=\"num\"><strong>\(e(l.reach(finding.reach, of: view.libraryCount)))</strong></td>"
                html += "<td>\(e(context.questionText(finding.questionID)))<br><span class=\"small muted\">\(e(context.dimensionTitle(finding.dimensionID)))</span></td>"
                html += "<td>\(e(context.weakAnswersText(finding)))</td>"
                html += "<td class=\"small\">\(e(names(finding.libraryIDs).joined(separator: "; ")))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += "<h3>\(e(l.sharedRecommendationsHeading))</h3>\n"
        if view.recommendationFindings.isEmpty {
            html += "<p class=\"muted\">\(e(l.noFindings))</p>\n"
        } else {
            html += "<table class=\"data\">\n<thead><tr><th class=\"num\">\(e(l.reach))</th><th>\(e(l.recommendation))</th><th>\(e(l.libraries))</th></tr></thead>\n<tbody>\n"
            for finding in view.recommendationFindings {
                html += "<tr><td class=\"num\"><strong>\(e(l.reach(finding.reach, of: view.libraryCount)))</strong></td>"
                html += "<td>\(e(context.recommendationTitle(finding.recommendationID)))<br><span class=\"small muted\">\(e(context.dimensionTitle(finding.dimensionID)))</span></td>"
                html += "<td class=\"small\">\(e(names(finding.libraryIDs).joined(separator: "; ")))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</section>\n"
    }

    private static func tandems(_ view: ProgrammeView, _ context: ReportContext) -> String {
        let l = context.labels
        var html = "<section class=\"tandems keep\">\n<h2>\(e(l.tandemsHeading))</h2>\n"
        html += "<p class=\"muted\">\(e(l.tandemRule(maxMentees: view.maxMenteesPerMentor)))</p>\n"
        if view.tandems.isEmpty {
            html += "<p class=\"muted\">\(e(l.noTandems))</p>\n"
        } else {
            html += "<table class=\"data\">\n<thead><tr><th>\(e(l.mentor))</th><th>\(e(l.mentee))</th><th>\(e(l.dimension))</th></tr></thead>\n<tbody>\n"
            for tandem in view.tandems {
                html += "<tr><td>\(e(tandem.mentor.name))</td><td>\(e(tandem.mentee.name))</td><td>"
                html += tandem.dimensions.map { dimension in
                    "\(e(context.dimensionTitle(dimension.dimensionID))) <span class=\"badge level-\(dimension.mentorLevel)\">\(dimension.mentorLevel)</span> → <span class=\"badge level-\(dimension.menteeLevel)\">\(dimension.menteeLevel)</span>"
                }.joined(separator: "<br>")
                html += "</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if !view.unmatchedNeeds.isEmpty {
            html += "<h3>\(e(l.unmatchedHeading))</h3>\n<ul>\n"
            for need in view.unmatchedNeeds {
                html += "<li>\(e(need.library.name)): \(e(context.dimensionTitle(need.dimensionID))) <span class=\"badge level-\(need.level)\">\(need.level)</span></li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private static let css = """
        table.heatmap td.level-cell, table.heatmap th.level-cell { text-align: center; }
        table.heatmap td.level-cell { border: 2px solid #ffffff; min-width: 5.5rem; }
        table.heatmap td.level-cell strong { font-size: 1.05rem; margin-right: .35rem; }
        table.heatmap td.level-cell .score { font-size: .8rem; opacity: .9; }
        table.heatmap td.overall { border-left: 4px solid #ffffff; }
        .legend .badge { margin: .15rem .2rem .15rem 0; }
        table.progress-table td.change svg { display: inline-block; vertical-align: middle; }
        table.progress-table td.change .delta { display: block; font-size: .8rem; white-space: nowrap; }
        table.progress-table td.up .delta { color: var(--ok); font-weight: 600; }
        table.progress-table td.down .delta { color: var(--open); font-weight: 600; }
        table.transition { border-collapse: collapse; font-size: .85rem; }
        table.transition caption { font-weight: 600; text-align: left; padding-bottom: .2rem; }
        table.transition th, table.transition td { border: 1px solid var(--line); width: 2.1rem; height: 1.7rem; text-align: center; }
        table.transition thead th, table.transition tbody th { background: var(--head); }
        table.transition th.corner { white-space: nowrap; font-weight: 400; color: var(--muted); }
        table.transition td.same { background: #eef0f3; }
        table.transition td.up:not(.zero) { background: #dcefe2; color: var(--ok); font-weight: 600; }
        table.transition td.down:not(.zero) { background: #f8e1dc; color: var(--open); font-weight: 600; }

        """
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
