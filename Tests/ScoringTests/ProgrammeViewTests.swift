import RubricModel
import Testing

@testable import Scoring

@Suite("Programme view: matrix, rounds, distribution, progress")
struct ProgrammeViewTests {
    @Test(
        "matrix levels of the latest round",
        arguments: [
            ("am-markt", [4, 2, 1], 2),
            ("auental", [5, 2, 4], 3),
            ("grauwasser", [4, 3, 5], 4),
            ("quellenbrueck", [5, 4, 5], 5),
            ("silberhain", [2, 2, 1], 2),
        ])
    func matrixLevels(library: String, levels: [Int], overall: Int) throws {
        let view = try ProgrammeFixture.view()
        let row = try #require(view.row(library))
        #expect(row.cells.map(\.level) == levels)
        #expect(row.overallLevel == overall)
        #expect(row.round == 2)
    }

    @Test func matrixMarksAndOrder() throws {
        let view = try ProgrammeFixture.view()
        #expect(view.dimensionIDs == ["exploration", "workflow", "stakeholders"])
        // Default sort: by name, folded (B… before S…; "Stadtbibliothek" before "Stadtbücherei").
        #expect(view.rows.map(\.libraryID) == ["am-markt", "auental", "quellenbrueck", "grauwasser", "silberhain"])
        let markt = try #require(view.row("am-markt"))
        #expect(markt.cell("workflow")?.provisional == true)
        #expect(markt.cell("stakeholders")?.provisional == true)
        #expect(markt.cell("exploration")?.provisional == false)
        #expect(markt.overallProvisional)
        let auental = try #require(view.row("auental"))
        #expect(auental.cell("stakeholders")?.borderline == .nearNext)
        #expect(auental.cell("stakeholders")?.score == 83.3)
        #expect(view.row("silberhain")?.cell("workflow")?.borderline == .justReached)
        #expect(view.row("quellenbrueck")?.respondentCount == 2)
        #expect(view.row("quellenbrueck")?.respondentNames == ["Karl Weiß", "Lena Öztürk"])
    }

    @Test func repeatedLibraryRoundKeepsTheFirst() throws {
        let (rubric, assessments) = try ProgrammeFixture.assessments()
        let auental2 = try #require(assessments.first { $0.library.id == "auental" && $0.round == 2 })
        let silberhain2 = try #require(assessments.first { $0.library.id == "silberhain" && $0.round == 2 })
        // Silberhain's result given again under Auental's id and round, once after and once before the original.
        var impostor = silberhain2
        impostor.library = auental2.library
        let after = ProgrammeView(assessments: assessments + [impostor], rubric: rubric)
        let before = ProgrammeView(assessments: [impostor] + assessments, rubric: rubric)
        #expect(after.row("auental")?.cells.map(\.level) == [5, 2, 4])
        #expect(before.row("auental")?.cells.map(\.level) == silberhain2.dimensions.map(\.level))
        #expect(after.rows.count == 5 && before.rows.count == 5)
        #expect(after.progress.count == before.progress.count)
    }

    @Test func chosenRound() throws {
        let view = try ProgrammeFixture.view(ProgrammeOptions(round: .number(1)))
        #expect(view.rows.map(\.libraryID).sorted() == ["auental", "grauwasser", "quellenbrueck", "silberhain"])
        #expect(view.missingRound.map(\.id) == ["am-markt"])
        #expect(view.progress.isEmpty)
        #expect(view.row("auental")?.cells.map(\.level) == [5, 1, 4])
        #expect(view.row("auental")?.overallLevel == 2)
    }

    @Test func distribution() throws {
        let view = try ProgrammeFixture.view()
        let exploration = try #require(view.distribution("exploration"))
        #expect(exploration.levelCounts == [0, 1, 0, 2, 2])
        #expect(exploration.count == 5)
        #expect(exploration.medianLevel == 4)
        #expect(exploration.minLevel == 2 && exploration.maxLevel == 5)
        let scores = try #require(exploration.scores)
        #expect(scores.median == 83.3)
        #expect(scores.min == 33.3 && scores.max == 100)
        #expect(scores.lowerQuartile == 75 && scores.upperQuartile == 95.8)
        #expect(scores.interquartileRange == 20.8)
        let overall = try #require(view.distribution(nil))
        #expect(overall.levelCounts == [0, 2, 1, 1, 1])
        #expect(overall.scores == nil)
        #expect(view.distributions.count == 4)
    }

