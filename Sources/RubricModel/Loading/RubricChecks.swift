import Diagnostics

/// Checks that need the whole rubric: unique ids, references in conditions, bands, roles, prerequisites.
/// (Reachability of levels and triggers needs the scoring engine; see `RubricAnalysis` in Scoring.)
enum RubricChecks {
    static func check(_ rubric: Rubric, bag: inout DiagnosticBag) {
        checkUniqueIDs(rubric, bag: &bag)
        let dimensionIDs = rubric.dimensions.map(\.id)
        for dimension in rubric.dimensions {
            for question in dimension.questions { checkQuestion(question, rubric: rubric, bag: &bag) }
            for gate in dimension.gates {
                checkCondition(gate.require, rubric: rubric, allowDimensions: false, context: "gate '\(gate.id)'", bag: &bag)
            }
            for recommendation in dimension.recommendations {
                checkCondition(recommendation.when, rubric: rubric, allowDimensions: true, context: "recommendation '\(recommendation.id)'", bag: &bag)
                if let condition = recommendation.requiredCondition {
                    checkCondition(condition, rubric: rubric, allowDimensions: true, context: "recommendation '\(recommendation.id)'", bag: &bag)
                }
                for required in recommendation.requiredRecommendations where rubric.recommendation(required) == nil {
                    let suggestion = Suggestion.closest(to: required, in: rubric.allRecommendations.map(\.id))
                    bag.error(
                        "unknown-recommendation", "recommendation '\(recommendation.id)' requires unknown recommendation '\(required)'",
                        at: recommendation.location, hint: suggestion.map { "did you mean '\($0)'?" })
                }
                if let note = recommendation.legalNote, rubric.legalNote(note) == nil {
                    let suggestion = Suggestion.closest(to: note, in: rubric.legalNotes.map(\.id))
                    bag.error(
                        "unknown-legal-note", "recommendation '\(recommendation.id)' names unknown legal note '\(note)'",
                        at: recommendation.location, hint: suggestion.map { "did you mean '\($0)'?" })
                }
            }
        }
        for rule in rubric.allConsistencyRules {
            checkCondition(rule.when, rubric: rubric, allowDimensions: true, context: "consistency rule '\(rule.id)'", bag: &bag)
        }
        checkPrerequisiteCycles(rubric, bag: &bag)
        checkSkipLogicCycles(rubric, bag: &bag)
        if rubric.levels.map(\.level) != [1, 2, 3, 4, 5] {
            bag.error("missing-level", "the model must describe levels 1 to 5", at: nil)
        }
        _ = dimensionIDs
    }

    private static func checkUniqueIDs(_ rubric: Rubric, bag: inout DiagnosticBag) {
        func unique<T>(_ items: [T], id: (T) -> String, location: (T) -> SourceLocation, what: String) {
            var seen: [String: SourceLocation] = [:]
            for item in items {
                if let first = seen[id(item)] {
                    bag.error(
                        "duplicate-id", "\(what) id '\(id(item))' is used twice", at: location(item),
                        notes: [.init("first used here", at: first)])
                } else {
                    seen[id(item)] = location(item)
                }
            }
        }
        unique(rubric.allQuestions, id: \.id, location: \.location, what: "question")
        unique(rubric.allRecommendations, id: \.id, location: \.location, what: "recommendation")
        unique(rubric.allConsistencyRules, id: \.id, location: \.location, what: "consistency rule")
        for dimension in rubric.dimensions {
            unique(dimension.gates, id: \.id, location: \.location, what: "gate")
        }
        for question in rubric.allQuestions {
            unique(question.options, id: \.id, location: \.location, what: "option")
        }
    }

