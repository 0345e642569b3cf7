import Foundation
import TestSupport
import Testing

@testable import AssessCLI

/// Runs the built `assess` binary, as users do. Kept few: one per outcome.
@Suite struct EndToEndTests {
    static func execute(_ arguments: [String]) throws -> RunResult {
        let run = try AssessBinary.run(arguments)
        return RunResult(
            status: ExitStatus(rawValue: run.status), stdout: String(decoding: run.stdout, as: UTF8.self),
            stderr: String(decoding: run.stderr, as: UTF8.self))
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
