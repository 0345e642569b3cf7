import Diagnostics
import YAML

extension QuestionnaireLoader {
    /// The questionnaire in `bytes` when reading it in full would report nothing at all, read from libyaml's events
    /// without building the document tree; nil as soon as anything is unusual.
    ///
    /// Most of a file is its answers. A choice or multi answer is matched against its options straight from the
    /// bytes (`readOptions`), and a number written in plain digits is read from them (`readNumber`); both leave
    /// anything doubtful to the node. Every other answer's value becomes a small node on its own and goes through
    /// the same `readAnswer(value:…)` as on the full path. Notes and evidence are taken from the events. The other
    /// fields are read by `readHeaderField`: their values through the same node readers as `readHeader` uses,
    /// their mappings walked here, without a tree or `MappingReader` (which copied every node several times). What
    /// this path does not take on (an unknown, repeated or missing key, an anchor or tag, a value of an unexpected
    /// shape, any diagnostic at all, even a warning) makes it give up; the caller then reads the file in full,
    /// which reports it.
    ///
    /// Without `keepingRemarks` the notes and evidence are checked but not kept (`Keeping.scoring`).
    static func readWithoutTree(
        bytes: UnsafeBufferPointer<UInt8>, file: String, rubric: Rubric, limits: ParseLimits, keepingRemarks: Bool = true
    ) -> Questionnaire? {
        guard let events = YAMLEventReader(bytes: bytes, file: file, limits: limits),
            events.next()?.kind == .documentStart,
            let rootStart = events.next(), rootStart.kind == .mappingStart, !rootStart.hasProperties
        else { return nil }
        var header = Header()
        var seen = [Bool](repeating: false, count: topLevelKeys.count)
        var answerParts: [AnswerParts] = []
        answerParts.reserveCapacity(rubric.allQuestions.count)
        var rootEnded = false
        while let keyEvent = events.next() {
            if keyEvent.kind == .mappingEnd {
                rootEnded = true
                break
            }
            guard keyEvent.kind == .scalar, !keyEvent.hasProperties,
                let field = topLevelKeys.firstIndex(where: { keyEvent.textEquals($0) }), !seen[field]
            else { return nil }
            seen[field] = true
            if topLevelKeys[field] == "answers" {
                guard readAnswerParts(events, rubric: rubric, keepingRemarks: keepingRemarks, into: &answerParts) else {
                    return nil
                }
            } else {
                guard readHeaderField(topLevelKeys[field], events, rubric: rubric, into: &header) else { return nil }
            }
        }
        // One document, and nothing after it.
        guard rootEnded, events.next()?.kind == .documentEnd, events.next() == nil else { return nil }
        // The fields the full path requires (the optional ones were read when present).
        for (field, required) in zip(topLevelKeys, seen) where !required && requiredTopLevelKeys.contains(field) {
            return nil
        }

        let rootLocation = rootStart.location(in: file)
        var bag = DiagnosticBag()
        var answers = Answers(positions: rubric.questionPositions)
        var attempted = Set<String>()
        for index in answerParts.indices {  // by index: a `for parts in` loop retains each part's fields
            let question = answerParts[index].question
            let position = answerParts[index].position
            switch answerParts[index].value {
            case .read(let value, let location):
                // `readValue` warns about a date after the questionnaire's own (`date-in-future`).
                if case .date(let answered) = value, let date = header.date, answered > date { return nil }
                answers[position: position] = Answer(
                    questionID: question.id, value: value, note: answerParts[index].note,
                    evidence: answerParts[index].evidence, location: location.location(in: file))
            case .node(let node):
                if let answer = readAnswer(
                    value: node, note: answerParts[index].note, evidence: answerParts[index].evidence,
                    question: question, rubric: rubric, date: header.date, bag: &bag)
                {
                    answers[position: position] = answer
                } else if !node.isNull {
                    attempted.insert(question.id)  // only consulted for questions without an answer
                }
            }
        }
        guard bag.diagnostics.isEmpty else { return nil }
        // `root` only locates a missing answer, which is reported (and so given up) anyway.
        checkCompleteness(
            answers, attempted: attempted, answersNode: nil, root: Node(.mapping([]), at: rootLocation), rubric: rubric,
            date: header.date, bag: &bag)
        guard bag.diagnostics.isEmpty else { return nil }
        return header.questionnaire(file: file, answers: answers, location: rootLocation)
    }

    /// The top-level fields a questionnaire must have (`readHeader` reports each one missing).
    private static let requiredTopLevelKeys = ["format", "rubric", "rubric_version", "library", "round", "date", "respondent", "answers"]