    private static func checkQuestion(_ question: Question, rubric: Rubric, bag: inout DiagnosticBag) {
        let subject = "question '\(question.id)'"
        if let condition = question.appliesWhen {
            checkCondition(condition, rubric: rubric, allowDimensions: false, context: subject, bag: &bag)
            if condition.questionIDs.contains(question.id) {
                bag.error("skip-logic-cycle", "\(subject) depends on its own answer in 'applies_when'", at: question.location)
            }
        }
        if let authority = question.authority {
            if rubric.role(authority) == nil {
                let suggestion = Suggestion.closest(to: authority, in: rubric.roles.map(\.id))
                bag.error(
                    "unknown-role", "\(subject) names unknown role '\(authority)' as authority", at: question.location,
                    hint: suggestion.map { "did you mean '\($0)'?" })
            }
            if question.combine != .authority {
                bag.warning("unused-authority", "\(subject) names an authority but does not use 'combine: authority'", at: question.location)
            }
        } else if question.combine == .authority {
            bag.error("missing-field", "\(subject) uses 'combine: authority' but names no 'authority' role", at: question.location)
        }
        if question.combine == .mean, !question.type.isNumeric {
            bag.error(
                "invalid-value", "\(subject): 'combine: mean' needs a numeric question (scale, number, count, percent)",
                at: question.location)
        }
        if question.type == .multi, !question.options.isEmpty {
            let total = question.options.reduce(0) { $0 + $1.points }
            if total < question.maxPoints {
                bag.error(
                    "unreachable-points",
                    "\(subject): all options together give \(total) points, less than 'max_points' \(question.maxPoints), so full marks are impossible",
                    at: question.location)
            }
        }
        if question.type == .choice, let best = question.options.map(\.points).max(), best < 4 {
            bag.warning(
                "no-full-marks", "\(subject): no option gives 4 points, so the dimension can never reach a score of 100",
                at: question.location)
        }
        checkBands(question, bag: &bag)
    }

    private static func checkBands(_ question: Question, bag: inout DiagnosticBag) {
        guard !question.bands.isEmpty else { return }
        let subject = "question '\(question.id)'"
        let start = question.type == .date ? 0 : question.minimum
        if question.bands[0].from != start {
            bag.error(
                "band-gap", "\(subject): the first band starts at \(question.bands[0].from.formattedForMessage), but answers start at \(start.formattedForMessage)",
                at: question.bands[0].location, hint: "let the first band start at 'from: \(start.formattedForMessage)'")
        }
        for (previous, band) in zip(question.bands, question.bands.dropFirst()) {
            guard let end = previous.to else {
                bag.error(
                    "band-overlap", "\(subject): a band without 'to' must be the last one", at: previous.location)
                return
            }
            if band.from > end {
                bag.error(
                    "band-gap", "\(subject): no band covers \(end.formattedForMessage) up to \(band.from.formattedForMessage)",
                    at: band.location, hint: "let this band start at 'from: \(end.formattedForMessage)'")
            } else if band.from < end {
                bag.error(
                    "band-overlap", "\(subject): this band starts at \(band.from.formattedForMessage), inside the previous band (which ends at \(end.formattedForMessage))",
                    at: band.location, hint: "let this band start at 'from: \(end.formattedForMessage)'")
            }
        }
        if let last = question.bands.last, let end = last.to {
            if let maximum = question.maximum {
                if end <= maximum {
                    bag.error(
                        "band-gap", "\(subject): answers up to \(maximum.formattedForMessage) are allowed, but the last band ends below \(end.formattedForMessage)",
                        at: last.location, hint: "leave out 'to' in the last band, or make it larger than the maximum")
                }
            } else {
                bag.error(
                    "band-gap", "\(subject): answers have no maximum, but the last band ends at \(end.formattedForMessage)",
                    at: last.location, hint: "leave out 'to' in the last band, or set 'max' on the question")
            }
        }
    }

    static func checkCondition(
        _ condition: Condition, rubric: Rubric, allowDimensions: Bool, context: String, bag: inout DiagnosticBag
    ) {
        switch condition {
        case .all(let items), .any(let items):
            for item in items { checkCondition(item, rubric: rubric, allowDimensions: allowDimensions, context: context, bag: &bag) }
        case .not(let inner):
            checkCondition(inner, rubric: rubric, allowDimensions: allowDimensions, context: context, bag: &bag)
        case .dimension(let atom):
            if !allowDimensions {
                bag.error(
                    "invalid-condition", "\(context) cannot depend on a dimension's level or score (those are computed after it)",
                    at: atom.location)
            }
            if rubric.dimension(atom.dimensionID) == nil {
                let suggestion = Suggestion.closest(to: atom.dimensionID, in: rubric.dimensions.map(\.id))
                bag.error(
                    "unknown-dimension", "\(context) refers to unknown dimension '\(atom.dimensionID)'", at: atom.location,
                    hint: suggestion.map { "did you mean '\($0)'?" })
            }
        case .question(let atom):
            checkQuestionAtom(atom, rubric: rubric, context: context, bag: &bag)
        }
    }

