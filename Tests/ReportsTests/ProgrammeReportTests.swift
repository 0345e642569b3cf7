import Foundation
import Reports
import RubricModel
import Scoring
import Testing

@Suite("Programme reports: golden files")
struct ProgrammeGoldenTests {
    /// The namer indexes the rows once for many ids; it names as a lookup per id does, unknown ids as themselves.
    @Test func libraryNamerNamesAsTheRowsDo() throws {
        let (view, rubric) = try ProgrammeReportFixture.view()
        let context = ProgrammeReportFixture.context(rubric)
        let known = view.rows.map(\.libraryID)
        let many = known + ["nobody"] + known.reversed() + ["x", "y"]
        let names = context.libraryNamer(for: view)
        #expect(names(many) == many.map { id in view.row(id)?.name ?? id })
        #expect(names(Array(known.prefix(2))) == known.prefix(2).map { id in view.row(id)?.name ?? id })
        #expect(names(many).count > 8 && names(many).contains("nobody"))
    }

    /// With two threads the text report's sections are written side by side; the text is the same, colour too.
    @Test(arguments: [true, false])
    func textWithTwoThreadsIsTheSame(withLeftOut: Bool) throws {
        var (view, rubric) = try ProgrammeReportFixture.view(leftOut: withLeftOut ? [ProgrammeReportFixture.brokenFile] : [])
        if !withLeftOut {
            // Nothing to notice: that section is empty, and must add no line of its own.
            view.versionMismatches = []
            view.missingRound = []
        }
        for color in [false, true] {
            let one = ProgrammeReportFixture.context(rubric, color: color)
            var two = one
            two.threads = 2
            let text = ProgrammeTextReporter.render(view, context: two)
            #expect(text == ProgrammeTextReporter.render(view, context: one))
            #expect(text.contains("\n") && text.hasSuffix("\n"))
        }
    }

    @Test func text() throws {
        let (view, rubric) = try ProgrammeReportFixture.view(leftOut: [ProgrammeReportFixture.brokenFile])
        ProgrammeGolden.check(ProgrammeTextReporter.render(view, context: ProgrammeReportFixture.context(rubric)), named: "compare.txt")
    }

    @Test func textInEnglishSortedByOverall() throws {
        let (view, rubric) = try ProgrammeReportFixture.view(ProgrammeOptions(sort: MatrixSort(column: .overall, descending: true)))
        ProgrammeGolden.check(
            ProgrammeTextReporter.render(view, context: ProgrammeReportFixture.context(rubric, language: "en")), named: "compare-en.txt")
    }

    @Test func markdown() throws {
        let (view, rubric) = try ProgrammeReportFixture.view(leftOut: [ProgrammeReportFixture.brokenFile])
        ProgrammeGolden.check(
            ProgrammeMarkdownReporter.render(view, context: ProgrammeReportFixture.context(rubric, language: "en")), named: "compare.md")
    }

    @Test func markdownAnonymisedRoundOne() throws {
        let (view, rubric) = try ProgrammeReportFixture.view(ProgrammeOptions(round: .number(1), anonymize: true))
        ProgrammeGolden.check(
            ProgrammeMarkdownReporter.render(view, context: ProgrammeReportFixture.context(rubric)), named: "compare-anonymized-round1.md")
    }

    @Test func csvStandard() throws {
        let (view, rubric) = try ProgrammeReportFixture.view()
        ProgrammeGolden.check(
            ProgrammeCSVReporter.render(view, context: ProgrammeReportFixture.context(rubric, language: "en")), named: "compare-matrix.csv")
    }

    @Test func csvExcelDE() throws {
        let (view, rubric) = try ProgrammeReportFixture.view()
        ProgrammeGolden.check(
            ProgrammeCSVReporter.render(view, context: ProgrammeReportFixture.context(rubric), dialect: .excelDE),
            named: "compare-matrix-excel-de.csv")
    }

    @Test(arguments: [ProgrammeCSVReporter.Table.distribution, .progress, .transitions, .findings, .tandems])
    func csvTables(table: ProgrammeCSVReporter.Table) throws {
        let (view, rubric) = try ProgrammeReportFixture.view()
        ProgrammeGolden.check(
            ProgrammeCSVReporter.render(view, context: ProgrammeReportFixture.context(rubric, language: "en"), table: table),
            named: "compare-\(table.rawValue).csv")
    }

    @Test func json() throws {
        let (view, rubric) = try ProgrammeReportFixture.view(leftOut: [ProgrammeReportFixture.brokenFile])
        ProgrammeGolden.check(ProgrammeJSONReporter.render(view, context: ProgrammeReportFixture.context(rubric, language: "en")), named: "compare.json")
    }

