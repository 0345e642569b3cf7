import Diagnostics
import YAML

extension QuestionnaireLoader {
    /// The questionnaire in `bytes` when reading it in full would report nothing at all, read from libyaml's events
    /// without building the document tree; nil as soon as anything is unusual.
    ///
    /// Most of a file is its answers. Here each answer becomes a small node on its own and goes through the same
    /// `readAnswer` as on the full path, and the other fields through the same `readHeader`, so both paths accept
    /// and read exactly alike. What this path does not take on (an unknown or repeated key, an anchor or tag, a
    /// value of an unexpected shape, any diagnostic at all, even a warning) makes it give up; the caller then reads
    /// the file in full, which reports it.
    static func readWithoutTree(
        bytes: UnsafeBufferPointer<UInt8>, file: String, rubric: Rubric, limits: ParseLimits
    ) -> Questionnaire? {
        guard let events = YAMLEventReader(bytes: bytes, file: file, limits: limits),
            events.next()?.kind == .documentStart,
            let rootStart = events.next(), rootStart.kind == .mappingStart, !rootStart.hasProperties
        else { return nil }
        var fields: [Pair] = []
        var answerNodes: [(question: Question, value: Node)] = []
        answerNodes.reserveCapacity(rubric.allQuestions.count)
        var rootEnded = false
        while let keyEvent = events.next() {
            if keyEvent.kind == .mappingEnd {
                rootEnded = true
                break
            }
            guard let key = events.node(startingWith: keyEvent, maxDepth: 0), let name = key.scalar?.text,
                !fields.contains(where: { $0.key.scalar?.text == name })
            else { return nil }
            if name == "answers" {
                guard readAnswerNodes(events, rubric: rubric, into: &answerNodes) else { return nil }
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
        var answers: [String: Answer] = [:]
        answers.reserveCapacity(answerNodes.count)
        var attempted = Set<String>()
        for (question, value) in answerNodes {
            if let answer = readAnswer(value, question: question, rubric: rubric, date: header.date, bag: &bag) {
                answers[question.id] = answer
            } else if givesAnswer(value) {
                attempted.insert(question.id)  // only consulted for questions without an answer
            }
        }
        guard bag.diagnostics.isEmpty else { return nil }
        checkCompleteness(
            answers, attempted: attempted, answersNode: nil, root: root, rubric: rubric, date: header.date, bag: &bag)
        guard bag.diagnostics.isEmpty else { return nil }
        return header.questionnaire(file: file, answers: answers, location: root.location)
    }

    /// The `answers:` mapping: each answer's question (found by its key's bytes within its dimension) and value node.
    /// false for anything the full path may have to report on: an unknown or repeated dimension or question, or a
    /// dimension that is not a mapping of answers.
    private static func readAnswerNodes(
        _ events: YAMLEventReader, rubric: Rubric, into answers: inout [(question: Question, value: Node)]
    ) -> Bool {
        guard let start = events.next(), start.kind == .mappingStart, !start.hasProperties else { return false }
        var seenDimensions = [Bool](repeating: false, count: rubric.dimensions.count)
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
                    let value = events.node(startingWith: valueEvent)
                else { return false }
                seenQuestions[position] = true
                expected = position + 1
                answers.append((questions[position], value))
            }
            guard groupEnded else { return false }
        }
        return false
    }
}
