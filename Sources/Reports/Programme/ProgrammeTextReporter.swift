import Foundation
import RubricModel
import Scoring

/// The programme comparison for the terminal: aligned tables, ANSI colour only when `context.useColor`.
public enum ProgrammeTextReporter {
    public static func render(_ view: ProgrammeView, context: ReportContext) -> String {
        let sections: [@Sendable (inout Writer) -> Void] = [
            { $0.header(view) }, { $0.notices(view) }, { $0.matrix(view) }, { $0.distribution(view) },
            { $0.progress(view) }, { $0.findings(view) }, { $0.tandems(view) },
        ]
        let footer = ["", context.labels.generatedBy(context.toolVersion)]
        guard context.threads > 1 else {
            var writer = Writer(context: context)
            for section in sections { section(&writer) }
            return (writer.lines + footer).joined(separator: "\n") + "\n"
        }
        // Each section into its own text, on two threads that take the sections largest first (over 100,000 files:
        // matrix 220-290 ms, progress 190-290, findings 120-220, tandems 75-105, the rest a few), so that neither
        // waits long for the other whichever section runs slow; each joins its sections' lines on its own (joining
        // 22 MB of lines took a serial 60 ms), and the texts are concatenated in section order.
        let largest = [2, 4, 5, 6]  // matrix, progress, findings, tandems
        let texts = SectionTexts(count: sections.count, order: largest + sections.indices.filter { !largest.contains($0) })
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while let section = texts.next() {
                var writer = Writer(context: context)
                sections[section](&writer)
                // A section's text ends with the line break to the next (an empty last line, rather than appending
                // to the joined text, which would copy it); empty sections add nothing.
                guard !writer.lines.isEmpty else { continue }
                writer.lines.append("")
                texts.set(section, writer.lines.joined(separator: "\n"))
            }
        }
        var text = texts.take()  // with room for the footer
        text += footer.joined(separator: "\n") + "\n"
        return text
    }

    /// The text of each section, written from two threads, each section by one.
    private final class SectionTexts: @unchecked Sendable {
        private var parts: [String]
        /// Sections not yet taken, in the order to take them.
        private var waiting: [Int]
        private let lock = NSLock()
        init(count: Int, order: [Int]) {
            parts = Array(repeating: "", count: count)
            waiting = Array(order.reversed())
        }
        /// The next section to write, or nil when all are taken.
        func next() -> Int? { lock.withLock { waiting.popLast() } }
        func set(_ section: Int, _ text: String) { lock.withLock { parts[section] = text } }
        /// All sections in order, as one text.
        func take() -> String {
            lock.withLock {
                var text = ""
                text.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count } + 256)
                for part in parts { text += part }
                parts = []
                return text
            }
        }
    }

    private struct Writer {
        let context: ReportContext
        var lines: [String] = []
        var l: Labels { context.labels }

        init(context: ReportContext) { self.context = context }

        // MARK: - Colour

        func paint(_ text: String, _ code: String) -> String {
            context.useColor ? Self.painted(text, code) : text
        }

        /// What tables paint their cells with: nil without colour.
        var painter: ((String, String) -> String)? {
            guard context.useColor else { return nil }
            return { text, code in Self.painted(text, code) }
        }

        static func painted(_ text: String, _ code: String) -> String { "\u{1B}[\(code)m\(text)\u{1B}[0m" }

        func levelColor(_ level: Int) -> String {
            switch level {
            case ...1: "31"
            case 2: "33"
            case 3: "0"
            default: "32"
            }
        }

        mutating func heading(_ text: String) {
            lines.append("")
            lines.append(paint(text, "1"))
            lines.append(String(repeating: "─", count: text.count))
        }

        // MARK: - Sections

        mutating func header(_ view: ProgrammeView) {
            let title = "\(l.programmeTitle) – \(context.rubric.title.text(context.language)) \(view.rubricVersion)"
            lines.append(paint(title, "1"))
            var facts = [l.roundSelection(view.round), l.libraryCount(view.libraryCount), l.sortedBy(context.sortColumnName(view.sort))]
            if view.anonymized { facts.append(l.anonymizedNote) }
            lines.append(facts.joined(separator: " · "))
        }

        mutating func notices(_ view: ProgrammeView) {
            guard !view.leftOut.isEmpty || !view.versionMismatches.isEmpty || !view.missingRound.isEmpty else { return }
            heading(l.noticesHeading)
            if !view.leftOut.isEmpty {
                lines.append(paint("! " + l.leftOut(count: view.leftOut.count), "31"))
                for file in view.leftOut { lines.append("  - " + context.leftOutLine(file)) }
            }
            for mismatch in view.versionMismatches {
                lines.append(paint("! " + context.versionWarning(mismatch), "33"))
            }
            if let first = view.versionMismatches.first { lines.append("  " + l.versionHint(scoredWith: first.scoredWith)) }
            if !view.missingRound.isEmpty {
                lines.append("- " + l.missingRound(view.missingRound.map(\.name), round: view.round))
            }
        }

        mutating func matrix(_ view: ProgrammeView) {
            heading(l.matrixHeading)
            var table = TextTable(
                header: [l.library, l.round, l.date] + view.dimensionIDs.map(context.dimensionTitle) + [l.overall],
                rightAligned: Set(1..<(view.dimensionIDs.count + 4)).subtracting([2]))
            for row in view.rows {
                var cells = [
                    Cell(row.name), Cell(String(row.round)),
                    Cell(row.date.map { Format.date($0, language: context.language) } ?? "–"),
                ]
                for id in view.dimensionIDs {
                    guard let cell = row.cell(id) else {
                        cells.append(Cell("–"))
                        continue
                    }
                    let text = "\(context.cellMarks(cell)) (\(context.scoreNumber(cell.score)))"
                    cells.append(Cell(text, color: levelColor(cell.level)))
                }
                cells.append(Cell(context.overallMarks(row), color: levelColor(row.overallLevel)))
                table.rows.append(cells)
            }
            lines += table.render(paint: painter)
            lines.append(l.legendMarks)
        }

        mutating func distribution(_ view: ProgrammeView) {
            heading(l.distributionHeading)
            var table = TextTable(
                header: [l.dimension] + (1...5).map { "\(l.level) \($0)" } + [l.median, l.scoreMedian, l.range, l.interquartile],
                rightAligned: Set(1...9))
            for distribution in view.distributions {
                var cells = [Cell(context.distributionTitle(distribution))]
                cells += distribution.levelCounts.map { Cell(String($0)) }
                cells.append(Cell(context.levelNumber(distribution.medianLevel)))
                if let scores = distribution.scores {
                    cells.append(Cell(context.scoreNumber(scores.median)))
                    cells.append(Cell("\(context.scoreNumber(scores.min))–\(context.scoreNumber(scores.max))"))
                    cells.append(
                        Cell("\(context.scoreNumber(scores.lowerQuartile))–\(context.scoreNumber(scores.upperQuartile))"))
                } else {
                    let range = distribution.minLevel.map { min in "\(min)–\(distribution.maxLevel ?? min)" } ?? "–"
                    cells += [Cell("–"), Cell(range), Cell("–")]
                }
                table.rows.append(cells)
            }
            lines += table.render(paint: painter)
        }

        mutating func progress(_ view: ProgrammeView) {
            heading(l.progressHeading + (context.progressRounds(view).map { " (\($0))" } ?? ""))
            guard !view.progress.isEmpty else {
                lines.append(l.noProgress)
                return
            }
            var table = TextTable(
                header: [l.library, l.round] + view.dimensionIDs.map(context.dimensionTitle) + [l.overall],
                rightAligned: Set(2..<(view.dimensionIDs.count + 3)))
            for progress in view.progress {
                var cells = [Cell(progress.library.name), Cell("\(progress.fromRound) → \(progress.toRound)")]
                for change in progress.changes + [progress.overall] {
                    let color = change.direction == .up ? "32" : (change.direction == .down ? "31" : "0")
                    cells.append(Cell("\(change.fromLevel) → \(change.toLevel) \(context.arrow(change.direction))", color: color))
                }
                table.rows.append(cells)
            }
            lines += table.render(paint: painter)

            heading(l.transitionsHeading)
            var transitions = TextTable(
                header: [l.levelChange] + view.transitions.map(context.transitionTitle),
                rightAligned: Set(1...view.transitions.count))
            for move in context.transitionMoves(view) {
                let direction = Direction(from: move.from, to: move.to)
                transitions.rows.append(
                    [Cell("\(move.from) → \(move.to) \(context.arrow(direction))")]
                        + view.transitions.map { Cell(String($0.count(from: move.from, to: move.to))) })
            }
            for direction in Direction.allCases {
                transitions.rows.append(
                    [Cell(l.direction(direction), color: "1")]
                        + view.transitions.map { table in
                            let count = direction == .up ? table.up : (direction == .down ? table.down : table.same)
                            return Cell(String(count), color: "1")
                        })
            }
            lines += transitions.render(paint: painter)
        }

        mutating func findings(_ view: ProgrammeView) {
            let names = context.libraryNamer(for: view)
            heading(l.findingsHeading)
            lines.append(l.findingsRule(minReach: view.findingsMinReach, total: view.libraryCount))
            lines.append("")
            lines.append(paint(l.weakQuestionsHeading, "1"))
            if view.questionFindings.isEmpty { lines.append("  " + l.noFindings) }
            for finding in view.questionFindings {
                lines.append("  " + context.questionFindingSentence(finding, total: view.libraryCount))
                lines.append("    [\(context.dimensionTitle(finding.dimensionID))] " + names(finding.libraryIDs).joined(separator: "; "))
            }
            lines.append("")
            lines.append(paint(l.sharedRecommendationsHeading, "1"))
            if view.recommendationFindings.isEmpty { lines.append("  " + l.noFindings) }
            for finding in view.recommendationFindings {
                lines.append(
                    "  \(l.reach(finding.reach, of: view.libraryCount)): \(context.recommendationTitle(finding.recommendationID))")
                lines.append("    [\(context.dimensionTitle(finding.dimensionID))] " + names(finding.libraryIDs).joined(separator: "; "))
            }
        }

        mutating func tandems(_ view: ProgrammeView) {
            heading(l.tandemsHeading)
            lines.append(l.tandemRule(maxMentees: view.maxMenteesPerMentor))
            lines.append("")
            if view.tandems.isEmpty { lines.append("  " + l.noTandems) }
            for tandem in view.tandems {
                lines.append(
                    "  \(tandem.mentor.name) → \(tandem.mentee.name): "
                        + tandem.dimensions.map(context.tandemDimensionText).joined(separator: ", "))
            }
            if !view.unmatchedNeeds.isEmpty {
                lines.append("")
                lines.append(paint(l.unmatchedHeading, "1"))
                for need in view.unmatchedNeeds {
                    lines.append("  \(need.library.name): \(context.dimensionTitle(need.dimensionID)) (\(l.level) \(need.level))")
                }
            }
        }
    }
}

