import YAML

extension Question {
    /// The points (0–4) an answer earns (docs/FORMAT.md §3.1), or nil when it earns none (unscored question,
    /// don't-know, n/a, or a value no band holds).
    ///
    /// - Parameter questionnaireDate: the date the questionnaire was filled in; needed for date bands.
    public func points(for value: AnswerValue, questionnaireDate: CalendarDate?) -> Double? {
        guard isScored else { return nil }
        switch (type, value) {
        case (.choice, .option(let id)):
            return optionIndex(id).map { Double(options[$0].points) }
        case (.multi, .options(let ids)):
            return 4 * Double(min(selectedPoints(ids), maxPoints)) / Double(maxPoints)
        case (.yesno, .bool(let flag)):
            return Double(flag ? yesPoints : noPoints)
        case (.scale, .number(let value)):
            return value
        case (.number, .number(let value)), (.percent, .number(let value)), (.count, .number(let value)):
            return bandPoints(for: value).map(Double.init)
        case (.date, .date(let date)):
            guard let months = numericValue(for: .date(date), questionnaireDate: questionnaireDate) else { return nil }
            return bandPoints(for: months).map(Double.init)
        default:
            return nil
        }
    }

    /// The summed points of the options whose ids `ids` holds, each option once.
    private func selectedPoints(_ ids: [String]) -> Int {
        guard optionIDs.isUnique, options.count <= 64 else {
            return options.filter { ids.contains($0.id) }.reduce(0) { $0 + $1.points }
        }
        // The options by their bytes, marked in a bit set: no array to filter, no strings compared.
        var selected: UInt64 = 0
        for id in ids {
            if let index = optionIndex(id) { selected |= 1 << UInt64(index) }
        }
        var sum = 0
        while selected != 0 {
            sum += options[selected.trailingZeroBitCount].points
            selected &= selected - 1
        }
        return sum
    }

    /// The value compared by `at_least` and friends: the number itself, or whole months for a date.
    public func numericValue(for value: AnswerValue, questionnaireDate: CalendarDate?) -> Double? {
        switch value {
        case .number(let number): return number
        case .date(let date):
            guard let reference = questionnaireDate else { return nil }
            return Double(max(0, CalendarDate.wholeMonths(from: date, to: reference)))
        default: return nil
        }
    }
}

extension CalendarDate {
    /// Whole months from `start` to `end` (docs/FORMAT.md §3.1); negative when `end` is earlier.
    public static func wholeMonths(from start: CalendarDate, to end: CalendarDate) -> Int {
        var months = 12 * (end.year - start.year) + (end.month - start.month)
        if end.day < start.day { months -= 1 }
        return months
    }
}
