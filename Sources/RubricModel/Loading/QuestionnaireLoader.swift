import Diagnostics
import Foundation
import YAML

/// Reads a questionnaire and checks it against a rubric (docs/FORMAT.md §2). Every problem is reported at
/// its line and column; `questionnaire` is nil when there were errors.
public enum QuestionnaireLoader {
    public struct Result: Sendable {
        public var questionnaire: Questionnaire?
        public var diagnostics: [Diagnostic]
    }

    static let dontKnowSpellings = ["dont-know", "don't know", "dont know", "weiß nicht", "weiss nicht", "weiß-nicht", "weiss-nicht"]
    static let notApplicableSpellings = ["not-applicable", "not applicable", "n/a", "nicht zutreffend", "nicht-zutreffend", "entfällt"]

    /// What of a questionnaire to keep. Either way the file is checked alike and gives the same diagnostics.
    public enum Keeping: Sendable {
        /// Everything the file says.
        case everything
        /// All but the notes and evidence beside the answers, which scoring never reads (`compare`, `validate`):
        /// a programme's files carry dozens each, every one a string to make and free.
        case scoring
    }

    public static func load(
        file path: String, rubric: Rubric, limits: ParseLimits = .default, keeping: Keeping = .everything
    ) -> Result {
        switch YAMLParser.read(file: path, limits: limits) {
        case .success(let bytes): load(bytes: bytes, name: path, rubric: rubric, limits: limits, keeping: keeping)
        case .failure(let diagnostic): Result(questionnaire: nil, diagnostics: [diagnostic])
        }
    }

    public static func load(text: String, name: String, rubric: Rubric) -> Result {
        load(bytes: Array(text.utf8), name: name, rubric: rubric, limits: .default)
    }

    /// A file that needs no diagnostic is read straight from the parser's events (`readWithoutTree`); any other
    /// goes through the document tree, which reports every problem with its position.
    static func load(
        bytes: [UInt8], name: String, rubric: Rubric, limits: ParseLimits, keeping: Keeping = .everything
    ) -> Result {
        let quick = bytes.withUnsafeBufferPointer {
            readWithoutTree(bytes: $0, file: name, rubric: rubric, limits: limits, keepingRemarks: keeping == .everything)
        }
        if let quick { return Result(questionnaire: quick, diagnostics: []) }
        var result = loadThroughTree(bytes: bytes, name: name, rubric: rubric, limits: limits)
        if keeping == .scoring, var questionnaire = result.questionnaire {
            questionnaire.answers.removeRemarks()
            result.questionnaire = questionnaire
        }
        return result
    }

    /// The full reading: the document tree, then every check with its diagnostics. `load` gives the same result
    /// faster; this is public so that tests and the fuzzer can hold the two against each other.
    public static func loadThroughTree(bytes: [UInt8], name: String, rubric: Rubric, limits: ParseLimits = .default) -> Result {
        let parsed = YAMLParser.parse(bytes: bytes, name: name, limits: limits)
        guard let root = parsed.root, !parsed.diagnostics.hasErrors else {
            return Result(questionnaire: nil, diagnostics: parsed.diagnostics)
        }
        var result = load(root, file: name, rubric: rubric)
        result.diagnostics = parsed.diagnostics + result.diagnostics
        return result
    }

    public static func load(_ root: Node, file: String, rubric: Rubric) -> Result {
        var bag = DiagnosticBag()
        let questionnaire = read(root, file: file, rubric: rubric, bag: &bag)
        return Result(questionnaire: bag.hasErrors ? nil : questionnaire, diagnostics: bag.sorted)
    }

    /// The fields of `library:` and `respondent:`.
    static let libraryKeys = ["id", "name", "population", "staff"]
    static let respondentKeys = ["role", "name"]

    static let topLevelKeys = [
        "format", "rubric", "rubric_version", "library", "round", "date", "coaching_day", "respondent", "targets", "answers",
        "notes",
    ]

