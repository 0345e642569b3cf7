import Foundation
import Testing

@testable import AssessCLI

/// Runs the built `assess` binary, as users do. Kept few: one per outcome.
@Suite struct EndToEndTests {
    /// The `assess` executable next to the test bundle (`<scratch>/<triple>/debug/assess`), or `ASSESS_BINARY`.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["ASSESS_BINARY"] {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {  // the runner may sit inside an .xctest bundle
            candidates.append(folder.appendingPathComponent("assess"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("assess"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryNotFound(searched: candidates.map(\.path))
        }
        return found
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "the assess binary was not built; looked in \(searched)" }
    }

    static func execute(_ arguments: [String]) throws -> RunResult {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(
            status: ExitStatus(rawValue: process.terminationStatus), stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func version() throws {
        let result = try Self.execute(["--version"])
        #expect(result.status == .success)
        #expect(result.stdout == "assess \(AssessVersion.current)\n")
        #expect(result.stderr == "")
    }

    @Test func help() throws {
        let result = try Self.execute(["--help"])
        #expect(result.status == .success)
        #expect(result.stdout.hasPrefix("OVERVIEW: "))
        #expect(result.stdout.contains("\nUSAGE: assess"))
        #expect(result.stdout.contains("\nSUBCOMMANDS:\n"))
        #expect(result.stdout.contains("  lint "))
    }

    @Test func unknownSubcommandIsAUsageError() throws {
        let result = try Self.execute(["lnt"])
        #expect(result.status == .usage)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: Unknown subcommand 'lnt'. Did you mean 'lint'?\n\nUsage: assess"))
    }

    @Test func lintOnAFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("a.yaml", "a: 1\n")
        let result = try Self.execute(["lint", file])
        #expect(result.status == .success)
        #expect(result.stderr == "lint: 1 file, 0 errors, 0 warnings\n")
    }
}
