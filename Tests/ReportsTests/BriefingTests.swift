import Foundation
import Reports
import RubricModel
import Scoring
import Testing

@Suite("Briefing reports")
struct BriefingTests {
    // MARK: - Fixture sanity: the golden files only mean something when every section has content

    @Test func fixtureFillsEverySection() throws {
        let (briefing, _) = try ReportFixtures.briefing()
        #expect(briefing.previous != nil)
        #expect(briefing.assessment.respondents.count == 2)
        #expect(!briefing.improved.isEmpty)
        #expect(!briefing.worsened.isEmpty)
        #expect(briefing.followUps.contains { $0.resolved })
        #expect(briefing.followUps.contains { !$0.resolved })
        #expect(!briefing.disagreements.isEmpty)
        #expect(!briefing.nextLevelPaths.isEmpty)
        #expect(!briefing.assessment.consistency.isEmpty)
        #expect(!briefing.agenda.items.isEmpty)
        #expect(briefing.agenda.lunchStartMinute != nil)
        #expect(!briefing.agenda.homework.isEmpty)
        let reasons = briefing.agenda.leftOut.map(\.reason)
        #expect(reasons.contains(.noTimeLeft))
        #expect(reasons.contains(.notYet))
        #expect(reasons.contains { if case .needsFirst = $0 { true } else { false } })
        #expect(briefing.agenda.items.contains { ReportFixtures.legalNoteID(of: $0.recommendationID, in: briefing) != nil })
    }

    // MARK: - Golden files