    private static func read(_ root: Node, file: String, rubric: Rubric, bag: inout DiagnosticBag) -> Questionnaire? {
        guard let reader = MappingReader(root, subject: "a questionnaire", known: topLevelKeys, bag: &bag) else {
            if root.sequence != nil {
                bag.add(
                    .note(
                        "questionnaire-shape",
                        "a questionnaire starts with fields such as 'library:', 'round:' and 'answers:' at the left margin, not with '- '",
                        at: root.location))
            }
            return nil
        }
        reader.finish(bag: &bag)
        let header = readHeader(reader, rubric: rubric, bag: &bag)
        var attempted = Set<String>()
        let answers = readAnswers(reader, rubric: rubric, date: header.date, attempted: &attempted, bag: &bag)
        if let answers {
            checkCompleteness(
                answers, attempted: attempted, answersNode: reader.value("answers"), root: root, rubric: rubric,
                date: header.date, bag: &bag)
        }
        return header.questionnaire(file: file, answers: answers, location: root.location)
    }

    /// Every field but the answers.
    struct Header {
        var rubricID: String?
        var rubricVersion: String?
        var library: LibraryInfo?
        var round: Int?
        var date: CalendarDate?
        var coachingDay: Int?
        var respondent: Respondent?
        var targets: [String: Int] = [:]
        var notes: String?

        func questionnaire(file: String, answers: Answers?, location: SourceLocation) -> Questionnaire? {
            guard let rubricID, let rubricVersion, let library, let round, let respondent, let answers else { return nil }
            return Questionnaire(
                file: file, rubricID: rubricID, rubricVersion: rubricVersion, library: library, round: round, date: date,
                coachingDay: coachingDay, respondent: respondent, targets: targets, answers: answers, notes: notes,
                location: location)
        }
    }

    static func readHeader(_ reader: MappingReader, rubric: Rubric, bag: inout DiagnosticBag) -> Header {
        if let node = reader.required("format", bag: &bag), let format = node.integer().report(into: &bag),
            format != RubricLoader.formatVersion
        {
            bag.error("unsupported-format", "format \(format) is not supported; this version of assess reads format 1", at: node.location)
        }
        let rubricID = reader.string("rubric", required: true, bag: &bag)
        if let rubricID, rubricID != rubric.id, let node = reader.value("rubric") {
            bag.error(
                "rubric-mismatch", "this questionnaire was written for rubric '\(rubricID)', not '\(rubric.id)'", at: node.location,
                hint: "pass the matching rubric with --rubric DIR")
        }
        let rubricVersion = reader.string("rubric_version", required: true, bag: &bag)
        if let rubricVersion, let node = reader.value("rubric_version"), rubricVersion != rubric.version {
            let major = String(rubricVersion.split(separator: ".").first ?? "")
            if major != rubric.majorVersion {
                bag.error(
                    "rubric-version-mismatch",
                    "this questionnaire was written for rubric version \(rubricVersion), but the rubric is version \(rubric.version)",
                    at: node.location,
                    hint: "a different major version asks different questions; fill in a new template ('assess template') or pass the old rubric with --rubric DIR")
            } else {
                bag.warning(
                    "rubric-version-differs",
                    "this questionnaire was written for rubric version \(rubricVersion); it is scored with version \(rubric.version)",
                    at: node.location, hint: "scores may differ slightly from those under version \(rubricVersion)")
            }
        }
        let library = readLibrary(reader, bag: &bag)
        let round = reader.integer("round", required: true, range: 1...99, bag: &bag)
        let date = reader.required("date", bag: &bag).flatMap { $0.date().report(into: &bag) }
        let coachingDay = reader.integer("coaching_day", range: 1...99, bag: &bag)
        let respondent = readRespondent(reader, rubric: rubric, bag: &bag)
        let targets = readTargets(reader, rubric: rubric, bag: &bag)
        let notes = reader.string("notes", bag: &bag)
        return Header(
            rubricID: rubricID, rubricVersion: rubricVersion, library: library, round: round, date: date,
            coachingDay: coachingDay, respondent: respondent, targets: targets, notes: notes)
    }