    /// One field beside the answers, read as `readHeader` reads it: each value through the same node readers, the
    /// structure (known keys, each once, required values not left empty) checked here. false for anything
    /// `readHeader` would report, even as a warning: a mismatching rubric or version, a value out of range, an
    /// unknown role or dimension, a value of the wrong shape.
    private static func readHeaderField(
        _ name: String, _ events: YAMLEventReader, rubric: Rubric, into header: inout Header
    ) -> Bool {
        switch name {
        case "library":
            var population: Int?, staff: Int?
            guard let fields = readFlatMapping(events, keys: libraryKeys),
                let id = fields[0].flatMap(readIdentifier), let libraryName = fields[1].flatMap(readString),
                readInteger(fields[2], range: 0...100_000_000, into: &population),
                readInteger(fields[3], range: 0...100_000, into: &staff)
            else { return false }
            header.library = LibraryInfo(id: id, name: libraryName, population: population, staff: staff)
        case "respondent":
            guard let fields = readFlatMapping(events, keys: respondentKeys),
                let role = fields[0].flatMap(readString), rubric.role(role) != nil
            else { return false }
            var respondentName: String?
            if let node = fields[1] {
                guard let text = readString(node) else { return false }
                respondentName = text
            }
            header.respondent = Respondent(role: role, name: respondentName)
        case "targets":
            guard let first = events.next() else { return false }
            if first.isNull { return true }
            guard first.kind == .mappingStart, !first.hasProperties else { return false }
            var targets: [String: Int] = [:]
            var seen = [Bool](repeating: false, count: rubric.dimensions.count)
            while let key = events.next() {
                if key.kind == .mappingEnd {
                    header.targets = targets
                    return true
                }
                guard key.kind == .scalar, !key.hasProperties,
                    let index = rubric.answerKeys.dimension(key.bytes), !seen[index],
                    let valueEvent = events.next(), let value = events.node(startingWith: valueEvent, maxDepth: 0)
                else { return false }
                seen[index] = true
                if value.isNull { continue }
                guard case .success(let level) = value.integer(), (1...5).contains(level) else { return false }
                targets[rubric.dimensions[index].id] = level
            }
            return false
        default:
            // A single value; a mapping or list where one is expected is reported by the full path.
            guard let first = events.next(), let node = events.node(startingWith: first, maxDepth: 0) else { return false }
            switch name {
            case "format":
                var format: Int?
                guard readInteger(node, range: nil, into: &format), format == RubricLoader.formatVersion else { return false }
            case "rubric":
                guard readString(node) == rubric.id else { return false }
                header.rubricID = rubric.id
            case "rubric_version":
                guard readString(node) == rubric.version else { return false }
                header.rubricVersion = rubric.version
            case "round":
                guard readInteger(node, range: 1...99, into: &header.round), header.round != nil else { return false }
            case "date":
                guard !node.isNull, case .success(let date) = node.date() else { return false }
                header.date = date
            case "coaching_day":
                guard readInteger(node, range: 1...99, into: &header.coachingDay) else { return false }
            case "notes":
                if node.isNull { break }
                guard let notes = readString(node) else { return false }
                header.notes = notes
            default:
                return false
            }
        }
        return true
    }

    /// A mapping of single values under `keys`, each at most once: the value nodes by key (nil where absent or left
    /// empty), or nil for a mapping `MappingReader` would report on (not a mapping, an unknown or repeated key).
    private static func readFlatMapping(_ events: YAMLEventReader, keys: [String]) -> [Node?]? {
        guard let start = events.next(), start.kind == .mappingStart, !start.hasProperties else { return nil }
        var values = [Node?](repeating: nil, count: keys.count)
        var seen = [Bool](repeating: false, count: keys.count)
        while let key = events.next() {
            if key.kind == .mappingEnd { return values }
            guard key.kind == .scalar, !key.hasProperties, let index = keys.firstIndex(where: { key.textEquals($0) }),
                !seen[index], let valueEvent = events.next(), let value = events.node(startingWith: valueEvent, maxDepth: 0)
            else { return nil }
            seen[index] = true
            if !value.isNull { values[index] = value }
        }
        return nil
    }

    /// `MappingReader.string`: the text of a value that is not left empty.
    private static func readString(_ node: Node) -> String? {
        guard !node.isNull, case .success(let text) = node.string() else { return nil }
        return text
    }

    private static func readIdentifier(_ node: Node) -> String? {
        guard let text = readString(node), IdentifierRules.isValid(text) else { return nil }
        return text
    }

    /// `MappingReader.integer`: sets `value` (nil for a value absent or left empty, which a required field must
    /// check itself); false for anything reported.
    private static func readInteger(_ node: Node?, range: ClosedRange<Int>?, into value: inout Int?) -> Bool {
        guard let node, !node.isNull else {
            value = nil
            return true
        }
        guard case .success(let number) = node.integer(), range?.contains(number) ?? true else { return false }
        value = number
        return true
    }

