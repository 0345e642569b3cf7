import Dispatch
import RubricModel

extension ProgrammeView {
    /// Builds the comparison from scored library-rounds.
    ///
    /// - Parameters:
    ///   - assessments: any number of rounds per library (from `Cohort.group` + `ScoringEngine.assess`); when
    ///     a library-round appears twice, the first is used.
    ///   - rubric: the rubric that scored them (dimension order, question and recommendation order).
    ///   - options: round, sort order, anonymisation and the thresholds of findings and tandems.
    ///   - leftOut: files the caller could not use; listed in the report as they are.
    public init(
        assessments: [Assessment], rubric: Rubric, options: ProgrammeOptions = ProgrammeOptions(),
        leftOut: [LeftOutFile] = []
    ) {
        self.init(
            rounds: assessments.map { ProgrammeRound($0, rubric: rubric, weakPoints: options.weakPoints) }, rubric: rubric,
            options: options, leftOut: leftOut)
    }

    /// Builds the comparison from library-rounds already reduced with `ProgrammeRound(_:rubric:weakPoints:)` (with
    /// at least `options.weakPoints`): the same view as from the assessments themselves.
    public init(
        rounds assessments: [ProgrammeRound], rubric: Rubric, options: ProgrammeOptions = ProgrammeOptions(),
        leftOut: [LeftOutFile] = []
    ) {
        let dimensionIDs = rubric.dimensions.map(\.id)
        // Positions of the library-rounds by library id, then round; of two with the same library and round the
        // first given wins. (Positions rather than a dictionary per library: a programme may have many thousands.)
        // Compared by position, so that no round is copied (each holds many references to retain).
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let left = assessments[a].library.id, right = assessments[b].library.id
            return left != right ? left < right : assessments[a].round < assessments[b].round
        }
        // `assess compare` gives them in that order already: a check instead of sorting 100,000 of them again.
        let inOrder = assessments.indices.dropFirst().allSatisfy { !precedes($0, $0 - 1) }
        let order = inOrder
            ? Array(assessments.indices)
            : assessments.indices.sorted { a, b in precedes(a, b) || (!precedes(b, a) && a < b) }
        var libraryIDs: [String] = []
        var chosen: [ProgrammeRound] = []
        /// Aligned with `chosen`: the library's round before the chosen one, and its rounds up to the chosen one.
        var previous: [ProgrammeRound?] = []
        var history: [[RoundSnapshot]] = []
        var missing: [LibraryRef] = []
        var groupStart = 0
        while groupStart < order.count {
            let id = assessments[order[groupStart]].library.id
            var rounds: [Int] = []  // positions, one per round, ascending by round
            var next = groupStart
            while next < order.count, assessments[order[next]].library.id == id {
                if rounds.last.map({ assessments[$0].round != assessments[order[next]].round }) ?? true {
                    rounds.append(order[next])
                }
                next += 1
            }
            groupStart = next
            libraryIDs.append(id)
            let selectedIndex: Int?
            switch options.round {
            case .latest: selectedIndex = rounds.indices.last
            case .number(let number): selectedIndex = rounds.firstIndex { assessments[$0].round == number }
            }
            guard let selectedIndex else {
                missing.append(LibraryRef(id: id, name: assessments[rounds[0]].library.name))
                continue
            }
            chosen.append(assessments[rounds[selectedIndex]])
            previous.append(selectedIndex > 0 ? assessments[rounds[selectedIndex - 1]] : nil)
            history.append(
                rounds[...selectedIndex].map { position in
                    let assessment = assessments[position]
                    return RoundSnapshot(
                        round: assessment.round, levels: dimensionIDs.map { assessment.cell($0)?.level ?? 1 },
                        overall: assessment.overall.level)
                })
        }

        let rows = chosen.map { Self.row($0, dimensionIDs: dimensionIDs) }
        // The tandem plan and the findings need only the rows and the chosen rounds, and are the largest parts with
        // many libraries. With a second thread, that one makes the tandem plan and the recommendation findings
        // while this one makes the rest and then the question findings: with 25,000 libraries the two halves take
        // about as long (the tandem plan alone about 0.3 s, the question findings about 0.2 s).
        let planner = TandemPlanner(dimensionIDs: dimensionIDs, maxMentees: max(0, options.maxMenteesPerMentor))
        let collector = FindingsCollector(rubric: rubric, options: options)
        let minReach = options.findingsMinReach ?? FindingsCollector.defaultMinReach(libraries: chosen.count)
        let planned = PlanBox()
        let planning = DispatchGroup()
        if options.threads > 1 {
            DispatchQueue.global().async(group: planning) { [chosen] in
                planned.plan = planner.plan(rows)
                planned.recommendations = collector.recommendations(chosen, minReach: minReach)
            }
        }