    private static func readLibrary(_ reader: MappingReader, bag: inout DiagnosticBag) -> LibraryInfo? {
        guard let node = reader.required("library", bag: &bag),
            let library = MappingReader(node, subject: "'library'", known: libraryKeys, bag: &bag)
        else { return nil }
        library.finish(bag: &bag)
        let id = library.identifier("id", bag: &bag)
        let name = library.string("name", required: true, bag: &bag)
        let population = library.integer("population", range: 0...100_000_000, bag: &bag)
        let staff = library.integer("staff", range: 0...100_000, bag: &bag)
        guard let id, let name else { return nil }
        return LibraryInfo(id: id, name: name, population: population, staff: staff)
    }

    private static func readRespondent(_ reader: MappingReader, rubric: Rubric, bag: inout DiagnosticBag) -> Respondent? {
        guard let node = reader.required("respondent", bag: &bag),
            let respondent = MappingReader(node, subject: "'respondent'", known: respondentKeys, bag: &bag)
        else { return nil }
        respondent.finish(bag: &bag)
        guard let roleNode = respondent.required("role", bag: &bag), let role = roleNode.string().report(into: &bag) else {
            return nil
        }
        guard rubric.role(role) != nil else {
            let roles = rubric.roles.map(\.id)
            let suggestion = Suggestion.closest(to: role, in: roles + rubric.roles.flatMap { $0.label.values.values })
            let suggested = suggestion.flatMap { text in rubric.roles.first { $0.id == text || $0.label.values.values.contains(text) }?.id }
            bag.error(
                "unknown-role", "'\(role)' is not a respondent role of this rubric", at: roleNode.location,
                hint: suggested.map { "did you mean '\($0)'?" } ?? "roles: \(roles.joined(separator: ", "))")
            return nil
        }
        return Respondent(role: role, name: respondent.string("name", bag: &bag))
    }

    private static func readTargets(_ reader: MappingReader, rubric: Rubric, bag: inout DiagnosticBag) -> [String: Int] {
        guard let node = reader.value("targets"), !node.isNull else { return [:] }
        guard let pairs = node.mapping else {
            bag.error("expected-mapping", "'targets' maps dimensions to the level you aim for, e.g. 'workflow: 3'", at: node.location)
            return [:]
        }
        var targets: [String: Int] = [:]
        for pair in pairs {
            guard let id = pair.key.string().report(into: &bag) else { continue }
            guard rubric.dimension(id) != nil else {
                bag.error(
                    "unknown-dimension", "unknown dimension '\(id)' in 'targets'", at: pair.key.location,
                    hint: Suggestion.closest(to: id, in: rubric.dimensions.map(\.id)).map { "did you mean '\($0)'?" })
                continue
            }
            if pair.value.isNull { continue }
            guard let level = pair.value.integer().report(into: &bag) else { continue }
            guard (1...5).contains(level) else {
                bag.error("out-of-range", "a target level is 1 to 5, found \(level)", at: pair.value.location)
                continue
            }
            targets[id] = level
        }
        return targets
    }

    // MARK: - Answers

