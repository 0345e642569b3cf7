import Diagnostics
import Foundation
import Reports
import RubricModel
import Scoring

/// `assess PATH...` (or `assess brief PATH...`): the coach's briefing for the next coaching day.
public enum BriefCommand: Command {
    public static let formats = ["text", "md", "html", "json"]

    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "brief",
            abstract: "Brief the coach on one library before the next coaching day (the default command).",
            discussion: """
                Reads all respondents of the library's latest round and the previous round (found among the given \
                files or folders by library id and round number, or named with --previous), and prints the levels \
                with their reasons, what changed, follow-ups, disagreements, the next-level paths and an agenda for \
                the coaching day that fits the time budget. With several libraries in the input, name one with \
                --library or write one briefing each into a folder with --output DIR.
                """,
            positionals: [PositionalSpec("paths", value: "PATH", help: "Questionnaire files, or folders to search for them.", variadic: true)],
            options: [
                .option("previous", value: "path", help: "Questionnaires of the previous round (files or folders).", repeatable: true),
                .option("library", value: "id", help: "The library to brief when the input holds several."),
                .integer("round", value: "n", help: "Brief this round instead of the latest.", range: 1...99),
                .option("hours", value: "hours", help: "Time budget of the coaching day in hours.", default: "6"),
                Workspace.languageOption,
                .option("format", short: "f", value: "format", help: "Report format.", default: "text", allowedValues: formats),
                .option("output", short: "o", value: "path", help: "Write to this file (or, for several libraries, into this folder) instead of standard output."),
                Workspace.rubricOption,
            ],
            examples: [
                "assess samples/auental", "assess samples --library auental --format html -o auental.html",
                "assess samples --format html -o briefings/",
            ])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        // An output file that cannot be written is told before reading a whole programme (a folder is made later).
        if let output = arguments.value("output"), output != "-", !output.hasSuffix("/"), !isDirectory(output) {
            try OutputWriter().checkTarget(output)
        }
        let rubric = try Workspace.loadRubric(arguments, context)
        let language = try Workspace.language(arguments, rubric: rubric)
        let hours = try budget(arguments.value("hours") ?? "6")
        let format = arguments.value("format") ?? "text"
        let current = Workspace.loadQuestionnaires(paths: arguments.positional("paths"), rubric: rubric)
        let previousPaths = arguments.given["previous"] ?? []
        let previous = previousPaths.isEmpty ? nil : Workspace.loadQuestionnaires(paths: previousPaths, rubric: rubric)
        var diagnostics = current.diagnostics + (previous?.diagnostics ?? [])
        let grouping = Cohort.group(current.questionnaires)
        let previousGrouping = previous.map { Cohort.group($0.questionnaires) }
        diagnostics += grouping.diagnostics + (previousGrouping?.diagnostics ?? [])
        context.report(diagnostics)

        var libraries = grouping.libraryIDs
        if let wanted = arguments.value("library") {
            guard libraries.contains(wanted) else {
                let suggestion = Suggestion.closest(to: wanted, in: libraries)
                throw CLIError(
                    "no questionnaire of library '\(wanted)' was found in the input",
                    hint: suggestion.map { "did you mean '\($0)'?" } ?? "libraries found: \(libraries.joined(separator: ", "))")
            }
            libraries = [wanted]
        }
        guard !libraries.isEmpty else {
            throw CLIError("no valid questionnaire was found, so there is nothing to brief", hint: "run 'assess validate' on the files for details")
        }
        let output = arguments.value("output")
        let intoFolder = output.map { $0.hasSuffix("/") || isDirectory($0) } ?? false
        if libraries.count > 1 && !intoFolder {
            throw UsageError(
                "The input holds \(libraries.count) libraries (\(libraries.joined(separator: ", "))). Name one with '--library ID', or write one briefing each into a folder with '--output DIR/'.")
        }
        let reportContext = ReportContext(
            language: language, rubric: rubric, toolVersion: AssessVersion.current,
            useColor: format == "text" && output == nil && context.stdoutIsTerminal
                && (context.environment["NO_COLOR"] ?? "").isEmpty && context.environment["TERM"] != "dumb")
        let builder = BriefingBuilder(rubric: rubric, budgetHours: hours)
        var reports: [(name: String, text: String)] = []
        for libraryID in libraries {
            let rounds = grouping.rounds(of: libraryID)
            let chosenRound = arguments.integer("round")
            guard let round = chosenRound.flatMap({ number in rounds.first { $0.round == number } }) ?? (chosenRound == nil ? rounds.last : nil)
            else {
                throw CLIError(
                    "library '\(libraryID)' has no questionnaires for round \(chosenRound ?? 0)",
                    hint: "rounds found: \(rounds.map { String($0.round) }.joined(separator: ", "))")
            }
            let earlier: LibraryRound?
            if let previousGrouping {
                // Only an earlier round can be "previous"; --previous files of the same or a later round are ignored.
                earlier = previousGrouping.rounds(of: libraryID).last { $0.round < round.round }
                if earlier == nil, !previousGrouping.rounds(of: libraryID).isEmpty {
                    context.report([
                        .warning(
                            "previous-not-earlier",
                            "the --previous files of library '\(libraryID)' are not from a round before round \(round.round), so there is no comparison")
                    ])
                }
            } else {
                earlier = rounds.last { $0.round < round.round }
            }
            let briefing = builder.build(current: round.questionnaires, previous: earlier?.questionnaires)
            reports.append(("\(libraryID)-round\(round.round).\(fileExtension(format))", render(briefing, format: format, context: reportContext)))
        }
        let inputs = current.files + (previous?.files ?? [])
        if intoFolder, let output {
            let written = try OutputWriter(inputs: inputs).writeDirectory(reports, into: output)
            context.err("wrote \(written.count) briefing\(written.count == 1 ? "" : "s") into '\(output)'\n")
        } else if let written = try context.emit(reports[0].text, to: output, inputs: inputs) {
            context.err("wrote '\(written)'\n")
        }
        return diagnostics.hasErrors ? .failure : .success
    }

    static func render(_ briefing: Briefing, format: String, context: ReportContext) -> String {
        switch format {
        case "md": MarkdownBriefingReporter().render(briefing, context: context)
        case "json": JSONBriefingReporter().render(briefing, context: context)
        case "html": HTMLBriefingReporter().render(briefing, context: context)
        default: TextBriefingReporter().render(briefing, context: context)
        }
    }

    static func fileExtension(_ format: String) -> String {
        switch format {
        case "text": "txt"
        default: format
        }
    }

    static func budget(_ text: String) throws -> Double {
        guard let hours = Double(text.replacingOccurrences(of: ",", with: ".")), hours >= 0.5, hours <= 12 else {
            throw UsageError("'--hours' takes the length of the coaching day in hours, from 0.5 to 12, e.g. 6 or 5.5; found '\(text)'.")
        }
        return hours
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// `assess explain FILE...`: every number of a placement with its origin.
public enum ExplainCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "explain",
            abstract: "Show how every score and level came about.",
            discussion: """
                For one library and round (all respondents in the given files): each question's answer, points, weight \
                and contribution, the score formula, coverage, thresholds, the gates checked, and how the overall \
                level follows from the dimensions.
                """,
            positionals: [PositionalSpec("paths", value: "FILE", help: "The questionnaires of one library and round.", variadic: true)],
            options: [
                .option("dimension", short: "d", value: "id", help: "Only this dimension."),
                .option("format", short: "f", value: "format", help: "Output format.", default: "text", allowedValues: ["text", "json"]),
                Workspace.languageOption, Workspace.rubricOption, Workspace.outputOption,
            ],
            examples: ["assess explain samples/auental/runde-2-leitung.yaml --dimension workflow"])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let rubric = try Workspace.loadRubric(arguments, context)
        let language = try Workspace.language(arguments, rubric: rubric)
        let dimension = arguments.value("dimension")
        if let dimension, rubric.dimension(dimension) == nil {
            let suggestion = Suggestion.closest(to: dimension, in: rubric.dimensions.map(\.id))
            throw UsageError("Unknown dimension '\(dimension)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? ""))
        }
        let loaded = Workspace.loadQuestionnaires(paths: arguments.positional("paths"), rubric: rubric)
        let grouping = Cohort.group(loaded.questionnaires)
        context.report(loaded.diagnostics + grouping.diagnostics)
        guard !grouping.rounds.isEmpty else {
            throw CLIError("no valid questionnaire was found, so there is nothing to explain", hint: "run 'assess validate' on the files for details")
        }
        guard grouping.rounds.count == 1, let round = grouping.rounds.first else {
            let keys = grouping.rounds.map { "\($0.library.id) round \($0.round)" }.joined(separator: ", ")
            throw UsageError("'explain' takes the questionnaires of one library and round; these files hold \(keys).")
        }
        let assessment = ScoringEngine(rubric: rubric).assess(round.questionnaires)
        let reportContext = ReportContext(language: language, rubric: rubric, toolVersion: AssessVersion.current)
        let text = arguments.value("format") == "json"
            ? ExplainJSONReporter.render(assessment, dimension: dimension, context: reportContext)
            : ExplainTextReporter.render(assessment, dimension: dimension, context: reportContext)
        try context.emit(text, to: arguments.value("output"), inputs: loaded.files)
        return (loaded.diagnostics + grouping.diagnostics).hasErrors ? .failure : .success
    }
}
