import Foundation
import Reports
import RubricModel
import Scoring
import TestSupport
import Testing

@testable import AssessCLI

@Suite("assess generate-cohort and the streaming programme")
struct GenerateCohortTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static var rubricFolder: String { repository + "/rubrics" }
    static let rubric = RubricLoader.load(directory: repository + "/rubrics").rubric

    static func assess(_ arguments: [String]) -> RunResult {
        let out = BufferSink(), err = BufferSink()
        let context = CommandContext(stdout: out, stderr: err, currentDirectory: "/nonexistent-cwd")
        let status = AssessCommand.main(arguments + ["--rubric", rubricFolder], context: context)
        return RunResult(status: status, stdout: out.text, stderr: err.text)
    }

    static func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative))
        }
        return files
    }

    /// Each worker scores with its own copy of the rubric, so that no two cores update the same reference counts.
    @Test func rubricPerWorkerLoadsIndependentCopies() throws {
        let rubric = try #require(Self.rubric)
        let copies = Workspace.rubricPerWorker(rubric, workers: 3)
        #expect(copies.count == 3)
        #expect(copies.allSatisfy { $0.contentHash == rubric.contentHash && $0.allQuestions.count == rubric.allQuestions.count })
        #expect(copies[0].allQuestions[0] === rubric.allQuestions[0])
        #expect(copies[1].allQuestions[0] !== rubric.allQuestions[0] && copies[2].allQuestions[0] !== copies[1].allQuestions[0])
        #expect(Workspace.rubricPerWorker(rubric, workers: 1).count == 1)
        // A rubric that exists only in memory cannot be loaded again: every worker shares it.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.rubricFolder).filter { $0.hasSuffix(".yaml") }
        let inMemory = try #require(
            RubricLoader.load(files: try files.map { ($0, try String(contentsOfFile: Self.rubricFolder + "/" + $0, encoding: .utf8)) })
                .rubric)
        #expect(Workspace.rubricPerWorker(inMemory, workers: 2).count == 1)
    }

    /// `compare` and `validate` load the copies while they load the rubric itself: the first is the rubric the
    /// diagnostics came from, the others are loaded apart from it with the same content.
    @Test func rubricPerWorkerLoadsWithTheRubric() throws {
        func load(_ folder: String, workers: Int) throws -> [Rubric] {
            let context = CommandContext(stdout: BufferSink(), stderr: BufferSink(), currentDirectory: "/nonexistent-cwd")
            let arguments = ParsedArguments(commandPath: ["compare"], given: ["rubric": [folder]], options: [Workspace.rubricOption])
            return try Workspace.loadRubricPerWorker(arguments, context, workers: workers)
        }
        let rubrics = try load(Self.rubricFolder, workers: 3)
        #expect(rubrics.count == 3)
        #expect(rubrics.allSatisfy { $0.contentHash == rubrics[0].contentHash })
        #expect(rubrics[1].allQuestions[0] !== rubrics[0].allQuestions[0] && rubrics[2].allQuestions[0] !== rubrics[1].allQuestions[0])
        #expect(try load(Self.rubricFolder, workers: 1).count == 1)
        // A broken rubric stops the command with its diagnostics, however many workers there are.
        let broken = try TemporaryFolder()
        try broken.file("model.yaml", "format: 1\nid: [\n")
        #expect(throws: CLIError.self) { try load(broken.path, workers: 2) }
    }

    @Test func sameSeedGivesByteIdenticalFiles() throws {
        let first = try TemporaryFolder(), second = try TemporaryFolder(), other = try TemporaryFolder()
        let arguments = ["--libraries", "6", "--rounds", "2", "--respondents", "4", "--seed", "11"]
        #expect(Self.assess(["generate-cohort"] + arguments + ["--output", first.path]).status == .success)
        #expect(Self.assess(["generate-cohort"] + arguments + ["--output", second.path]).status == .success)
        let a = try Self.contents(of: first.path), b = try Self.contents(of: second.path)
        #expect(a.count == 6 * 2 * 4)
        #expect(a == b)
        #expect(a.keys.contains("lib-00001/round-2-head.yaml"))
        #expect(a.keys.contains("lib-00006/round-1-head-4.yaml"))
        _ = Self.assess(["generate-cohort", "--libraries", "6", "--seed", "12", "--output", other.path])
        #expect(try Self.contents(of: other.path)["lib-00001/round-1-head.yaml"] != a["lib-00001/round-1-head.yaml"])
    }

    @Test func generatedFilesValidateAndHaveRealisticSizes() throws {
        let folder = try TemporaryFolder()
        let generated = Self.assess(["generate-cohort", "--libraries", "8", "--rounds", "2", "--respondents", "3", "--output", folder.path])
        #expect(generated.status == .success)
        let validated = Self.assess(["validate", folder.path])
        #expect(validated.status == .success)
        #expect(validated.stderr.contains("validate: 48 files, 0 errors"))
        let sizes = try Self.contents(of: folder.path).values.map(\.count)
        #expect(sizes.allSatisfy { (2_000...9_000).contains($0) })
        // Libraries differ in maturity, so levels spread.
        let compared = Self.assess(["compare", folder.path, "--format", "json"])
        #expect(compared.status == .success)
        let commented = try TemporaryFolder()
        _ = Self.assess(["generate-cohort", "--libraries", "1", "--comments", "--output", commented.path])
        #expect(Self.assess(["validate", commented.path]).status == .success)
    }

    /// The streaming `Workspace.scoreProgramme` against load-everything + `Cohort.group` + `ScoringEngine` +
    /// `ProgrammeView(assessments:)`, on a generated cohort and on the compare fixtures (errors, duplicates,
    /// mixed versions), with units small enough that library-rounds are split and scored again.
    @Test(arguments: [1, 3, 7, 64, 2048])
    func streamingMatchesLoadingEverything(unit: Int) throws {
        let rubric = try #require(Self.rubric)
        let folder = try TemporaryFolder()
        _ = Self.assess([
            "generate-cohort", "--libraries", "12", "--rounds", "3", "--respondents", "3", "--seed", "5", "--output",
            folder.path,
        ])
        // A duplicate respondent and a broken file, so left-out files are compared too.
        try FileManager.default.copyItem(
            atPath: folder.url("lib-00003/round-1-team.yaml"), toPath: folder.url("lib-00003/round-1-team-copy.yaml"))
        try folder.file("lib-00004/round-9-broken.yaml", "format: 1\nlibrary: [\n")
        let context = ReportContext(language: "en", rubric: rubric, toolVersion: "test")
        for round in [RoundSelection.latest, .number(2)] {
            let options = ProgrammeOptions(round: round, maxMenteesPerMentor: 1, findingsMinReach: 2)
            let loaded = Workspace.loadQuestionnaires(paths: [folder.path], rubric: rubric)
            let grouping = Cohort.group(loaded.questionnaires)
            let engine = ScoringEngine(rubric: rubric)
            let expected = ProgrammeView(
                assessments: grouping.rounds.map { engine.assess($0.questionnaires) }, rubric: rubric, options: options,
                leftOut: CompareCommand.leftOutFiles(loaded: loaded, grouping: grouping))

            let streamed = Workspace.scoreProgramme(
                paths: [folder.path], rubric: rubric, weakPoints: options.weakPoints, round: round, unit: unit)
            let view = ProgrammeView(
                rounds: streamed.rounds, rubric: rubric, options: options,
                leftOut: CompareCommand.leftOutFiles(
                    failed: streamed.failed, diagnostics: streamed.diagnostics,
                    groupingDiagnostics: streamed.groupingDiagnostics, excludedFiles: streamed.excludedFiles))
            #expect(streamed.files == loaded.files)
            #expect(streamed.diagnostics.sorted() == loaded.diagnostics.sorted())
            #expect(streamed.groupingDiagnostics == grouping.diagnostics)
            #expect(view.leftOut.count == 2)
            #expect(!view.questionFindings.isEmpty && !view.tandems.isEmpty)
            #expect(ProgrammeJSONReporter.render(view, context: context) == ProgrammeJSONReporter.render(expected, context: context))
            #expect(ProgrammeTextReporter.render(view, context: context) == ProgrammeTextReporter.render(expected, context: context))
        }
    }

    /// Units end where the folder changes, up to one unit later; without a change in reach, after `unit` files.
    @Test func unitsEndWhereTheFolderChanges() {
        let files = ["a/1.yaml", "a/2.yaml", "a/3.yaml", "b/1.yaml", "b/2.yaml", "b/3.yaml", "c.yaml"]
        #expect(ProgrammePipeline.unitStarts(files, unit: 2) == [0, 3, 6, 7])
        #expect(ProgrammePipeline.unitStarts(files, unit: 1) == [0, 1, 3, 4, 6, 7])
        let flat = (1...7).map { "x/\($0).yaml" }
        #expect(ProgrammePipeline.unitStarts(flat, unit: 3) == [0, 3, 7])
        #expect(ProgrammePipeline.unitStarts(["ab/1.yaml", "a/b1.yaml"], unit: 1) == [0, 1, 2])
        #expect(ProgrammePipeline.unitStarts([], unit: 64) == [0])
    }

    /// A library-round handed out for scoring that gets another file before its score is booked is scored again
    /// at the end (with two workers that happens when one books the next unit while the other still scores; here
    /// it is made to happen by booking before handing back the score).
    @Test func libraryRoundGrowingWhileScoredIsScoredAgain() {
        func read(_ file: String, library: String, role: String) -> ReadFile {
            let questionnaire = Questionnaire(
                file: file, rubricID: "r", rubricVersion: "1", library: LibraryInfo(id: library, name: library),
                round: 1, date: nil, coachingDay: nil, respondent: Respondent(role: role), answers: [:])
            return ReadFile(file: file, diagnostics: [], questionnaire: questionnaire)
        }
        let books = ProgrammeBooks(selection: .latest, diagnostics: [])
        let first = books.book(reads: [read("a/1.yaml", library: "a", role: "head")], scored: [])
        #expect(first.map(\.key.libraryID) == ["a"])
        let second = books.book(
            reads: [read("a/2.yaml", library: "a", role: "team"), read("b/1.yaml", library: "b", role: "head")], scored: [])
        #expect(second.map(\.key.libraryID) == ["b"])
        #expect(books.stale.map(\.libraryID) == ["a"])
    }

    @Test func workerCountFollowsAssessJobs() {
        let items = Array(0..<1000)
        #expect(Workspace.parallelMap(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(Workspace.parallelMap([Int]()) { $0 }.isEmpty)
        #expect(Workspace.parallelMap([3]) { $0 + 1 } == [4])
    }
}
