import Diagnostics
import Foundation
import RubricModel
import Scoring
import Testing

/// One broken rubric per error kind (built by editing the mini fixture): exactly the expected diagnostic at the
/// marked line and column. Includes the checks that need the engine (unreachable levels, untriggerable
/// recommendations), which `assess rubric check` runs after loading.
@Suite struct RubricValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var replace: String
        /// The replacement, with `↓` where the diagnostic must land.
        var with: String
        var code: String
        var message: String
        var hint: String? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "misspelt field", file: "alpha.yaml", replace: "    weight: 2\n", with: "    ↓wieght: 2\n",
            code: "unknown-field", message: "unknown field 'wieght' in a question", hint: "did you mean 'weight'?"),
        Case(
            name: "missing translation", file: "alpha.yaml", replace: "    text: {de: Frage zwei, en: Question two}",
            with: "    text: ↓{de: Frage zwei}", code: "missing-translation", message: "text has no 'en' text"),
        Case(
            name: "duplicate question id", file: "alpha.yaml", replace: "  - id: q3\n", with: "  - ↓id: q2\n",
            code: "duplicate-id", message: "question id 'q2' is used twice"),
        Case(
            name: "gate refers to an unknown question", file: "alpha.yaml",
            replace: "require: {question: q1, points_at_least: 2}", with: "require: {question: ↓q11, points_at_least: 2}",
            code: "unknown-question", message: "gate 'q1-some' refers to unknown question 'q11'", hint: "did you mean 'q1'?"),
        Case(
            name: "trigger names an unknown option", file: "beta.yaml", replace: "when: {question: b1, is: low}",
            with: "when: {question: ↓b1, is: lwo}", code: "unknown-option",
            message: "recommendation 'strategy-later': question 'b1' has no option 'lwo'", hint: "did you mean 'low'?"),
        Case(
            name: "option points out of range", file: "alpha.yaml",
            replace: "{id: full, label: {de: alles, en: everything}, points: 4}",
            with: "{id: full, label: {de: alles, en: everything}, points: ↓5}", code: "points-out-of-range",
            message: "points must be a whole number from 0 to 4, found 5", hint: "every answer scores 0 (worst) to 4 (best)"),
        Case(
            name: "bands leave a gap", file: "alpha.yaml", replace: "      - {from: 3, points: 4}",
            with: "      - ↓{from: 4, points: 4}", code: "band-gap", message: "question 'q3': no band covers 3 up to 4",
            hint: "let this band start at 'from: 3'"),
        Case(
            name: "bands overlap", file: "alpha.yaml", replace: "      - {from: 1, to: 3, points: 2}",
            with: "      - ↓{from: 0.5, to: 3, points: 2}", code: "band-overlap",
            message: "question 'q3': this band starts at 0.5, inside the previous band (which ends at 1)",
            hint: "let this band start at 'from: 1'"),
        Case(
            name: "thresholds not increasing", file: "beta.yaml", replace: "thresholds: {2: 25, 3: 50, 4: 70, 5: 90}",
            with: "thresholds: {2: 25, 3: ↓20, 4: 70, 5: 90}", code: "thresholds-not-increasing",
            message: "the threshold of level 3 (20) must be higher than that of level 2 (25)"),
        Case(
            name: "level no answers can reach", file: "alpha.yaml",
            replace: "gates:\n", with: "gates:\n  - {id: never, level: 5, label: {de: Nie, en: Never}, require: {question: q4, is: no}}\n",
            code: "unreachable-level", message: "level 5 of dimension 'alpha' is reached by none of", hint: "check the thresholds and the gates of 'alpha'"),
        Case(
            name: "recommendation no answers can trigger", file: "alpha.yaml",
            replace: "    when: {question: q1, points_at_most: 2}",
            with: "    when: {all: [{question: q1, is: none}, {question: q1, is: full}]}", code: "untriggerable-recommendation",
            message: "recommendation 'raise-q1' fires for none of", hint: "check its 'when' condition for contradictions"),
        Case(
            name: "prerequisite cycle", file: "alpha.yaml", replace: "    impact: high\n  - id: unblock",
            with: "    impact: high\n    requires: {recommendations: [follow-up]}\n  - id: unblock", code: "prerequisite-cycle",
            message: "recommendations require each other in a cycle: raise-q1 → follow-up → raise-q1",
            hint: "remove one of the 'requires' entries"),
        Case(
            name: "gate depends on a level", file: "alpha.yaml", replace: "require: {question: q1, points_at_least: 2}",
            with: "require: {dimension: ↓beta, level_at_least: 2}", code: "invalid-condition",
            message: "gate 'q1-some' cannot depend on a dimension's level or score (those are computed after it)"),
        Case(
            name: "unknown language", file: "beta.yaml", replace: "title: {de: Beta, en: Beta}",
            with: "title: {de: Beta, en: Beta, ↓fr: Bêta}", code: "unknown-language",
            message: "'fr' is not one of the rubric's languages (de, en)"),
    ]

    static let source = URL(fileURLWithPath: Fixtures.path("Tests/Fixtures/rubrics/mini"))

    @Test(arguments: cases) func brokenRubric(_ testCase: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rubric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var marked: MarkedLine?
        for name in ["model.yaml", "alpha.yaml", "beta.yaml"] {
            var text = try String(contentsOf: Self.source.appendingPathComponent(name), encoding: .utf8)
            if name == testCase.file {
                try #require(text.contains(testCase.replace), "fixture lacks '\(testCase.replace)'")
                text = text.replacingOccurrences(of: testCase.replace, with: testCase.with)
                marked = MarkedLine(text)
                text = marked!.text
            }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let loaded = RubricLoader.load(directory: folder.path)
        var diagnostics = loaded.diagnostics
        if let rubric = loaded.rubric {
            var analysis = RubricAnalysis(rubric: rubric)
            analysis.samples = 300
            diagnostics += analysis.run().diagnostics
        }
        let rendered = DiagnosticRenderer().render(diagnostics)
        try #require(diagnostics.count == 1, "expected one diagnostic:\n\(rendered)")
        let diagnostic = diagnostics[0]
        #expect(diagnostic.code == testCase.code, "\(rendered)")
        #expect(diagnostic.message.hasPrefix(testCase.message), "\(rendered)")
        if let hint = testCase.hint { #expect(diagnostic.hint == hint) }
        let expectedFile = folder.appendingPathComponent(testCase.file).path
        #expect(diagnostic.location?.file == expectedFile)
        if let marked, marked.line > 0 {
            #expect(diagnostic.location?.line == marked.line, "\(rendered)")
            #expect(diagnostic.location?.column == marked.column, "\(rendered)")
        }
    }

    @Test func miniRubricPassesTheAnalysis() {
        #expect(RubricAnalysis(rubric: Fixtures.mini).run().diagnostics.isEmpty)
    }

    @Test func shippedRubricHasNoDiagnostics() {
        let loaded = RubricLoader.load(directory: Fixtures.path("rubrics"))
        #expect(loaded.diagnostics.isEmpty)
    }
}

/// The position of a `↓` marker in a text, and the text without it.
struct MarkedLine {
    var text = ""
    var line = 0
    var column = 0
    init(_ marked: String) {
        var currentLine = 1, currentColumn = 1
        for scalar in marked.unicodeScalars {
            if scalar == "↓" {
                (line, column) = (currentLine, currentColumn)
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" { currentLine += 1; currentColumn = 1 } else { currentColumn += 1 }
        }
    }
}
