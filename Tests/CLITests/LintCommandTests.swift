import Foundation
import TestSupport
import Testing

@testable import AssessCLI

@Suite struct LintCommandTests {
    @Test func cleanFilesExitZeroWithSummary() throws {
        let folder = try TemporaryFolder()
        try folder.file("r/a.yaml", "name: Stadtbücherei\nscore: 3\n")
        try folder.file("r/b.yml", "- eins\n- zwei\n")
        let result = run(["lint", folder.url("r")], root: AssessCommand.self)
        #expect(result.status == .success, "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr == "lint: 2 files, 0 errors, 0 warnings\n")
    }

    @Test func syntaxErrorIsReportedWithLocationAndExitOne() throws {
        let folder = try TemporaryFolder()
        let good = try folder.file("good.yaml", "a: 1\n")
        let bad = try folder.file("bad.yaml", "a: [1, 2\nb: 3\n")
        let result = run(["lint", good, bad], root: AssessCommand.self)
        #expect(result.status == .failure)
        #expect(result.stderr.hasPrefix("\(bad):"), "\(result.stderr)")
        #expect(result.stderr.contains(": error: "))
        #expect(result.stderr.hasSuffix("lint: 2 files, 1 error, 0 warnings\n"))
    }

    @Test func maxBytesLimitsTheFileSize() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("big.yaml", "text: " + String(repeating: "x", count: 200) + "\n")
        let result = run(["lint", "--max-bytes", "100", file], root: AssessCommand.self)
        #expect(result.status == .failure)
        #expect(result.stderr.hasSuffix("lint: 1 file, 1 error, 0 warnings\n"), "\(result.stderr)")
        #expect(run(["lint", "--max-bytes", "0", file], root: AssessCommand.self).status == .usage)
    }

    @Test func missingInputIsAnErrorAndUsageErrorsAre64() throws {
        let result = run(["lint", "/nonexistent/x.yaml"], root: AssessCommand.self)
        #expect(result.status == .failure)
        #expect(result.stderr.hasPrefix("error: no such file or folder '/nonexistent/x.yaml' [input-not-found]\n"))
        #expect(result.stderr.hasSuffix("lint: 0 files, 1 error, 0 warnings\n"))
        #expect(run(["lint"], root: AssessCommand.self).status == .usage)
    }

    @Test func summaryGrammar() {
        #expect(LintCommand.summary(files: 1, diagnostics: []) == "lint: 1 file, 0 errors, 0 warnings")
        #expect(
            LintCommand.summary(files: 3, diagnostics: [.error("x", "m"), .warning("y", "n")])
                == "lint: 3 files, 1 error, 1 warning")
    }
}