    @Test(arguments: ["de", "en"]) func textGolden(language: String) throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = TextBriefingReporter().render(briefing, context: ReportFixtures.context(language, rubric: rubric))
        Golden.check(output, named: "briefing.\(language).txt")
    }

    @Test(arguments: ["de", "en"]) func markdownGolden(language: String) throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = MarkdownBriefingReporter().render(briefing, context: ReportFixtures.context(language, rubric: rubric))
        Golden.check(output, named: "briefing.\(language).md")
    }

    @Test(arguments: ["de", "en"]) func jsonGolden(language: String) throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = JSONBriefingReporter().render(briefing, context: ReportFixtures.context(language, rubric: rubric))
        Golden.check(output, named: "briefing.\(language).json")
    }

    @Test func firstRoundTextGolden() throws {
        let (briefing, rubric) = try ReportFixtures.briefing(withPrevious: false)
        let output = TextBriefingReporter().render(briefing, context: ReportFixtures.context("en", rubric: rubric))
        Golden.check(output, named: "briefing-first-round.en.txt")
    }

    // MARK: - Determinism

    @Test func reRenderingIsByteIdentical() throws {
        let reporters: [any BriefingReporter] = [TextBriefingReporter(), MarkdownBriefingReporter(), JSONBriefingReporter()]
        for reporter in reporters {
            for language in ["de", "en"] {
                let (first, rubric) = try ReportFixtures.briefing()
                let (second, _) = try ReportFixtures.briefing()
                let context = ReportFixtures.context(language, rubric: rubric)
                let a = reporter.render(first, context: context)
                #expect(a == reporter.render(first, context: context))
                #expect(a == reporter.render(second, context: context), "\(type(of: reporter).identifier) \(language)")
            }
        }
    }

    @Test func identifiers() {
        #expect(TextBriefingReporter.identifier == "text")
        #expect(MarkdownBriefingReporter.identifier == "md")
        #expect(JSONBriefingReporter.identifier == "json")
    }

    // MARK: - Content checks that do not depend on the golden files

    @Test func textHasNoColourUnlessAsked() throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let plain = TextBriefingReporter().render(briefing, context: ReportFixtures.context("en", rubric: rubric))
        let coloured = TextBriefingReporter().render(briefing, context: ReportFixtures.context("en", rubric: rubric, color: true))
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1m"))
        // Without the escape codes the coloured text says the same words.
        #expect(Self.stripANSI(coloured).replacingOccurrences(of: " ", with: "") == plain.replacingOccurrences(of: " ", with: ""))
    }

    @Test func textNamesConcreteNextStepsAndTimes() throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let de = TextBriefingReporter().render(briefing, context: ReportFixtures.context("de", rubric: rubric))
        #expect(de.contains("„Wer postet im Urlaub oder bei Krankheit?“ von „jemand springt ein“ auf „benannte Vertretung“ anheben"))
        #expect(de.contains("10.03.2026"))
        #expect(de.contains("Mittagspause"))
        #expect(de.contains("Stand: 01.11.2026"))
        let en = TextBriefingReporter().render(briefing, context: ReportFixtures.context("en", rubric: rubric))
        #expect(en.contains("raise 'Who posts during holidays or sickness?' from 'someone steps in' to 'named deputy'"))
        #expect(en.contains("10 Mar 2026"))
        #expect(en.contains("09:00–"))
        #expect(en.contains("needs 'Start an editorial calendar' first"))
        // Every on-day item's clock time appears.
        for item in briefing.agenda.items {
            #expect(en.contains(Format.clock(minutesAfterStart: item.startMinute!)))
        }
    }

    @Test func disagreementsComeLargestFirstInEveryFormat() throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let context = ReportFixtures.context("en", rubric: rubric)
        let texts = briefing.disagreements.map { context.questionText($0.questionID) }
        #expect(texts.count >= 2)
        for output in [TextBriefingReporter().render(briefing, context: context), MarkdownBriefingReporter().render(briefing, context: context)] {
            let positions = texts.map { output.range(of: $0)!.lowerBound }
            #expect(positions == positions.sorted())
        }
    }

    // MARK: - JSON

    @Test(arguments: ["de", "en"]) func jsonHasEveryKeyTheSchemaRequires(language: String) throws {
        let schemaURL = ReportFixtures.repository.appendingPathComponent("docs/briefing.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        for withPrevious in [true, false] {
            let (briefing, rubric) = try ReportFixtures.briefing(withPrevious: withPrevious)
            let output = JSONBriefingReporter().render(briefing, context: ReportFixtures.context(language, rubric: rubric))
            let document = try JSONSerialization.jsonObject(with: Data(output.utf8))
            var problems: [String] = []
            SchemaCheck(root: schema).check(document, against: schema, path: "$", problems: &problems)
            #expect(problems.isEmpty, "\(problems.prefix(10))")
        }
    }

    @Test func schemaCheckFindsAMissingKey() throws {
        let schemaURL = ReportFixtures.repository.appendingPathComponent("docs/briefing.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = JSONBriefingReporter().render(briefing, context: ReportFixtures.context("en", rubric: rubric))
        var document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        var agenda = try #require(document["agenda"] as? [String: Any])
        var sessions = try #require(agenda["sessions"] as? [[String: Any]])
        var items = try #require(sessions[0]["items"] as? [[String: Any]])
        items[0]["because"] = nil
        sessions[0]["items"] = items
        agenda["sessions"] = sessions
        document["agenda"] = agenda
        var problems: [String] = []
        SchemaCheck(root: schema).check(document, against: schema, path: "$", problems: &problems)
        #expect(problems == ["$.agenda.sessions[0].items[0]: missing 'because'"])
    }

    @Test func jsonIsValidAndCarriesIdsAndTexts() throws {
        let (briefing, rubric) = try ReportFixtures.briefing()
        let output = JSONBriefingReporter().render(briefing, context: ReportFixtures.context("de", rubric: rubric))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(document["schema_version"] as? Int == 1)
        let dimensions = try #require(document["dimensions"] as? [[String: Any]])
        #expect(dimensions.map { $0["id"] as? String } == briefing.assessment.dimensions.map(\.dimensionID))
        #expect(dimensions.map { $0["title"] as? String } == ["Integration ins Tagesgeschäft", "Träger und Partner"])
        #expect((dimensions[0]["score"] as? Double) == briefing.assessment.dimensions[0].score)
        let stamp = try #require(document["stamp"] as? [String: Any])
        #expect(stamp["rubric_hash"] as? String == rubric.contentHash)
        #expect(stamp["engine_version"] as? String == EngineVersion.current)
    }

    // MARK: - Helpers

    static func stripANSI(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if scalar == "m" { inEscape = false }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension ReportFixtures {
    static func legalNoteID(of recommendationID: String, in briefing: Briefing) -> String? {
        (try? rubric())?.recommendation(recommendationID)?.legalNote
    }
}

/// A small check of a JSON document against a JSON Schema: every `required` property must exist, recursively
/// through `properties`, `items`, `$ref` (local `#/$defs/…`) and `oneOf`/`anyOf` branches that fit the value.
/// Types are not checked beyond object/array/null; that is enough to catch a missing or renamed field.
struct SchemaCheck {
    let root: [String: Any]

    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(part)] ?? [:] }
        return resolve(node as? [String: Any] ?? [:])
    }

    func check(_ value: Any, against raw: [String: Any], path: String, problems: inout [String]) {
        let schema = resolve(raw)
        if value is NSNull { return }
        for key in ["oneOf", "anyOf"] {
            if let branches = schema[key] as? [[String: Any]] {
                // Use the first branch whose type fits the value.
                if let branch = branches.map(resolve).first(where: { fits(value, $0) }) {
                    check(value, against: branch, path: path, problems: &problems)
                }
            }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing '\(key)'")
            }
            for (key, sub) in (schema["properties"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                if let child = object[key], let subSchema = sub as? [String: Any] {
                    check(child, against: subSchema, path: "\(path).\(key)", problems: &problems)
                }
            }
        } else if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() { check(element, against: items, path: "\(path)[\(index)]", problems: &problems) }
        }
    }

    func fits(_ value: Any, _ schema: [String: Any]) -> Bool {
        let types: [String] = (schema["type"] as? [String]) ?? ((schema["type"] as? String).map { [$0] } ?? [])
        if types.isEmpty { return true }
        if value is [String: Any] { return types.contains("object") }
        if value is [Any] { return types.contains("array") }
        return !types.contains("object") && !types.contains("array")
    }
}
