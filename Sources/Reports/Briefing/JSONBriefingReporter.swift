import RubricModel
import Scoring

/// The briefing as JSON (`"schema_version": 1`, described in docs/briefing.schema.json and docs/REPORTS.md):
/// every fact as data with its ids, plus the localized texts the other formats show.
/// Keys come in a fixed order and numbers are rounded, so the output is byte-identical for the same inputs.
public struct JSONBriefingReporter: BriefingReporter {
    public static let identifier = "json"
    /// Bump when a field is removed or changes meaning; adding fields keeps the version.
    public static let schemaVersion = 1

    public init() {}

    public func render(_ briefing: Briefing, context: ReportContext) -> String {
        BriefingJSONBuilder(context: context).document(briefing).rendered()
    }
}

private struct BriefingJSONBuilder {
    let context: ReportContext
    let w: BriefingWording

    init(context: ReportContext) {
        self.context = context
        self.w = BriefingWording(context)
    }

    func document(_ briefing: Briefing) -> JSONTree {
        let a = briefing.assessment
        return .object([
            ("schema_version", .int(JSONBriefingReporter.schemaVersion)),
            ("kind", .string("briefing")),
            ("language", .string(context.language)),
            ("stamp", .stamp(a.stamp, assessment: a, context: context)),
            ("library", .library(a.library)),
            ("round", .int(a.round)),
            ("date", .optional(a.date?.description)),
            ("date_text", .optional(w.date(a.date))),
            ("coaching_day", .optional(a.coachingDay)),
            ("respondents", .array(a.respondents.map(respondent))),
            ("overall", overall(a)),
            ("dimensions", .array(a.dimensions.map(dimension))),
            ("changes", changes(briefing)),
            ("follow_ups", .array(briefing.followUps.map(followUp))),
            ("disagreements", .array(briefing.disagreements.map(disagreement))),
            ("next_level_paths", .array(a.dimensions.map { nextLevel($0, briefing: briefing) })),
            ("consistency", .array(a.consistency.map(consistency))),
            ("agenda", agenda(briefing)),
        ])
    }

    func respondent(_ respondent: Respondent) -> JSONTree {
        .object([
            ("role", .string(respondent.role)),
            ("role_label", .string(context.roleLabel(respondent.role))),
            ("name", .optional(respondent.name)),
            ("text", .string(w.respondent(respondent))),
        ])
    }

    func overall(_ a: Assessment) -> JSONTree {
        .object([
            ("level", .int(a.overall.level)),
            ("level_name", .string(w.levelName(a.overall.level))),
            ("method", .string(a.overall.method.rawValue)),
            ("raw_value", .number(a.overall.rawValue)),
            ("capped_from", .optional(a.overall.cappedFrom)),
            ("provisional", .bool(a.overall.provisional)),
            ("reason", .string(context.overallReason(a.overall, dimensions: a.dimensions))),
        ])
    }

    func dimension(_ result: DimensionResult) -> JSONTree {
        .object([
            ("id", .string(result.dimensionID)),
            ("title", .string(context.dimensionTitle(result.dimensionID))),
            ("level", .int(result.level)),
            ("level_name", .string(w.levelName(result.level))),
            ("threshold_level", .int(result.thresholdLevel)),
            ("score", .number(result.score, decimals: 1)),
            ("coverage", .number(result.coverage, decimals: 0)),
            ("provisional", .bool(result.provisional)),
            ("borderline", .optional(result.borderline?.rawValue)),
            ("distance_to_next", result.distanceToNext.map { .number($0, decimals: 1) } ?? .null),
            ("failed_gates", .array(result.failedGates.map { gate in
                .object([
                    ("id", .string(gate.gateID)),
                    ("level", .int(gate.level)),
                    ("label", .string(context.gateLabel(gate.gateID, in: result.dimensionID))),
                ])
            })),
            ("target", .optional(result.target)),
            ("target_reached", result.target.map { .bool(result.level >= $0) } ?? .null),
            ("divergence", result.divergence.map { .number($0, decimals: 1) } ?? .null),
            ("reason", .string(context.levelReason(result))),
        ])
    }

