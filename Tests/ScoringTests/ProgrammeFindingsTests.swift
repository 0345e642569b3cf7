import RubricModel
import Testing

@testable import Scoring

@Suite("Programme view: findings, tandems, anonymisation, sorting")
struct ProgrammeFindingsTests {
    // MARK: - Findings

    @Test func questionFindingsRankedByReach() throws {
        let view = try ProgrammeFixture.view()
        #expect(view.findingsMinReach == 2)  // max(2, ⌈5 ÷ 3⌉)
        #expect(view.questionFindings.map(\.questionID) == ["hours-per-week", "holiday-cover"])
        let hours = try #require(view.questionFindings.first)
        #expect(hours.reach == 3)
        #expect(hours.libraryIDs == ["am-markt", "grauwasser", "silberhain"])
        // Grouped by answer: "2 hours" twice, then "1 hour" once.
        #expect(hours.weakAnswers.map(\.value) == [.number(2), .number(1)])
        #expect(hours.weakAnswers.map(\.libraryIDs) == [["grauwasser", "silberhain"], ["am-markt"]])
        let cover = view.questionFindings[1]
        // "don't know" (am-markt) is not a weak answer: it is no answer at all.
        #expect(cover.libraryIDs == ["auental", "silberhain"])
        #expect(cover.weakAnswers.map(\.value) == [.option("informal")])
    }

    @Test func recommendationFindingsRankedByReach() throws {
        let view = try ProgrammeFixture.view()
        #expect(view.recommendationFindings.map(\.recommendationID) == ["time-budget", "deputy-plan"])
        #expect(view.recommendationFindings.map(\.reach) == [3, 2])
        #expect(view.recommendationFindings[0].libraryIDs == ["am-markt", "grauwasser", "silberhain"])
    }

    @Test func findingsThresholdAndLimit() throws {
        let strict = try ProgrammeFixture.view(ProgrammeOptions(findingsMinReach: 3))
        #expect(strict.questionFindings.map(\.questionID) == ["hours-per-week"])
        #expect(strict.recommendationFindings.map(\.recommendationID) == ["time-budget"])
        let limited = try ProgrammeFixture.view(ProgrammeOptions(findingsLimit: 1))
        #expect(limited.questionFindings.count == 1 && limited.recommendationFindings.count == 1)
        // Counting only answers with 0 points: nobody answers the hours question that weakly.
        let zero = try ProgrammeFixture.view(ProgrammeOptions(weakPoints: 0))
        #expect(!zero.questionFindings.contains { $0.questionID == "hours-per-week" })
    }

    @Test(arguments: [(1, 2), (3, 2), (5, 2), (6, 2), (7, 3), (15, 5), (16, 6)])
    func defaultMinReach(libraries: Int, expected: Int) {
        #expect(FindingsCollector.defaultMinReach(libraries: libraries) == expected)
    }

    // MARK: - Tandems

