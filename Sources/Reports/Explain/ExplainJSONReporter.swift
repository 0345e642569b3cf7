import RubricModel
import Scoring

/// `assess explain --format json`: the same facts as `ExplainTextReporter`, as data (`"schema_version": 1`,
/// described in docs/REPORTS.md). Keys come in a fixed order and numbers are rounded, so the output is
/// byte-identical for the same inputs.
public enum ExplainJSONReporter {
    public static let schemaVersion = 1

    /// - Parameter dimension: show only this dimension (and leave out the overall level); nil for all.
    ///   An unknown id gives an empty `dimensions` list and `"unknown_dimension"`.
    public static func render(_ assessment: Assessment, dimension: String?, context: ReportContext) -> String {
        let shown = assessment.dimensions.filter { dimension == nil || $0.dimensionID == dimension }
        var members: [(String, JSONTree)] = [
            ("schema_version", .int(schemaVersion)),
            ("kind", .string("explain")),
            ("language", .string(context.language)),
            ("stamp", .stamp(assessment.stamp, assessment: assessment, context: context)),
            ("library", .library(assessment.library)),
            ("round", .int(assessment.round)),
            ("date", .optional(assessment.date?.description)),
            ("filter", .optional(dimension)),
        ]
        if let dimension, shown.isEmpty { members.append(("unknown_dimension", .string(dimension))) }
        members.append(("scoring", .object([
            ("min_coverage", .number(context.rubric.scoring.minCoverage)),
            ("borderline_margin", .number(context.rubric.scoring.borderlineMargin)),
            ("overall_method", .string(context.rubric.scoring.overallMethod.rawValue)),
            ("max_above_lowest", .optional(context.rubric.scoring.maxAboveLowest)),
        ])))
        members.append(("dimensions", .array(shown.map { self.dimension($0, context: context) })))
        members.append(("overall", dimension == nil ? overall(assessment, context: context) : .null))
        return JSONTree.object(members).rendered()
    }

    static func dimension(_ result: DimensionResult, context: ReportContext) -> JSONTree {
        let facts = ExplainFacts(result, rubric: context.rubric)
        let language = context.language
        let questions: [JSONTree] = result.questions.map { question in
            let definition = context.rubric.question(question.questionID)
            return .object([
                ("question_id", .string(question.questionID)),
                ("question", .string(context.questionText(question.questionID))),
                ("type", .optional(definition?.type.rawValue)),
                ("weight", .int(question.weight)),
                ("scored", .bool(question.scored)),
                ("applicable", .bool(question.applicable)),
                ("answered", .bool(question.answered)),
                ("combine", .optional(definition?.combine.rawValue)),
                ("authority", .optional(definition?.authority)),
                ("answer", .resolved(question.answer, questionID: question.questionID, context: context)),
                ("points", question.answered ? .optional(question.answer.points) : .null),
                ("contribution", .optional(question.contribution)),
                ("max_contribution", .optional(question.maxContribution)),
                ("divergence", question.divergence.map { .number($0, decimals: 1) } ?? .null),
                ("respondents", .array(question.respondents.map {
                    .respondentAnswer($0, questionID: question.questionID, context: context)
                })),
            ])
        }
        let thresholds: [JSONTree] = (1...5).map { level in
            .object([
                ("level", .int(level)),
                ("level_name", .string(context.levelName(level))),
                ("min_score", .number(facts.threshold(level), decimals: 1)),
                ("reached", .bool(level == result.thresholdLevel)),
            ])
        }
        let gates: [JSONTree] = result.gates.map { gate in
            .object([
                ("id", .string(gate.gateID)),
                ("label", .string(context.gateLabel(gate.gateID, in: result.dimensionID))),
                ("level", .int(gate.level)),
                ("status", .string(ExplainFacts.gateStatus(gate))),
                ("met", .bool(gate.met)),
                ("checked", .bool(gate.checked)),
                ("unanswered_questions", .array(gate.unansweredQuestions.map(JSONTree.string))),
            ])
        }
        return .object([
            ("id", .string(result.dimensionID)),
            ("title", .string(context.dimensionTitle(result.dimensionID))),
            ("questions", .array(questions)),
            ("sums", .object([
                ("contribution", .number(facts.contributionSum)),
                ("max_contribution", .number(facts.possibleSum)),
                ("answered_weight", .int(facts.answeredWeight)),
                ("applicable_weight", .int(facts.applicableWeight)),
            ])),
            ("score", .object([
                ("value", .number(result.score, decimals: 1)),
                ("unrounded", .number(facts.rawScore, decimals: 4)),
                ("formula", .optional(facts.scoreFormula(language))),
            ])),
            ("coverage", .object([
                ("value", .number(result.coverage, decimals: 0)),
                ("unrounded", .number(facts.rawCoverage, decimals: 4)),
                ("formula", .optional(facts.coverageFormula(language))),
                ("provisional", .bool(result.provisional)),
            ])),
            ("thresholds", .array(thresholds)),
            ("threshold_level", .int(result.thresholdLevel)),
            ("gates", .array(gates)),
            ("level", .int(result.level)),
            ("level_name", .string(context.levelName(result.level))),
            ("provisional", .bool(result.provisional)),
            ("borderline", .optional(result.borderline?.rawValue)),
            ("distance_to_next", result.distanceToNext.map { .number($0, decimals: 1) } ?? .null),
            ("reason", .string(context.levelReason(result))),
        ])
    }

    static func overall(_ assessment: Assessment, context: ReportContext) -> JSONTree {
        let overall = assessment.overall
        let levels = assessment.dimensions.map { result in
            (weight: context.rubric.dimension(result.dimensionID)?.weight ?? 1, level: result.level)
        }
        return .object([
            ("method", .string(overall.method.rawValue)),
            ("inputs", .array(zip(assessment.dimensions, levels).map { result, input in
                .object([("dimension_id", .string(result.dimensionID)), ("weight", .int(input.weight)), ("level", .int(input.level))])
            })),
            ("raw_value", .number(overall.rawValue)),
            ("formula", .string(overall.explainFormula(levels: levels, language: context.language))),
            ("capped_from", .optional(overall.cappedFrom)),
            ("level", .int(overall.level)),
            ("level_name", .string(context.levelName(overall.level))),
            ("provisional", .bool(overall.provisional)),
            ("reason", .string(context.overallReason(overall, dimensions: assessment.dimensions))),
        ])
    }
}
