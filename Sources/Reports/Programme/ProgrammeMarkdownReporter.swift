import RubricModel
import Scoring

/// The programme comparison as GitHub-flavoured Markdown: for wikis, e-mails and slide notes.
public enum ProgrammeMarkdownReporter {
    public static func render(_ view: ProgrammeView, context: ReportContext) -> String {
        let l = context.labels
        var out: [String] = []
        func text(_ raw: String) -> String { escape(raw) }
        let names = context.libraryNamer(for: view)
        func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) {
            out.append("| " + header.map(text).joined(separator: " | ") + " |")
            out.append("|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined())
            for row in rows { out.append("| " + row.joined(separator: " | ") + " |") }
            out.append("")
        }

        out.append("# \(text(l.programmeTitle)) – \(text(context.rubric.title.text(context.language))) \(text(view.rubricVersion))")
        out.append("")
        var facts = [l.roundSelection(view.round), l.libraryCount(view.libraryCount), l.sortedBy(context.sortColumnName(view.sort))]
        if view.anonymized { facts.append(l.anonymizedNote) }
        out.append(text(facts.joined(separator: " · ")))
        out.append("")

        if !view.leftOut.isEmpty || !view.versionMismatches.isEmpty || !view.missingRound.isEmpty {
            out.append("## \(text(l.noticesHeading))")
            out.append("")
            if !view.leftOut.isEmpty {
                out.append("> **\(text(l.leftOut(count: view.leftOut.count)))**")
                for file in view.leftOut { out.append("> - \(text(context.leftOutLine(file)))") }
                out.append("")
            }
            for mismatch in view.versionMismatches { out.append("> ⚠ \(text(context.versionWarning(mismatch)))") }
            if let first = view.versionMismatches.first {
                out.append(">")
                out.append("> \(text(l.versionHint(scoredWith: first.scoredWith)))")
                out.append("")
            }
            if !view.missingRound.isEmpty {
                out.append("- \(text(l.missingRound(view.missingRound.map(\.name), round: view.round)))")
                out.append("")
            }
        }

        out.append("## \(text(l.matrixHeading))")
        out.append("")
        table(
            [l.library, l.round, l.date] + view.dimensionIDs.map(context.dimensionTitle) + [l.overall],
            view.rows.map { row in
                [text(row.name), String(row.round), row.date.map { Format.date($0, language: context.language) } ?? "–"]
                    + view.dimensionIDs.map { id in
                        guard let cell = row.cell(id) else { return "–" }
                        return "**\(text(context.cellMarks(cell)))** (\(context.scoreNumber(cell.score)))"
                    } + ["**\(text(context.overallMarks(row)))**"]
            }, right: Set(3..<(view.dimensionIDs.count + 4)))
        out.append(text(l.legendMarks))
        out.append("")

        out.append("## \(text(l.distributionHeading))")
        out.append("")
        table(
            [l.dimension] + (1...5).map { "\(l.level) \($0)" } + [l.median, l.scoreMedian, l.range, l.interquartile],
            view.distributions.map { distribution in
                var cells = [text(context.distributionTitle(distribution))] + distribution.levelCounts.map(String.init)
                cells.append(context.levelNumber(distribution.medianLevel))
                if let scores = distribution.scores {
                    cells += [
                        context.scoreNumber(scores.median), "\(context.scoreNumber(scores.min))–\(context.scoreNumber(scores.max))",
                        "\(context.scoreNumber(scores.lowerQuartile))–\(context.scoreNumber(scores.upperQuartile))",
                    ]
                } else {
                    cells += ["–", distribution.minLevel.map { "\($0)–\(distribution.maxLevel ?? $0)" } ?? "–", "–"]
                }
                return cells
            }, right: Set(1...9))

        out.append("## \(text(l.progressHeading + (context.progressRounds(view).map { " (\($0))" } ?? "")))")
        out.append("")
        if view.progress.isEmpty {
            out.append(text(l.noProgress))
            out.append("")
        } else {
            table(
                [l.library, l.round] + view.dimensionIDs.map(context.dimensionTitle) + [l.overall],
                view.progress.map { progress in
                    [text(progress.library.name), "\(progress.fromRound) → \(progress.toRound)"]
                        + (progress.changes + [progress.overall]).map { change in
                            "\(change.fromLevel) → \(change.toLevel) \(context.arrow(change.direction))"
                        }
                })
            out.append("### \(text(l.transitionsHeading))")
            out.append("")
            var rows = context.transitionMoves(view).map { move in
                ["\(move.from) → \(move.to) \(context.arrow(Direction(from: move.from, to: move.to)))"]
                    + view.transitions.map { String($0.count(from: move.from, to: move.to)) }
            }
            rows += Direction.allCases.map { direction in
                ["**\(text(l.direction(direction)))**"]
                    + view.transitions.map { table in
                        "**\(direction == .up ? table.up : (direction == .down ? table.down : table.same))**"
                    }
            }
            table([l.levelChange] + view.transitions.map(context.transitionTitle), rows, right: Set(1...view.transitions.count))
        }

        out.append("## \(text(l.findingsHeading))")
        out.append("")
        out.append(text(l.findingsRule(minReach: view.findingsMinReach, total: view.libraryCount)))
        out.append("")
        out.append("### \(text(l.weakQuestionsHeading))")
        out.append("")
        if view.questionFindings.isEmpty {
            out.append(text(l.noFindings))
            out.append("")
        } else {
            table(
                [l.reach, l.question, l.weakAnswers, l.dimension, l.libraries],
                view.questionFindings.map { finding in
                    [
                        text(l.reach(finding.reach, of: view.libraryCount)), text(context.questionText(finding.questionID)),
                        text(context.weakAnswersText(finding)), text(context.dimensionTitle(finding.dimensionID)),
                        text(names(finding.libraryIDs).joined(separator: "; ")),
                    ]
                })
        }
        out.append("### \(text(l.sharedRecommendationsHeading))")
        out.append("")
        if view.recommendationFindings.isEmpty {
            out.append(text(l.noFindings))
            out.append("")
        } else {
            table(
                [l.reach, l.recommendation, l.dimension, l.libraries],
                view.recommendationFindings.map { finding in
                    [
                        text(l.reach(finding.reach, of: view.libraryCount)),
                        text(context.recommendationTitle(finding.recommendationID)),
                        text(context.dimensionTitle(finding.dimensionID)),
                        text(names(finding.libraryIDs).joined(separator: "; ")),
                    ]
                })
        }

        out.append("## \(text(l.tandemsHeading))")
        out.append("")
        out.append(text(l.tandemRule(maxMentees: view.maxMenteesPerMentor)))
        out.append("")
        if view.tandems.isEmpty {
            out.append(text(l.noTandems))
            out.append("")
        } else {
            table(
                [l.mentor, l.mentee, l.dimension],
                view.tandems.map { tandem in
                    [
                        text(tandem.mentor.name), text(tandem.mentee.name),
                        text(tandem.dimensions.map(context.tandemDimensionText).joined(separator: ", ")),
                    ]
                })
        }
        if !view.unmatchedNeeds.isEmpty {
            out.append("**\(text(l.unmatchedHeading)):**")
            out.append("")
            for need in view.unmatchedNeeds {
                out.append("- \(text(need.library.name)): \(text(context.dimensionTitle(need.dimensionID))) (\(text(l.level)) \(need.level))")
            }
            out.append("")
        }
        out.append("---")
        out.append("")
        out.append(text(l.generatedBy(context.toolVersion)))
        return out.joined(separator: "\n") + "\n"
    }

    /// Escapes Markdown syntax in plain text so names such as `Bücherei *Nord* | Süd` stay literal in tables.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(character)
            case "\n", "\r", "\r\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
