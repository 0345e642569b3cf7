import Foundation
import TestSupport
import Testing

@testable import AssessCLI

/// `assess lint` on each hostile file of the foundation issue: exactly one clear error at the right line, exit 1,
/// no crash, quickly (the bound here only catches hangs; speed itself is measured by `make bench`).
@Suite struct LintHostileFilesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: @Sendable () -> [UInt8]
        var line: Int
        var phrase: String
        var testDescription: String { name }
    }

    static func text(_ string: String) -> @Sendable () -> [UInt8] { { Array(string.utf8) } }

    static let cases: [Case] = [
        Case(name: "duplicate key", bytes: text("library:\n  id: a\n  id: b\n"), line: 3, phrase: "duplicate key 'id'"),
        Case(
            name: "billion laughs",
            bytes: {
                var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
                var previous = "a"
                for name in names {
                    yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
                    previous = name
                }
                return Array(yaml.utf8)
            }, line: 4, phrase: "too many alias expansions"),
        Case(
            name: "100,000-deep nesting", bytes: { Array(String(repeating: "[", count: 100_000).utf8) }, line: 1,
            phrase: "nesting is too deep"),
        Case(name: "tab indentation", bytes: text("library:\n\tid: a\n"), line: 2, phrase: "cannot start any token"),
        Case(name: "unclosed quote", bytes: text("name: 'Stadtbücherei\nround: 1\n"), line: 3, phrase: "found unexpected end of stream"),
        Case(name: "invalid UTF-8", bytes: { Array("name: M".utf8) + [0xFC] + Array("ller\n".utf8) }, line: 1, phrase: "not valid UTF-8"),
        Case(name: "NUL bytes", bytes: { Array("a: 1\nb: ".utf8) + [0] + Array("\n".utf8) }, line: 2, phrase: "NUL byte"),
        Case(name: "two documents", bytes: text("a: 1\n---\nb: 2\n"), line: 2, phrase: "more than one YAML document"),
        Case(name: "empty file", bytes: { [] }, line: 1, phrase: "file is empty"),
    ]

    @Test(arguments: cases) func exactlyOneErrorAtTheRightLine(_ testCase: Case) throws {
        let folder = try TemporaryFolder()
        let path = folder.url("hostile.yaml")
        FileManager.default.createFile(atPath: path, contents: Data(testCase.bytes()))
        let started = Date()
        let result = try EndToEndTests.execute(["lint", path])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == .failure)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        try #require(errors.count == 1, "\(result.stderr)")
        #expect(errors[0].hasPrefix("\(path):\(testCase.line):"), "\(errors[0])")
        #expect(errors[0].contains(testCase.phrase), "\(errors[0])")
        #expect(result.stderr.hasSuffix("lint: 1 file, 1 error, 0 warnings\n"))
        #expect(seconds < 10, "took \(seconds) s")
    }

    @Test func byteOrderMarkAndCRLFParse() throws {
        let folder = try TemporaryFolder()
        let path = folder.url("windows.yaml")
        FileManager.default.createFile(atPath: path, contents: Data([0xEF, 0xBB, 0xBF] + Array("library:\r\n  id: a\r\n  name: Bücherei\r\n".utf8)))
        let result = try EndToEndTests.execute(["lint", path])
        #expect(result.status == .success, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("lint: 1 file, 0 errors, 0 warnings\n"))
    }
}
