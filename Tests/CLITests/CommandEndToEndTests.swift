import Foundation
import TestSupport
import Testing

@testable import AssessCLI

/// The user-facing commands run as the built binary on the shipped rubric and samples: one test per command and
/// outcome (ok, input error, usage error).
@Suite struct CommandEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `assess` in the repository root, so `samples/` and `rubrics/` are found as a user finds them. (The
    /// child gets its own working folder; the test process's stays untouched for the tests running beside it.)
    static func assess(_ arguments: [String]) throws -> RunResult {
        let run = try AssessBinary.run(arguments, in: repository)
        return RunResult(
            status: ExitStatus(rawValue: run.status), stdout: String(decoding: run.stdout, as: UTF8.self),
            stderr: String(decoding: run.stderr, as: UTF8.self))
    }

    @Test func briefingForOneLibrary() throws {
        let result = try Self.assess(["samples", "--library", "auental"])
        #expect(result.status == .success, "\(result.stderr)")
        for heading in ["Stadtbibliothek Auental", "STUFEN", "VERÄNDERUNGEN SEIT RUNDE 1", "GESPRÄCHSTHEMEN", "WEG ZUR NÄCHSTEN STUFE", "AGENDA"] {
            #expect(result.stdout.contains(heading), "missing \(heading)")
        }
        // Deterministic: the same inputs give byte-identical output.
        #expect(try Self.assess(["samples", "--library", "auental"]).stdout == result.stdout)
    }

    @Test func briefingJSONRespectsTheHourBudget() throws {
        let result = try Self.assess(["samples", "--library", "morgenau", "--format", "json", "--hours", "3", "--lang", "en"])
        #expect(result.status == .success, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema_version"] as? Int == 1)
        let agenda = try #require(json["agenda"] as? [String: Any])
        let planned = try #require(agenda["planned_hours"] as? Double)
        #expect(planned <= 3)
    }

    @Test func severalLibrariesNeedALibraryOrAFolder() throws {
        let result = try Self.assess(["samples"])
        #expect(result.status == .usage)
        #expect(result.stderr.contains("The input holds 15 libraries"))
        #expect(result.stderr.contains("--library ID"))
    }

    @Test func misspeltLibraryGetsASuggestion() throws {
        let result = try Self.assess(["samples", "--library", "auentall"])
        #expect(result.status == .failure)
        #expect(result.stderr.contains("no questionnaire of library 'auentall'"))
        #expect(result.stderr.contains("did you mean 'auental'?"))
    }

    /// An output that cannot be written is reported before the questionnaires are read: a programme can take a
    /// while, and the broken file here would otherwise be reported first.
    @Test(arguments: [["compare"], []])
    func unwritableOutputIsToldBeforeReading(command: [String]) throws {
        let folder = try TemporaryFolder()
        let broken = try folder.file("in/broken.yaml", "format: 1\nlibrary: [\n")
        let target = folder.url("missing/report.txt")
        let result = try Self.assess(command + [broken, "--output", target])
        #expect(result.status == .failure)
        #expect(result.stderr.contains("cannot write '\(target)': the folder '\(folder.url("missing"))' does not exist"))
        #expect(!result.stderr.contains("broken.yaml"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url("missing")))
    }

    @Test func oneBriefingPerLibraryIntoAFolder() throws {
        let folder = try TemporaryFolder()
        let result = try Self.assess(["samples", "--format", "md", "--output", folder.path + "/"])
        #expect(result.status == .success, "\(result.stderr)")
        #expect(folder.listing().count == 15)
        #expect(folder.listing().contains("auental-round2.md"))
    }

    @Test func validateSamplesAndABrokenFile() throws {
        let ok = try Self.assess(["validate", "samples"])
        #expect(ok.status == .success)
        #expect(ok.stderr.hasSuffix("validate: 44 files, 0 errors, 5 warnings\n"))
        let folder = try TemporaryFolder()
        let source = try String(contentsOf: Self.repository.appendingPathComponent("samples/steinwalde/runde-1-leitung.yaml"), encoding: .utf8)
        let broken = try folder.file("broken.yaml", source.replacingOccurrences(of: "    holiday-cover: none", with: "    holiday-cover: nobody"))
        let bad = try Self.assess(["validate", broken])
        #expect(bad.status == .failure)
        #expect(bad.stderr.contains("error: 'nobody' is not an option of 'holiday-cover' [unknown-option]"))
        #expect(bad.stderr.contains("validate: 1 file, 1 error, 0 warnings"))
    }

    @Test func explainShowsTheFormula() throws {
        let result = try Self.assess(["explain", "samples/steinwalde/runde-1-leitung.yaml", "--dimension", "workflow", "--lang", "en"])
        #expect(result.status == .success, "\(result.stderr)")
        #expect(result.stdout.contains("100 ×"))
        let unknown = try Self.assess(["explain", "samples/steinwalde/runde-1-leitung.yaml", "--dimension", "workfow"])
        #expect(unknown.status == .usage)
        #expect(unknown.stderr.contains("Did you mean 'workflow'?"))
    }

    @Test func templateRoundTripsThroughValidate() throws {
        let folder = try TemporaryFolder()
        let path = folder.url("blank.yaml")
        let written = try Self.assess(["template", "--lang", "en", "--library", "musterstadt", "--round", "1", "--role", "team", "-o", path])
        #expect(written.status == .success, "\(written.stderr)")
        #expect(written.stderr.hasPrefix("wrote '") && written.stderr.hasSuffix("blank.yaml'\n"))
        let validated = try Self.assess(["validate", path])
        // Blank: the date, name and required answers are missing, and each is reported.
        #expect(validated.status == .failure)
        #expect(validated.stderr.contains("'date' is empty in a questionnaire [empty-field]"))
        #expect(validated.stderr.contains("required question 'holiday-cover' is not answered"))
        let role = try Self.assess(["template", "--role", "leitung"])
        #expect(role.status == .usage)
    }

    @Test func rubricCheckAndShow() throws {
        let check = try Self.assess(["rubric", "check", "rubrics"])
        #expect(check.status == .success, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("rubric 'social-media-maturity' version 1.0.0 is sound"))
        let show = try Self.assess(["rubric", "show", "workflow", "--lang", "en"])
        #expect(show.status == .success)
        #expect(show.stdout.contains("[holiday-cover;"))
        let missing = try Self.assess(["rubric", "check", "/nonexistent-rubric"])
        #expect(missing.status == .failure)
        #expect(missing.stderr.contains("rubric folder '/nonexistent-rubric' does not exist"))
    }
}

extension CommandEndToEndTests {
    /// A copy of samples/ with one broken file: all 15 libraries are still compared, the broken file is named
    /// with its line, and the exit status says something was left out.
    @Test func compareSamplesWithOneBrokenFile() throws {
        let folder = try TemporaryFolder()
        let samples = Self.repository.appendingPathComponent("samples")
        let copy = folder.url("samples")
        try FileManager.default.copyItem(atPath: samples.path, toPath: copy)
        try folder.file("samples/holmbach/runde-2-kaputt.yaml", "format: 1\nrubric: social-media-maturity\nlibrary:\n  id: holmbach\n\tname: kaputt\n")
        let result = try Self.assess(["compare", copy, "--format", "csv"])
        #expect(result.status == .failure)
        #expect(result.stderr.contains("runde-2-kaputt.yaml:5:1: error:"))
        let rows = result.stdout.split(separator: "\r\n")
        #expect(rows.count == 16, "header plus 15 libraries")
        let text = try Self.assess(["compare", copy])
        #expect(text.stdout.contains("runde-2-kaputt.yaml"), "the report names what was left out")
    }
}