    private static func readAnswers(
        _ reader: MappingReader, rubric: Rubric, date: CalendarDate?, attempted: inout Set<String>,
        bag: inout DiagnosticBag
    ) -> Answers? {
        guard let node = reader.required("answers", bag: &bag) else { return nil }
        guard let groups = node.mapping else {
            bag.error(
                "expected-mapping", "'answers' must group the answers by dimension (e.g. 'workflow:'), found \(node.kindDescription)",
                at: node.location)
            return nil
        }
        var answers = Answers(positions: rubric.questionPositions)
        for group in groups {
            guard let dimensionID = group.key.string().report(into: &bag) else { continue }
            guard let dimension = rubric.dimension(dimensionID) else {
                let dimensionIDs = rubric.dimensions.map(\.id)
                let suggestion = Suggestion.closest(to: dimensionID, in: dimensionIDs)
                var hint = suggestion.map { "did you mean '\($0)'?" } ?? "dimensions: \(dimensionIDs.joined(separator: ", "))"
                if let suggestion, let suggested = rubric.dimension(suggestion) {
                    // Its answers were not read; don't also call its required questions unanswered.
                    attempted.formUnion(suggested.questions.map(\.id))
                }
                if rubric.question(dimensionID) != nil {
                    hint = "'\(dimensionID)' is a question; put it under its dimension '\(rubric.question(dimensionID)!.dimensionID)'"
                }
                bag.error("unknown-dimension", "unknown dimension '\(dimensionID)'", at: group.key.location, hint: hint)
                continue
            }
            if group.value.isNull { continue }
            guard let pairs = group.value.mapping else {
                bag.error(
                    "expected-mapping", "the answers of '\(dimensionID)' must be 'question-id: answer' lines, found \(group.value.kindDescription)",
                    at: group.value.location)
                continue
            }
            for pair in pairs {
                guard let questionID = pair.key.string().report(into: &bag) else { continue }
                guard let question = rubric.question(questionID) else {
                    let questionIDs = dimension.questions.map(\.id)
                    let trimmed = questionID.trimmingCharacters(in: .whitespaces)
                    let hint: String?
                    if trimmed != questionID, questionIDs.contains(trimmed) {
                        hint = "remove the spaces around '\(trimmed)'"
                    } else {
                        hint = Suggestion.closest(to: questionID, in: questionIDs).map { "did you mean '\($0)'?" }
                    }
                    bag.error("unknown-question", "dimension '\(dimensionID)' has no question '\(questionID)'", at: pair.key.location, hint: hint)
                    continue
                }
                guard question.dimensionID == dimensionID else {
                    bag.error(
                        "wrong-dimension", "question '\(questionID)' belongs to dimension '\(question.dimensionID)', not '\(dimensionID)'",
                        at: pair.key.location, hint: "move the answer under '\(question.dimensionID):'")
                    continue
                }
                if givesAnswer(pair.value) { attempted.insert(questionID) }
                if let answer = readAnswer(pair.value, question: question, rubric: rubric, date: date, bag: &bag) {
                    answers[questionID] = answer
                }
            }
        }
        return answers
    }

    /// Whether an answer was given, even if it is invalid: a required question with one is not "unanswered".
    static func givesAnswer(_ value: Node) -> Bool {
        !value.isNull && !(value.mapping != nil && value["answer"].map(\.isNull) ?? true)
    }

    static func readAnswer(
        _ node: Node, question: Question, rubric: Rubric, date: CalendarDate?, bag: inout DiagnosticBag
    ) -> Answer? {
        var valueNode = node
        var note: String?
        var evidence: String?
        if let simple = SimpleAnswer(node) {
            // The common shape {answer: …, note: "…", evidence: "…"} with nothing to report about its keys.
            valueNode = simple.answer
            note = simple.note
            evidence = simple.evidence
        } else if node.mapping != nil {
            guard
                let reader = MappingReader(
                    node, subject: "the answer to '\(question.id)'", known: ["answer", "note", "evidence"], bag: &bag)
            else { return nil }
            reader.finish(bag: &bag)
            guard let inner = reader.value("answer") else {
                // An empty 'answer:' or a note without an answer counts as unanswered.
                if !reader.has("answer") && !reader.has("note") && !reader.has("evidence") {
                    bag.error("missing-field", "the answer to '\(question.id)' is missing the field 'answer'", at: node.location)
                }
                return nil
            }
            valueNode = inner
            note = reader.string("note", bag: &bag)
            evidence = reader.string("evidence", bag: &bag)
        }
        return readAnswer(value: valueNode, note: note, evidence: evidence, question: question, rubric: rubric, date: date, bag: &bag)
    }

    /// An answer whose value is already taken out of its `{answer: …, note: …, evidence: …}` mapping, if it had one.
    static func readAnswer(
        value valueNode: Node, note: String?, evidence: String?, question: Question, rubric: Rubric, date: CalendarDate?,
        bag: inout DiagnosticBag
    ) -> Answer? {
        if valueNode.isNull { return nil }
        guard let value = readValue(valueNode, question: question, rubric: rubric, date: date, bag: &bag) else { return nil }
        return Answer(questionID: question.id, value: value, note: note, evidence: evidence, location: valueNode.location)
    }