    @Test("quantiles interpolate like QUARTILE.INC", arguments: [
        ([1.0, 2, 3, 4], 0.25, 1.75), ([1.0, 2, 3, 4], 0.5, 2.5), ([1.0, 2, 3, 4], 0.75, 3.25),
        ([7.0], 0.25, 7), ([1.0, 3], 0.5, 2), ([10.0, 20, 30, 40, 50], 0.25, 20),
    ])
    func quantiles(values: [Double], p: Double, expected: Double) {
        #expect(Spread.quantile(values, p) == expected)
    }

    @Test func medianLevelOfEvenCount() {
        let distribution = Distribution(dimensionID: "x", levels: [2, 3, 1, 4], scores: [])
        #expect(distribution.medianLevel == 2.5)
        #expect(distribution.scores == nil)
        #expect(Distribution(dimensionID: "x", levels: [], scores: nil).medianLevel == nil)
    }

    @Test func progressPerLibrary() throws {
        let view = try ProgrammeFixture.view()
        #expect(view.progress.map(\.library.id) == ["auental", "grauwasser", "quellenbrueck", "silberhain"])
        let auental = try #require(view.progress.first { $0.library.id == "auental" })
        #expect(auental.fromRound == 1 && auental.toRound == 2)
        #expect(auental.changes.map(\.direction) == [.same, .up, .same])
        #expect(auental.change("workflow")?.scoreDelta == 33.4)
        #expect(auental.overall.fromLevel == 2 && auental.overall.toLevel == 3)
        #expect(auental.history.map(\.round) == [1, 2])
        #expect(auental.history.map(\.levels) == [[5, 1, 4], [5, 2, 4]])
        let quellenbrueck = try #require(view.progress.first { $0.library.id == "quellenbrueck" })
        #expect(quellenbrueck.changes.map(\.direction) == [.same, .down, .same])
        #expect(quellenbrueck.downCount == 1 && quellenbrueck.upCount == 0)
    }

    @Test func transitionTables() throws {
        let view = try ProgrammeFixture.view()
        let workflow = try #require(view.transitions("workflow"))
        #expect(workflow.count(from: 1, to: 2) == 2)
        #expect(workflow.count(from: 5, to: 4) == 1)
        #expect(workflow.count(from: 4, to: 3) == 1)
        #expect(workflow.up == 2 && workflow.down == 2 && workflow.same == 0 && workflow.total == 4)
        let exploration = try #require(view.transitions("exploration"))
        #expect(exploration.same == 4 && exploration.count(from: 5, to: 5) == 2)
        let overall = try #require(view.transitions(nil))
        #expect(overall.count(from: 2, to: 3) == 1 && overall.count(from: 1, to: 2) == 1)
        #expect(overall.count(from: 5, to: 5) == 1 && overall.count(from: 4, to: 4) == 1)
        #expect(overall.count(from: 0, to: 9) == 0)
    }

    @Test func versionGuard() throws {
        let view = try ProgrammeFixture.view()
        #expect(view.versionMismatches.count == 1)
        let mismatch = try #require(view.versionMismatches.first)
        #expect(mismatch.library.id == "grauwasser" && mismatch.round == 1)
        #expect(mismatch.writtenFor == ["1.1.0"] && mismatch.scoredWith == "1.2.0")
        // Round 2 alone involves no round written for 1.1.0 … but progress needs round 1, so latest still warns;
        // round 1 alone warns too.
        #expect(try ProgrammeFixture.view(ProgrammeOptions(round: .number(1))).versionMismatches.count == 1)
    }

    @Test func leftOutFilesAreKept() throws {
        let (rubric, assessments) = try ProgrammeFixture.assessments()
        let leftOut = [LeftOutFile(file: "broken.yaml", line: 3, column: 5, code: "yaml-syntax", message: "bad")]
        let view = ProgrammeView(assessments: assessments, rubric: rubric, leftOut: leftOut)
        #expect(view.leftOut == leftOut)
    }
}
