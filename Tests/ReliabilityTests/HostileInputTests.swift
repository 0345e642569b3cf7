import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One hostile (or merely unusual) input, run end to end against the built binary.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// Short kebab-case name, shown by `swift test`.
    var name: String
    /// The expected exit status.
    var status: Int32
    /// Phrases the combined stderr and stdout must contain.
    var expect: [String]
    /// Phrases that must not appear.
    var reject: [String] = []
    /// Time limit for the run, in seconds.
    var timeout: Double = 20
    /// Builds the input in a fresh temporary folder and returns the command line (run in that folder).
    var setup: @Sendable (TemporaryFolder) throws -> [String]

    var testDescription: String { name }
}

/// Replaces the first occurrence of `old` (which must exist) in the valid questionnaire.
private func valid(replacing old: String, with new: String) throws -> String {
    let text = try Corpus.valid()
    guard let range = text.range(of: old) else { throw CocoaError(.fileReadCorruptFile) }
    return text.replacingCharacters(in: range, with: new)
}

/// `assess validate FILE` on one questionnaire text.
private func validate(_ name: String, _ status: Int32, _ expect: [String], reject: [String] = [], timeout: Double = 20,
    _ text: @escaping @Sendable () throws -> String) -> HostileCase
{
    HostileCase(name: name, status: status, expect: expect, reject: reject, timeout: timeout) { folder in
        ["validate", try folder.file("q.yaml", try text())]
    }
}

/// `assess validate FILE` on raw bytes.
private func validateBytes(_ name: String, _ status: Int32, _ expect: [String], timeout: Double = 20,
    _ bytes: @escaping @Sendable () throws -> Data) -> HostileCase
{
    HostileCase(name: name, status: status, expect: expect, timeout: timeout) { folder in
        ["validate", try folder.data("q.yaml", try bytes())]
    }
}

extension HostileCase {
    static let all: [HostileCase] = yaml + encoding + questionnaire + files + rubricAndOutput + usage

    // MARK: - YAML structure and limits

    static let yaml: [HostileCase] = [
        validate("billion-laughs", 1, ["too many alias expansions", "alias-budget-exceeded"]) {
            var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            for level in 1...9 {
                text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
            }
            return text
        },
        validate("quadratic-alias-blowup", 1, ["too many alias expansions"]) {
            let list = "[" + Array(repeating: "x", count: 5_000).joined(separator: ", ") + "]"
            return "a: &a \(list)\nb: [" + Array(repeating: "*a", count: 5_000).joined(separator: ", ") + "]\n"
        },
        validate("deep-flow-nesting-100000", 1, ["nesting is too deep: more than 64 levels"]) {
            String(repeating: "[", count: 100_000)
        },
        validate("deep-block-mappings", 1, ["nesting is too deep"]) {
            (0..<2_000).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " x\n"
        },
        validate("file-of-50-mb", 1, ["file is too large", "the limit is 8388608 bytes"]) {
            "notes: \"" + String(repeating: "x", count: 50 << 20) + "\"\n"
        },
        validate("single-scalar-of-1-mb", 1, ["a questionnaire must be a mapping", "found a single value"]) {
            String(repeating: "x", count: 1 << 20) + "\n"
        },
        validate("very-long-line", 0, ["validate: 1 file, 0 errors"]) {
            try valid(
                replacing: "    platform-basics: 3",
                with: "    platform-basics:\n      answer: 3\n      note: \"" + String(repeating: "lang ", count: 200_000) + "\"")
        },
        validate("tab-indentation", 1, ["tab"]) {
            try valid(replacing: "  id: auental", with: "\tid: auental")
        },
        validate("two-documents", 1, ["more than one YAML document"]) {
            try Corpus.valid() + "---\n" + (try Corpus.valid())
        },
        validate("empty-file", 1, ["file is empty"]) { "" },
        validate("comment-only-file", 1, ["file contains only comments"]) { "# Fragebogen\n# noch nicht ausgefüllt\n" },
        validate("legitimate-anchors-and-aliases", 0, ["validate: 1 file, 0 errors"]) {
            try valid(replacing: "      note: \"X-Konto", with: "      note: &hinweis \"X-Konto")
                .replacingOccurrences(of: "      note: \"Start mit Instagram durch Frau Kessler, damals noch als Pilot\"", with: "      note: *hinweis")
                .replacingOccurrences(of: "  workflow: 3\n  strategy: 3", with: "  workflow: &drei 3\n  strategy: *drei")
        },
        // A merge key is an ordinary key here (YAML 1.2 has no merge): the questionnaire reports it as unknown.
        validate("merge-key", 1, ["'<<'"]) {
            try valid(replacing: "respondent:\n  role: head", with: "base: &base\n  role: head\nrespondent:\n  <<: *base")
        },
        // Tags are not interpreted: the value is read as the field asks (here: text).
        validate("binary-tag", 0, ["validate: 1 file, 0 errors"]) {
            try valid(replacing: "  name: Stadtbibliothek Auental", with: "  name: !!binary U3RhZHRiaWJsaW90aGVr")
        },
        validate("unknown-alias", 1, ["unknown alias '*nirgends'"]) {
            try valid(replacing: "  staff: 38", with: "  staff: *nirgends")
        },
    ]