    @Test func html() throws {
        let (view, rubric) = try ProgrammeReportFixture.view(leftOut: [ProgrammeReportFixture.brokenFile])
        ProgrammeGolden.check(ProgrammeHTMLReporter.render(view, context: ProgrammeReportFixture.context(rubric)), named: "compare.html")
    }
}

@Suite("Programme reports: CSV")
struct ProgrammeCSVTests {
    @Test(
        "fields are quoted only when needed",
        arguments: [
            ("plain", ",", "plain"), ("a,b", ",", "\"a,b\""), ("a;b", ",", "a;b"), ("a;b", ";", "\"a;b\""),
            ("Bücherei \"Am Markt\"", ",", "\"Bücherei \"\"Am Markt\"\"\""), ("Zeile 1\nZeile 2", ",", "\"Zeile 1\nZeile 2\""),
            ("a\r\nb", ";", "\"a\r\nb\""), ("Öffentliche Bücherei Süd", ";", "Öffentliche Bücherei Süd"),
        ])
    func quoting(text: String, delimiter: String, expected: String) {
        let dialect: ProgrammeCSVReporter.Dialect = delimiter == "," ? .standard : .excelDE
        #expect(ProgrammeCSVReporter.encode(.text(text), dialect) == expected)
    }

    @Test func formulasAreDefused() {
        #expect(ProgrammeCSVReporter.encode(.text("=HYPERLINK(\"x\")"), .standard) == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ProgrammeCSVReporter.encode(.text("+49 30"), .excelDE) == "'+49 30")
        #expect(ProgrammeCSVReporter.encode(.text("@home"), .standard) == "'@home")
        #expect(ProgrammeCSVReporter.encode(.integer(-3), .standard) == "-3")
    }

    @Test func numbersFollowTheDialect() {
        #expect(ProgrammeCSVReporter.encode(.decimal(83.3), .standard) == "83.3")
        #expect(ProgrammeCSVReporter.encode(.decimal(83.3), .excelDE) == "83,3")
        #expect(ProgrammeCSVReporter.encode(.decimal(2.5), .standard) == "2.5")
        #expect(ProgrammeCSVReporter.encode(.decimal(100), .excelDE) == "100")
        #expect(ProgrammeCSVReporter.encode(.decimal(-0.25), .excelDE) == "\"-0,25\"" || ProgrammeCSVReporter.encode(.decimal(-0.25), .excelDE) == "-0,25")
    }

    /// Libraries with awkward names, scored from sampled answers, survive a CSV round trip in both dialects.
    @Test(arguments: ProgrammeCSVReporter.Dialect.allCases)
    func awkwardNamesRoundTrip(dialect: ProgrammeCSVReporter.Dialect) throws {
        let rubric = try ProgrammeReportFixture.rubric()
        let names = [
            "Bücherei \"Am Markt\"; Süd", "Stadtbibliothek Grün, Weiß & Co.", "Zweigstelle\nNord", "=SUMME(A1:A9)",
            "Gemeindebücherei Öhringen-Ost",
        ]
        let sampler = AnswerSampler(rubric: rubric)
        var generator = SeededGenerator(seed: 11)
        let engine = ScoringEngine(rubric: rubric)
        let assessments = names.enumerated().map { index, name in
            var questionnaire = sampler.random(using: &generator, bias: Double(index) / 4)
            questionnaire.library = LibraryInfo(id: "lib-\(index)", name: name)
            questionnaire.file = "lib-\(index).yaml"
            return engine.assess([questionnaire])
        }
        let view = ProgrammeView(assessments: assessments, rubric: rubric, options: ProgrammeOptions(sort: MatrixSort(column: .id)))
        let csv = ProgrammeCSVReporter.render(view, context: ProgrammeReportFixture.context(rubric), dialect: dialect)
        #expect(csv.hasPrefix("\u{FEFF}") == (dialect == .excelDE))
        // Every record ends in CRLF; the only bare LF is inside the quoted name.
        #expect(csv.hasSuffix("\r\n"))
        let bareLineFeeds = csv.unicodeScalars.enumerated().filter { index, scalar in
            scalar == "\n" && (index == 0 || Array(csv.unicodeScalars)[index - 1] != "\r")
        }.count
        #expect(bareLineFeeds == 1)
        let rows = parseCSV(csv, delimiter: Character(dialect.delimiter))
        #expect(rows.count == names.count + 1)
        #expect(Set(rows.map(\.count)).count == 1, "every row has as many fields as the header")
        let parsedNames = rows.dropFirst().map { $0[1] }
        #expect(parsedNames == names.map { $0.hasPrefix("=") ? "'" + $0 : $0 })
        let scoreColumn = 6
        for (row, expected) in zip(rows.dropFirst(), view.rows) {
            let text = row[scoreColumn].replacingOccurrences(of: ",", with: ".")
            #expect(Double(text) == expected.cells[0].score)
        }
    }
}

