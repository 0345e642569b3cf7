import Foundation
import TestSupport
import Testing

@testable import AssessCLI

@Suite("assess compare")
struct CompareCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/compare").path
    static var rubric: String { fixtures + "/rubric" }
    static var cohort: String { fixtures + "/cohort" }

    /// Runs the real `assess` root in-process.
    static func compare(_ arguments: [String], in directory: String = "/nonexistent-cwd") -> RunResult {
        let out = BufferSink(), err = BufferSink()
        let context = CommandContext(stdout: out, stderr: err, currentDirectory: directory)
        let status = AssessCommand.main(["compare"] + arguments + ["--rubric", rubric], context: context)
        return RunResult(status: status, stdout: out.text, stderr: err.text)
    }

    /// A temporary copy of the fixture cohort.
    static func cohortCopy() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: cohort) where name.hasSuffix(".yaml") {
            try folder.file(name, try String(contentsOfFile: cohort + "/" + name, encoding: .utf8))
        }
        return folder
    }

    @Test func cleanCohortExitsZero() {
        let result = Self.compare([Self.cohort, "--lang", "en"])
        #expect(result.status == .success)
        #expect(result.stdout.contains("Maturity per library"))
        for name in ["Stadtbibliothek Auental", "Stadtbücherei Silberhain", "Bücherei \"Am Markt\"; Süd"] {
            #expect(result.stdout.contains(name))
        }
        #expect(result.stderr.contains("compare: 5 libraries from 10 files"))
        // The version guard speaks on stderr too, with how to re-score.
        #expect(result.stderr.contains("[compare-mixed-versions]"))
        #expect(result.stderr.contains("--rubric DIR pointing at the matching rubric version"))
    }

    @Test func brokenFilesAreLeftOutAndNamed() throws {
        let folder = try Self.cohortCopy()
        try folder.file("zz-broken.yaml", "format: 1\nrubric: compare-mini\nlibrary:\n  id: kaputt\n  name: [unclosed\n")
        try folder.file(
            "zz-invalid.yaml",
            """
            format: 1
            rubric: compare-mini
            rubric_version: 1.2.0
            library: {id: falsch, name: Falsche Bibliothek}
            round: 1
            date: 2026-01-10
            respondent: {role: head}
            answers:
              exploration:
                months-active: sometimes

            """)
        let result = Self.compare([folder.path, "--format", "md", "--lang", "en"])
        #expect(result.status == .failure)
        // The other five libraries are still compared.
        #expect(result.stdout.contains("| Stadtbibliothek Auental |"))
        #expect(result.stdout.contains("5 libraries"))
        #expect(!result.stdout.contains("Falsche Bibliothek"))
        // The report names each left-out file with its first error line …
        #expect(result.stdout.contains("2 files were left out because of errors"))
        #expect(result.stdout.contains(folder.url("zz-broken.yaml") + ":6:"))
        #expect(result.stdout.contains(folder.url("zz-invalid.yaml") + ":9:3: required question 'holiday-cover' is not answered"))
        // … and stderr has the diagnostics at their lines.
        #expect(result.stderr.contains(folder.url("zz-invalid.yaml") + ":10:"))
        #expect(result.stderr.contains("error:"))
        #expect(result.stderr.contains("compare: 5 libraries from 12 files, 2 left out"))
    }

    @Test func duplicateRespondentsAreLeftOut() throws {
        let folder = try Self.cohortCopy()
        try folder.file("zz-auental-copy.yaml", try String(contentsOfFile: Self.cohort + "/auental-r2.yaml", encoding: .utf8))
        let result = Self.compare([folder.path, "--format", "json"])
        #expect(result.status == .failure)
        #expect(result.stderr.contains("[duplicate-respondent]"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let notices = try #require(json["notices"] as? [String: Any])
        let leftOut = try #require(notices["left_out"] as? [[String: Any]])
        #expect(leftOut.count == 1)
        #expect(leftOut.first?["file"] as? String == folder.url("zz-auental-copy.yaml"))
        #expect(leftOut.first?["code"] as? String == "duplicate-respondent")
        #expect(json["library_count"] as? Int == 5)
    }

    @Test func missingPathIsReported() {
        let result = Self.compare([Self.cohort, "/nonexistent/nowhere.yaml"])
        #expect(result.status == .failure)
        #expect(result.stderr.contains("no such file or folder '/nonexistent/nowhere.yaml'"))
        #expect(result.stdout.contains("/nonexistent/nowhere.yaml"))
    }

    @Test func nothingToCompare() throws {
        let folder = try TemporaryFolder()
        try folder.file("broken.yaml", "format: [\n")
        let result = Self.compare([folder.path])
        #expect(result.status == .failure)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("nothing to compare"))
    }

    @Test func wrongSortColumnSuggests() {
        let result = Self.compare([Self.cohort, "--sort", "overal"])
        #expect(result.status == .usage)
        #expect(result.stderr.contains("Unknown sort column 'overal'. Did you mean 'overall'?"))
        let dimension = Self.compare([Self.cohort, "--sort=-workflw"])
        #expect(dimension.status == .usage)
        #expect(dimension.stderr.contains("Did you mean 'workflow'?"))
    }

    @Test func descendingSortAndRound() {
        let result = Self.compare([Self.cohort, "--sort=-overall", "--round", "1", "--format", "csv", "--lang", "en"])
        #expect(result.status == .success)
        let lines = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 5)
        #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == ["quellenbrueck", "grauwasser", "auental", "silberhain"])
        #expect(result.stderr.contains("[compare-missing-round]"))
        let bad = Self.compare([Self.cohort, "--round", "zwei"])
        #expect(bad.status == .usage)
        #expect(bad.stderr.contains("Invalid value 'zwei' for '--round'"))
    }

    @Test func csvDialectAndTable() {
        let result = Self.compare([Self.cohort, "--format", "csv", "--csv-dialect", "excel-de", "--csv-table", "tandems"])
        #expect(result.status == .success)
        #expect(result.stdout.hasPrefix("\u{FEFF}Mentor: Kennung;Mentor;"))
        #expect(result.stdout.contains("\r\n"))
    }

    @Test func anonymisedHTMLToFile() throws {
        let folder = try TemporaryFolder()
        let output = folder.url("programm.html")
        let result = Self.compare([Self.cohort, "--format", "html", "--anonymize", "--output", output])
        #expect(result.status == .success)
        #expect(result.stdout.isEmpty)
        let html = try #require(folder.read("programm.html"))
        #expect(html.contains("<svg"))
        #expect(html.contains("B05"))
        #expect(!html.contains("Auental") && !html.contains("Petra Lang"))
    }

    @Test func refusesToOverwriteAnInput() throws {
        let folder = try Self.cohortCopy()
        let input = folder.url("auental-r1.yaml")
        let before = folder.read("auental-r1.yaml")
        let result = Self.compare([folder.path, "--output", input])
        #expect(result.status == .failure)
        #expect(result.stderr.contains("refusing to write"))
        #expect(folder.read("auental-r1.yaml") == before)
    }

    @Test func registeredAndListedInHelp() {
        #expect(CommandValidator.problems(in: AssessCommand.self).isEmpty)
        let out = BufferSink(), err = BufferSink()
        let status = AssessCommand.main(["compare", "--help"], context: CommandContext(stdout: out, stderr: err))
        #expect(status == .success)
        #expect(out.text.contains("--csv-dialect"))
        #expect(out.text.contains("--anonymize"))
    }
}