    // MARK: - Encodings and odd bytes

    static let encoding: [HostileCase] = [
        validateBytes("nul-bytes", 1, ["NUL byte"]) { Data("format: 1\nrubric: x\u{0}\u{0}\n".utf8) },
        validateBytes("invalid-utf8", 1, ["not valid UTF-8", "0xC3"]) { Data([0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A]) },
        validateBytes("utf16-le-with-bom", 1, ["saved as UTF-16", "must be saved as UTF-8"]) {
            var data = Data([0xFF, 0xFE])
            for unit in (try Corpus.valid()).utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
            return data
        },
        validateBytes("utf16-be-with-bom", 1, ["saved as UTF-16", "must be saved as UTF-8"]) {
            var data = Data([0xFE, 0xFF])
            for unit in (try Corpus.valid()).utf16 { data.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)]) }
            return data
        },
        validateBytes("latin1-umlauts", 1, ["not valid UTF-8", "ä, ö, ü"]) {
            // What a Windows editor saving as "ANSI" writes: one byte per character, ä = 0xE4.
            Data((try Corpus.valid()).unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") })
        },
        validateBytes("crlf-line-endings", 0, ["validate: 1 file, 0 errors"]) {
            Data((try Corpus.valid()).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        },
        validateBytes("utf8-bom", 0, ["validate: 1 file, 0 errors"]) { Data([0xEF, 0xBB, 0xBF]) + Data((try Corpus.valid()).utf8) },
        validateBytes("bom-and-crlf", 0, ["validate: 1 file, 0 errors"]) {
            Data([0xEF, 0xBB, 0xBF]) + Data((try Corpus.valid()).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        },
        validateBytes("control-characters", 1, ["control characters are not allowed"]) {
            Data((try valid(replacing: "  name: Stadtbibliothek Auental", with: "  name: Stadt\u{07}bibliothek\u{1B}[0m")).utf8)
        },
        validate("emoji", 0, ["validate: 1 file, 0 errors"]) {
            try valid(replacing: "  name: Stadtbibliothek Auental", with: "  name: \"Stadtbibliothek Auental 📚👩🏽‍💻🇩🇪\"")
        },
    ]

    // MARK: - Questionnaire content

    static let questionnaire: [HostileCase] = [
        validate("list-instead-of-mapping", 1, ["a questionnaire must be a mapping", "not with '- '"]) {
            "- format: 1\n- rubric: social-media-maturity\n"
        },
        validate("number-where-text-is-expected", 0, ["validate: 1 file, 0 errors"]) {
            try valid(replacing: "  name: Stadtbibliothek Auental", with: "  name: 4711")
        },
        validate("text-where-number-is-expected", 1, ["expected a whole number, found 'eins'"]) {
            try valid(replacing: "round: 1", with: "round: eins")
        },
        validate("list-where-number-is-expected", 1, ["found a list"]) {
            try valid(replacing: "round: 1", with: "round: [1, 2]")
        },
        validate("id-with-trailing-spaces", 1, ["'auental   ' is not a valid identifier"]) {
            try valid(replacing: "  id: auental", with: "  id: \"auental   \"")
        },
        validate("question-id-with-trailing-space", 1, ["has no question 'platform-basics '"]) {
            try valid(replacing: "    platform-basics: 3", with: "    \"platform-basics \": 3")
        },
        validate("same-question-answered-twice", 1, ["duplicate key 'platform-basics'"]) {
            try valid(replacing: "    platform-basics: 3", with: "    platform-basics: 3\n    platform-basics: 4")
        },
        validate("ten-thousand-unknown-keys", 1, ["unknown field 'unbekannt-0'", "unknown field 'unbekannt-9999'"], timeout: 60) {
            try valid(replacing: "round: 1", with: "round: 1\n" + (0..<10_000).map { "unbekannt-\($0): x" }.joined(separator: "\n"))
        },
        validate("huge-exponent-1e400", 1, ["expects a percentage (a number from 0 to 100), found '1e400'"]) {
            try valid(replacing: "      answer: 15", with: "      answer: 1e400")
        },
        validate("huge-integer", 1, ["'99999999999999999999', which is too large"]) {
            try valid(replacing: "round: 1", with: "round: 99999999999999999999")
        },
        validate("negative-count", 1, ["must be at least 0, found -5"]) {
            try valid(replacing: "      answer: 42", with: "      answer: -5")
        },
        validate("date-2026-02-30", 1, ["'2026-02-30' is not a valid date: February 2026 has 28 days"]) {
            try valid(replacing: "date: 2026-03-09", with: "date: 2026-02-30")
        },
        validate("unknown-rubric-version", 1, ["written for rubric version 2.0.0"]) {
            try valid(replacing: "rubric_version: 1.0.0", with: "rubric_version: 2.0.0")
        },
        validate("unknown-rubric", 1, ["written for rubric 'andere-rubrik'"]) {
            try valid(replacing: "rubric: social-media-maturity", with: "rubric: andere-rubrik")
        },
        validate("complex-key", 1, ["keys must be plain names"]) {
            try valid(replacing: "round: 1", with: "round: 1\n? [a, b]\n: c")
        },
    ]

    // MARK: - Files and folders

    static let files: [HostileCase] = [
        HostileCase(name: "directory-named-x-yaml", status: 1, expect: ["contains no YAML files"]) { folder in
            ["validate", try folder.folder("x.yaml")]
        },
        HostileCase(name: "ten-thousand-files", status: 1, expect: ["validate: 10000 files"], timeout: 120) { folder in
            let dir = try folder.folder("viele")
            for index in 0..<10_000 {
                FileManager.default.createFile(atPath: dir + "/f\(index).yaml", contents: Data("format: 1\n".utf8))
            }
            return ["validate", dir]
        },
        HostileCase(name: "symbolic-link-loop", status: 0, expect: ["symbolic link loop", "validate: 1 file, 0 errors"]) {
            folder in
            let dir = try folder.folder("runde")
            try folder.file("runde/auental.yaml", try Corpus.valid())
            try FileManager.default.createSymbolicLink(atPath: dir + "/zurueck", withDestinationPath: dir)
            try FileManager.default.createSymbolicLink(atPath: dir + "/selbst.yaml", withDestinationPath: dir + "/selbst.yaml")
            return ["validate", dir]
        },
        HostileCase(name: "non-yaml-files-in-folder", status: 0, expect: ["not a YAML file", "validate: 1 file, 0 errors"]) {
            folder in
            try folder.file("runde/auental.yaml", try Corpus.valid())
            try folder.file("runde/Fragebogen.docx", "PK\u{3}\u{4}")
            try folder.file("runde/notizen.txt", "Notizen")
            return ["validate", folder.url("runde")]
        },
        HostileCase(name: "empty-folder", status: 1, expect: ["contains no YAML files"]) { folder in
            ["validate", try folder.folder("leer")]
        },
        HostileCase(name: "missing-file", status: 1, expect: ["no such file or folder"]) { folder in
            ["validate", folder.url("gibt-es-nicht.yaml")]
        },
        HostileCase(name: "one-broken-among-valid", status: 1, expect: ["# Briefing: Stadtbibliothek Auental", "runde/kaputt.yaml:11:8", "expected a whole number"]) {
            folder in
            try folder.file("runde/auental.yaml", try Corpus.valid())
            try folder.file("runde/kaputt.yaml", try valid(replacing: "round: 1", with: "round: eins"))
            return ["brief", "--format", "md", folder.url("runde")]
        },
        // A file the operating system refuses to read even for root: /proc/self/mem cannot be read at offset 0.
        HostileCase(name: "file-the-os-refuses-to-read", status: 1, expect: ["cannot read", "error"]) { folder in
            let link = folder.url("gesperrt.yaml")
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/mem")
            return ["validate", link]
        },
        // A named pipe (FIFO) nobody writes to: opening it used to block forever; now it reads as empty.
        HostileCase(name: "fifo-given-as-file", status: 1, expect: ["pipe.yaml:1:1: error: file is empty"]) { folder in
            let path = folder.url("pipe.yaml")
            guard mkfifo(path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return ["validate", path]
        },
        HostileCase(name: "fifo-in-folder", status: 0, expect: ["pipe.yaml", "validate: 1 file, 0 errors"]) { folder in
            try folder.file("runde/auental.yaml", try Corpus.valid())
            guard mkfifo(folder.url("runde/pipe.yaml"), 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return ["validate", folder.url("runde")]
        },
    ]

    // MARK: - Rubric and output

    static let rubricAndOutput: [HostileCase] = [
        HostileCase(name: "rubric-folder-missing", status: 1, expect: ["rubric folder '/nope' does not exist"]) { folder in
            ["validate", "--rubric", "/nope", try folder.file("q.yaml", try Corpus.valid())]
        },
        HostileCase(name: "broken-rubric-file", status: 1, expect: ["workflow.yaml", "the rubric in"]) { folder in
            let rubric = try folder.folder("rubrik")
            for name in try FileManager.default.contentsOfDirectory(atPath: Assess.rubric) {
                try FileManager.default.copyItem(atPath: Assess.rubric + "/" + name, toPath: rubric + "/" + name)
            }
            try folder.file("rubrik/workflow.yaml", "format: 1\nid: workflow\nquestions: [\n")
            return ["validate", "--rubric", rubric, try folder.file("q.yaml", try Corpus.valid())]
        },
        // Found in review of the sampler the rubric fuzzer drives: a date band starting 1e30 months back trapped in
        // Int(), and one starting 100,000 months back (before year 1) looped forever in `rubric check`.
        HostileCase(
            name: "rubric-date-band-before-year-1", status: 0, expect: ["every level 1–5 reachable"], timeout: 240
        ) { folder in
            let rubric = try folder.folder("rubrik")
            for name in try FileManager.default.contentsOfDirectory(atPath: Assess.rubric) {
                try FileManager.default.copyItem(atPath: Assess.rubric + "/" + name, toPath: rubric + "/" + name)
            }
            let path = rubric + "/exploration.yaml"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            guard let range = text.range(of: "      - {from: 12, points: 4}") else { throw CocoaError(.fileReadCorruptFile) }
            try text.replacingCharacters(
                in: range, with: "      - {from: 12, to: 100000, points: 4}\n      - {from: 100000, to: 1e30, points: 4}\n      - {from: 1e30, points: 4}"
            ).write(toFile: path, atomically: false, encoding: .utf8)
            return ["rubric", "check", rubric]
        },
        HostileCase(name: "output-onto-input", status: 1, expect: ["refusing to write"]) { folder in
            let input = try folder.file("q.yaml", try Corpus.valid())
            return ["brief", "--output", input, input]
        },
        HostileCase(name: "output-into-missing-folder", status: 1, expect: ["does not exist"]) { folder in
            ["brief", "--output", folder.url("fehlt/bericht.md"), try folder.file("q.yaml", try Corpus.valid())]
        },
        HostileCase(name: "output-to-unwritable-place", status: 1, expect: ["cannot write '/proc/assess-bericht.md'"]) {
            folder in
            ["brief", "--output", "/proc/assess-bericht.md", try folder.file("q.yaml", try Corpus.valid())]
        },
        HostileCase(name: "output-onto-a-folder", status: 1, expect: ["it is a folder"]) { folder in
            ["template", "--output", try folder.folder("vorlagen")]
        },
        // For brief, an existing folder means "one briefing per library into this folder".
        HostileCase(name: "brief-output-into-a-folder", status: 0, expect: ["wrote 1 briefing into"]) { folder in
            ["brief", "--output", try folder.folder("berichte"), try folder.file("q.yaml", try Corpus.valid())]
        },
    ]

    // MARK: - Command line

    static let usage: [HostileCase] = [
        HostileCase(name: "unknown-subcommand", status: 64, expect: ["Unknown subcommand 'valdate'"]) { _ in
            ["valdate", "x.yaml"]
        },
        HostileCase(name: "unknown-option", status: 64, expect: ["Unknown option '--fromat'"]) { folder in
            ["brief", "--fromat", "md", try folder.file("q.yaml", try Corpus.valid())]
        },
        HostileCase(name: "valid-questionnaire", status: 0, expect: ["validate: 1 file, 0 errors"]) { folder in
            ["validate", try folder.file("q.yaml", try Corpus.valid())]
        },
    ]
}

/// The hostile-input corpus: every case runs the built binary with a time limit and checks exit status and message.
@Suite struct HostileInputTests {
    @Test(arguments: HostileCase.all)
    func hostileInput(_ testCase: HostileCase) throws {
        let folder = try TemporaryFolder()
        let arguments = try testCase.setup(folder)
        let outcome = try Assess.run(arguments, in: folder.path, timeout: testCase.timeout)
        #expect(outcome.isOrderly, "crash, internal error or hang: \(outcome)")
        #expect(outcome.status == testCase.status, "\(outcome)")
        let output = outcome.stderr + outcome.stdout
        for phrase in testCase.expect {
            #expect(output.contains(phrase), "missing '\(phrase)' in \(outcome)")
        }
        for phrase in testCase.reject {
            #expect(!output.contains(phrase), "unexpected '\(phrase)' in \(outcome)")
        }
    }

    @Test func corpusHasAtLeastFortyCases() {
        #expect(HostileCase.all.count >= 40)
        #expect(Set(HostileCase.all.map(\.name)).count == HostileCase.all.count, "case names must be unique")
    }

    /// Permissions: as a normal user a chmod-000 file is refused with "permission denied"; as root (in this
    /// container and in CI) permissions do not stop reads, so the file is read and validated like any other.
    /// The OS-level refusal is covered by `file-the-os-refuses-to-read`.
    @Test func unreadableFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.file("gesperrt.yaml", try Corpus.valid())
        chmod(path, 0o000)
        let outcome = try Assess.run(["validate", path], in: folder.path)
        #expect(outcome.isOrderly, "\(outcome)")
        if runningAsRoot {
            #expect(outcome.status == 0, "\(outcome)")
        } else {
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.contains("permission denied"), "\(outcome)")
        }
    }

    /// Every committed `fuzz-*.yaml` regression input (minimised fuzzer findings) runs through lint and validate
    /// without a crash, an internal error or a hang.
    @Test func fuzzRegressions() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Assess.corpus).filter { $0.hasPrefix("fuzz-") }
        for name in names.sorted() {
            let path = Assess.corpus + "/" + name
            for command in ["lint", "validate"] {
                let outcome = try Assess.run([command, path])
                #expect(outcome.isOrderly, "\(command) \(name): \(outcome)")
                #expect(outcome.status == 0 || outcome.status == 1, "\(command) \(name): \(outcome)")
            }
        }
    }
}