    func changes(_ briefing: Briefing) -> JSONTree {
        guard let previous = briefing.previous else { return .null }
        return .object([
            ("previous_round", .int(previous.round)),
            ("previous_date", .optional(previous.date?.description)),
            ("title", .string(w.b.changesSince(round: previous.round, date: w.date(previous.date)))),
            ("overall", .object([
                ("previous_level", .int(previous.overall.level)),
                ("level", .int(briefing.assessment.overall.level)),
                ("level_delta", .int(briefing.assessment.overall.level - previous.overall.level)),
                ("text", .string(w.overallChange(briefing) ?? "")),
            ])),
            ("dimensions", .array(briefing.dimensionChanges.map { change in
                .object([
                    ("id", .string(change.dimensionID)),
                    ("title", .string(context.dimensionTitle(change.dimensionID))),
                    ("previous_level", .int(change.previousLevel)),
                    ("level", .int(change.level)),
                    ("level_delta", .int(change.level - change.previousLevel)),
                    ("previous_score", .number(change.previousScore, decimals: 1)),
                    ("score", .number(change.score, decimals: 1)),
                    ("score_delta", .number(change.score - change.previousScore, decimals: 1)),
                    ("previous_target", .optional(change.previousTarget)),
                    ("target_reached", change.targetReached.map(JSONTree.bool) ?? .null),
                    ("text", .string(w.dimensionChange(change))),
                ])
            })),
            ("improved", .array(briefing.improved.map(questionChange))),
            ("worsened", .array(briefing.worsened.map(questionChange))),
        ])
    }

    func questionChange(_ change: QuestionChange) -> JSONTree {
        .object([
            ("question_id", .string(change.questionID)),
            ("dimension_id", .string(change.dimensionID)),
            ("question", .string(context.questionText(change.questionID))),
            ("from", .resolved(change.previous, questionID: change.questionID, context: context)),
            ("to", .resolved(change.current, questionID: change.questionID, context: context)),
            ("points_delta", .number(change.pointsDelta)),
            ("text", .string(w.questionChange(change))),
        ])
    }

    func followUp(_ item: FollowUp) -> JSONTree {
        .object([
            ("recommendation_id", .string(item.recommendationID)),
            ("dimension_id", .string(item.dimensionID)),
            ("title", .string(context.recommendationTitle(item.recommendationID))),
            ("resolved", .bool(item.resolved)),
            ("was_on_agenda", .bool(item.wasOnAgenda)),
            ("status_text", .string(item.resolved ? w.b.resolved : w.b.stillOpen)),
        ])
    }

    func disagreement(_ topic: Disagreement) -> JSONTree {
        .object([
            ("question_id", .string(topic.questionID)),
            ("dimension_id", .string(topic.dimensionID)),
            ("question", .string(context.questionText(topic.questionID))),
            ("divergence", .number(topic.divergence, decimals: 1)),
            ("answers", .array(topic.answers.map { .respondentAnswer($0, questionID: topic.questionID, context: context) })),
        ])
    }

    func nextLevel(_ result: DimensionResult, briefing: Briefing) -> JSONTree {
        let path = briefing.nextLevelPaths.first { $0.dimensionID == result.dimensionID }
        let status = result.level >= 5 ? "highest-level" : path == nil ? "no-path" : "path"
        let text = result.level >= 5 ? w.b.highestLevel : path.map(w.pathResult) ?? w.b.noPath
        return .object([
            ("dimension_id", .string(result.dimensionID)),
            ("title", .string(context.dimensionTitle(result.dimensionID))),
            ("status", .string(status)),
            ("from_level", .int(result.level)),
            ("target_level", .optional(path?.targetLevel)),
            ("target_level_name", .optional(path.map { w.levelName($0.targetLevel) })),
            ("resulting_score", path.map { .number($0.resultingScore, decimals: 1) } ?? .null),
            ("changes", .array((path?.changes ?? []).map { change in
                .object([
                    ("question_id", .string(change.questionID)),
                    ("question", .string(context.questionText(change.questionID))),
                    ("from", .resolved(change.from, questionID: change.questionID, context: context)),
                    ("to", .object([
                        ("value", .answerValue(change.to)),
                        ("points", .number(change.pointsTo)),
                        ("text", .string(context.describe(change.to, questionID: change.questionID))),
                    ])),
                    ("points_from", .optional(change.pointsFrom)),
                    ("points_to", .number(change.pointsTo)),
                    ("text", .string(w.pathStep(change))),
                ])
            })),
            ("text", .string(text)),
        ])
    }

