import Diagnostics
import YAML

extension QuestionnaireLoader {
    /// The questionnaire in `bytes` when reading it in full would report nothing at all, read from libyaml's events
    /// without building the document tree; nil as soon as anything is unusual.
    ///
    /// Most of a file is its answers. A choice or multi answer is matched against its options straight from the
    /// bytes (`readOptions`), and a number written in plain digits is read from them (`readNumber`); both leave
    /// anything doubtful to the node. Every other answer's value becomes a small node on its own and goes through
    /// the same `readAnswer(value:…)` as on the full path. Notes and evidence are
    /// taken from the events, the other fields go through the same `readHeader`, so both paths accept and read
    /// exactly alike. What this path does not take on (an unknown or repeated key, an anchor or tag, a value of an
    /// unexpected shape, any diagnostic at all, even a warning) makes it give up; the caller then reads the file in
    /// full, which reports it.
    ///
    /// Without `keepingRemarks` the notes and evidence are checked but not kept (`Keeping.scoring`).
    static func readWithoutTree(
        bytes: UnsafeBufferPointer<UInt8>, file: String, rubric: Rubric, limits: ParseLimits, keepingRemarks: Bool = true
    ) -> Questionnaire? {
        guard let events = YAMLEventReader(bytes: bytes, file: file, limits: limits),
            events.next()?.kind == .documentStart,
            let rootStart = events.next(), rootStart.kind == .mappingStart, !rootStart.hasProperties
        else { return nil }
        var fields: [Pair] = []
        var names: [String] = []  // of the fields: asking each field's key node for its text copies the node
        var answerParts: [AnswerParts] = []
        answerParts.reserveCapacity(rubric.allQuestions.count)
        var rootEnded = false
        while let keyEvent = events.next() {
            if keyEvent.kind == .mappingEnd {
                rootEnded = true
                break
            }
            guard let key = events.node(startingWith: keyEvent, maxDepth: 0), let name = key.scalar?.text,
                !names.contains(name)
            else { return nil }
            names.append(name)
            if name == "answers" {
                guard readAnswerParts(events, rubric: rubric, keepingRemarks: keepingRemarks, into: &answerParts) else {
                    return nil
                }
                // Stands in for the answers, so that the fields' own checks see the key they require.
                fields.append(Pair(key: key, value: Node(.mapping([]), at: key.location)))
            } else {
                guard let valueEvent = events.next(), let value = events.node(startingWith: valueEvent) else { return nil }
                fields.append(Pair(key: key, value: value))
            }
        }
        // One document, and nothing after it.
        guard rootEnded, events.next()?.kind == .documentEnd, events.next() == nil else { return nil }

        let root = Node(.mapping(fields), at: rootStart.location(in: file))
        var bag = DiagnosticBag()
        guard let reader = MappingReader(root, subject: "a questionnaire", known: topLevelKeys, bag: &bag) else { return nil }
        reader.finish(bag: &bag)
        let header = readHeader(reader, rubric: rubric, bag: &bag)
        var answers = Answers(positions: rubric.questionPositions)
        var attempted = Set<String>()
        for index in answerParts.indices {  // by index: a `for parts in` loop retains each part's fields
            let question = answerParts[index].question
            let position = answerParts[index].position
            switch answerParts[index].value {
            case .read(let value, let location):
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
        checkCompleteness(
            answers, attempted: attempted, answersNode: nil, root: root, rubric: rubric, date: header.date, bag: &bag)
        guard bag.diagnostics.isEmpty else { return nil }
        return header.questionnaire(file: file, answers: answers, location: root.location)
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
        while let dimensionKey = events.next() {
            if dimensionKey.kind == .mappingEnd { return true }
            guard dimensionKey.kind == .scalar, !dimensionKey.hasProperties,
                let d = rubric.dimensions.firstIndex(where: { dimensionKey.textEquals($0.id) }), !seenDimensions[d],
                let groupStart = events.next(), groupStart.kind == .mappingStart, !groupStart.hasProperties
            else { return false }
            seenDimensions[d] = true
            let questions = rubric.dimensions[d].questions
            var seenQuestions = [Bool](repeating: false, count: questions.count)
            var expected = 0  // answers usually follow the rubric's order: that question is tried first
            var groupEnded = false
            while let questionKey = events.next() {
                if questionKey.kind == .mappingEnd {
                    groupEnded = true
                    break
                }
                guard questionKey.kind == .scalar, !questionKey.hasProperties else { return false }
                let position =
                    expected < questions.count && questionKey.textEquals(questions[expected].id)
                    ? expected : questions.firstIndex { questionKey.textEquals($0.id) }
                guard let position, !seenQuestions[position], let valueEvent = events.next(),
                    let parts = readAnswerParts(
                        events, startingWith: valueEvent, question: questions[position],
                        position: firstPositions[d] + position, keepingRemarks: keepingRemarks)
                else { return false }
                seenQuestions[position] = true
                expected = position + 1
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
            default: reading = .readAsNode
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

    /// The rubric's own id of the option whose id is exactly the scalar's text. By index: iterating the options
    /// retained and released each one.
    private static func optionID(matching scalar: YAMLEventReader.Event, in question: Question) -> String? {
        let options = question.options
        for index in options.indices where scalar.textEquals(options[index].id) { return options[index].id }
        return nil
    }
}
