import Diagnostics
import YAML

/// Reads a condition (docs/FORMAT.md §1.5). References are only checked later, once all questions are
/// known (`RubricChecks`), because conditions may point forward to questions of later dimensions.
enum ConditionReader {
    static let questionTests = [
        "is", "is_not", "includes", "at_least", "at_most", "below", "above", "points_at_least", "points_at_most",
        "answered", "dont_know",
    ]
    static let dimensionTests = ["level_at_least", "level_at_most", "score_at_least", "score_below"]

    static func read(_ node: Node, bag: inout DiagnosticBag) -> Condition? {
        guard let pairs = node.mapping else {
            bag.error(
                "invalid-condition",
                "a condition must be a mapping such as '{question: q, is: x}' or '{all: [...]}', found \(node.kindDescription)",
                at: node.location)
            return nil
        }
        let keys = pairs.compactMap { $0.key.scalar?.text }
        for combinator in ["all", "any"] where keys.contains(combinator) {
            guard pairs.count == 1, let items = node[combinator]?.sequence else {
                bag.error(
                    "invalid-condition", "'\(combinator)' takes a list of conditions and stands alone in its mapping",
                    at: node.location)
                return nil
            }
            if items.isEmpty {
                bag.error("invalid-condition", "'\(combinator)' needs at least one condition", at: node.location)
                return nil
            }
            let conditions = items.compactMap { read($0, bag: &bag) }
            guard conditions.count == items.count else { return nil }
            return combinator == "all" ? .all(conditions) : .any(conditions)
        }
        if keys.contains("not") {
            guard pairs.count == 1, let inner = node["not"] else {
                bag.error("invalid-condition", "'not' takes one condition and stands alone in its mapping", at: node.location)
                return nil
            }
            return read(inner, bag: &bag).map { .not($0) }
        }
        if keys.contains("question") { return readQuestionAtom(node, bag: &bag) }
        if keys.contains("dimension") { return readDimensionAtom(node, bag: &bag) }
        let known = ["all", "any", "not", "question", "dimension"]
        let first = pairs.first?.key
        let suggestion = first?.scalar.flatMap { Suggestion.closest(to: $0.text, in: known) }
        bag.error(
            "invalid-condition", "a condition starts with 'question', 'dimension', 'all', 'any' or 'not'",
            at: first?.location ?? node.location, hint: suggestion.map { "did you mean '\($0)'?" })
        return nil
    }

    private static func readQuestionAtom(_ node: Node, bag: inout DiagnosticBag) -> Condition? {
        guard let questionNode = node["question"], let questionID = IdentifierRules.read(questionNode, bag: &bag),
            let (key, value) = singleTest(node, allowed: questionTests, bag: &bag)
        else { return nil }
        let test: QuestionAtom.Test
        switch key {
        case "is", "is_not":
            guard let values = stringList(value, bag: &bag) else { return nil }
            test = key == "is" ? .isOneOf(values) : .isNoneOf(values)
        case "includes":
            guard let option = value.string().report(into: &bag) else { return nil }
            test = .includes(option)
        case "answered", "dont_know":
            guard let flag = value.bool().report(into: &bag) else { return nil }
            test = key == "answered" ? .answered(flag) : .dontKnow(flag)
        default:
            guard let number = value.decimal().report(into: &bag) else { return nil }
            switch key {
            case "at_least": test = .atLeast(number)
            case "at_most": test = .atMost(number)
            case "below": test = .below(number)
            case "above": test = .above(number)
            case "points_at_least": test = .pointsAtLeast(number)
            default: test = .pointsAtMost(number)
            }
        }
        return .question(QuestionAtom(questionID: questionID, test: test, location: questionNode.location))
    }

    private static func readDimensionAtom(_ node: Node, bag: inout DiagnosticBag) -> Condition? {
        guard let dimensionNode = node["dimension"], let dimensionID = IdentifierRules.read(dimensionNode, bag: &bag),
            let (key, value) = singleTest(node, allowed: dimensionTests, bag: &bag)
        else { return nil }
        let test: DimensionAtom.Test
        switch key {
        case "level_at_least", "level_at_most":
            guard let level = value.integer().report(into: &bag) else { return nil }
            guard (1...5).contains(level) else {
                bag.error("out-of-range", "levels are 1 to 5, found \(level)", at: value.location)
                return nil
            }
            test = key == "level_at_least" ? .levelAtLeast(level) : .levelAtMost(level)
        default:
            guard let score = value.decimal().report(into: &bag) else { return nil }
            test = key == "score_at_least" ? .scoreAtLeast(score) : .scoreBelow(score)
        }
        return .dimension(DimensionAtom(dimensionID: dimensionID, test: test, location: dimensionNode.location))
    }

    /// The one test key of an atom besides `question`/`dimension`.
    private static func singleTest(_ node: Node, allowed: [String], bag: inout DiagnosticBag) -> (String, Node)? {
        let tests = (node.mapping ?? []).filter {
            let key = $0.key.scalar?.text
            return key != "question" && key != "dimension"
        }
        guard tests.count == 1, let key = tests[0].key.scalar?.text else {
            bag.error(
                "invalid-condition",
                tests.isEmpty
                    ? "the condition names no test; add one of: \(allowed.joined(separator: ", "))"
                    : "a condition atom takes exactly one test; combine several with 'all'",
                at: tests.count > 1 ? tests[1].key.location : node.location)
            return nil
        }
        guard allowed.contains(key) else {
            let suggestion = Suggestion.closest(to: key, in: allowed)
            bag.error(
                "invalid-condition", "unknown test '\(key)'", at: tests[0].key.location,
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "allowed: \(allowed.joined(separator: ", "))")
            return nil
        }
        return (key, tests[0].value)
    }

    private static func stringList(_ node: Node, bag: inout DiagnosticBag) -> [String]? {
        if let items = node.sequence {
            let values = items.compactMap { $0.string().report(into: &bag) }
            return values.count == items.count ? values : nil
        }
        return node.string().report(into: &bag).map { [$0] }
    }
}
