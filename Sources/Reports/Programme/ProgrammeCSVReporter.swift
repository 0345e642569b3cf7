import RubricModel
import Scoring

/// The programme comparison as one clean CSV table per call (RFC 4180), for spreadsheets.
///
/// - `standard`: `,` between fields, decimal point, CRLF line ends, UTF-8 without BOM.
/// - `excel-de`: `;` between fields, decimal comma, CRLF line ends, UTF-8 with BOM, so German Excel and
///   LibreOffice open it with umlauts and numbers intact.
///
/// Fields containing the delimiter, `"`, CR or LF are quoted, with `"` doubled. Text that a spreadsheet would take
/// for a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, so a library name can never run
/// as a formula. Dates are ISO 8601 (`2026-02-16`), which both dialects read as dates; yes/no fields are
/// `ja`/`nein` or `yes`/`no` by report language; empty fields mean "not applicable".
public enum ProgrammeCSVReporter {
    public enum Dialect: String, Sendable, CaseIterable {
        case standard
        case excelDE = "excel-de"

        public var delimiter: String { self == .standard ? "," : ";" }
        public var decimalLanguage: String { self == .standard ? "en" : "de" }
        public var byteOrderMark: String { self == .standard ? "" : "\u{FEFF}" }
    }

    /// Which table to write.
    public enum Table: String, Sendable, CaseIterable {
        /// One row per library: levels, scores and marks per dimension, overall.
        case matrix
        /// One row per dimension (and overall): libraries per level, median, range, quartiles.
        case distribution
        /// One row per library with two rounds: levels before and after per dimension.
        case progress
        /// One row per level move, one count column per dimension.
        case transitions
        /// One row per shared weak question or recommendation.
        case findings
        /// One row per mentor–mentee pair and dimension, then the needs without a mentor.
        case tandems
    }

    public static func render(
        _ view: ProgrammeView, context: ReportContext, dialect: Dialect = .standard, table: Table = .matrix
    ) -> String {
        let rows: [[Field]]
        switch table {
        case .matrix: rows = matrix(view, context)
        case .distribution: rows = distribution(view, context)
        case .progress: rows = progress(view, context)
        case .transitions: rows = transitions(view, context)
        case .findings: rows = findings(view, context)
        case .tandems: rows = tandems(view, context)
        }
        return dialect.byteOrderMark
            + rows.map { row in row.map { encode($0, dialect) }.joined(separator: dialect.delimiter) + "\r\n" }.joined()
    }

    // MARK: - Fields