    /// One answer as read from the events: its question, its value, and the note and evidence beside it.
    private struct AnswerParts {
        enum Value {
            /// Read by `readAnswer(value:…)`, exactly as on the full path.
            case node(Node)
            /// Already read from the events (`readOptions`, `readNumber`): what `readValue` gives for it.
            case read(AnswerValue, at: YAMLEventReader.Mark)
        }

        var question: Question
        /// The question's position in the rubric (`Rubric.questionPositions`).
        var position: Int
        var value: Value
        var note: String?
        var evidence: String?
    }

    /// The `answers:` mapping: each answer's question (found by its key's bytes within its dimension) and parts.
    /// false for anything the full path may have to report on: an unknown or repeated dimension or question, or a
    /// dimension that is not a mapping of answers.
    private static func readAnswerParts(
        _ events: YAMLEventReader, rubric: Rubric, keepingRemarks: Bool, into answers: inout [AnswerParts]
    ) -> Bool {
        guard let start = events.next(), start.kind == .mappingStart, !start.hasProperties else { return false }
        var seenDimensions = [Bool](repeating: false, count: rubric.dimensions.count)
        var firstPositions: [Int] = []  // of each dimension's questions in the rubric
        firstPositions.reserveCapacity(rubric.dimensions.count)
        for index in rubric.dimensions.indices {
            firstPositions.append(index == 0 ? 0 : firstPositions[index - 1] + rubric.dimensions[index - 1].questions.count)
        }
        let keys = rubric.answerKeys
        while let dimensionKey = events.next() {
            if dimensionKey.kind == .mappingEnd { return true }
            guard dimensionKey.kind == .scalar, !dimensionKey.hasProperties, let d = keys.dimension(dimensionKey.bytes),
                !seenDimensions[d],
                let groupStart = events.next(), groupStart.kind == .mappingStart, !groupStart.hasProperties
            else { return false }
            seenDimensions[d] = true
            let questions = rubric.dimensions[d].questions
            var seenQuestions = [Bool](repeating: false, count: questions.count)
            var groupEnded = false
            while let questionKey = events.next() {
                if questionKey.kind == .mappingEnd {
                    groupEnded = true
                    break
                }
                guard questionKey.kind == .scalar, !questionKey.hasProperties,
                    let position = keys.question(questionKey.bytes, inDimension: d), !seenQuestions[position],
                    let valueEvent = events.next(),
                    let parts = readAnswerParts(
                        events, startingWith: valueEvent, question: questions[position],
                        position: firstPositions[d] + position, keepingRemarks: keepingRemarks)
                else { return false }
                seenQuestions[position] = true
                answers.append(parts)
            }
            guard groupEnded else { return false }
        }
        return false
    }

    /// One answer's value, or its `{answer: …, note: …, evidence: …}` mapping read the way `SimpleAnswer` reads
    /// it: each key at most once, a present answer, a text or nothing as note and evidence. Every other mapping is
    /// left to the full path (nil).
    private static func readAnswerParts(
        _ events: YAMLEventReader, startingWith first: YAMLEventReader.Event, question: Question, position: Int,
        keepingRemarks: Bool
    ) -> AnswerParts? {
        guard first.kind == .mappingStart else {
            return readValue(events, startingWith: first, question: question).map {
                AnswerParts(question: question, position: position, value: $0)
            }
        }
        guard !first.hasProperties else { return nil }
        var answer: AnswerParts.Value?
        var note: String?, evidence: String?
        var seenNote = false, seenEvidence = false
        enum Field { case answer, note, evidence }
        while let key = events.next() {
            if key.kind == .mappingEnd {
                guard let answer else { return nil }
                if case .node(let node) = answer, node.isNull { return nil }
                return AnswerParts(question: question, position: position, value: answer, note: note, evidence: evidence)
            }
            // The key's bytes last only until the next event: match it first.
            guard key.kind == .scalar, !key.hasProperties else { return nil }
            let field: Field
            if answer == nil, key.textEquals("answer") {
                field = .answer
            } else if !seenNote, key.textEquals("note") {
                field = .note
            } else if !seenEvidence, key.textEquals("evidence") {
                field = .evidence
            } else {
                return nil
            }
            guard let value = events.next() else { return nil }
            switch field {
            case .answer:
                guard let read = readValue(events, startingWith: value, question: question, maxDepth: 1) else { return nil }
                answer = read
            case .note, .evidence:
                guard value.kind == .scalar, !value.hasProperties else { return nil }
                let text = value.isNull || !keepingRemarks ? nil : value.text
                if field == .note {
                    seenNote = true
                    note = text
                } else {
                    seenEvidence = true
                    evidence = text
                }
            }
        }
        return nil
    }