    private static func readValue(
        _ node: Node, question: Question, rubric: Rubric, date: CalendarDate?, bag: inout DiagnosticBag
    ) -> AnswerValue? {
        var subject: String { "'\(question.id)'" }  // only built for a message
        let scalar = node.scalar  // once: each `node.scalar` copies the text out (a reference count)
        if let scalar, scalar.style == .plain || question.type != .text, mayBeSpecialAnswer(scalar.text) {
            let text = scalar.text
            let lowered = text.lowercased().trimmingWhitespaces
            if dontKnowSpellings.contains(lowered) {
                guard question.allowsDontKnow else {
                    bag.error(
                        "dont-know-not-allowed", "\(subject) cannot be answered with \"don't know\"", at: node.location,
                        hint: question.required ? "this question is required; give your best estimate" : "leave the answer empty instead")
                    return nil
                }
                return .dontKnow
            }
            if notApplicableSpellings.contains(lowered) {
                guard question.allowsNotApplicable else {
                    bag.error(
                        "not-applicable-not-allowed", "\(subject) cannot be answered with \"not applicable\"", at: node.location,
                        hint: "choose the option that fits best")
                    return nil
                }
                return .notApplicable
            }
        }
        func typeMismatch(_ expected: String, hint: String? = nil) -> AnswerValue? {
            let found = scalar.map { "'\($0.text)'" } ?? node.kindDescription
            bag.error("type-mismatch", "\(subject) expects \(expected), found \(found)", at: node.location, hint: hint)
            return nil
        }
        switch question.type {
        case .choice:
            guard let text = scalar?.text else { return typeMismatch("one option") }
            return matchOption(text, node: node, question: question, bag: &bag).map { .option($0) }
        case .multi:
            let items = node.sequence ?? (scalar != nil ? [node] : [])
            if node.mapping != nil { return typeMismatch("a list of options such as [instagram, facebook]") }
            var ids: [String] = []
            for item in items {
                guard let text = item.scalar?.text else {
                    bag.error("type-mismatch", "\(subject) expects a list of option names", at: item.location)
                    continue
                }
                guard let id = matchOption(text, node: item, question: question, bag: &bag) else { continue }
                if ids.contains(id) {
                    bag.warning("duplicate-option", "'\(id)' is listed twice", at: item.location)
                } else {
                    ids.append(id)
                }
            }
            return .options(ids)
        case .scale:
            guard let text = scalar?.text else { return typeMismatch("a number from 0 to 4") }
            if let value = Int(text.trimmingWhitespaces) {
                guard scaleRange.contains(value) else {
                    bag.error("out-of-range", "\(subject) is answered on a scale from 0 to 4, found \(value)", at: node.location, hint: scaleHint(rubric))
                    return nil
                }
                return .number(Double(value))
            }
            for labels in rubric.languages.compactMap({ rubric.agreementLabels[$0] }) {
                if let index = labels.firstIndex(where: { Suggestion.fold($0) == Suggestion.fold(text) }) {
                    return .number(Double(index))
                }
            }
            return typeMismatch("a number from 0 to 4", hint: scaleHint(rubric))
        case .yesno:
            switch node.bool() {
            case .success(let flag): return .bool(flag)
            case .failure: return typeMismatch("yes or no (ja/nein)")
            }
        case .number, .percent, .count:
            guard scalar != nil else { return typeMismatch("a number") }
            let value: Double
            switch node.decimal() {
            case .success(let number): value = number
            case .failure:
                return typeMismatch(
                    question.type == .percent ? "a percentage (a number from 0 to 100)" : "a number",
                    hint: "write only the number, e.g. 5 or 2,5; put remarks into 'note:'")
            }
            if question.type == .count, value != value.rounded() {
                return typeMismatch("a whole number")
            }
            guard numberFits(value, question: question) else {
                if question.maximum == nil, value > unboundedMaximum {
                    bag.error(
                        "out-of-range", "\(subject) must be at most 1000000000, found \(value.formattedForMessage)",
                        at: node.location, hint: "write the number without exponent, e.g. 12")
                } else {
                    let range = question.maximum.map { "from \(question.minimum.formattedForMessage) to \($0.formattedForMessage)" }
                        ?? "at least \(question.minimum.formattedForMessage)"
                    bag.error("out-of-range", "\(subject) must be \(range), found \(value.formattedForMessage)", at: node.location)
                }
                return nil
            }
            return .number(value)
        case .date:
            switch node.date() {
            case .success(let answered):
                if let date, answered > date {
                    bag.warning("date-in-future", "\(subject) is \(answered), after the questionnaire's date \(date)", at: node.location)
                }
                return .date(answered)
            case .failure: return typeMismatch("a date such as 2026-03-01 or 01.03.2026")
            }
        case .text:
            guard let text = scalar?.text else { return typeMismatch("text") }
            return .text(text)
        }
    }