@Suite("Programme reports: JSON, HTML, text")
struct ProgrammeFormatTests {
    @Test func jsonDecodesAndMatchesTheSchema() throws {
        let (view, rubric) = try ProgrammeReportFixture.view(leftOut: [ProgrammeReportFixture.brokenFile])
        let context = ProgrammeReportFixture.context(rubric, language: "en")
        let text = ProgrammeJSONReporter.render(view, context: context)
        let decoded = try JSONDecoder().decode(ProgrammeJSON.self, from: Data(text.utf8))
        #expect(decoded == ProgrammeJSONReporter.document(view, context: context))
        #expect(decoded.schemaVersion == 1)
        #expect(decoded.libraries.map(\.id) == view.rows.map(\.libraryID))
        #expect(decoded.notices.leftOut.first?.line == 7)

        let schemaURL = ProgrammeReportFixture.repository.appendingPathComponent("docs/compare.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let checker = MiniSchema(root: schema)
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(checker.problems(document) == [])
        // The checker itself notices a missing key, an extra key and a wrong type.
        var broken = try #require(document as? [String: Any])
        broken["schema_version"] = 2
        broken["extra"] = true
        broken.removeValue(forKey: "tandems")
        let problems = checker.problems(broken)
        #expect(problems.contains("$: 'tandems' is missing"))
        #expect(problems.contains("$: unexpected key 'extra'"))
        #expect(problems.contains { $0.hasPrefix("$.schema_version: is not") })
    }

    @Test func anonymisedJSONHasNoNamesOrSizes() throws {
        let (view, rubric) = try ProgrammeReportFixture.view(ProgrammeOptions(anonymize: true), leftOut: [ProgrammeReportFixture.brokenFile])
        let text = ProgrammeJSONReporter.render(view, context: ProgrammeReportFixture.context(rubric))
        for secret in ["Auental", "auental", "Silberhain", "Markt", "Petra", "population", "staff", "size_distance", "kaputt", "160000"] {
            #expect(!text.contains(secret), "'\(secret)' leaks into the anonymised report")
        }
        #expect(text.contains("\"B05\""))
    }

    @Test func htmlIsSelfContainedAndPrintable() throws {
        let (view, rubric) = try ProgrammeReportFixture.view()
        let html = ProgrammeHTMLReporter.render(view, context: ProgrammeReportFixture.context(rubric))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import") && !html.contains("url("))
        // Heatmap cells carry their level's colour; a progress chart per library and dimension (plus overall).
        #expect(html.contains("background:\(levelColor(5))"))
        #expect(html.components(separatedBy: "class=\"progress-chart\"").count - 1 == view.progress.count * 4)
        #expect(html.components(separatedBy: "<table class=\"transition\">").count - 1 == 4)
        #expect(html.contains("Bücherei &quot;Am Markt&quot;; Süd"))
    }

    @Test func textColourOnlyWhenAsked() throws {
        let (view, rubric) = try ProgrammeReportFixture.view()
        let plain = ProgrammeTextReporter.render(view, context: ProgrammeReportFixture.context(rubric))
        let coloured = ProgrammeTextReporter.render(view, context: ProgrammeReportFixture.context(rubric, color: true))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[32m"))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            .split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let plainLines = plain.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(stripped.count == plainLines.count)
        for (a, b) in zip(stripped, plainLines) where a != b { #expect(a == b) }
    }

    @Test(arguments: ["de", "en"])
    func everyFormatIsDeterministic(language: String) throws {
        let first = try ProgrammeReportFixture.view()
        let second = try ProgrammeReportFixture.view()
        let a = ProgrammeReportFixture.context(first.1, language: language), b = ProgrammeReportFixture.context(second.1, language: language)
        #expect(ProgrammeTextReporter.render(first.0, context: a) == ProgrammeTextReporter.render(second.0, context: b))
        #expect(ProgrammeMarkdownReporter.render(first.0, context: a) == ProgrammeMarkdownReporter.render(second.0, context: b))
        #expect(ProgrammeJSONReporter.render(first.0, context: a) == ProgrammeJSONReporter.render(second.0, context: b))
        #expect(ProgrammeHTMLReporter.render(first.0, context: a) == ProgrammeHTMLReporter.render(second.0, context: b))
    }

    @Test func markdownEscapesNames() {
        #expect(ProgrammeMarkdownReporter.escape("A | B *C* [x]\nD") == "A \\| B \\*C\\* \\[x\\] D")
    }
}
