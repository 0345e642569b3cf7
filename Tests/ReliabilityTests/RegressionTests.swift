import Diagnostics
import Dispatch
import Foundation
import RubricModel
import TestSupport
import Testing
import YAML

#if canImport(Glibc)
    import Glibc
#endif

/// In-process regression tests for bugs found by the hostile-input corpus and the fuzzers.
@Suite struct RegressionTests {
    /// Runs `body` on another thread and fails (instead of hanging the test run) when it takes over `seconds`.
    private func withinTime<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = body()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? box.value : nil
    }

    private final class Box<T>: @unchecked Sendable { var value: T? }

    // MARK: - Named pipes (found by the corpus: `assess validate pipe.yaml` hung forever)

    @Test func parsingAFIFOWithoutWriterDoesNotBlock() throws {
        let folder = try TemporaryFolder()
        let path = folder.url("pipe.yaml")
        #expect(mkfifo(path, 0o644) == 0)
        let result = withinTime(10) { YAMLParser.parse(file: path) }
        let parsed = try #require(result, "YAMLParser.parse(file:) blocked on a FIFO")
        #expect(parsed.diagnostics.map(\.code) == ["empty-document"])
    }

    @Test func snippetOfAFIFOIsNotRead() throws {
        let folder = try TemporaryFolder()
        let path = folder.url("pipe.yaml")
        #expect(mkfifo(path, 0o644) == 0)
        let line = withinTime(10) { SourceLineCache().line(1, of: path) }
        #expect(line == .some(nil), "SourceLineCache blocked on a FIFO or returned a line")
    }

    @Test func rubricFolderWithAFIFOAsModelDoesNotBlock() throws {
        let folder = try TemporaryFolder()
        #expect(mkfifo(folder.url("model.yaml"), 0o644) == 0)
        let directory = folder.path
        let result = withinTime(10) { RubricLoader.load(directory: directory) }
        let loaded = try #require(result, "RubricLoader blocked on a FIFO")
        #expect(loaded.rubric == nil)
        #expect(loaded.diagnostics.map(\.code) == ["empty-document"])
    }

    // MARK: - Snippets of huge files and lines (found by the corpus: a 50 MB file took 13 s and printed 50 MB)

    @Test func snippetOfAHugeFileIsNotRead() throws {
        let folder = try TemporaryFolder()
        let path = try folder.file("gross.yaml", "notes: \"" + String(repeating: "x", count: 20 << 20) + "\"\n")
        #expect(SourceLineCache().line(1, of: path) == nil)
    }

    @Test func caretFarBeyondALongLineIsNotPadded() {
        let sources = SourceLineCache()
        sources.register(text: String(repeating: "x", count: 1_000_000) + "\n", as: "lang.yaml")
        let diagnostic = Diagnostic.error(
            "syntax-error", "problem", at: SourceLocation(file: "lang.yaml", line: 1, column: 999_999))
        let rendered = DiagnosticRenderer(sources: sources).render(diagnostic)
        #expect(rendered.utf8.count < 1_000, "rendered \(rendered.utf8.count) bytes")
        #expect(rendered.contains("…"))
    }

    @Test func caretJustPastTheEndOfAShortLineIsShown() {
        let sources = SourceLineCache()
        sources.register(text: "key: [1, 2\n", as: "kurz.yaml")
        let diagnostic = Diagnostic.error("syntax-error", "problem", at: SourceLocation(file: "kurz.yaml", line: 1, column: 12))
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic).hasSuffix("    key: [1, 2\n               ^\n"))
    }

    // MARK: - In-memory rubric loading (added for the rubric fuzzer)

    static func shippedFiles() throws -> [(name: String, text: String)] {
        try FileManager.default.contentsOfDirectory(atPath: Assess.rubric).filter { $0.hasSuffix(".yaml") }.sorted().map {
            (name: $0, text: try String(contentsOfFile: Assess.rubric + "/" + $0, encoding: .utf8))
        }
    }

    @Test func inMemoryRubricMatchesTheFolder() throws {
        let fromFolder = RubricLoader.load(directory: Assess.rubric)
        let fromMemory = RubricLoader.load(files: try Self.shippedFiles())
        let folderRubric = try #require(fromFolder.rubric)
        let memoryRubric = try #require(fromMemory.rubric, "\(fromMemory.diagnostics)")
        #expect(memoryRubric.contentHash == folderRubric.contentHash)
        #expect(memoryRubric.dimensions.map(\.id) == folderRubric.dimensions.map(\.id))
        #expect(fromMemory.diagnostics.map(\.code) == fromFolder.diagnostics.map(\.code))
    }

    @Test func inMemoryRubricReportsMissingFiles() throws {
        let withoutModel = RubricLoader.load(files: try Self.shippedFiles().filter { $0.name != "model.yaml" })
        #expect(withoutModel.rubric == nil)
        #expect(withoutModel.diagnostics.map(\.message) == ["'rubric' has no model.yaml"])
        let withoutWorkflow = RubricLoader.load(files: try Self.shippedFiles().filter { $0.name != "workflow.yaml" })
        #expect(withoutWorkflow.rubric == nil)
        #expect(withoutWorkflow.diagnostics.contains { $0.message == "dimension 'workflow' has no file 'rubric/workflow.yaml'" })
    }
}
