import Diagnostics
import RubricModel
import Scoring

/// `assess validate FILE|DIR...`: checks questionnaires against the rubric and reports every problem.
public enum ValidateCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "validate",
            abstract: "Check filled-in questionnaires against the rubric.",
            discussion: """
                Reports every problem at file:line:column with a hint: unknown dimensions or questions, answers of the \
                wrong type, options that are not in the list, numbers out of range, missing required answers, answers \
                to questions that do not apply, questionnaires for another rubric version, two files for the same \
                library, round and respondent. The rubric's consistency rules are reported as warnings. \
                Exit status 0 when every file is valid, 1 otherwise.
                """,
            positionals: [PositionalSpec("paths", value: "PATH", help: "Questionnaire files, or folders to search for them.", variadic: true)],
            options: [Workspace.rubricOption, Workspace.languageOption],
            examples: ["assess validate samples", "assess validate --lang en samples/auental"])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let paths = arguments.positional("paths")
        let expanding = Pending { InputFiles.expand(paths: paths) }  // the walk needs no rubric
        let rubrics = try Workspace.loadRubricPerWorker(arguments, context)
        let rubric = rubrics[0]
        let language = try Workspace.language(arguments, rubric: rubric)
        // Streams: of each valid file only its grouping facts and consistency warnings are kept (computed on the
        // worker that loaded it); duplicates are then found in path order, as `Cohort.group` does.
        // Each worker reads and scores with its own rubric copy, so two cores do not update the same reference counts.
        let expansion = expanding.wait()
        let engines = rubrics.map { ScoringEngine(rubric: $0) }
        var diagnostics = expansion.diagnostics
        var members: [Cohort.Member] = []
        var warnings: [Diagnostic] = []
        Workspace.streamQuestionnaires(
            files: expansion.paths, rubrics: rubrics, keeping: .scoring,
            transform: { questionnaire, worker in
                (
                    Cohort.Member(questionnaire),
                    consistencyWarnings(questionnaire, engine: engines[worker % engines.count], language: language)
                )
            }
        ) { _, fileDiagnostics, value in
            diagnostics += fileDiagnostics
            if let (member, consistency) = value {
                members.append(member)
                warnings += consistency
            }
        }
        var grouper = Cohort.Grouper()
        for member in members.sorted(by: { $0.file < $1.file }) { _ = grouper.add(member) }
        diagnostics += grouper.diagnostics
        diagnostics += warnings
        context.report(diagnostics)
        let files = expansion.paths.count
        context.err(
            "validate: \(count(files, "file")), \(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning"))\n")
        return diagnostics.hasErrors || files == 0 ? .failure : .success
    }

    /// The rubric's consistency rules, judged on each file's own answers.
    static func consistencyWarnings(_ questionnaires: [Questionnaire], rubric: Rubric, language: String) -> [Diagnostic] {
        let engine = ScoringEngine(rubric: rubric)
        return questionnaires.flatMap { consistencyWarnings($0, engine: engine, language: language) }
    }

    /// The rubric's consistency rules, judged on one file's own answers.
    static func consistencyWarnings(_ questionnaire: Questionnaire, engine: ScoringEngine, language: String) -> [Diagnostic] {
        engine.consistencyFindings([questionnaire]).map { finding in
            Diagnostic.warning(
                "consistency", finding.message.text(language),
                at: finding.location ?? questionnaire.location,
                hint: language == "de"
                    ? "Konsistenzregel '\(finding.ruleID)': prüfen Sie die Antworten zu \(finding.questionIDs.map { "'\($0)'" }.joined(separator: ", "))"
                    : "consistency rule '\(finding.ruleID)': check the answers to \(finding.questionIDs.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