    func consistency(_ finding: ConsistencyFinding) -> JSONTree {
        .object([
            ("rule_id", .string(finding.ruleID)),
            ("dimension_id", .optional(finding.dimensionID)),
            ("question_ids", .array(finding.questionIDs.map(JSONTree.string))),
            ("message", .string(finding.message.text(context.language))),
        ])
    }

    // MARK: - Agenda

    func agenda(_ briefing: Briefing) -> JSONTree {
        let agenda = briefing.agenda
        var sessions: [(SessionType, [AgendaItem])] = []
        for item in agenda.items {
            if sessions.last?.0 == item.session { sessions[sessions.count - 1].1.append(item) } else { sessions.append((item.session, [item])) }
        }
        let lunch: JSONTree = agenda.lunchStartMinute.map { start in
            .object([
                ("start", .string(w.clock(start))),
                ("end", .string(w.clock(start + Agenda.lunchMinutes))),
                ("start_minute", .int(start)),
                ("minutes", .int(Agenda.lunchMinutes)),
            ])
        } ?? .null
        return .object([
            ("title", .string(w.b.agenda(day: briefing.assessment.coachingDay))),
            ("budget_hours", .number(agenda.budgetHours)),
            ("planned_hours", .number(agenda.plannedHours)),
            ("day_start", .string(w.clock(0))),
            ("lunch", lunch),
            ("sessions", .array(sessions.map { session, items in
                .object([
                    ("session", .string(session.rawValue)),
                    ("label", .string(w.l.session(session))),
                    ("items", .array(items.map(item))),
                ])
            })),
            ("homework", .array(agenda.homework.map(item))),
            ("left_out", .array(agenda.leftOut.map(leftOut))),
        ])
    }

    func item(_ item: AgendaItem) -> JSONTree {
        let recommendation = context.rubric.recommendation(item.recommendationID)
        let note: JSONTree = w.legalNote(item.recommendationID).map { note in
            .object([
                ("id", .string(note.id)),
                ("title", .string(note.title)),
                ("text", .string(note.text)),
                ("last_reviewed", .optional(context.rubric.legalNotesReviewed)),
                ("last_reviewed_text", .optional(note.reviewed)),
            ])
        } ?? .null
        return .object([
            ("recommendation_id", .string(item.recommendationID)),
            ("dimension_id", .string(item.dimensionID)),
            ("dimension", .string(context.dimensionTitle(item.dimensionID))),
            ("title", .string(context.recommendationTitle(item.recommendationID))),
            ("text", .string(w.recommendationText(item.recommendationID))),
            ("session", .string(item.session.rawValue)),
            ("session_label", .string(w.l.session(item.session))),
            ("class", .string(Self.classCode(item.agendaClass))),
            ("class_label", .string(w.agendaClass(item))),
            ("blocker", .optional(recommendation?.blocker?.rawValue)),
            ("impact", .optional(recommendation?.impact.rawValue)),
            ("hours", .number(item.hours)),
            ("homework_hours", .number(item.homeworkHours)),
            ("start", .optional(item.startMinute.map(w.clock))),
            ("end", .optional(item.startMinute.map { w.clock($0 + Int((item.hours * 60).rounded())) })),
            ("start_minute", .optional(item.startMinute)),
            ("because", .array(item.because.map { reason in
                .object([
                    ("question_id", .string(reason.questionID)),
                    ("question", .string(context.questionText(reason.questionID))),
                    ("answer", .resolved(reason.answer, questionID: reason.questionID, context: context)),
                ])
            })),
            ("legal_note", note),
        ])
    }

    func leftOut(_ item: LeftOutItem) -> JSONTree {
        var needs: JSONTree = .null
        if case .needsFirst(let id) = item.reason { needs = .string(id) }
        return .object([
            ("recommendation_id", .string(item.recommendationID)),
            ("dimension_id", .string(item.dimensionID)),
            ("title", .string(context.recommendationTitle(item.recommendationID))),
            ("hours", .number(item.hours)),
            ("class", .string(Self.classCode(item.agendaClass))),
            ("class_label", .string(w.agendaClass(item.agendaClass, recommendationID: item.recommendationID))),
            ("reason", .string(w.leftOutCode(item.reason))),
            ("needs", needs),
            ("reason_text", .string(w.leftOutReason(item))),
        ])
    }

    static func classCode(_ value: AgendaClass) -> String {
        switch value {
        case .blocker: "blocker"
        case .continuity: "continuity"
        case .weakestDimension: "weakest-dimension"
        case .quickWin: "quick-win"
        }
    }
}