    /// The answers a scale question takes.
    static let scaleRange = 0...4
    /// Without a rubric maximum, a billion is still far above any real count, hours or share.
    static let unboundedMaximum = 1e9

    /// Whether a number answer to a number, percent or count question lies where the question allows it.
    static func numberFits(_ value: Double, question: Question) -> Bool {
        if question.maximum == nil, value > unboundedMaximum { return false }
        return value >= question.minimum && !(question.maximum.map { value > $0 } ?? false)
    }

    /// Whether `text` could be one of the don't-know or not-applicable spellings, so that the common answer is not
    /// lowercased (and copied) for nothing. Never false for a text `readValue` takes as one.
    private static func mayBeSpecialAnswer(_ text: String) -> Bool { mayBeSpecialAnswer(utf8: text.utf8) }

    static func mayBeSpecialAnswer<UTF8: BidirectionalCollection<UInt8>>(utf8: UTF8) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }  // judged after trimming
        guard utf8.count <= specialAnswerMaxLength, specialAnswerFirstBytes.contains(first | 0x20) || first >= 0x80 else {
            return false
        }
        // Text beyond ASCII is left to `lowercased()`. ASCII text lowercases letter by letter, so it is a spelling
        // only if it is one of the ASCII spellings in some letter case: option ids that merely start like one
        // ("documented-reviewed", "written", "nein") are a quarter of all answers and need no closer look.
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        return asciiSpecialSpellings.contains { spelling in
            spelling.count == utf8.count
                && zip(spelling, utf8).allSatisfy { $0 == ((0x41...0x5A).contains($1) ? $1 | 0x20 : $1) }
        }
    }

    private static let specialAnswerMaxLength = 2 * (dontKnowSpellings + notApplicableSpellings).map(\.utf8.count).max()!
    /// A handful of bytes: an array is searched faster than a set is hashed.
    private static let specialAnswerFirstBytes = Array(Set((dontKnowSpellings + notApplicableSpellings).compactMap(\.utf8.first)))
    private static let asciiSpecialSpellings = (dontKnowSpellings + notApplicableSpellings).map { Array($0.utf8) }
        .filter { $0.allSatisfy { $0 < 0x80 } }

    private static func scaleHint(_ rubric: Rubric) -> String {
        let labels = rubric.agreementLabels[rubric.defaultLanguage] ?? []
        return labels.enumerated().map { "\($0.offset) = \($0.element)" }.joined(separator: ", ")
    }

    private static func matchOption(_ text: String, node: Node, question: Question, bag: inout DiagnosticBag) -> String? {
        // The rubric's own id (equal text): answers then share its storage instead of each holding a copy.
        if let option = question.option(text) { return option.id }
        let ids = question.options.map(\.id)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var hint: String
        if trimmed != text, question.option(trimmed) != nil {
            hint = "remove the spaces around '\(trimmed)'"
        } else if let suggestion = Suggestion.closest(to: text, in: ids) {
            hint = "did you mean '\(suggestion)'?"
        } else if let byLabel = question.options.first(where: { option in
            option.label.values.values.contains { Suggestion.fold($0) == Suggestion.fold(text) || Suggestion.editDistance(Suggestion.fold($0), Suggestion.fold(text)) <= 2 }
        }) {
            hint = "did you mean '\(byLabel.id)'?"
        } else {
            hint = "choose one of: \(ids.joined(separator: ", "))"
        }
        bag.error("unknown-option", "'\(text)' is not an option of '\(question.id)'", at: node.location, hint: hint)
        return nil
    }

    /// Required answers and skip logic, judged on this respondent's own answers.
    static func checkCompleteness(
        _ answers: Answers, attempted: Set<String>, answersNode: Node?, root: Node, rubric: Rubric,
        date: CalendarDate?,
        bag: inout DiagnosticBag
    ) {
        let context = SingleRespondentContext(answers: answers, rubric: rubric, date: date)
        let order = rubric.questionPositions
        // allQuestions, not each dimension's questions: iterating the dimensions copied each one out.
        for (position, question) in rubric.allQuestions.enumerated() {
            let applies = question.appliesWhen?.evaluate(in: context) ?? true
            if !applies, let answer = answers.answer(at: position, of: order) {
                let trigger = question.appliesWhen?.questionIDs.first ?? ""
                bag.error(
                    "answer-not-applicable", "'\(question.id)' does not apply given the answer to '\(trigger)', so it must not be answered",
                    at: answer.location, hint: "remove this answer, or check your answer to '\(trigger)'")
            } else if applies, question.required, !answers.hasAnswer(at: position, of: order),
                !attempted.contains(question.id)
            {
                let groupNode = answersNode?.mapping?.first(where: { $0.key.scalar?.text == question.dimensionID })
                let emptyKey = groupNode?.value.mapping?.first { $0.key.scalar?.text == question.id }?.key
                bag.error(
                    "missing-answer", "required question '\(question.id)' is not answered",
                    at: emptyKey?.location ?? groupNode?.key.location ?? answersNode?.location ?? root.location,
                    hint: question.allowsDontKnow ? "answer it, or write 'dont-know' if nobody knows" : "answer it")
            }
        }
    }
}