    /// One cell: text is protected against formula injection; numbers are written in the dialect's notation.
    public enum Field: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case decimal(Double)
        case empty
    }

    /// The field as it appears in the file (quoted when needed).
    public static func encode(_ field: Field, _ dialect: Dialect) -> String {
        switch field {
        case .empty: return ""
        case .integer(let value): return String(value)
        case .decimal(let value):
            var text = Format.number(value, decimals: 2, fixed: false, language: dialect.decimalLanguage)
            if text.hasPrefix("−") { text = "-" + text.dropFirst() }
            return quoteIfNeeded(text, dialect)
        case .text(var text):
            if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
            return quoteIfNeeded(text, dialect)
        }
    }

    static func quoteIfNeeded(_ text: String, _ dialect: Dialect) -> String {
        let needsQuotes = text.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "\r" || scalar == "\n" || String(scalar) == dialect.delimiter
        }
        guard needsQuotes else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    // MARK: - Tables

    private static func yesNo(_ flag: Bool, _ context: ReportContext) -> Field { .text(flag ? context.labels.yes : context.labels.no) }

    private static func matrix(_ view: ProgrammeView, _ context: ReportContext) -> [[Field]] {
        let l = context.labels
        var header: [String] = [l.id, l.library, l.round, l.date, l.respondents]
        for id in view.dimensionIDs {
            let title = context.dimensionTitle(id)
            header += [
                "\(title): \(l.level)", "\(title): \(l.score)", "\(title): \(l.coverage) %", "\(title): \(l.provisional)",
                "\(title): \(l.borderline)",
            ]
        }
        header += ["\(l.overall): \(l.level)", "\(l.overall): \(l.provisional)", l.pick("Rubrik-Version des Fragebogens", "Questionnaire rubric version")]
        var rows: [[Field]] = [header.map(Field.text)]
        for row in view.rows {
            var fields: [Field] = [
                .text(row.libraryID), .text(row.name), .integer(row.round), row.date.map { .text($0.description) } ?? .empty,
                .integer(row.respondentCount),
            ]
            for id in view.dimensionIDs {
                guard let cell = row.cell(id) else {
                    fields += [.empty, .empty, .empty, .empty, .empty]
                    continue
                }
                fields += [
                    .integer(cell.level), .decimal(cell.score), .integer(Int(cell.coverage.rounded())),
                    yesNo(cell.provisional, context), cell.borderline.map { .text(l.borderlineKind($0)) } ?? .empty,
                ]
            }
            fields += [.integer(row.overallLevel), yesNo(row.overallProvisional, context), .text(row.writtenForVersions.joined(separator: " "))]
            rows.append(fields)
        }
        return rows
    }

    private static func distribution(_ view: ProgrammeView, _ context: ReportContext) -> [[Field]] {
        let l = context.labels
        let header = [l.dimension] + (1...5).map { "\(l.level) \($0)" } + [
            l.median, l.pick("niedrigste Stufe", "Lowest level"), l.pick("höchste Stufe", "Highest level"), l.scoreMedian,
            l.pick("Punktwert min", "Score min"), l.pick("Punktwert max", "Score max"), l.pick("Punktwert Q1", "Score Q1"),
            l.pick("Punktwert Q3", "Score Q3"), l.pick("Punktwert IQR", "Score IQR"),
        ]
        var rows: [[Field]] = [header.map(Field.text)]
        for distribution in view.distributions {
            var fields: [Field] = [.text(context.distributionTitle(distribution))]
            fields += distribution.levelCounts.map(Field.integer)
            fields.append(distribution.medianLevel.map(Field.decimal) ?? .empty)
            fields.append(distribution.minLevel.map(Field.integer) ?? .empty)
            fields.append(distribution.maxLevel.map(Field.integer) ?? .empty)
            if let scores = distribution.scores {
                fields += [scores.median, scores.min, scores.max, scores.lowerQuartile, scores.upperQuartile, scores.interquartileRange].map(Field.decimal)
            } else {
                fields += Array(repeating: .empty, count: 6)
            }
            rows.append(fields)
        }
        return rows
    }

    private static func progress(_ view: ProgrammeView, _ context: ReportContext) -> [[Field]] {
        let l = context.labels
        var header = [l.id, l.library, l.pick("Runde vorher", "Round before"), l.pick("Runde jetzt", "Round now")]
        for title in view.dimensionIDs.map(context.dimensionTitle) + [l.overall] {
            header += ["\(title): \(l.pick("Stufe vorher", "level before"))", "\(title): \(l.pick("Stufe jetzt", "level now"))", "\(title): \(l.levelChange)"]
        }
        var rows: [[Field]] = [header.map(Field.text)]
        for progress in view.progress {
            var fields: [Field] = [.text(progress.library.id), .text(progress.library.name), .integer(progress.fromRound), .integer(progress.toRound)]
            for change in progress.changes + [progress.overall] {
                fields += [.integer(change.fromLevel), .integer(change.toLevel), .text(l.direction(change.direction))]
            }
            rows.append(fields)
        }
        return rows
    }

    private static func transitions(_ view: ProgrammeView, _ context: ReportContext) -> [[Field]] {
        let l = context.labels
        var rows: [[Field]] = [([l.pick("von Stufe", "From level"), l.pick("nach Stufe", "To level")] + view.transitions.map(context.transitionTitle)).map(Field.text)]
        for move in context.transitionMoves(view) {
            rows.append([.integer(move.from), .integer(move.to)] + view.transitions.map { .integer($0.count(from: move.from, to: move.to)) })
        }
        return rows
    }

    private static func findings(_ view: ProgrammeView, _ context: ReportContext) -> [[Field]] {
        let l = context.labels
        let header = [
            l.pick("Art", "Kind"), l.id, l.pick("Text", "Text"), l.dimension, l.reach, l.pick("Bibliotheken gesamt", "Libraries in total"),
            l.weakAnswers, l.libraries + " (" + l.id + ")",
        ]
        var rows: [[Field]] = [header.map(Field.text)]
        for finding in view.questionFindings {
            rows.append([
                .text(l.question), .text(finding.questionID), .text(context.questionText(finding.questionID)),
                .text(context.dimensionTitle(finding.dimensionID)), .integer(finding.reach), .integer(view.libraryCount),
                .text(context.weakAnswersText(finding)), .text(finding.libraryIDs.joined(separator: " ")),
            ])
        }
        for finding in view.recommendationFindings {
            rows.append([
                .text(l.recommendation), .text(finding.recommendationID), .text(context.recommendationTitle(finding.recommendationID)),
                .text(context.dimensionTitle(finding.dimensionID)), .integer(finding.reach), .integer(view.libraryCount), .empty,
                .text(finding.libraryIDs.joined(separator: " ")),
            ])
        }
        return rows
    }

    private static func tandems(_ view: ProgrammeView, _ context: ReportContext) -> [[Field]] {
        let l = context.labels
        let header = [
            "\(l.mentor): \(l.id)", l.mentor, "\(l.mentee): \(l.id)", l.mentee, l.dimension, "\(l.mentor): \(l.level)",
            "\(l.mentee): \(l.level)", l.sizeDistance,
        ]
        var rows: [[Field]] = [header.map(Field.text)]
        for tandem in view.tandems {
            for dimension in tandem.dimensions {
                rows.append([
                    .text(tandem.mentor.id), .text(tandem.mentor.name), .text(tandem.mentee.id), .text(tandem.mentee.name),
                    .text(context.dimensionTitle(dimension.dimensionID)), .integer(dimension.mentorLevel),
                    .integer(dimension.menteeLevel), tandem.sizeDistance.map(Field.decimal) ?? .empty,
                ])
            }
        }
        for need in view.unmatchedNeeds {
            rows.append([
                .empty, .empty, .text(need.library.id), .text(need.library.name), .text(context.dimensionTitle(need.dimensionID)),
                .empty, .integer(need.level), .empty,
            ])
        }
        return rows
    }
}
