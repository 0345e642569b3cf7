import Diagnostics
import Foundation
import RubricModel
import Testing

/// One broken questionnaire per error kind: exactly the expected diagnostic, at the marked position.
@Suite struct QuestionnaireValidationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let mini = RubricLoader.load(directory: repository.appendingPathComponent("Tests/Fixtures/rubrics/mini").path).rubric!
    static let shipped = RubricLoader.load(directory: repository.appendingPathComponent("rubrics").path).rubric!

    static func header(version: String = "1.0.0", role: String = "head") -> String {
        """
        format: 1
        rubric: mini
        rubric_version: \(version)
        library: {id: lib, name: Testbibliothek}
        round: 1
        date: 2026-03-10
        respondent: {role: \(role)}

        """
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var code: String
        var message: String
        var hint: String?
        var severity: Diagnostic.Severity = .error
        var shipped = false
        var testDescription: String { name }
    }

    static let answersOK = """
        answers:
          alpha:
            q1: some

        """

    static let cases: [Case] = [
        Case(
            name: "misspelt dimension", yaml: header() + "answers:\n  ↓alpah:\n    q1: some\n", code: "unknown-dimension",
            message: "unknown dimension 'alpah'", hint: "did you mean 'alpha'?"),
        Case(
            name: "misspelt question", yaml: header() + "answers:\n  alpha:\n    q1: some\n    ↓qq2: 3\n", code: "unknown-question",
            message: "dimension 'alpha' has no question 'qq2'", hint: "did you mean 'q2'?"),
        Case(
            name: "question under the wrong dimension", yaml: header() + "answers:\n  alpha:\n    q1: some\n    ↓b1: high\n",
            code: "wrong-dimension", message: "question 'b1' belongs to dimension 'beta', not 'alpha'",
            hint: "move the answer under 'beta:'"),
        Case(
            name: "text where a number is expected", yaml: header() + "answers:\n  alpha:\n    q1: some\n    q3: ↓ca. fünf\n",
            code: "type-mismatch", message: "'q3' expects a number, found 'ca. fünf'",
            hint: "write only the number, e.g. 5 or 2,5; put remarks into 'note:'"),
        Case(
            name: "a list where one option is expected", yaml: header() + "answers:\n  alpha:\n    q1: ↓[some, full]\n",
            code: "type-mismatch", message: "'q1' expects one option, found a list"),
        Case(
            name: "misspelt option", yaml: header() + "answers:\n  alpha:\n    q1: ↓sume\n", code: "unknown-option",
            message: "'sume' is not an option of 'q1'", hint: "did you mean 'some'?"),
        Case(
            name: "option with trailing space in quotes", yaml: header() + "answers:\n  alpha:\n    q1: ↓\"some \"\n",
            code: "unknown-option", message: "'some ' is not an option of 'q1'", hint: "remove the spaces around 'some'"),
        Case(name: "option label with umlaut spelt out", yaml: "", code: "", message: "", shipped: true),
        Case(
            name: "scale out of range", yaml: header() + "answers:\n  alpha:\n    q1: some\n    q2: ↓7\n", code: "out-of-range",
            message: "'q2' is answered on a scale from 0 to 4, found 7",
            hint: "0 = gar nicht, 1 = eher nicht, 2 = teils, 3 = eher, 4 = voll"),
        Case(
            name: "number below the minimum", yaml: header() + "answers:\n  alpha:\n    q1: some\n    q3: ↓-2\n", code: "out-of-range",
            message: "'q3' must be at least 0, found -2"),
        Case(
            name: "implausibly large number", yaml: header() + "answers:\n  alpha:\n    q1: some\n    q3: ↓1e19\n",
            code: "out-of-range", message: "'q3' must be at most 1000000000, found 1e+19",
            hint: "write the number without exponent, e.g. 12"),
        Case(
            name: "missing required answer", yaml: header() + "answers:\n  ↓alpha:\n    q2: 3\n", code: "missing-answer",
            message: "required question 'q1' is not answered", hint: "answer it"),
        Case(
            name: "answer to a question that does not apply",
            yaml: header() + answersOK + "  beta:\n    b1: low\n    b2: ↓4\n", code: "answer-not-applicable",
            message: "'b2' does not apply given the answer to 'b1', so it must not be answered",
            hint: "remove this answer, or check your answer to 'b1'"),
        Case(
            name: "another major rubric version", yaml: header(version: "2.0.0").replacingOccurrences(of: "rubric_version: 2.0.0", with: "rubric_version: ↓2.0.0") + answersOK,
            code: "rubric-version-mismatch",
            message: "this questionnaire was written for rubric version 2.0.0, but the rubric is version 1.0.0",
            hint: "a different major version asks different questions; fill in a new template ('assess template') or pass the old rubric with --rubric DIR"),
        Case(
            name: "another minor rubric version", yaml: header(version: "1.1.0").replacingOccurrences(of: "rubric_version: 1.1.0", with: "rubric_version: ↓1.1.0") + answersOK,
            code: "rubric-version-differs",
            message: "this questionnaire was written for rubric version 1.1.0; it is scored with version 1.0.0",
            hint: "scores may differ slightly from those under version 1.1.0", severity: .warning),
        Case(
            name: "don't know where it is not allowed", yaml: header() + "answers:\n  alpha:\n    q1: ↓weiß nicht\n",
            code: "dont-know-not-allowed", message: "'q1' cannot be answered with \"don't know\"",
            hint: "this question is required; give your best estimate"),
        Case(
            name: "role given as its German label", yaml: header(role: "↓Leitung") + answersOK, code: "unknown-role",
            message: "'Leitung' is not a respondent role of this rubric", hint: "did you mean 'head'?"),
        Case(
            name: "misspelt top-level field", yaml: header() + "↓ansers:\n  alpha:\n    q1: some\n", code: "unknown-field",
            message: "unknown field 'ansers' in a questionnaire", hint: "did you mean 'answers'?"),
        Case(
            name: "question id with trailing spaces", yaml: header() + "answers:\n  alpha:\n    q1: some\n    ↓\"q2  \": 3\n",
            code: "unknown-question", message: "dimension 'alpha' has no question 'q2  '", hint: "remove the spaces around 'q2'"),
        Case(
            name: "a list instead of a questionnaire", yaml: "↓- q1: some\n- q2: 3\n", code: "expected-mapping",
            message: "a questionnaire must be a mapping of 'key: value' lines, found a list"),
        Case(
            name: "the same question answered twice", yaml: header() + "answers:\n  alpha:\n    q1: some\n    ↓q1: full\n",
            code: "duplicate-key", message: "duplicate key 'q1'"),
        Case(
            name: "impossible date", yaml: header().replacingOccurrences(of: "date: 2026-03-10", with: "date: ↓31.02.2026") + answersOK,
            code: "type-mismatch", message: "'31.02.2026' is not a valid date: February 2026 has 28 days"),
        Case(
            name: "yes/no answered with a number", yaml: header() + "answers:\n  alpha:\n    q1: some\n    q4: ↓2\n",
            code: "type-mismatch", message: "'q4' expects yes or no (ja/nein), found '2'"),
        Case(
            name: "questionnaire for another rubric", yaml: header().replacingOccurrences(of: "rubric: mini", with: "rubric: ↓other") + answersOK,
            code: "rubric-mismatch", message: "this questionnaire was written for rubric 'other', not 'mini'",
            hint: "pass the matching rubric with --rubric DIR"),
    ]

    @Test(arguments: cases) func reportsExactlyOneDiagnostic(_ testCase: Case) throws {
        var testCase = testCase
        var rubric = Self.mini
        if testCase.shipped {
            testCase.yaml = """
                format: 1
                rubric: social-media-maturity
                rubric_version: 1.0.0
                library: {id: lib, name: Testbibliothek}
                round: 1
                date: 2026-03-10
                respondent: {role: head}
                answers:
                  workflow:
                    idea-flow: ↓zufaellig

                """
            testCase.code = "unknown-option"
            testCase.message = "'zufaellig' is not an option of 'idea-flow'"
            testCase.hint = "did you mean 'by-chance'?"
            rubric = Self.shipped
        }
        let marked = MarkedText(testCase.yaml)
        let result = QuestionnaireLoader.load(text: marked.text, name: "q.yaml", rubric: rubric)
        // The shipped rubric has many required questions; those are not what the shipped case is about.
        let relevant = result.diagnostics.filter { $0.severity != .note && !(testCase.shipped && $0.code == "missing-answer") }
        let rendered = DiagnosticRenderer().render(result.diagnostics)
        try #require(relevant.count == 1, "expected one diagnostic, got:\n\(rendered)")
        let diagnostic = relevant[0]
        #expect(diagnostic.code == testCase.code)
        #expect(diagnostic.message == testCase.message)
        #expect(diagnostic.severity == testCase.severity)
        #expect(diagnostic.location == SourceLocation(file: "q.yaml", line: marked.line, column: marked.column), "\(rendered)")
        if let hint = testCase.hint { #expect(diagnostic.hint == hint) }
        #expect((result.questionnaire == nil) == (testCase.severity == .error))
    }

    @Test func rendersCompilerStyle() {
        let marked = MarkedText(Self.header() + "answers:\n  alpha:\n    q1: ↓sume\n")
        let cache = SourceLineCache()
        cache.register(text: marked.text, as: "q.yaml")
        let result = QuestionnaireLoader.load(text: marked.text, name: "q.yaml", rubric: Self.mini)
        #expect(
            DiagnosticRenderer(sources: cache).render(result.diagnostics) == """
                q.yaml:10:9: error: 'sume' is not an option of 'q1' [unknown-option]
                        q1: sume
                            ^
                hint: did you mean 'some'?

                """)
    }

    @Test func validQuestionnaireHasNoDiagnostics() {
        let result = QuestionnaireLoader.load(
            text: Self.header() + Self.answersOK + "  beta:\n    b1: high\n    b2: {answer: 3, note: Drei Formate, evidence: Redaktionsplan}\n",
            name: "ok.yaml", rubric: Self.mini)
        #expect(result.diagnostics.isEmpty)
        #expect(result.questionnaire?.answers["b2"]?.evidence == "Redaktionsplan")
    }
}