    private static func checkQuestionAtom(_ atom: QuestionAtom, rubric: Rubric, context: String, bag: inout DiagnosticBag) {
        guard let question = rubric.question(atom.questionID) else {
            let suggestion = Suggestion.closest(to: atom.questionID, in: rubric.allQuestions.map(\.id))
            bag.error(
                "unknown-question", "\(context) refers to unknown question '\(atom.questionID)'", at: atom.location,
                hint: suggestion.map { "did you mean '\($0)'?" })
            return
        }
        func mismatch(_ test: String, _ expected: String) {
            bag.error(
                "invalid-condition", "\(context): '\(test)' does not fit question '\(question.id)' of type '\(question.type.rawValue)'",
                at: atom.location, hint: expected)
        }
        switch atom.test {
        case .isOneOf(let values), .isNoneOf(let values):
            switch question.type {
            case .choice:
                for value in values where question.option(value) == nil {
                    let suggestion = Suggestion.closest(to: value, in: question.options.map(\.id))
                    bag.error(
                        "unknown-option", "\(context): question '\(question.id)' has no option '\(value)'", at: atom.location,
                        hint: suggestion.map { "did you mean '\($0)'?" }
                            ?? "options: \(question.options.map(\.id).joined(separator: ", "))")
                }
            case .yesno:
                for value in values where value != "yes" && value != "no" {
                    bag.error("unknown-option", "\(context): a yes/no question is 'yes' or 'no', found '\(value)'", at: atom.location)
                }
            case .scale:
                for value in values where Int(value).map({ !(0...4).contains($0) }) ?? true {
                    bag.error("unknown-option", "\(context): a scale answer is 0 to 4, found '\(value)'", at: atom.location)
                }
            default:
                mismatch("is", "use 'at_least', 'at_most', 'below' or 'above' for numbers")
            }
        case .includes(let value):
            if question.type != .multi {
                mismatch("includes", "'includes' is for multiple-choice questions; use 'is'")
            } else if question.option(value) == nil {
                let suggestion = Suggestion.closest(to: value, in: question.options.map(\.id))
                bag.error(
                    "unknown-option", "\(context): question '\(question.id)' has no option '\(value)'", at: atom.location,
                    hint: suggestion.map { "did you mean '\($0)'?" })
            }
        case .atLeast, .atMost, .below, .above:
            if !(question.type.isNumeric || question.type == .date) {
                mismatch("at_least/at_most/below/above", "compare points instead: 'points_at_least' or 'points_at_most'")
            }
        case .pointsAtLeast(let points), .pointsAtMost(let points):
            if !question.isScored { mismatch("points_at_least/points_at_most", "this question gives no points") }
            if !(0...4).contains(points) {
                bag.error("out-of-range", "\(context): points are 0 to 4, found \(points.formattedForMessage)", at: atom.location)
            }
        case .answered, .dontKnow:
            break
        }
    }

    private static func checkPrerequisiteCycles(_ rubric: Rubric, bag: inout DiagnosticBag) {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = Set<String>()
        func visit(_ id: String, path: [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                let cycle = Array(path.drop(while: { $0 != id })) + [id]
                if reported.insert(cycle.sorted().joined(separator: ",")).inserted, let recommendation = rubric.recommendation(id) {
                    bag.error(
                        "prerequisite-cycle", "recommendations require each other in a cycle: \(cycle.joined(separator: " → "))",
                        at: recommendation.location, hint: "remove one of the 'requires' entries")
                }
                return
            }
            state[id] = 1
            for next in rubric.recommendation(id)?.requiredRecommendations ?? [] { visit(next, path: path + [id]) }
            state[id] = 2
        }
        for recommendation in rubric.allRecommendations { visit(recommendation.id, path: []) }
    }

    private static func checkSkipLogicCycles(_ rubric: Rubric, bag: inout DiagnosticBag) {
        var state: [String: Int] = [:]
        func visit(_ id: String, path: [String]) -> Bool {
            if state[id] == 2 { return false }
            if state[id] == 1 {
                if let question = rubric.question(id) {
                    let cycle = Array(path.drop(while: { $0 != id })) + [id]
                    bag.error(
                        "skip-logic-cycle", "questions depend on each other in 'applies_when': \(cycle.joined(separator: " → "))",
                        at: question.location)
                }
                return true
            }
            state[id] = 1
            for next in rubric.question(id)?.appliesWhen?.questionIDs ?? [] where next != id {
                if visit(next, path: path + [id]) { state[id] = 2; return true }
            }
            state[id] = 2
            return false
        }
        for question in rubric.allQuestions { _ = visit(question.id, path: []) }
    }
}
