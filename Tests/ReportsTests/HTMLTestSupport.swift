import Foundation
import Reports
import RubricModel
import Scoring
import Testing
import YAML

/// The fixed four-dimension rubric and questionnaires in `Tests/ReportsTests/HTMLFixtures/` (a radar chart
/// needs at least three axes), plus briefings sampled from the shipped rubric.
enum HTMLFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HTMLFixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let toolVersion = "0.0.0-test"

    struct Invalid: Error { var message: String }

    static func rubric(at path: String) throws -> Rubric {
        let result = RubricLoader.load(directory: path)
        guard let rubric = result.rubric else {
            throw Invalid(message: "rubric \(path) does not load: \(result.diagnostics.map(\.message))")
        }
        return rubric
    }

    static func fixtureRubric() throws -> Rubric { try rubric(at: directory.appendingPathComponent("rubric").path) }

    static func questionnaire(_ name: String, rubric: Rubric) throws -> Questionnaire {
        let text = try String(contentsOf: directory.appendingPathComponent("questionnaires/\(name)"), encoding: .utf8)
        let result = QuestionnaireLoader.load(text: text, name: name, rubric: rubric)
        guard let questionnaire = result.questionnaire else {
            throw Invalid(message: "questionnaire \(name) does not load: \(result.diagnostics.map(\.message))")
        }
        return questionnaire
    }

    /// The golden briefing: two rounds, head and team each.
    static func briefing(withPrevious: Bool = true) throws -> (Briefing, Rubric) {
        let rubric = try fixtureRubric()
        let current = try ["round2-head.yaml", "round2-team.yaml"].map { try questionnaire($0, rubric: rubric) }
        let previous = withPrevious ? try ["round1-head.yaml", "round1-team.yaml"].map { try questionnaire($0, rubric: rubric) } : nil
        return (BriefingBuilder(rubric: rubric).build(current: current, previous: previous), rubric)
    }

    /// A briefing from sampled answers: two rounds, a head and a team member per round, random targets.
    static func sampledBriefing(rubric: Rubric, seed: UInt64, library: LibraryInfo? = nil, names: (String, String) = ("Petra Lang", "Jonas Weber"))
        -> Briefing
    {
        var generator = SeededGenerator(seed: seed)
        var sampler = AnswerSampler(rubric: rubric)
        let library = library ?? LibraryInfo(id: "sample-\(seed)", name: "Stadtbücherei Probe \(seed)")
        func round(_ number: Int, bias: Double) -> [Questionnaire] {
            sampler.date = CalendarDate(year: 2025 + number / 2, month: number % 2 == 1 ? 9 : 3, day: 10)!
            return [("head", names.0), ("team", names.1)].map { role, name in
                var q = sampler.random(using: &generator, bias: bias)
                q.library = library
                q.round = number
                q.coachingDay = number + 1
                q.respondent = Respondent(role: role, name: name)
                q.file = "round\(number)-\(role).yaml"
                if role == "head" {
                    for dimension in rubric.dimensions where generator.next() % 3 != 0 {
                        q.targets[dimension.id] = Int(2 + generator.next() % 4)
                    }
                }
                return q
            }
        }
        let previous = round(1, bias: 0.25 + Double(seed % 4) * 0.1)
        let current = round(2, bias: 0.4 + Double(seed % 5) * 0.1)
        return BriefingBuilder(rubric: rubric).build(current: current, previous: previous)
    }

    static func context(_ language: String, rubric: Rubric) -> ReportContext {
        ReportContext(language: language, rubric: rubric, toolVersion: toolVersion)
    }

    /// Writes `html` to `$HTML_PREVIEW_DIR/<name>` when that variable is set (for looking at the output in a browser).
    static func preview(_ html: String, name: String) {
        guard let folder = ProcessInfo.processInfo.environment["HTML_PREVIEW_DIR"], !folder.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? html.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
}

// MARK: - Markup checks

/// A small well-formedness checker for the HTML and SVG we write: every non-void element is closed in order,
/// every `<` starts a tag, every `&` starts one of the five entities we emit, attribute values are quoted.
enum Markup {
    static let voidElements: Set<String> = ["meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"]

