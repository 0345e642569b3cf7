import RubricModel
import Scoring

/// `assess explain` as text: for each dimension every question's answer, points, weight and contribution,
/// the sums and formulas with the actual numbers, thresholds, gates, coverage, provisional and borderline
/// marks; then how the overall level came about.
public enum ExplainTextReporter {
    /// - Parameter dimension: show only this dimension (and leave out the overall level); nil for all.
    public static func render(_ assessment: Assessment, dimension: String?, context: ReportContext) -> String {
        var lines: [String] = []
        let l = context.labels
        let e = l.explain
        lines.append("\(e.title.uppercased()) · \(assessment.library.name) · \(l.round) \(assessment.round)")
        lines.append(BriefingWording(context).stampLine(assessment.stamp))
        let shown = assessment.dimensions.filter { dimension == nil || $0.dimensionID == dimension }
        if let dimension, shown.isEmpty {
            lines.append("")
            lines.append(e.unknownDimension(dimension, known: assessment.dimensions.map(\.dimensionID).joined(separator: ", ")))
            return lines.joined(separator: "\n") + "\n"
        }
        for result in shown {
            lines.append("")
            lines += dimensionLines(result, context: context)
        }
        if dimension == nil {
            lines.append("")
            lines += overallLines(assessment, context: context)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func dimensionLines(_ result: DimensionResult, context: ReportContext) -> [String] {
        let l = context.labels
        let e = l.explain
        let language = context.language
        let facts = ExplainFacts(result, rubric: context.rubric)
        let n = { (value: Double) in facts.number(value, language) }
        var lines: [String] = []
        lines.append("\(context.dimensionTitle(result.dimensionID).uppercased()) (\(result.dimensionID))")
        for (index, question) in result.questions.enumerated() {
            let definition = context.rubric.question(question.questionID)
            lines.append("  \(index + 1). \(question.questionID) – \(context.questionText(question.questionID))")
            let answer = context.describe(question.answer, questionID: question.questionID)
            var line = "     \(e.answer): \(answer)"
            if !question.scored {
                line += " · \(e.notScored)"
            } else if question.answered, let points = question.answer.points, let contribution = question.contribution,
                let possible = question.maxContribution
            {
                line += " → \(l.briefing.points(n(points), value: points)) × \(e.weight) \(question.weight) = \(e.contribution) \(n(contribution)) / \(n(possible))"
            } else if question.answer.status == .skipped {
                line += " · \(e.skippedNote)"
            } else if !question.applicable {
                line += " · \(e.notApplicableNote)"
            } else {
                line += " · \(e.weight) \(question.weight) · \(e.unansweredNote)"
            }
            lines.append(line)
            if question.respondents.count > 1 {
                let each = question.respondents.map { answer -> String in
                    let who = BriefingWording(context).respondent(Respondent(role: answer.role, name: answer.name))
                    let points = answer.points.map { " (\(n($0)))" } ?? ""
                    return "\(who): \(context.describe(answer.value, questionID: question.questionID))\(points)"
                }
                lines.append("     \(e.respondents): " + each.joined(separator: "; "))
                if let definition, question.scored {
                    var combine = "     " + e.combine(definition.combine, authority: definition.authority.map(context.roleLabel))
                    if let divergence = question.divergence {
                        combine += " · \(e.divergence) \(Format.number(divergence, decimals: 0, language: language))/100"
                    }
                    lines.append(combine)
                }
            }
        }
        lines.append("  \(e.sums):")
        lines.append("     Σ w×p = " + facts.sumFormula(facts.contributions, total: facts.contributionSum, language))
        lines.append("     Σ w×4 = " + facts.sumFormula(facts.possibles, total: facts.possibleSum, language))
        lines.append("  \(e.scoreFormula) = " + (facts.scoreFormula(language) ?? e.noAnsweredQuestion))
        lines.append(
            "  \(e.coverageFormula) = " + (facts.coverageFormula(language).map { "\($0)  (\(e.answeredWeight) / \(e.applicableWeight))" } ?? e.noApplicableQuestion))
        lines.append("  \(e.thresholds):")
        for level in 1...5 {
            let name = context.levelName(level)
            let from = Format.number(facts.threshold(level), decimals: 1, fixed: false, language: language)
            let mark = level == result.thresholdLevel ? "  ◀ " + e.reached : ""
            lines.append("     \(l.level) \(level) \(name): \(e.fromScore) \(from)\(mark)")
        }
        lines.append("  \(e.gates):" + (result.gates.isEmpty ? " \(e.noGates)" : ""))
        for gate in result.gates {
            var line = "     \(gate.gateID) (\(l.level) \(gate.level)) \(context.quoteLabel(context.gateLabel(gate.gateID, in: result.dimensionID))): "
            if !gate.checked {
                line += "\(e.notChecked) – \(e.notCheckedReason(gate.level))"
            } else if gate.met {
                line += e.met
            } else {
                line += "\(e.notMet) – \(e.capsAt(gate.level - 1))"
            }
            if !gate.unansweredQuestions.isEmpty { line += " (\(e.unanswered(gate.unansweredQuestions.joined(separator: ", "))))" }
            lines.append(line)
        }
        let coverage = Format.number(result.coverage, decimals: 0, language: language) + " %"
        let minimum = Format.number(context.rubric.scoring.minCoverage, decimals: 0, language: language) + " %"
        lines.append("  \(e.provisional): " + e.provisionalLine(result.provisional, coverage: coverage, minimum: minimum))
        let margin = Format.number(context.rubric.scoring.borderlineMargin, decimals: 1, fixed: false, language: language)
        switch result.borderline {
        case .nearNext?:
            lines.append("  \(e.borderline): " + e.nearNext(n(result.distanceToNext ?? 0), margin: margin, level: result.level + 1))
        case .justReached?:
            lines.append("  \(e.borderline): " + e.justReached(n(result.score - facts.threshold(result.level)), margin: margin))
        case nil:
            lines.append("  \(e.borderline): \(e.notBorderline)")
        }
        if let distance = result.distanceToNext {
            let text = result.level < result.thresholdLevel
                ? e.distanceHeldByGate(result.level)
                : "\(Format.number(facts.threshold(result.level + 1), decimals: 1, fixed: false, language: language)) − "
                    + "\(Format.number(result.score, decimals: 1, language: language)) = \(Format.number(distance, decimals: 1, language: language))"
            lines.append("  \(e.distance): \(text)")
        } else {
            lines.append("  \(e.distance): – (\(e.topLevel))")
        }
        lines.append("  \(e.placed): \(result.level) \(context.levelName(result.level)) — \(context.levelReason(result))")
        return lines
    }

    static func overallLines(_ assessment: Assessment, context: ReportContext) -> [String] {
        let e = context.labels.explain
        let overall = assessment.overall
        let levels = assessment.dimensions.map { result in
            (weight: context.rubric.dimension(result.dimensionID)?.weight ?? 1, level: result.level)
        }
        var lines = [e.overallTitle.uppercased()]
        var method = "  \(e.method): \(e.method(overall.method)) (\(overall.method.rawValue))"
        if overall.method == .weightedMean { method += ", \(e.roundedHalvesDown)" }
        lines.append(method)
        lines.append("     " + overall.explainFormula(levels: levels, language: context.language))
        if let k = context.rubric.scoring.maxAboveLowest {
            let lowest = assessment.dimensions.map(\.level).min() ?? 1
            let applied = overall.cappedFrom.map { e.capApplied($0, to: overall.level) } ?? e.capNotApplied
            lines.append("  max_above_lowest: \(e.cap(k, lowest: lowest)) → \(applied)")
        } else {
            lines.append("  max_above_lowest: \(e.noCap)")
        }
        lines.append("  \(e.provisional): \(e.provisionalOverall(overall.provisional))")
        lines.append("  = " + context.overallReason(overall, dimensions: assessment.dimensions))
        return lines
    }
}

extension ReportContext {
    /// A label in the language's quotation marks.
    func quoteLabel(_ text: String) -> String { labels.pick("„\(text)“", "'\(text)'") }
}
