import Scoring

extension ReportContext {
    /// The one-line reason for a dimension's placement (docs/FORMAT.md §3.5), e.g.
    /// "level 2: score 58.0 reaches level 3 (from 45), but gate 'A deputy is named' is not met; coverage 90 %".
    public func levelReason(_ result: DimensionResult) -> String {
        let l = labels
        let score = Format.number(result.score, language: language)
        var parts: [String] = []
        let threshold = rubric.dimension(result.dimensionID)?.threshold(for: result.thresholdLevel) ?? 0
        let thresholdText = Format.number(threshold, decimals: 1, fixed: false, language: language)
        if result.thresholdLevel == 1 {
            let next = rubric.dimension(result.dimensionID)?.threshold(for: 2) ?? 0
            parts.append(
                l.pick(
                    "Punktwert \(score) liegt unter der Schwelle für Stufe 2 (\(Format.number(next, decimals: 1, fixed: false, language: language)))",
                    "score \(score) is below the threshold of level 2 (\(Format.number(next, decimals: 1, fixed: false, language: language)))"))
        } else {
            parts.append(l.pick("Punktwert \(score) erreicht Stufe \(result.thresholdLevel) (ab \(thresholdText))", "score \(score) reaches level \(result.thresholdLevel) (from \(thresholdText))"))
        }
        let failed = result.failedGates
        if !failed.isEmpty {
            let names = failed.map { gate -> String in
                let label = gateLabel(gate.gateID, in: result.dimensionID)
                let quoted = l.pick("„\(label)“", "'\(label)'")
                return gate.unansweredQuestions.isEmpty ? quoted : quoted + l.pick(" (nicht beantwortet)", " (not answered)")
            }
            parts[0] += l.pick(
                ", aber \(failed.count == 1 ? "die Bedingung" : "die Bedingungen") \(names.joined(separator: ", ")) \(failed.count == 1 ? "ist" : "sind") nicht erfüllt",
                ", but \(failed.count == 1 ? "gate" : "gates") \(names.joined(separator: ", ")) \(failed.count == 1 ? "is" : "are") not met")
        }
        parts.append(l.pick("Abdeckung \(Format.number(result.coverage, decimals: 0, language: language)) %", "coverage \(Format.number(result.coverage, decimals: 0, language: language)) %"))
        if result.provisional {
            parts.append(
                l.pick(
                    "vorläufig (unter \(Format.number(rubric.scoring.minCoverage, decimals: 0, language: language)) % beantwortet)",
                    "provisional (less than \(Format.number(rubric.scoring.minCoverage, decimals: 0, language: language)) % answered)"))
        }
        switch result.borderline {
        case .nearNext?:
            let gap = Format.number(result.distanceToNext ?? 0, language: language)
            parts.append(l.pick("knapp: \(gap) Punkte bis Stufe \(result.level + 1)", "borderline: \(gap) points short of level \(result.level + 1)"))
        case .justReached?:
            parts.append(l.pick("knapp: Stufe \(result.level) gerade erreicht", "borderline: level \(result.level) only just reached"))
        case nil: break
        }
        return l.pick("Stufe \(result.level): ", "level \(result.level): ") + parts.joined(separator: "; ")
    }

    /// How the overall level came about (docs/FORMAT.md §3.9).
    public func overallReason(_ overall: OverallResult, dimensions: [DimensionResult]) -> String {
        let l = labels
        let levels = dimensions.map { String($0.level) }.joined(separator: ", ")
        var text: String
        switch overall.method {
        case .weightedMean:
            let mean = Format.number(overall.rawValue, decimals: 2, fixed: false, language: language)
            text = l.pick("gewichteter Mittelwert der Stufen (\(levels)) = \(mean)", "weighted mean of the levels (\(levels)) = \(mean)")
        case .median:
            text = l.pick("Median der Stufen (\(levels))", "median of the levels (\(levels))")
        case .minimum:
            text = l.pick("niedrigste Stufe (\(levels))", "lowest level (\(levels))")
        }
        if let capped = overall.cappedFrom, let cap = rubric.scoring.maxAboveLowest {
            text += l.pick(
                "; auf höchstens \(cap) über der niedrigsten Dimension begrenzt (statt \(capped))",
                "; capped at \(cap) above the lowest dimension (instead of \(capped))")
        }
        if overall.provisional { text += l.pick("; vorläufig", "; provisional") }
        return l.pick("Stufe \(overall.level): ", "level \(overall.level): ") + text
    }
}
