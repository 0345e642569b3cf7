import Diagnostics
import Foundation
import Scoring
import Testing

@testable import RubricModel

/// `QuestionnaireLoader` reads a file that needs no diagnostic straight from the parser's events and every other
/// file through the document tree. The two must never disagree: whenever the event path accepts a file, the tree
/// path reports nothing about it and reads the very same questionnaire.
@Suite("Questionnaire reading: events and tree agree")
struct QuestionnaireReadingPathsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shipped = RubricLoader.load(directory: repository.appendingPathComponent("rubrics").path).rubric!

    static var sampleFiles: [String] {
        let samples = repository.appendingPathComponent("samples").path
        let names = ((try? FileManager.default.subpathsOfDirectory(atPath: samples)) ?? []).filter { $0.hasSuffix(".yaml") }
        return names.sorted().map { samples + "/" + $0 }
    }

    /// Reads `text` both ways; true when the event path accepted it.
    @discardableResult
    static func expectAgreement(_ text: String, name: String, rubric: Rubric = shipped) -> Bool {
        let bytes = Array(text.utf8)
        let quick = bytes.withUnsafeBufferPointer {
            QuestionnaireLoader.readWithoutTree(bytes: $0, file: name, rubric: rubric, limits: .default)
        }
        let full = QuestionnaireLoader.loadThroughTree(bytes: bytes, name: name, rubric: rubric)
        guard let quick else { return false }
        #expect(full.diagnostics.isEmpty, "\(name): the event path accepted a file with \(full.diagnostics.map(\.message))")
        #expect(full.questionnaire == quick, "\(name): the two paths read different questionnaires")
        return true
    }

    @Test func samplesReadAlike() throws {
        var quick = 0, clean = 0
        for file in Self.sampleFiles {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            if Self.expectAgreement(text, name: file) { quick += 1 }
            if QuestionnaireLoader.loadThroughTree(bytes: Array(text.utf8), name: file, rubric: Self.shipped).diagnostics.isEmpty {
                clean += 1
            }
        }
        // Every sample without a diagnostic takes the event path (the samples are what users write).
        #expect(quick == clean && quick > 30)
    }

    /// Small edits of the samples, most of which make the file unusual or wrong: wherever the event path still
    /// accepts the result, the tree path must agree.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func editedSamplesReadAlike(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let texts = try Self.sampleFiles.map { try String(contentsOfFile: $0, encoding: .utf8) }
        let values = [
            "dont-know", "weiß nicht", "n/a", "~", "", "0", "4", "5", "-1", "2,5", "1e3", "yes", "ja", "Nein", "[a, b]",
            "[]", "{answer: 2}", "{answer: ~, note: x}", "{note: x}", "&a 1", "*a", "!!str 3", "'3'", "\"ja\"",
            "2099-01-01", "01.02.2020", "31.02.2020", "instagram", "[instagram, instagram]", "|\n    text",
        ]
        var accepted = 0
        for index in 0..<150 {
            var lines = texts[Int.random(in: 0..<texts.count, using: &generator)].components(separatedBy: "\n")
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<max(1, lines.count - 1), using: &generator)
                switch Int.random(in: 0..<7, using: &generator) {
                case 0: lines.remove(at: at)
                case 1: lines.insert(lines[at], at: at)
                case 2:
                    if let colon = lines[at].range(of: ": ") {
                        lines[at] = String(lines[at][..<colon.upperBound]) + values.randomElement(using: &generator)!
                    }
                case 3: lines[at] = "  " + lines[at]
                case 4: lines[at] = String(lines[at].drop { $0 == " " })
                case 5: if lines[at].contains(":") { lines[at] = lines[at].replacingOccurrences(of: ":", with: "x:") }
                default: lines.swapAt(at, at + 1 < lines.count ? at + 1 : at)
                }
            }
            if Self.expectAgreement(lines.joined(separator: "\n"), name: "edit-\(seed)-\(index).yaml") { accepted += 1 }
        }
        // Both paths are exercised: some edits keep the file fine, most do not.
        #expect(accepted > 0 && accepted < 150)
    }

    /// Each top-level field of a sample left out in turn (with its indented lines): the event path checks the
    /// required ones itself and must give up exactly where the full reading reports a missing field.
    @Test func missingTopLevelFieldsReadAlike() throws {
        let lines = try String(contentsOfFile: Self.sampleFiles[0], encoding: .utf8).components(separatedBy: "\n")
        var accepted = 0, tried = 0
        for (at, line) in lines.enumerated() where !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#") {
            var edited = lines
            edited.remove(at: at)
            while at < edited.count, edited[at].hasPrefix(" ") { edited.remove(at: at) }
            tried += 1
            if Self.expectAgreement(edited.joined(separator: "\n"), name: "without-\(at).yaml") { accepted += 1 }
        }
        // Optional fields (coaching day, targets, notes) may go; the required ones may not.
        #expect(tried >= 8 && accepted >= 1 && accepted < tried)
    }

    /// Answers written in every shape the format allows, each valid.
    @Test func answerShapesReadAlike() throws {
        let base = try String(contentsOfFile: Self.sampleFiles[0], encoding: .utf8)
        var variants = [base, base.replacingOccurrences(of: "\n", with: "\r\n"), "\u{FEFF}" + base, "---\n" + base + "\n...\n"]
        variants.append(base.replacingOccurrences(of: "answers:", with: "answers:  # comment"))
        for (index, text) in variants.enumerated() { Self.expectAgreement(text, name: "shape-\(index).yaml") }
    }

    /// Every field beside the answers, written in the ways users write it and the ways the full reading reports:
    /// the event path reads each header itself and must take only what the tree takes, exactly as it reads it.
    @Test func headerFieldsReadAlike() throws {
        let base = try String(contentsOfFile: Self.sampleFiles[0], encoding: .utf8)
        let edits: [(line: String, replacements: [String])] = [
            ("format:", ["format: 1", "format: '1'", "format: 2", "format: ~", "format: [1]", "format: 01", "format: x"]),
            ("rubric:", ["rubric: social-media-maturity", "rubric: \"social-media-maturity\"", "rubric: other", "rubric: ~"]),
            ("rubric_version:", ["rubric_version: 1.0.0", "rubric_version: '1.0.0'", "rubric_version: 1.1.0", "rubric_version: 2.0.0"]),
            ("round:", ["round: 1", "round: 2", "round: 0", "round: 100", "round: '2'", "round: ~", "round: zwei", "round: 1.5"]),
            ("date:", ["date: 2026-01-01", "date: 01.03.2026", "date: '2026-03-01'", "date: 2026-02-30", "date: ~", "date: soon"]),
            ("coaching_day:", ["coaching_day: 2", "coaching_day: ~", "coaching_day:", "coaching_day: 0", "coaching_day: [2]"]),
            ("  id:", ["  id: lib-x", "  id: 'lib-x'", "  id: Lib-X", "  id: ~", "  id: 1lib", "  id: lib x"]),
            ("  name:", ["  name: Stadtbibliothek", "  name: 'Bücherei „Am Markt“'", "  name: ~", "  name: [a]", "  name: 12"]),
            ("  population:", ["  population: 0", "  population: ~", "  population: 100000001", "  population: -1", "  population: '5'"]),
            ("  staff:", ["  staff: 3", "  staff: ~", "  staff: 100001", "  staff: 2.5"]),
            ("  role:", ["  role: head", "  role: team", "  role: Head", "  role: chef", "  role: ~"]),
            ("targets:", ["targets: ~", "targets:", "targets: {workflow: 3}", "targets: {workflow: 6}", "targets: {workflw: 3}",
                "targets: {workflow: ~, strategy: 2}", "targets: {workflow: ~, workflow: 3}", "targets: {workflow: 2, workflow: 3}",
                "targets: [workflow]", "targets: 3", "targets: {workflow: drei}"]),
            ("notes:", ["notes: Alles gut", "notes: ~", "notes: [a, b]", "notes: |\n  zwei\n  Zeilen"]),
        ]
        var accepted = 0, tried = 0
        var acceptedLines: Set<String> = []
        for (prefix, replacements) in edits {
            var lines = base.components(separatedBy: "\n")
            // A field the sample lacks is added at the top (top-level) or after the library's id (nested); a
            // top-level field written as a block (the sample's targets) loses its indented lines.
            let at = lines.firstIndex { $0.hasPrefix(prefix) }
            if let at, !prefix.hasPrefix(" ") {
                while at + 1 < lines.count, lines[at + 1].hasPrefix("  ") { lines.remove(at: at + 1) }
            }
            for (index, replacement) in replacements.enumerated() {
                var edited = lines
                if let at {
                    edited[at] = replacement
                } else if prefix.hasPrefix("  ") {
                    let id = try #require(edited.firstIndex { $0.hasPrefix("  id:") })
                    edited.insert(replacement, at: id + 1)
                } else {
                    edited.insert(replacement, at: 0)
                }
                tried += 1
                if Self.expectAgreement(edited.joined(separator: "\n"), name: "header-\(prefix)-\(index).yaml") {
                    accepted += 1
                    acceptedLines.insert(replacement)
                }
            }
        }
        // Dropping a required field, repeating one, or adding an unknown one is for the tree to report.
        for field in ["format:", "rubric:", "rubric_version:", "library:", "round:", "date:", "respondent:", "answers:"] {
            var lines = base.components(separatedBy: "\n")
            let at = try #require(lines.firstIndex { $0.hasPrefix(field) }, "\(field)")
            lines[at] = "x" + lines[at]
            #expect(!Self.expectAgreement(lines.joined(separator: "\n"), name: "without-\(field).yaml"), "\(field)")
        }
        #expect(!Self.expectAgreement("coaching_day: 2\n" + base, name: "repeated.yaml") || !base.contains("coaching_day:"))
        #expect(!Self.expectAgreement("notse: x\n" + base, name: "unknown.yaml"))
        #expect(accepted > tried / 3 && accepted < tried, "\(accepted) of \(tried)")
        // What users write is read by the event path itself.
        let usual = ["format: 1", "rubric_version: 1.0.0", "round: 2", "date: 01.03.2026", "coaching_day: ~", "  id: 'lib-x'",
            "  name: 'Bücherei „Am Markt“'", "  population: ~", "  role: team", "targets: {workflow: 3}",
            "targets: {workflow: ~, strategy: 2}", "targets:", "notes: Alles gut"]
        #expect(acceptedLines.isSuperset(of: usual), "\(Set(usual).subtracting(acceptedLines).sorted())")
    }

    /// Every choice and multi question answered in each way that matters to matching options byte for byte: each
    /// option plain and quoted, in a list and beside a note, and near misses (case, spaces, unknown, repeated, the
    /// don't-know spellings, an empty list, a nested list). The event path must read each valid one itself.
    @Test func optionAnswersReadAlike() throws {
        let (accepted, tried) = try Self.answerEach(of: [.choice, .multi]) { question in
            let first = question.options[0].id, last = question.options[question.options.count - 1].id
            var values = question.options.map(\.id) + [
                "'\(first)'", "\"\(last)\"", "\(first.uppercased())", "' \(first)'", "\(first)x", "dont-know", "weiß nicht",
                "n/a", "~", "{answer: \(first), note: \"n\", evidence: e}", "{answer: '\(last)'}", "[\(first)]",
            ]
            if question.type == .multi {
                values += [
                    "[\(first), \(last)]", "[\(last), \(first), \(last)]", "[]", "[\(first), ~]", "[\(first), [\(last)]]",
                    "[\(first), unknown-option]", "{answer: [\(first), \(last)], note: n}", "[&a \(first)]", "['\(first)', \"\(last)\"]",
                ]
            }
            return values
        }
        // Each option, plain or quoted, is fine wherever the question applies; the near misses are not.
        #expect(accepted > tried / 3 && accepted < tried)
    }

    /// Every scale, number, percent and count question answered with numbers around its limits, in digits and
    /// in the other ways a number may be written. The event path reads plain digits itself.
    @Test func numberAnswersReadAlike() throws {
        let (accepted, tried) = try Self.answerEach(of: [.scale, .number, .percent, .count]) { question in
            var values = ["0", "1", "3", "4", "5", "7", "12", "40", "99", "100", "101", "007", "0755", "-1", "+3", "2,5", "2.5",
                "1e3", "'3'", "\"12\"", "' 3'", "3 ", "999999999", "1000000000", "1000000001", "12345678901", "dont-know",
                "n/a", "~", "zwölf", "{answer: 3, note: n}", "{answer: '40', evidence: e}", "[3]", "&a 3", "!!str 3",
                "trifft eher zu"]
            if let maximum = question.maximum { values += [String(Int(maximum)), String(Int(maximum) + 1)] }
            values.append(String(Int(question.minimum)))
            return values
        }
        #expect(accepted > tried / 4 && accepted < tried)
    }

    /// Every yes/no, date and text question answered in the ways users write them and the ways the full reading
    /// reports or reads otherwise (special spellings, spaces, quotes, block text, a date after the questionnaire's).
    /// The event path reads the plain ones itself.
    @Test func yesNoDateAndTextAnswersReadAlike() throws {
        let (accepted, tried) = try Self.answerEach(of: [.yesno, .date, .text]) { question in
            ["ja", "Nein", "YES", "off", "true", "jein", "' ja'", "'ja'", "\"nein\"", "ja ", "2025-07-01", "01.03.2026", "1.3.2026",
             "2026-02-30", "2099-01-01", "'2025-07-01'", "2025-07-01 ", "dont-know", "weiß nicht", "n/a", "k.A.", "~", "''",
             "Ein Satz mit Umlauten: Öffnungszeiten", "\"zitiert: ja\"", "'dont-know'", "|\n      zwei\n      Zeilen", "[ja]",
             "{answer: ja, note: n}", "{answer: 2025-07-01, evidence: e}", "&a ja", "!!str ja", "nein # Kommentar"]
        }
        #expect(accepted > tried / 4 && accepted < tried, "\(accepted) of \(tried)")
    }

    /// Answers each question of the given types with each of `values(question)` in turn, one line changed in the
    /// first sample, and holds both readings against each other; returns how many the event path took.
    static func answerEach(of types: Set<QuestionType>, values: (Question) -> [String]) throws -> (accepted: Int, tried: Int) {
        let base = try String(contentsOfFile: Self.sampleFiles[0], encoding: .utf8)
        var lines = base.components(separatedBy: "\n")
        var accepted = 0, tried = 0
        for question in Self.shipped.allQuestions where types.contains(question.type) {
            // The sample's line for this question, or a new one at the top of its dimension.
            let key = "    \(question.id):"
            let at: Int
            if let line = lines.firstIndex(where: { $0.hasPrefix(key) }) {
                at = line
            } else {
                guard let group = lines.firstIndex(of: "  \(question.dimensionID):") else { continue }
                lines.insert(key + " ~", at: group + 1)
                at = group + 1
            }
            let original = lines
            Self.removeContinuation(of: at, in: &lines)
            for (index, value) in values(question).enumerated() {
                lines[at] = key + " " + value
                tried += 1
                if Self.expectAgreement(lines.joined(separator: "\n"), name: "\(question.id)-\(index).yaml") { accepted += 1 }
            }
            lines = original
        }
        return (accepted, tried)
    }

    /// The quick test for a don't-know or not-applicable spelling may say "maybe" too often, never too rarely: for
    /// every text that `readValue` takes as one (each spelling in many letter cases, with spaces around it) it is
    /// true. It is false for the shipped rubric's option ids that only start like a spelling.
    @Test func specialSpellingsAreNeverMissed() {
        var generator = SeededGenerator(seed: 3)
        let spellings = QuestionnaireLoader.dontKnowSpellings + QuestionnaireLoader.notApplicableSpellings
        var texts: [String] = []
        for spelling in spellings {
            texts += [spelling, spelling.uppercased(), spelling.capitalized, " \(spelling)", "\(spelling)\t", "\(spelling)x"]
            for _ in 0..<20 {
                texts.append(spelling.map { Bool.random(using: &generator) ? $0.uppercased() : String($0) }.joined())
            }
        }
        texts += ["WEISS NICHT", "Entfällt", "ENTFÄLLT", "N/a", "dont_know", "d", "", "\u{A0}n/a", "n/a\u{A0}"]
        for text in texts {
            let special = spellings.contains(text.lowercased().trimmingWhitespaces)
            #expect(!special || QuestionnaireLoader.mayBeSpecialAnswer(utf8: text.utf8), "missed '\(text)'")
        }
        let options = Self.shipped.allQuestions.flatMap { $0.options.map(\.id) }
        let startingAlike = options.filter { ["d", "w", "n", "e"].contains($0.prefix(1)) }
        #expect(startingAlike.count > 10)
        #expect(startingAlike.allSatisfy { !QuestionnaireLoader.mayBeSpecialAnswer(utf8: $0.utf8) })
    }

    /// A rubric may name an option like a don't-know spelling; the full reading takes such an answer as "don't
    /// know", so the event path must not match it as the option.
    @Test func optionNamedLikeDontKnowReadsAlike() throws {
        let folder = Self.repository.appendingPathComponent("rubrics").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted().map {
            name -> (name: String, text: String) in
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            // The option 'four-or-more', which no rule names, becomes 'dont-know'.
            return (name, name == "workflow.yaml" ? text.replacingOccurrences(of: "{id: four-or-more,", with: "{id: dont-know,") : text)
        }
        let loaded = RubricLoader.load(files: files)
        let rubric = try #require(loaded.rubric, "\(loaded.diagnostics)")
        let question = try #require(rubric.question("content-creators"))
        #expect(question.option("dont-know") != nil)
        let base = try String(contentsOfFile: Self.sampleFiles[0], encoding: .utf8)
        var lines = base.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasPrefix("    content-creators:") })
        Self.removeContinuation(of: at, in: &lines)
        for value in ["dont-know", "{answer: dont-know, note: n}", "one-person"] {
            var edited = lines
            edited[at] = "    content-creators: \(value)"
            let text = edited.joined(separator: "\n")
            let quick = Self.expectAgreement(text, name: "dont-know-option.yaml", rubric: rubric)
            let read = QuestionnaireLoader.load(text: text, name: "dont-know-option.yaml", rubric: rubric)
            #expect(read.questionnaire?.answers["content-creators"]?.value != .option("dont-know"))
            if value == "one-person" { #expect(quick, "\(read.diagnostics)") }
        }
    }

    /// Removes the lines that continue the answer on line `at` (an answer written as an indented block), so that
    /// the line can be replaced by a one-line answer.
    /// Reading for scoring checks a file exactly as reading everything, and keeps all but the answers' notes and
    /// evidence: on the event path, and on the tree path a file with a warning takes.
    @Test func readingForScoringDropsOnlyTheRemarks() throws {
        var remarks = 0, throughTree = 0
        for file in Self.sampleFiles {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            var variants = [text]
            // An anchor is nothing to report, but the event path leaves it to the tree.
            if let answers = text.range(of: "\nanswers:") {
                variants.append(text.replacingCharacters(in: answers, with: "\nanswers: &answers"))
            }
            for variant in variants {
                let bytes = Array(variant.utf8)
                let everything = QuestionnaireLoader.load(bytes: bytes, name: file, rubric: Self.shipped, limits: .default)
                let scoring = QuestionnaireLoader.load(
                    bytes: bytes, name: file, rubric: Self.shipped, limits: .default, keeping: .scoring)
                #expect(scoring.diagnostics == everything.diagnostics, "\(file)")
                guard var expected = everything.questionnaire else {
                    #expect(scoring.questionnaire == nil, "\(file)")
                    continue
                }
                let quick = bytes.withUnsafeBufferPointer {
                    QuestionnaireLoader.readWithoutTree(bytes: $0, file: file, rubric: Self.shipped, limits: .default)
                }
                if quick == nil { throughTree += 1 }
                remarks += expected.answers.filter { $0.value.note != nil || $0.value.evidence != nil }.count
                expected.answers.removeRemarks()
                #expect(expected.answers.allSatisfy { $0.value.note == nil && $0.value.evidence == nil })
                #expect(scoring.questionnaire == expected, "\(file)")
            }
        }
        #expect(remarks > 100 && throughTree > 10, "the samples no longer carry enough notes, or no file took the tree")
    }

    static func removeContinuation(of at: Int, in lines: inout [String]) {
        while at + 1 < lines.count, lines[at + 1].hasPrefix("      ") { lines.remove(at: at + 1) }
    }
}
