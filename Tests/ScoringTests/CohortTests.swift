import Diagnostics
import RubricModel
import Scoring
import Testing

@Suite struct CohortTests {
    static func questionnaire(_ file: String, library: String = "lib", round: Int = 1, role: String = "head", name: String? = nil) -> Questionnaire? {
        Fixtures.questionnaire(
            Fixtures.miniHeader(role: role, name: name, library: library, round: round) + "answers:\n  alpha:\n    q1: some\n",
            name: file)
    }

    @Test func groupsByLibraryAndRoundInOrder() throws {
        let files = [
            Self.questionnaire("b-2.yaml", library: "b", round: 2), Self.questionnaire("a-1-team.yaml", library: "a", role: "team"),
            Self.questionnaire("a-1-head.yaml", library: "a"), Self.questionnaire("b-1.yaml", library: "b"),
        ].compactMap { $0 }
        let grouping = Cohort.group(files)
        #expect(grouping.rounds.map { "\($0.library.id)-\($0.round)-\($0.questionnaires.count)" } == ["a-1-2", "b-1-1", "b-2-1"])
        #expect(grouping.libraryIDs == ["a", "b"])
        #expect(grouping.latest(of: "b")?.round == 2)
        #expect(grouping.diagnostics.isEmpty)
    }

    @Test func sameLibraryRoundAndRespondentIsAnError() throws {
        let first = try #require(Self.questionnaire("x/leitung.yaml"))
        let copy = try #require(Self.questionnaire("x/leitung-kopie.yaml"))
        let other = try #require(Self.questionnaire("x/leitung-2.yaml", name: "Zweite Leitung"))
        let grouping = Cohort.group([first, copy, other])
        #expect(grouping.diagnostics.count == 1)
        let diagnostic = try #require(grouping.diagnostics.first)
        #expect(diagnostic.code == "duplicate-respondent")
        #expect(diagnostic.location?.file == "x/leitung.yaml")
        #expect(diagnostic.notes.first?.location?.file == "x/leitung-kopie.yaml")
        #expect(grouping.excludedFiles == ["x/leitung.yaml"])
        // A respondent with another name is a second respondent, not a duplicate.
        #expect(grouping.rounds.first?.questionnaires.count == 2)
    }
}