    /// Problems found, empty when the markup is balanced.
    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        var stack: [String] = []
        let scalars = Array(html.unicodeScalars)
        var i = 0
        func text(_ from: Int, _ to: Int) -> String { String(String.UnicodeScalarView(scalars[from..<to])) }
        while i < scalars.count {
            let c = scalars[i]
            if c == "&" {
                let rest = text(i, min(scalars.count, i + 6))
                if !["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains(where: { rest.hasPrefix($0) }) {
                    problems.append("bare '&' at \(i): \(rest)")
                }
                i += 1
                continue
            }
            if c == ">" {
                problems.append("bare '>' at \(i)")
                i += 1
                continue
            }
            guard c == "<" else {
                i += 1
                continue
            }
            guard let end = scalars[i...].firstIndex(of: ">") else {
                problems.append("unterminated tag at \(i)")
                break
            }
            let tag = text(i + 1, end)
            i = end + 1
            if tag.hasPrefix("!DOCTYPE") || tag.hasPrefix("!doctype") { continue }
            if tag.hasPrefix("/") {
                let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                if stack.last == name {
                    stack.removeLast()
                } else {
                    problems.append("closing </\(name)> but open is <\(stack.last ?? "nothing")>")
                }
                continue
            }
            guard let first = tag.unicodeScalars.first, CharacterSet.letters.contains(first) else {
                problems.append("'<' that starts no tag: <\(tag.prefix(20))")
                continue
            }
            let name = String(tag.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
            problems += attributeProblems(tag, name: name)
            if tag.hasSuffix("/") || voidElements.contains(name) { continue }
            if name == "style" || name == "script" {
                // Raw text: skip to the end tag.
                let needle = Array("</\(name)>".unicodeScalars)
                guard let close = (i...max(i, scalars.count - needle.count)).first(where: { Array(scalars[$0..<min(scalars.count, $0 + needle.count)]) == needle }) else {
                    problems.append("unclosed <\(name)>")
                    break
                }
                i = close + needle.count
                continue
            }
            stack.append(name)
        }
        if !stack.isEmpty { problems.append("unclosed elements: \(stack)") }
        return problems
    }

    /// Attribute values must be double-quoted and contain no raw `<` or `"`.
    static func attributeProblems(_ tag: String, name: String) -> [String] {
        var body = Substring(tag.dropFirst(name.count))
        if body.hasSuffix("/") { body = body.dropLast() }
        var problems: [String] = []
        while let equals = body.firstIndex(of: "=") {
            let afterEquals = body[body.index(after: equals)...]
            guard afterEquals.first == "\"" else {
                problems.append("unquoted attribute value in <\(name)>")
                break
            }
            let valueStart = afterEquals.index(after: afterEquals.startIndex)
            guard let close = afterEquals[valueStart...].firstIndex(of: "\"") else {
                problems.append("unterminated attribute value in <\(name)>")
                break
            }
            if afterEquals[valueStart..<close].contains("<") { problems.append("'<' inside an attribute of <\(name)>") }
            body = afterEquals[afterEquals.index(after: close)...]
        }
        return problems
    }

    /// Every `<svg …>…</svg>` element in `html`.
    static func svgElements(_ html: String) -> [String] {
        var result: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            result.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return result
    }

    /// Attribute `name` of every tag that has it, as numbers.
    static func numbers(_ svg: String, attribute name: String) -> [Double] {
        values(svg, attribute: name).compactMap(Double.init)
    }

    static func values(_ svg: String, attribute name: String) -> [String] {
        var result: [String] = []
        var rest = Substring(svg)
        while let range = rest.range(of: " \(name)=\"") {
            let valueStart = range.upperBound
            guard let close = rest[valueStart...].firstIndex(of: "\"") else { break }
            result.append(String(rest[valueStart..<close]))
            rest = rest[close...]
        }
        return result
    }

    /// Every point an SVG element places: (x, y), (x1, y1), (x2, y2), (cx, cy), polygon/polyline points, and the
    /// far corner of rects. Returns the viewBox too.
    static func points(_ svg: String) -> (viewBox: (x: Double, y: Double, width: Double, height: Double), points: [(Double, Double)])? {
        let box = values(svg, attribute: "viewBox").first?.split(separator: " ").compactMap { Double($0) } ?? []
        guard box.count == 4 else { return nil }
        var points: [(Double, Double)] = []
        var tags: [Substring] = []
        var rest = Substring(svg)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            tags.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        for tag in tags.dropFirst() {  // the <svg> tag itself has width/height, not points
            let t = String(tag)
            func number(_ name: String) -> Double? { values(t, attribute: name).first.flatMap(Double.init) }
            for (xName, yName) in [("x", "y"), ("x1", "y1"), ("x2", "y2"), ("cx", "cy")] {
                if let x = number(xName), let y = number(yName) { points.append((x, y)) }
            }
            if t.hasPrefix("<rect"), let x = number("x"), let y = number("y"), let w = number("width"), let h = number("height") {
                points.append((x + w, y + h))
            }
            if t.hasPrefix("<circle"), let x = number("cx"), let y = number("cy"), let r = number("r") {
                points.append((x - r, y - r))
                points.append((x + r, y + r))
            }
            for list in values(t, attribute: "points") {
                for pair in list.split(separator: " ") {
                    let xy = pair.split(separator: ",").compactMap { Double($0) }
                    if xy.count == 2 { points.append((xy[0], xy[1])) }
                }
            }
        }
        return ((box[0], box[1], box[2], box[3]), points)
    }

    /// Points of `svg` outside its viewBox.
    static func pointsOutsideViewBox(_ svg: String) -> [String] {
        guard let parsed = points(svg) else { return ["no viewBox"] }
        let box = parsed.viewBox
        return parsed.points.filter { x, y in
            x < box.x - 1e-9 || y < box.y - 1e-9 || x > box.x + box.width + 1e-9 || y > box.y + box.height + 1e-9
        }.map { "(\($0.0), \($0.1)) outside \(box)" }
    }
}
