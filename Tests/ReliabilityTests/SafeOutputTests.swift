import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--output` never destroys anything: not an input (however it is named), not an old report (even when `assess`
/// is killed mid-write), and inputs are only ever opened for reading.
@Suite struct SafeOutputTests {
    /// The same input file named three ways: directly, through a symbolic link, and via `./dir/../file`.
    @Test(arguments: ["direct", "symlink", "dot-dot"])
    func outputNamingAnInputIsRefused(_ spelling: String) throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("runde/auental.yaml", try Corpus.valid())
        let before = try #require(folder.bytes("runde/auental.yaml"))
        let output: String
        switch spelling {
        case "symlink":
            output = folder.url("link.yaml")
            try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: input)
        case "dot-dot":
            try folder.folder("anders")
            output = "./anders/../runde/auental.yaml"
        default:
            output = input
        }
        for format in ["text", "html"] {
            let outcome = try Assess.run(["brief", "--format", format, "--output", output, "runde"], in: folder.path)
            #expect(outcome.isOrderly, "\(outcome)")
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.contains("refusing to write '\(output)': it is the input file"), "\(outcome)")
            #expect(folder.bytes("runde/auental.yaml") == before, "the input changed")
        }
        #expect(folder.listing("runde") == ["auental.yaml"], "stray files next to the input")
        // Also for the template command, whose "inputs" are the rubric's files.
        let template = try Assess.run(["template", "--output", Assess.rubric + "/model.yaml"], in: folder.path)
        #expect(template.status == 1 && template.stderr.contains("refusing to write"), "\(template)")
    }

    /// SIGKILL at different moments while a report is written over an old one: the target always holds either the
    /// complete old report or the complete new one. Only `.<name>.tmp-*` files may be left behind (documented in
    /// README "Reliability": a killed process cannot remove its temporary file).
    @Test func killedMidWriteLeavesOldOrNewReport() throws {
        let folder = try TemporaryFolder()
        try folder.file("runde/auental.yaml", try Corpus.valid())
        let arguments = ["brief", "--format", "html", "--output", "bericht.html", "runde"]
        // The complete new report, written without interruption.
        let reference = try Assess.run(["brief", "--format", "html", "--output", "referenz.html", "runde"], in: folder.path)
        #expect(reference.status == 0, "\(reference)")
        let new = try #require(folder.bytes("referenz.html"))
        #expect(new.count > 10_000)
        let old = Data(("<!-- alter Bericht -->\n" + String(repeating: "alter Bericht, bitte nicht verlieren\n", count: 5_000)).utf8)
        var sawOld = 0, sawNew = 0
        for attempt in 0..<16 {
            try folder.data("bericht.html", old)
            let process = try Assess.start(arguments, in: folder.path)
            usleep(useconds_t(attempt * 15_000))  // 0 to 225 ms
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try #require(folder.bytes("bericht.html"), "the report vanished (attempt \(attempt))")
            if now == old {
                sawOld += 1
            } else if now == new {
                sawNew += 1
            } else {
                Issue.record("attempt \(attempt): the report is neither the old nor the new one (\(now.count) bytes)")
            }
            let strays = folder.listing().filter {
                !["runde", "bericht.html", "referenz.html"].contains($0) && !$0.hasPrefix(".bericht.html.tmp-")
            }
            #expect(strays.isEmpty, "unexpected files: \(strays)")
        }
        #expect(sawOld + sawNew == 16)
        // A later run replaces the report completely, whatever was left behind.
        let again = try Assess.run(arguments, in: folder.path)
        #expect(again.status == 0, "\(again)")
        #expect(folder.bytes("bericht.html") == new)
    }

    /// Read-only inputs (file 444, folder 555) still work: they are opened read-only and never written.
    @Test func readOnlyInputsWork() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("runde/auental.yaml", try Corpus.valid())
        chmod(input, 0o444)
        chmod(folder.url("runde"), 0o555)
        defer { chmod(folder.url("runde"), 0o755) }
        let validate = try Assess.run(["validate", "runde"], in: folder.path)
        #expect(validate.status == 0, "\(validate)")
        let brief = try Assess.run(["brief", "--output", "bericht.txt", "runde"], in: folder.path)
        #expect(brief.status == 0, "\(brief)")
        #expect(folder.bytes("bericht.txt")?.isEmpty == false)
        var info = stat()
        #expect(stat(input, &info) == 0 && info.st_mode & 0o777 == 0o444, "the input's permissions changed")
        #expect(folder.listing("runde") == ["auental.yaml"])
    }

    /// An existing report keeps its permissions when it is replaced.
    @Test func replacedReportKeepsItsMode() throws {
        let folder = try TemporaryFolder()
        try folder.file("runde/auental.yaml", try Corpus.valid())
        let report = try folder.file("bericht.txt", "alt\n")
        chmod(report, 0o640)
        let outcome = try Assess.run(["brief", "--output", "bericht.txt", "runde"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome)")
        var info = stat()
        #expect(stat(report, &info) == 0 && info.st_mode & 0o777 == 0o640)
        #expect(folder.bytes("bericht.txt") != Data("alt\n".utf8))
    }
}

/// One end-to-end run per documented exit status (README "Exit status"). Status 70 (internal error) cannot be
/// provoked from outside on purpose; every other test asserts it never happens.
@Suite struct ExitStatusTests {
    @Test func success0() throws {
        let folder = try TemporaryFolder()
        let outcome = try Assess.run(["validate", try folder.file("q.yaml", try Corpus.valid())], in: folder.path)
        #expect(outcome.status == 0, "\(outcome)")
    }

    @Test func invalidInput1() throws {
        let folder = try TemporaryFolder()
        let outcome = try Assess.run(["validate", try folder.file("q.yaml", "format: 2\n")], in: folder.path)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stderr.contains("q.yaml:1:9: error: format 2 is not supported"), "\(outcome)")
    }

    @Test func usage64() throws {
        let outcome = try Assess.run(["validate", "--lang", "fr", "x.yaml"])
        #expect(outcome.status == 64, "\(outcome)")
    }
}
