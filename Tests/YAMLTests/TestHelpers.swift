import Diagnostics
import Foundation

@testable import YAML

/// The display name used for inline YAML in these tests.
let testFile = "t.yaml"

/// `repoRoot/Tests/Fixtures/yaml`, found from this file's path.
let fixturesDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/yaml")

func parse(_ text: String, limits: ParseLimits = .default) -> ParseResult {
    YAMLParser.parse(text: text, name: testFile, limits: limits)
}

func parse(bytes: [UInt8], limits: ParseLimits = .default) -> ParseResult {
    YAMLParser.parse(bytes: bytes, name: testFile, limits: limits)
}

func at(_ line: Int, _ column: Int, _ file: String = testFile) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
}

/// The diagnostics rendered in full (source line and caret included), as the user will see them.
func rendered(_ diagnostics: [Diagnostic], source: String) -> String {
    let sources = SourceLineCache()
    sources.register(text: source, as: testFile)
    return DiagnosticRenderer(sources: sources).render(diagnostics)
}

/// Parses `text` and renders its diagnostics.
func renderedErrors(_ text: String, limits: ParseLimits = .default) -> String {
    rendered(parse(text, limits: limits).diagnostics, source: text)
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