/// An answer written as a mapping whose keys are exactly known ones, each once, with a non-empty `answer` and
/// `note`/`evidence` (if present) as single values: nothing about it can be reported, so `MappingReader` is skipped.
private struct SimpleAnswer {
    var answer: Node
    var note: String?
    var evidence: String?

    init?(_ node: Node) {
        guard let pairs = node.mapping else { return nil }
        var answer: Node?, note: Node?, evidence: Node?
        for pair in pairs {
            guard let key = pair.key.scalar?.text else { return nil }
            switch key {
            case "answer" where answer == nil: answer = pair.value
            case "note" where note == nil: note = pair.value
            case "evidence" where evidence == nil: evidence = pair.value
            default: return nil
            }
        }
        guard let answer, !answer.isNull else { return nil }
        self.answer = answer
        if let note, !note.isNull {
            guard let text = note.scalar?.text else { return nil }
            self.note = text
        }
        if let evidence, !evidence.isNull {
            guard let text = evidence.scalar?.text else { return nil }
            self.evidence = text
        }
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when both ends are ASCII other than space and tab.
    var trimmingWhitespaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        return trimmingCharacters(in: .whitespaces)
    }
}

/// A condition context over one respondent's answers (for skip logic while validating).
///
/// Keeps the rubric's questions and their positions, not the rubric: a `Rubric` is copied field by field (two
/// dozen reference counts), and validating makes one context per file.
public struct SingleRespondentContext: ConditionContext {
    public var answers: Answers
    public var date: CalendarDate?
    private let questions: [Question]
    private let positions: QuestionPositions

    public init(answers: Answers, rubric: Rubric, date: CalendarDate?) {
        self.answers = answers
        self.date = date
        questions = rubric.allQuestions
        positions = rubric.questionPositions
    }

    public func answer(_ questionID: String) -> ResolvedAnswer {
        guard let position = positions.position(of: questionID), let answer = answers.answer(at: position, of: positions)
        else { return .missing }
        let question = questions[position]
        switch answer.value {
        case .dontKnow: return ResolvedAnswer(status: .dontKnow)
        case .notApplicable: return ResolvedAnswer(status: .notApplicable)
        default:
            return ResolvedAnswer(
                status: .answered, value: answer.value, points: question.points(for: answer.value, questionnaireDate: date),
                numericValue: question.numericValue(for: answer.value, questionnaireDate: date))
        }
    }

    public func level(_ dimensionID: String) -> Int? { nil }
    public func score(_ dimensionID: String) -> Double? { nil }
}
