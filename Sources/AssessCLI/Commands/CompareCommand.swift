import Diagnostics
import RubricModel
import Reports
import Scoring

/// `assess compare PATH...`: the programme view across all libraries — matrix, distribution, progress between
/// rounds, programme-wide findings and peer tandems (docs/COMPARE.md).
///
/// Broken or invalid files and duplicate respondents are reported on stderr at their line and left out; the other
/// libraries are still compared, the report names what was left out, and the exit status is 1.
public enum CompareCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "compare",
            abstract: "Compare all libraries of the programme side by side.",
            discussion: """
                Scores every library and round, then shows a matrix of libraries × dimensions (levels, scores, \
                provisional * and borderline ~ marks), the distribution per dimension, progress since the previous \
                round with a transition table, questions and recommendations shared by many libraries (webinar \
                candidates) and peer tandems (a strong library mentors a weak one in a dimension).

                Files with errors and duplicate respondents are reported on standard error and left out; the \
                others are still compared and the report names what was left out. Questionnaires written for \
                another rubric version are flagged in the report.

                Exit status: 0 when every file was compared, 1 when something was left out or nothing could be \
                compared, 64 for a wrong command line.
                """,
            usage: [
                "assess compare PATH... [--round latest|<n>] [--format <format>]",
                "  [--output <file>] [--anonymize] [--sort <column>] [--lang <language>]",
                "  [--rubric <dir>] [--csv-dialect <dialect>] [--csv-table <table>]",
                "  [--max-mentees <n>]",
            ],
            positionals: [
                PositionalSpec("paths", value: "PATH", help: "Questionnaire files, or folders to search for them.", variadic: true)
            ],
            options: [
                .option(
                    "round", value: "round", help: "Which round to show: 'latest' (each library's latest) or a number.",
                    default: "latest"),
                .option(
                    "format", short: "f", value: "format", help: "Report format.", default: "text",
                    allowedValues: ["text", "md", "csv", "json", "html"]),
                Workspace.outputOption,
                .flag("anonymize", help: "Replace library names and ids by codes (B01 …) and drop respondent names and sizes."),
                .option(
                    "sort", value: "column",
                    help: "Sort the matrix by 'name', 'id', 'round', 'date', 'overall' or a dimension id; '--sort=-overall' for descending.",
                    default: "name"),
                Workspace.languageOption,
                Workspace.rubricOption,
                .option(
                    "csv-dialect", value: "dialect",
                    help: "CSV flavour: 'standard' (comma, decimal point) or 'excel-de' (semicolon, decimal comma, BOM).",
                    default: "standard", allowedValues: ProgrammeCSVReporter.Dialect.allCases.map(\.rawValue)),
                .option(
                    "csv-table", value: "table", help: "Which table a CSV holds.", default: "matrix",
                    allowedValues: ProgrammeCSVReporter.Table.allCases.map(\.rawValue)),
                .integer(
                    "max-mentees", value: "n", help: "Mentees one mentor library takes on, across all dimensions.",
                    default: 2, range: 0...20),
            ],
            examples: [
                "assess compare samples",
                "assess compare samples --format html --output programme.html",
                "assess compare samples --round 1 --sort=-overall --lang en",
                "assess compare samples -f csv --csv-dialect excel-de -o matrix.csv",
                "assess compare samples --anonymize -f html -o programm-anonym.html",
            ])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let roundText = arguments.value("round") ?? "latest"
        guard let round = RoundSelection(roundText) else {
            throw UsageError("Invalid value '\(roundText)' for '--round'. Give 'latest' or a round number such as '2'.")
        }
        // A folder that does not exist or cannot be written to is better told now than after scoring every file.
        if let output = arguments.value("output"), output != "-" { try OutputWriter().checkTarget(output) }
        let paths = arguments.positional("paths")
        let expanding = Pending { InputFiles.expand(paths: paths) }  // the walk needs no rubric
        let rubrics = try Workspace.loadRubricPerWorker(arguments, context)
        let rubric = rubrics[0]
        let language = try Workspace.language(arguments, rubric: rubric)
        let sort: MatrixSort
        do {
            sort = try MatrixSort.parse(arguments.value("sort") ?? "name", dimensionIDs: rubric.dimensions.map(\.id))
        } catch {
            throw UsageError(error.description)
        }

        let options = ProgrammeOptions(
            round: round, sort: sort, anonymize: arguments.flag("anonymize"),
            maxMenteesPerMentor: arguments.integer("max-mentees") ?? 2, threads: Workspace.workerCount)
        // Streams: each library-round is reduced to what the view needs as soon as it is scored.
        var loaded = Workspace.scoreProgramme(
            expansion: expanding.wait(), rubric: rubric, rubrics: rubrics, weakPoints: options.weakPoints, round: round)
        ProcessMemory.returnFreedPages(files: loaded.files.count)
        var diagnostics = loaded.diagnostics + loaded.groupingDiagnostics
        let leftOut = leftOutFiles(
            failed: loaded.failed, diagnostics: loaded.diagnostics, groupingDiagnostics: loaded.groupingDiagnostics,
            excludedFiles: loaded.excludedFiles)
        guard !loaded.rounds.isEmpty else {
            context.report(diagnostics)
            throw CLIError(
                "nothing to compare: none of the \(loaded.files.count) questionnaire file\(loaded.files.count == 1 ? "" : "s") could be used",
                hint: "fix the errors above, or run 'assess validate' on the files")
        }
        let view = ProgrammeView(rounds: loaded.rounds, rubric: rubric, options: options, leftOut: leftOut)
        loaded.rounds = []  // the view holds what the report needs; a large programme should not keep both
        ProcessMemory.returnFreedPages(files: loaded.files.count)
        diagnostics += notices(view, rubric: rubric, round: round)
        context.report(diagnostics)

        let output = arguments.value("output")
        let toTerminal = output == nil || output == "-"
        let useColor: Bool
        switch context.colorMode {
        case .always: useColor = toTerminal
        case .never: useColor = false
        case .auto: useColor = toTerminal && context.stdoutIsTerminal && context.useColor
        }
        let reportContext = ReportContext(
            language: language, rubric: rubric, toolVersion: AssessVersion.current, useColor: useColor,
            threads: Workspace.workerCount)
        let report: String
        switch arguments.value("format") ?? "text" {
        case "md": report = ProgrammeMarkdownReporter.render(view, context: reportContext)
        case "json": report = ProgrammeJSONReporter.render(view, context: reportContext)
        case "html": report = ProgrammeHTMLReporter.render(view, context: reportContext)
        case "csv":
            report = ProgrammeCSVReporter.render(
                view, context: reportContext,
                dialect: ProgrammeCSVReporter.Dialect(rawValue: arguments.value("csv-dialect") ?? "") ?? .standard,
                table: ProgrammeCSVReporter.Table(rawValue: arguments.value("csv-table") ?? "") ?? .matrix)
        default: report = ProgrammeTextReporter.render(view, context: reportContext)
        }
        try context.emit(report, to: output, inputs: loaded.files)

        var summary = "compare: \(count(view.libraryCount, "library", "libraries")) from \(count(loaded.files.count, "file", "files"))"
        if !leftOut.isEmpty { summary += ", \(leftOut.count) left out" }
        context.err(summary + "\n")
        return leftOut.isEmpty ? .success : .failure
    }

    /// Files with errors (first error each), duplicate respondents, and unusable command-line paths.
    static func leftOutFiles(loaded: Workspace.Loaded, grouping: Cohort.Grouping) -> [LeftOutFile] {
        leftOutFiles(
            failed: loaded.failed, diagnostics: loaded.diagnostics, groupingDiagnostics: grouping.diagnostics,
            excludedFiles: grouping.excludedFiles)
    }

    static func leftOutFiles(
        failed allFailed: [(file: String, firstError: Diagnostic?)], diagnostics: [Diagnostic],
        groupingDiagnostics: [Diagnostic], excludedFiles: [String]
    ) -> [LeftOutFile] {
        var leftOut: [LeftOutFile] = []
        var seen = Set<String>()
        for failed in allFailed where seen.insert(failed.file).inserted {
            if let error = failed.firstError {
                leftOut.append(LeftOutFile(file: failed.file, diagnostics: [error]))
            } else {
                leftOut.append(LeftOutFile(file: failed.file, diagnostics: diagnostics))
            }
        }
        for file in excludedFiles where seen.insert(file).inserted {
            leftOut.append(LeftOutFile(file: file, diagnostics: groupingDiagnostics))
        }
        // Paths that could not be read at all (no such file, unreadable folder) carry no location.
        for diagnostic in diagnostics where diagnostic.severity == .error && diagnostic.location == nil {
            leftOut.append(LeftOutFile(file: "", code: diagnostic.code, message: diagnostic.message))
        }
        return leftOut.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }

    /// Cross-file warnings only the comparison can see: mixed rubric versions, libraries without the chosen round.
    static func notices(_ view: ProgrammeView, rubric: Rubric, round: RoundSelection) -> [Diagnostic] {
        var notices: [Diagnostic] = []
        if !view.versionMismatches.isEmpty {
            let rounds = view.versionMismatches.map { "'\($0.library.id)' round \($0.round) (\($0.writtenFor.joined(separator: ", ")))" }
            notices.append(
                .warning(
                    "compare-mixed-versions",
                    "questionnaires written for another rubric version are compared with version \(rubric.version): \(rounds.joined(separator: ", "))",
                    hint: "levels may not be comparable; to re-score, have the current template filled in ('assess template'), or run with --rubric DIR pointing at the matching rubric version"))
        }
        if !view.missingRound.isEmpty {
            notices.append(
                .note(
                    "compare-missing-round",
                    "\(view.missingRound.count) librar\(view.missingRound.count == 1 ? "y has" : "ies have") no round \(round): \(view.missingRound.map { "'\($0.id)'" }.joined(separator: ", "))"))
        }
        return notices
    }

    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