        var distributions = dimensionIDs.map { id in
            let cells = rows.compactMap { $0.cell(id) }
            return Distribution(dimensionID: id, levels: cells.map(\.level), scores: cells.map(\.score))
        }
        distributions.append(Distribution(dimensionID: nil, levels: rows.map(\.overallLevel), scores: nil))

        var progress: [LibraryProgress] = []
        var tables = dimensionIDs.map { TransitionTable(dimensionID: $0) } + [TransitionTable(dimensionID: nil)]
        for (position, current) in chosen.enumerated() {
            guard let before = previous[position] else { continue }
            let changes = dimensionIDs.compactMap { id -> LevelChange? in
                guard let from = before.cell(id), let to = current.cell(id) else { return nil }
                return LevelChange(
                    dimensionID: id, fromLevel: from.level, toLevel: to.level, fromScore: from.score, toScore: to.score)
            }
            let overall = LevelChange(
                dimensionID: nil, fromLevel: before.overall.level, toLevel: current.overall.level, fromScore: nil,
                toScore: nil)
            for change in changes + [overall] {
                guard let index = tables.firstIndex(where: { $0.dimensionID == change.dimensionID }),
                    (1...5).contains(change.fromLevel), (1...5).contains(change.toLevel)
                else { continue }
                tables[index].counts[change.fromLevel - 1][change.toLevel - 1] += 1
            }
            progress.append(
                LibraryProgress(
                    library: LibraryRef(id: current.library.id, name: current.library.name), fromRound: before.round,
                    toRound: current.round, changes: changes, overall: overall,
                    history: history[position]))
        }

        var mismatches: [VersionMismatch] = []
        for (position, current) in chosen.enumerated() {
            for assessment in [previous[position], current].compactMap({ $0 }) {
                // More than one version among those written for and the one scored with, or not the rubric's.
                let scoredWith = assessment.scoredWith
                guard assessment.writtenForVersions.contains(where: { $0 != scoredWith }) || scoredWith != rubric.version
                else { continue }
                mismatches.append(
                    VersionMismatch(
                        library: LibraryRef(id: assessment.library.id, name: assessment.library.name),
                        round: assessment.round, writtenFor: assessment.writtenForVersions.sorted(),
                        scoredWith: assessment.scoredWith))
            }
        }

        // Rows that keep their names are sorted while the tandem plan may still be in the making; anonymised ones
        // are sorted by their new names below.
        let shownRows = options.anonymize ? rows : options.sort.sorted(rows)
        let questionFindings = collector.questions(chosen, minReach: minReach)
        planning.wait()
        let plan = planned.plan ?? planner.plan(rows)
        let recommendationFindings = planned.recommendations ?? collector.recommendations(chosen, minReach: minReach)
        var view = ProgrammeView(
            rubricID: rubric.id, rubricVersion: rubric.version, dimensionIDs: dimensionIDs, round: options.round,
            rows: shownRows, sort: options.sort, distributions: distributions, progress: progress, transitions: tables,
            questionFindings: questionFindings, recommendationFindings: recommendationFindings,
            findingsMinReach: minReach,
            tandems: plan.tandems, unmatchedNeeds: plan.unmatched,
            maxMenteesPerMentor: max(0, options.maxMenteesPerMentor), versionMismatches: mismatches,
            missingRound: missing, leftOut: leftOut, anonymized: false)
        if options.anonymize {
            view = Anonymizer(libraryIDs: libraryIDs).apply(to: view)
            view.rows = options.sort.sorted(view.rows)
        }
        self = view
    }

    static func row(_ assessment: ProgrammeRound, dimensionIDs: [String]) -> LibraryRow {
        let cells = dimensionIDs.compactMap { assessment.cell($0) }
        return LibraryRow(
            library: LibraryRef(id: assessment.library.id, name: assessment.library.name),
            population: assessment.library.population, staff: assessment.library.staff, round: assessment.round,
            date: assessment.date, respondentCount: assessment.respondentCount,
            respondentNames: assessment.respondentNames, cells: cells,
            overallLevel: assessment.overall.level, overallProvisional: assessment.overall.provisional,
            overallValue: assessment.overall.rawValue, writtenForVersions: assessment.writtenForVersions)
    }
}

/// The tandem plan and the recommendation findings, handed from the thread that makes them to the one that waits
/// for them (`DispatchGroup.wait` orders the writes before the reads).
private final class PlanBox: @unchecked Sendable {
    var plan: (tandems: [Tandem], unmatched: [TandemNeed])?
    var recommendations: [RecommendationFinding]?
}