// MARK: - Aligned tables

private struct Cell {
    var text: String
    var color: String?
    init(_ text: String, color: String? = nil) {
        self.text = text
        self.color = color
    }
}

/// A plain table with columns padded to their widest cell (counted in characters) and two spaces between.
private struct TextTable {
    var header: [String]
    var rightAligned: Set<Int>
    var rows: [[Cell]] = []

    /// The table's lines; `paint` wraps a padded cell in its colour (nil: no colour at all).
    func render(paint: ((String, String) -> String)?) -> [String] {
        // Characters are counted once per cell: counting is a walk over grapheme clusters, and a large programme's
        // tables have hundreds of thousands of cells.
        let counts = rows.map { row in row.map { Self.characterCount($0.text) } }
        var widths = header.map(\.count)
        for row in counts {
            for (index, count) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], count)
            }
        }
        func pad(_ text: String, _ index: Int, count: Int) -> String {
            let fill = String(repeating: " ", count: max(0, widths[index] - count))
            return rightAligned.contains(index) ? fill + text : text + fill
        }
        func pad(_ text: String, _ index: Int) -> String { pad(text, index, count: text.count) }
        func line(_ cells: [String]) -> String {
            var text = cells.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = [line(header.enumerated().map { paint?(pad($1, $0), "1") ?? pad($1, $0) })]
        out.append(line(widths.map { String(repeating: "─", count: $0) }))
        // The rows are most of a large programme's report: each line is written into one string, and only a cell
        // to be painted is padded on its own first (what `line` of the padded cells gives, without the arrays and
        // the joined copy). Without colour, painting is left out altogether.
        out.reserveCapacity(out.count + rows.count)
        let estimate = widths.reduce(0, +) + 2 * widths.count + 16
        for (row, rowCounts) in zip(rows, counts) {
            var text = ""
            text.reserveCapacity(estimate)
            for index in row.indices {
                if index > 0 { text += "  " }
                let cell = row[index]
                if let paint, let color = cell.color, color != "0" {
                    text += paint(pad(cell.text, index, count: rowCounts[index]), color)
                    continue
                }
                let fill = max(0, widths[index] - rowCounts[index])
                let right = rightAligned.contains(index)
                if right { Self.appendSpaces(fill, to: &text) }
                text += cell.text
                if !right { Self.appendSpaces(fill, to: &text) }
            }
            while text.utf8.last == 0x20, text.last == " " { text.removeLast() }
            out.append(text)
        }
        return out
    }

    private static let spaces = String(repeating: " ", count: 64)

    private static func appendSpaces(_ count: Int, to text: inout String) {
        var left = count
        while left > 0 {
            let chunk = min(left, 64)
            text += spaces.prefix(chunk)
            left -= chunk
        }
    }

    /// `text.count`, without the grapheme walk for ASCII text (where every byte is one character, except CR LF).
    static func characterCount(_ text: String) -> Int {
        var utf8 = text
        let ascii = utf8.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        return ascii ? text.utf8.count : text.count
    }
}
