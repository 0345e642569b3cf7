import RubricModel
import YAML

/// A small deterministic random generator (SplitMix64), so generated answers are the same on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates valid answers for a rubric: for reachability checks, property tests and synthetic cohorts.
public struct AnswerSampler: Sendable {
    public let rubric: Rubric
    /// The questionnaire date used for date questions.
    public var date = CalendarDate(year: 2026, month: 3, day: 1)!

    public init(rubric: Rubric) { self.rubric = rubric }

    /// Every scorable value of a question with its points, ascending by points (dates as months back).
    public func values(for question: Question) -> [(AnswerValue, Double)] {
        if question.type == .date {
            return question.bands.map { band in
                // Clamped: a band may start at any number (1e30 would trap in Int()); dates stop at year 1 anyway.
                let months = Int(min(max(band.from.rounded(.up), -CalendarDate.monthRange), CalendarDate.monthRange))
                return (.date(date.addingMonths(-months)), Double(band.points))
            }.sorted { $0.1 < $1.1 }
        }
        return NextLevelPlanner.values(for: question)
    }

    /// Answers for every question: `pick` chooses an index into the question's ascending values.
    public func answers(pick: (Question, Int) -> Int) -> Answers {
        var answers = Answers(positions: rubric.questionPositions)
        for question in rubric.allQuestions {
            let location = question.location
            if question.type == .text {
                answers[question.id] = Answer(questionID: question.id, value: .text("…"), location: location)
                continue
            }
            let values = values(for: question)
            guard !values.isEmpty else { continue }
            let index = max(0, min(values.count - 1, pick(question, values.count)))
            answers[question.id] = Answer(questionID: question.id, value: values[index].0, location: location)
        }
        return answers
    }

    /// A questionnaire holding `answers`, with skipped questions left out so that it validates.
    public func questionnaire(
        _ answers: Answers, library: LibraryInfo = LibraryInfo(id: "sample", name: "Sample"), round: Int = 1,
        role: String? = nil, file: String = "sample.yaml"
    ) -> Questionnaire {
        var kept = answers
        let context = SingleRespondentContext(answers: answers, rubric: rubric, date: date)
        for question in rubric.allQuestions where !(question.appliesWhen?.evaluate(in: context) ?? true) {
            kept[question.id] = nil
        }
        return Questionnaire(
            file: file, rubricID: rubric.id, rubricVersion: rubric.version, library: library, round: round, date: date,
            coachingDay: round + 1, respondent: Respondent(role: role ?? rubric.roles.first?.id ?? "head"), answers: kept)
    }

    public func allWorst() -> Questionnaire { questionnaire(answers { _, _ in 0 }) }
    public func allBest() -> Questionnaire { questionnaire(answers { _, count in count - 1 }) }

    /// Random answers; `bias` in 0…1 shifts them towards better values.
    public func random(using generator: inout SeededGenerator, bias: Double? = nil) -> Questionnaire {
        let level = bias ?? Double(generator.next() % 1000) / 999
        return questionnaire(
            answers { _, count in
                let jitter = Double(generator.next() % 1000) / 999 - 0.5
                return Int((Double(count - 1) * min(1, max(0, level + jitter * 0.8))).rounded())
            })
    }
}

extension CalendarDate {
    /// The number of months between 0001-01 and 9999-12: no two valid dates are further apart.
    static let monthRange = 9999.0 * 12

    /// The same day `months` months later (earlier when negative), clamped to the month's length and to the years
    /// 1–9999 (a month before year 1 or after 9999 used to loop forever).
    public func addingMonths(_ months: Int) -> CalendarDate {
        let first = 1 * 12, last = 9999 * 12 + 11
        let (sum, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        let total = overflow ? (months < 0 ? first : last) : min(max(sum, first), last)
        let newYear = total / 12, newMonth = total % 12 + 1
        var newDay = day
        while CalendarDate(year: newYear, month: newMonth, day: newDay) == nil { newDay -= 1 }
        return CalendarDate(year: newYear, month: newMonth, day: newDay)!
    }
}
