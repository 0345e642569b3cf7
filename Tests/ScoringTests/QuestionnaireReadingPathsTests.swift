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

    /// Answers written in every shape the format allows, each valid.
    @Test func answerShapesReadAlike() throws {
        let base = try String(contentsOfFile: Self.sampleFiles[0], encoding: .utf8)
        var variants = [base, base.replacingOccurrences(of: "\n", with: "\r\n"), "\u{FEFF}" + base, "---\n" + base + "\n...\n"]
        variants.append(base.replacingOccurrences(of: "answers:", with: "answers:  # comment"))
        for (index, text) in variants.enumerated() { Self.expectAgreement(text, name: "shape-\(index).yaml") }
    }
}