    @Test func tandemsOfTheFixture() throws {
        let view = try ProgrammeFixture.view()
        let pairs = view.tandems.map { "\($0.mentor.id)→\($0.mentee.id):\($0.dimensions.map(\.dimensionID).joined(separator: "+"))" }
        #expect(
            pairs == [
                "grauwasser→am-markt:stakeholders",
                "grauwasser→silberhain:exploration+stakeholders",
                "quellenbrueck→am-markt:workflow",
                "quellenbrueck→auental:workflow",
            ])
        // Both mentors are full (2 mentees each), so Silberhain's workflow need stays open: Grauwasser is only
        // one level above it.
        #expect(view.unmatchedNeeds == [TandemNeed(library: LibraryRef(id: "silberhain", name: "Stadtbücherei Silberhain"), dimensionID: "workflow", level: 2)])
        for tandem in view.tandems {
            for dimension in tandem.dimensions {
                #expect(dimension.menteeLevel <= 2)
                #expect(dimension.mentorLevel >= dimension.menteeLevel + 2)
            }
        }
        let grauwasserSilberhain = try #require(view.tandems.first { $0.mentor.id == "grauwasser" && $0.mentee.id == "silberhain" })
        #expect(grauwasserSilberhain.sizeDistance == 0.1294)
    }

    @Test func tandemLimitPerMentor() throws {
        for limit in 0...3 {
            let view = try ProgrammeFixture.view(ProgrammeOptions(maxMenteesPerMentor: limit))
            let perMentor = Dictionary(grouping: view.tandems, by: \.mentor.id)
            #expect(perMentor.values.allSatisfy { $0.count <= limit })
            let served = view.tandems.reduce(0) { $0 + $1.dimensions.count }
            #expect(served + view.unmatchedNeeds.count == 6)  // six weak placements in the fixture
        }
        #expect(try ProgrammeFixture.view(ProgrammeOptions(maxMenteesPerMentor: 0)).tandems.isEmpty)
        #expect(try ProgrammeFixture.view(ProgrammeOptions(maxMenteesPerMentor: 3)).unmatchedNeeds.isEmpty)
    }

    static func row(_ id: String, levels: [Int], population: Int? = nil, staff: Int? = nil, provisional: Bool = false) -> LibraryRow {
        LibraryRow(
            library: LibraryRef(id: id, name: id), population: population, staff: staff, round: 1, date: nil,
            respondentCount: 1, respondentNames: [],
            cells: levels.enumerated().map { index, level in
                MatrixCell(dimensionID: "d\(index)", level: level, score: Double(level * 20), coverage: 100, provisional: provisional, borderline: nil)
            },
            overallLevel: levels.min() ?? 1, overallProvisional: false, overallValue: 1, writtenForVersions: ["1.0.0"])
    }

    @Test func tandemPrefersSimilarSize() {
        let planner = TandemPlanner(dimensionIDs: ["d0"], maxMentees: 2)
        let mentee = Self.row("m-mentee", levels: [1], population: 10_000, staff: 3)
        let big = Self.row("a-big", levels: [4], population: 200_000, staff: 60)
        let small = Self.row("z-small", levels: [4], population: 12_000, staff: 4)
        #expect(planner.plan([mentee, big, small]).tandems.map(\.mentor.id) == ["z-small"])
        // Without sizes the library id decides.
        let plain = [Self.row("m-mentee", levels: [1]), Self.row("a-big", levels: [4]), Self.row("z-small", levels: [4])]
        #expect(planner.plan(plain).tandems.map(\.mentor.id) == ["a-big"])
        // A known size beats an unknown one.
        let half = [mentee, Self.row("a-big", levels: [4]), Self.row("z-small", levels: [4], population: 500_000)]
        #expect(planner.plan(half).tandems.map(\.mentor.id) == ["z-small"])
    }

    /// The nearest-first search (with full mentors taken out as they fill up) pairs exactly as the plain scan over
    /// every row does, on cohorts where mentors run out.
    @Test(arguments: [(UInt64(1), 1), (2, 2), (3, 1), (4, 3)])
    func tandemSearchMatchesPlainScan(seed: UInt64, maxMentees: Int) {
        var generator = SeededGenerator(seed: seed)
        let rows = (0..<300).map { index in
            Self.row(
                "lib-\(index)", levels: (0..<3).map { _ in Int.random(in: 1...5, using: &generator) },
                population: Int.random(in: 2_000...400_000, using: &generator), staff: Int.random(in: 1...80, using: &generator),
                provisional: Int.random(in: 0..<10, using: &generator) == 0)
        }
        Self.expectIndexedPlanMatchesPlainScan(rows, dimensions: 3, maxMentees: maxMentees)
    }

    /// The grid search on a larger cohort (sizes spread independently, so population alone is a poor guide), with
    /// near-equal sizes (ties broken by level and id), a library id given twice and a cell of a dimension the planner
    /// does not know.
    @Test(arguments: [(UInt64(5), 2), (6, 1), (7, 4)])
    func tandemGridMatchesPlainScanOnLargerCohorts(seed: UInt64, maxMentees: Int) {
        var generator = SeededGenerator(seed: seed)
        var rows = (0..<1_200).map { index in
            Self.row(
                "lib-\(index)", levels: (0..<4).map { _ in Int.random(in: 1...5, using: &generator) },
                population: Int.random(in: 0..<8, using: &generator) == 0
                    ? 50_000 : Int.random(in: 5_000...205_000, using: &generator),
                staff: Int.random(in: 3...63, using: &generator),
                provisional: Int.random(in: 0..<12, using: &generator) == 0)
        }
        rows[7] = Self.row("lib-3", levels: [5, 1, 5, 2], population: 40_000, staff: 9)
        rows[11].cells.append(MatrixCell(dimensionID: "other", level: 1, score: 0, coverage: 100, provisional: false, borderline: nil))
        let fast = Self.expectIndexedPlanMatchesPlainScan(rows, dimensions: 4, maxMentees: maxMentees)
        #expect(fast.tandems.count > 100)
        #expect(fast.unmatched.contains { $0.dimensionID == "other" })
    }

    /// Some libraries state no population, no staff or neither (or a zero): the grid then holds only the others,
    /// and the pairs are still exactly those of the plain scan, for mentees with and without sizes.
    @Test(arguments: [(UInt64(8), 2), (9, 1), (10, 3)])
    func tandemGridMatchesPlainScanWithMissingSizes(seed: UInt64, maxMentees: Int) {
        var generator = SeededGenerator(seed: seed)
        let rows = (0..<900).map { index in
            let missing = Int.random(in: 0..<20, using: &generator)
            return Self.row(
                "lib-\(index)", levels: (0..<3).map { _ in Int.random(in: 1...5, using: &generator) },
                population: missing == 0 || missing == 2 ? nil : (missing == 3 ? 0 : Int.random(in: 5_000...205_000, using: &generator)),
                staff: missing == 1 || missing == 2 ? nil : Int.random(in: 3...63, using: &generator),
                provisional: Int.random(in: 0..<12, using: &generator) == 0)
        }
        let fast = Self.expectIndexedPlanMatchesPlainScan(rows, dimensions: 3, maxMentees: maxMentees)
        let unsized = Set(rows.filter { ($0.population ?? 0) <= 0 || ($0.staff ?? 0) <= 0 }.map(\.library.id))
        // Not vacuous: libraries without sizes mentor and are mentored.
        #expect(fast.tandems.contains { unsized.contains($0.mentor.id) })
        #expect(fast.tandems.contains { unsized.contains($0.mentee.id) })
    }

    /// Ties between candidate mentors go to the smaller library id, whether the rows come in id order (as the view
    /// passes them) or not.
    @Test func tandemPlanDoesNotDependOnRowOrder() {
        var generator = SeededGenerator(seed: 12)
        let rows = (0..<400).map { index in
            Self.row(
                "lib-\(index)", levels: (0..<3).map { _ in Int.random(in: 1...5, using: &generator) },
                population: [10_000, 20_000, 40_000].randomElement(using: &generator), staff: 4)
        }
        let planner = TandemPlanner(dimensionIDs: ["d0", "d1", "d2"], maxMentees: 2)
        let byID = rows.sorted { $0.libraryID < $1.libraryID }
        let inOrder = planner.plan(byID), shuffled = planner.plan(byID.shuffled(using: &generator))
        #expect(inOrder.tandems.count > 50)
        #expect(String(describing: inOrder.tandems) == String(describing: shuffled.tandems))
        #expect(String(describing: inOrder.unmatched.sorted { $0.library.id < $1.library.id })
            == String(describing: shuffled.unmatched.sorted { $0.library.id < $1.library.id }))
    }

    /// Plans `rows` with the size index and with the plain scan over every row, expects the same tandems and unmatched
    /// needs, and that some mentor is full (so taking full mentors out of the index is exercised); returns the plan.
    @discardableResult
    static func expectIndexedPlanMatchesPlainScan(
        _ rows: [LibraryRow], dimensions: Int, maxMentees: Int
    ) -> (tandems: [Tandem], unmatched: [TandemNeed]) {
        let indexed = TandemPlanner(dimensionIDs: (0..<dimensions).map { "d\($0)" }, maxMentees: maxMentees)
        var plain = indexed
        plain.usesSizeIndex = false
        let fast = indexed.plan(rows), slow = plain.plan(rows)
        #expect(Dictionary(grouping: fast.tandems, by: \.mentor.id).values.contains { $0.count == maxMentees })
        #expect(String(describing: fast.tandems) == String(describing: slow.tandems))
        #expect(String(describing: fast.unmatched) == String(describing: slow.unmatched))
        return fast
    }

    /// With a second thread for the tandem plan and the findings the view is the same.
    @Test func viewWithTwoThreadsIsTheSame() throws {
        for maxMentees in [0, 1, 2] {
            let one = try ProgrammeFixture.view(ProgrammeOptions(maxMenteesPerMentor: maxMentees))
            let two = try ProgrammeFixture.view(ProgrammeOptions(maxMenteesPerMentor: maxMentees, threads: 2))
            #expect(!one.unmatchedNeeds.isEmpty || !one.tandems.isEmpty)
            #expect(!one.questionFindings.isEmpty && !one.recommendationFindings.isEmpty)
            #expect(String(describing: two) == String(describing: one))
        }
    }

    @Test func tandemMentorRules() {
        let planner = TandemPlanner(dimensionIDs: ["d0"], maxMentees: 2)
        // Level 3 mentors a level-1 library (two above) but not a level-2 one.
        let three = Self.row("three", levels: [3])
        #expect(planner.plan([three, Self.row("one", levels: [1])]).tandems.count == 1)
        #expect(planner.plan([three, Self.row("two", levels: [2])]).tandems.isEmpty)
        // Provisional placements never mentor.
        let unsure = Self.row("unsure", levels: [5], provisional: true)
        let result = planner.plan([unsure, Self.row("two", levels: [2])])
        #expect(result.tandems.isEmpty && result.unmatched.count == 1)
        // Level-1 needs are served before level-2 needs when a mentor has room for one.
        let single = TandemPlanner(dimensionIDs: ["d0"], maxMentees: 1)
        let rows = [Self.row("five", levels: [5]), Self.row("a-two", levels: [2]), Self.row("b-one", levels: [1])]
        #expect(single.plan(rows).tandems.map(\.mentee.id) == ["b-one"])
    }

    // MARK: - Anonymisation

    @Test func anonymisedCodesAreStable() throws {
        let view = try ProgrammeFixture.view(ProgrammeOptions(anonymize: true))
        #expect(view.anonymized)
        #expect(view.rows.map(\.libraryID) == ["B01", "B02", "B03", "B04", "B05"])
        #expect(view.rows.allSatisfy { $0.name == $0.libraryID && $0.population == nil && $0.staff == nil && $0.respondentNames.isEmpty })
        // Codes follow the sorted ids: am-markt, auental, grauwasser, quellenbrueck, silberhain.
        #expect(view.row("B04")?.cells.map(\.level) == [5, 4, 5])
        #expect(view.questionFindings.first?.libraryIDs == ["B01", "B03", "B05"])
        #expect(view.tandems.map { "\($0.mentor.id)→\($0.mentee.id)" } == ["B03→B01", "B03→B05", "B04→B01", "B04→B02"])
        #expect(view.tandems.allSatisfy { $0.sizeDistance == nil })
        #expect(view.versionMismatches.map(\.library) == [LibraryRef(id: "B03", name: "B03")])
        #expect(view.progress.map(\.library.id) == ["B02", "B03", "B04", "B05"])
        // Round 1 lacks am-markt, yet every other library keeps its code.
        let first = try ProgrammeFixture.view(ProgrammeOptions(round: .number(1), anonymize: true))
        #expect(first.rows.map(\.libraryID) == ["B02", "B03", "B04", "B05"])
        #expect(first.missingRound.map(\.id) == ["B01"])
        #expect(first.row("B04")?.cells.map(\.level) == [5, 5, 5])
    }

    @Test func anonymisedLeftOutFilesLoseTheirPaths() throws {
        let (rubric, assessments) = try ProgrammeFixture.assessments()
        let view = ProgrammeView(
            assessments: assessments, rubric: rubric, options: ProgrammeOptions(anonymize: true),
            leftOut: [LeftOutFile(file: "auental-copy.yaml", line: 4, column: 3, code: "duplicate-respondent", message: "library 'auental' …")])
        #expect(view.leftOut == [LeftOutFile(file: "file 1", line: 4, column: 3, code: "duplicate-respondent", message: "")])
    }

    @Test func anonymizerWidensCodesForLargeProgrammes() {
        let anonymizer = Anonymizer(libraryIDs: (0..<120).map { "lib-\($0)" })
        #expect(anonymizer.code("lib-0") == "B001")
        #expect(Set(anonymizer.codes.values).count == 120)
        #expect(Anonymizer(libraryIDs: ["b", "a", "b"]).codes == ["a": "B01", "b": "B02"])
    }

    // MARK: - Sorting

    @Test(
        "sort columns parse",
        arguments: [
            ("name", MatrixSort(column: .name)), ("-overall", MatrixSort(column: .overall, descending: true)),
            ("workflow", MatrixSort(column: .dimension("workflow"))), ("Overall:desc", MatrixSort(column: .overall, descending: true)),
            ("+date", MatrixSort(column: .date)), ("round:asc", MatrixSort(column: .round)), ("ID", MatrixSort(column: .id)),
        ])
    func sortParses(text: String, expected: MatrixSort) throws {
        #expect(try MatrixSort.parse(text, dimensionIDs: ["exploration", "workflow"]) == expected)
    }

    /// `sorted` compares names as bytes in one buffer; it must order rows as `compareNames` and the library id do,
    /// also for names that are the same text spelt with different bytes (a precomposed and a decomposed `ü` or `Å`).
    @Test(arguments: [false, true])
    func sortByNameFollowsCompareNames(descending: Bool) {
        let names = [
            "Stadtbücherei Auental", "Stadtbu\u{308}cherei Auental", "Stadtbuecherei Auental", "stadtbücherei auental",
            "Stadtbibliothek", "Stadtbibliothek 2", "Stadtbibliothek 10", "Gemeindebücherei Öhringen", "Ärzte-Bibliothek", "",
            "Bibliothek-am-See", "Bibliothek am See", "Zentralbibliothek", "\u{C5}bo Bibliotek", "A\u{30A}bo Bibliotek",
        ]
        var generator = SeededGenerator(seed: descending ? 7 : 11)
        let rows = (0..<200).map { number in
            var row = Self.row("lib-\(Int.random(in: 0..<60, using: &generator))", levels: [number % 5 + 1])
            row.library.name = names.randomElement(using: &generator)!
            return row
        }
        let sort = MatrixSort(column: .name, descending: descending)
        let expected = rows.indices.sorted { i, j in
            let order = MatrixSort.compareNames(rows[i].name, rows[j].name)
            if order != 0 { return descending ? order > 0 : order < 0 }
            return rows[i].libraryID < rows[j].libraryID
        }
        let sorted = sort.sorted(rows)
        #expect(sorted.map(\.name) == expected.map { rows[$0].name })
        #expect(sorted.map(\.libraryID) == expected.map { rows[$0].libraryID })
    }

    @Test(arguments: [("overal", "overall"), ("-workflw", "workflow"), ("nmae", "name"), ("explor", "exploration")])
    func sortSuggests(text: String, suggestion: String) {
        #expect(throws: MatrixSort.ParseError.self) { try MatrixSort.parse(text, dimensionIDs: ["exploration", "workflow"]) }
        do {
            _ = try MatrixSort.parse(text, dimensionIDs: ["exploration", "workflow"])
        } catch {
            #expect(error.suggestion == suggestion)
            #expect(error.description.contains("Did you mean '\(suggestion)'?"))
        }
    }

    @Test func sortedRows() throws {
        let byOverall = try ProgrammeFixture.view(ProgrammeOptions(sort: MatrixSort(column: .overall, descending: true)))
        // Overall 5, 4, 3, then the two libraries at 2 by their unrounded value (Silberhain 1.67 < Am Markt 2.33).
        #expect(byOverall.rows.map(\.libraryID) == ["quellenbrueck", "grauwasser", "auental", "am-markt", "silberhain"])
        let byWorkflow = try ProgrammeFixture.view(ProgrammeOptions(sort: MatrixSort(column: .dimension("workflow"))))
        // Level 2 three times: by score (25, 25, 41.7), then name for the tie.
        #expect(byWorkflow.rows.map(\.libraryID) == ["am-markt", "silberhain", "auental", "grauwasser", "quellenbrueck"])
        let byID = try ProgrammeFixture.view(ProgrammeOptions(sort: MatrixSort(column: .id, descending: true)))
        #expect(byID.rows.map(\.libraryID) == ["silberhain", "quellenbrueck", "grauwasser", "auental", "am-markt"])
        let byDate = try ProgrammeFixture.view(ProgrammeOptions(sort: MatrixSort(column: .date)))
        #expect(byDate.rows.first?.libraryID == "quellenbrueck")
    }

    @Test func namesSortAsGermanReadersExpect() {
        #expect(MatrixSort.compareNames("Öhringen", "Offenburg") < 0)  // "oeh" < "off"
        #expect(MatrixSort.compareNames("ärzte", "Zoo") < 0)
        #expect(MatrixSort.compareNames("a", "a") == 0)
    }
}
