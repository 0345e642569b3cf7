import Foundation
import Reports
import RubricModel
import Scoring
import Testing

/// The comparison fixture of Tests/Fixtures/compare: a three-dimension rubric and ten questionnaires of five
/// libraries in two rounds (the same cohort the engine tests use).
enum ProgrammeReportFixture {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let folder = testsFolder.appendingPathComponent("Fixtures/compare").path
    static let repository = testsFolder.deletingLastPathComponent()
    static let toolVersion = "0.0.0-test"

    static func rubric() throws -> Rubric {
        let result = RubricLoader.load(directory: folder + "/rubric")
        guard let rubric = result.rubric else { throw ProgrammeFixtureError("fixture rubric: \(result.diagnostics.map(\.message))") }
        return rubric
    }

    /// Questionnaires loaded under their file name (not the full path), so reports do not depend on the checkout.
    static func assessments(_ rubric: Rubric) throws -> [Assessment] {
        let cohort = folder + "/cohort"
        let names = try FileManager.default.contentsOfDirectory(atPath: cohort).filter { $0.hasSuffix(".yaml") }.sorted()
        let questionnaires = try names.map { name in
            let text = try String(contentsOfFile: cohort + "/" + name, encoding: .utf8)
            let result = QuestionnaireLoader.load(text: text, name: name, rubric: rubric)
            guard let questionnaire = result.questionnaire else { throw ProgrammeFixtureError("\(name): \(result.diagnostics.map(\.message))") }
            return questionnaire
        }
        let engine = ScoringEngine(rubric: rubric)
        return Cohort.group(questionnaires).rounds.map { engine.assess($0.questionnaires) }
    }

    static func view(_ options: ProgrammeOptions = ProgrammeOptions(), leftOut: [LeftOutFile] = []) throws -> (ProgrammeView, Rubric) {
        let rubric = try rubric()
        return (ProgrammeView(assessments: try assessments(rubric), rubric: rubric, options: options, leftOut: leftOut), rubric)
    }

    static func context(_ rubric: Rubric, language: String = "de", color: Bool = false) -> ReportContext {
        ReportContext(language: language, rubric: rubric, toolVersion: toolVersion, useColor: color)
    }

    /// A broken file as the command would list it.
    static let brokenFile = LeftOutFile(
        file: "samples/kaputt.yaml", line: 7, column: 3, code: "yaml-syntax", message: "mapping values are not allowed here")
}

struct ProgrammeFixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Byte-exact golden files under Tests/ReportsTests/Golden/programme/ (CSV line ends and the BOM matter).
///
/// `RECORD_GOLDEN=1` rewrites them and fails the test; a missing file is recorded and fails the same way.
enum ProgrammeGolden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/programme")

    static var recording: Bool {
        ProcessInfo.processInfo.environment["RECORD_GOLDEN"].map { !$0.isEmpty && $0 != "0" } ?? false
    }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let actualData = Data(actual.utf8)
        let expected = try? Data(contentsOf: url)
        if recording || expected == nil {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actualData.write(to: url)
                Issue.record("Recorded golden file programme/\(name); run the tests again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record golden file programme/\(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected, expected != actualData else { return }
        let expectedText = String(decoding: expected, as: UTF8.self)
        var diff: [String] = []
        let e = expectedText.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for index in 0..<max(e.count, a.count) where diff.count < 40 {
            let left = index < e.count ? e[index] : "<end of file>", right = index < a.count ? a[index] : "<end of file>"
            if left != right {
                let number = String(index + 1)
                diff.append(number + "- " + left.debugDescription)
                diff.append(number + "+ " + right.debugDescription)
            }
        }
        let message = "Output differs from golden file programme/\(name) (re-record with RECORD_GOLDEN=1):\n"
            + diff.joined(separator: "\n")
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

/// A small JSON Schema checker for the keywords docs/compare.schema.json uses: type, const, enum, oneOf, $ref,
/// properties, required, additionalProperties: false, items, minItems, maxItems, minimum, maximum.
struct MiniSchema {
    let root: [String: Any]

    func problems(_ value: Any, _ schema: [String: Any]? = nil, path: String = "$") -> [String] {
        var schema = schema ?? root
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/$defs/".count))
            schema = ((root["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
        }
        var problems: [String] = []
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matches = options.filter { self.problems(value, $0, path: path).isEmpty }.count
            if matches != 1 { problems.append("\(path): matches \(matches) of oneOf") }
        }
        if let constant = schema["const"], !Self.equal(constant, value) { problems.append("\(path): is not \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let type = schema["type"] as? String, !Self.matches(type, value) { return problems + ["\(path): not a \(type)"] }
        if let number = value as? NSNumber, !Self.isBool(value) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(path): above \(maximum)") }
        }
        if let object = value as? [String: Any], Self.matches("object", value) {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): '\(key)' is missing") }
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                if let childSchema = properties[key] as? [String: Any] {
                    problems += self.problems(child, childSchema, path: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path): unexpected key '\(key)'")
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { problems.append("\(path): fewer than \(minimum) items") }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum { problems.append("\(path): more than \(maximum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { problems += self.problems(item, items, path: "\(path)[\(index)]") }
            }
        }
        return problems
    }

    /// JSON `true`/`false` as `JSONSerialization` returns them: an NSNumber of ObjC type `c` (`__NSCFBoolean`).
    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func matches(_ type: String, _ value: Any) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        case "number": return value is NSNumber && !isBool(value)
        default: return true
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        return false
    }
}

/// Splits RFC 4180 CSV text into rows of fields (quoted fields may hold the delimiter, quotes and line breaks).
func parseCSV(_ text: String, delimiter: Character) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)
    if characters.first == "\u{FEFF}" { characters.removeFirst() }
    var index = 0
    while index < characters.count {
        let character = characters[index]
        if quoted {
            if character == "\"" {
                if index + 1 < characters.count, characters[index + 1] == "\"" {
                    field.append("\"")
                    index += 1
                } else {
                    quoted = false
                }
            } else {
                field.append(character)
            }
        } else if character == "\"" {
            quoted = true
        } else if character == delimiter {
            row.append(field)
            field = ""
        } else if character == "\r\n" || character == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(character)
        }
        index += 1
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
}