    /// An answer's value: read straight from the events where `readOptions` or `readNumber` can tell, else the node
    /// for `readAnswer(value:…)`. nil gives the file up.
    private static func readValue(
        _ events: YAMLEventReader, startingWith first: YAMLEventReader.Event, question: Question, maxDepth: Int = 2
    ) -> AnswerParts.Value? {
        if !first.hasProperties {
            let reading: QuickReading
            switch question.type {
            case .choice, .multi: reading = readOptions(events, startingWith: first, question: question)
            case .scale, .number, .percent, .count: reading = readNumber(first, question: question)
            case .yesno, .date, .text: reading = readSingleValue(first, question: question)
            }
            switch reading {
            case .read(let value): return .read(value, at: first.start)
            case .giveUp: return nil
            case .readAsNode: break
            }
        }
        return events.node(startingWith: first, maxDepth: maxDepth).map { .node($0) }
    }

    private enum QuickReading {
        case read(AnswerValue)
        /// `readValue` would report something: the full path has to read the file.
        case giveUp
        /// Not certain either way, and no event was consumed: read the value as a node.
        case readAsNode
    }

    /// A choice or multi answer matched byte for byte against the question's option ids, without a node or a
    /// string, giving what `readValue` gives for it. `readValue` reports an error for a scalar that may be no
    /// exact option id only after trying the don't-know and not-applicable spellings, so such a scalar is left to
    /// it (`readAsNode`); a scalar or list item that matches no option, a list item that is not a plain value and
    /// an option listed twice are all reported there (`giveUp`).
    private static func readOptions(
        _ events: YAMLEventReader, startingWith first: YAMLEventReader.Event, question: Question
    ) -> QuickReading {
        switch first.kind {
        case .scalar:
            guard !first.isNull, !mayBeSpecialAnswer(utf8: first.bytes) else { return .readAsNode }
            guard let id = optionID(matching: first, in: question) else { return .giveUp }
            return .read(question.type == .choice ? .option(id) : .options([id]))
        case .sequenceStart where question.type == .multi:
            var ids: [String] = []
            while let item = events.next() {
                if item.kind == .sequenceEnd { return .read(.options(ids)) }
                guard item.kind == .scalar, !item.hasProperties, let id = optionID(matching: item, in: question),
                    !ids.contains(id)
                else { return .giveUp }
                ids.append(id)
            }
            return .giveUp
        default:
            return .readAsNode
        }
    }

    /// A number answer written as plain digits (at most nine: no sign, space, decimal mark or exponent), which
    /// `Int` and `decimal()` read alike, checked against the question's range as `readValue` checks it. Anything
    /// else is left to the node; only `first` is looked at, so nothing is consumed.
    private static func readNumber(_ first: YAMLEventReader.Event, question: Question) -> QuickReading {
        let bytes = first.bytes
        guard first.kind == .scalar, (1...9).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return .readAsNode }
        let whole = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        if question.type == .scale { return scaleRange.contains(whole) ? .read(.number(Double(whole))) : .giveUp }
        let value = Double(whole)
        return numberFits(value, question: question) ? .read(.number(value)) : .giveUp
    }

    /// A yes/no, date or text answer, read as `readValue` reads it when that is certain: a scalar that cannot be a
    /// don't-know or not-applicable spelling (for text, only a plain one can), with no spaces around it for a
    /// yes/no or date. Everything else is left to the node; only `first` is looked at. A date after the
    /// questionnaire's is reported there, so the caller gives such a date up once the header is read.
    private static func readSingleValue(_ first: YAMLEventReader.Event, question: Question) -> QuickReading {
        guard first.kind == .scalar, !first.isNull else { return .readAsNode }
        let bytes = first.bytes
        if question.type == .text {
            if first.style == .plain, mayBeSpecialAnswer(utf8: bytes) { return .readAsNode }
            return .read(.text(first.text))
        }
        guard !mayBeSpecialAnswer(utf8: bytes), let head = bytes.first, let tail = bytes.last,
            head != 0x20, head != 0x09, tail != 0x20, tail != 0x09
        else { return .readAsNode }
        let text = first.text
        if question.type == .yesno { return Node.yesNo(text).map { .read(.bool($0)) } ?? .readAsNode }
        return Node.calendarDate(text).map { .read(.date($0)) } ?? .readAsNode
    }

    /// The rubric's own id of the option whose id is exactly the scalar's text, found by its bytes.
    private static func optionID(matching scalar: YAMLEventReader.Event, in question: Question) -> String? {
        question.optionIDs.position(of: scalar.bytes).map { question.options[$0].id }
    }
}
