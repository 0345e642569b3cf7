import RubricModel

/// Why a recommendation was put where it is (docs/FORMAT.md §4.2).
public enum AgendaClass: Int, Sendable, Comparable {
    case blocker = 0, continuity, weakestDimension, quickWin

    public static func < (lhs: AgendaClass, rhs: AgendaClass) -> Bool { lhs.rawValue < rhs.rawValue }
}

public struct AgendaItem: Sendable {
    public var recommendationID: String
    public var dimensionID: String
    public var session: SessionType
    public var hours: Double
    public var homeworkHours: Double
    public var agendaClass: AgendaClass
    /// The answers that made the trigger fire.
    public var because: [(questionID: String, answer: ResolvedAnswer)]
    /// Minutes after the start of the day (on-day items only).
    public var startMinute: Int?
}

public enum LeftOutReason: Sendable, Equatable {
    case noTimeLeft
    case needsFirst(String)
    /// `requires.condition` does not hold yet (e.g. exploration level too low).
    case notYet
}

public struct LeftOutItem: Sendable {
    public var recommendationID: String
    public var dimensionID: String
    public var hours: Double
    public var reason: LeftOutReason
    public var agendaClass: AgendaClass
}

public struct Agenda: Sendable {
    public var budgetHours: Double
    /// On-day items in schedule order, grouped by session type.
    public var items: [AgendaItem]
    /// Homework and video follow-ups chosen, plus the homework of the on-day items.
    public var homework: [AgendaItem]
    public var leftOut: [LeftOutItem]
    /// Minutes after the start of the day when the lunch break begins, if the day is long enough for one.
    public var lunchStartMinute: Int?
    public static let lunchMinutes = 45

    public var plannedHours: Double { items.reduce(0) { $0 + $1.hours } }
}

/// Picks the recommendations for a coaching day within a time budget, by the documented priority.
public struct AgendaPlanner: Sendable {
    public let rubric: Rubric
    public init(rubric: Rubric) { self.rubric = rubric }

    public func plan(_ assessment: Assessment, budgetHours: Double = 6) -> Agenda {
        let triggered = Dictionary(uniqueKeysWithValues: assessment.triggered.map { ($0.recommendationID, $0) })
        let weakest = assessment.dimensions.enumerated().min { a, b in
            (a.element.level, a.element.score, a.offset) < (b.element.level, b.element.score, b.offset)
        }?.element.dimensionID
        let order = Dictionary(uniqueKeysWithValues: rubric.allRecommendations.enumerated().map { ($1.id, $0) })
        func agendaClass(_ recommendation: Recommendation) -> AgendaClass {
            switch recommendation.priority {
            case .blocker: return .blocker
            case .continuity: return .continuity
            case .normal: return recommendation.dimensionID == weakest ? .weakestDimension : .quickWin
            }
        }
        func impactPerHour(_ recommendation: Recommendation) -> Double {
            Double(recommendation.impact.weight) / max(recommendation.hours, 0.25)
        }
        let candidates = assessment.triggered.compactMap { rubric.recommendation($0.recommendationID) }.sorted { a, b in
            let (ca, cb) = (agendaClass(a), agendaClass(b))
            if ca != cb { return ca < cb }
            let (ia, ib) = (impactPerHour(a), impactPerHour(b))
            if ia != ib { return ia > ib }
            return order[a.id]! < order[b.id]!
        }
        var remaining = budgetHours
        var chosen: [AgendaItem] = []
        var homework: [AgendaItem] = []
        var chosenIDs = Set<String>()
        var leftOut: [LeftOutItem] = []
        for recommendation in candidates {
            let trigger = triggered[recommendation.id]!
            let cls = agendaClass(recommendation)
            func leave(_ reason: LeftOutReason) {
                leftOut.append(
                    LeftOutItem(
                        recommendationID: recommendation.id, dimensionID: recommendation.dimensionID, hours: recommendation.hours,
                        reason: reason, agendaClass: cls))
            }
            guard trigger.prerequisitesMet else { leave(.notYet); continue }
            if let missing = recommendation.requiredRecommendations.first(where: { triggered[$0] != nil && !chosenIDs.contains($0) }) {
                leave(.needsFirst(missing))
                continue
            }
            let item = AgendaItem(
                recommendationID: recommendation.id, dimensionID: recommendation.dimensionID, session: recommendation.session,
                hours: recommendation.hours, homeworkHours: recommendation.homeworkHours, agendaClass: cls,
                because: trigger.because, startMinute: nil)
            if !recommendation.session.isOnCoachingDay {
                homework.append(item)
                chosenIDs.insert(recommendation.id)
                continue
            }
            guard recommendation.hours <= remaining + 1e-9 else { leave(.noTimeLeft); continue }
            remaining -= recommendation.hours
            chosen.append(item)
            chosenIDs.insert(recommendation.id)
        }
        // Group by session type; groups in order of their most urgent item, items keep priority order.
        var groups: [SessionType: [AgendaItem]] = [:]
        var groupOrder: [SessionType] = []
        for item in chosen {
            if groups[item.session] == nil { groupOrder.append(item.session) }
            groups[item.session, default: []].append(item)
        }
        var scheduled: [AgendaItem] = []
        var minute = 0
        var lunch: Int?
        let lunchAfter = 3 * 60  // a day starting at 9:00 breaks for lunch from 12:00
        for session in groupOrder {
            for var item in groups[session]! {
                if lunch == nil, minute >= lunchAfter || (minute > 0 && minute + Int((item.hours * 60).rounded()) > lunchAfter + 60) {
                    lunch = minute
                    minute += Agenda.lunchMinutes
                }
                item.startMinute = minute
                minute += Int((item.hours * 60).rounded())
                scheduled.append(item)
            }
        }
        // Homework of the on-day items follows the homework items themselves.
        homework += scheduled.filter { $0.homeworkHours > 0 }
        return Agenda(budgetHours: budgetHours, items: scheduled, homework: homework, leftOut: leftOut, lunchStartMinute: lunch)
    }
}
