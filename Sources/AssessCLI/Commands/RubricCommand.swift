import Diagnostics
import Foundation
import Reports
import RubricModel
import Scoring

/// `assess rubric check|show`.
public enum RubricCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "rubric", abstract: "Check a rubric or print it for reading.",
            subcommands: [RubricCheckCommand.self, RubricShowCommand.self])
    }
}

/// `assess rubric check [DIR]`: every problem of a rubric, or a summary when there is none.
public enum RubricCheckCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "check", abstract: "Check a rubric strictly and print a summary.",
            discussion: """
                Reports unknown or misspelt fields, missing translations, duplicate ids, conditions that refer to \
                unknown questions or options, points out of range, bands with gaps or overlaps, thresholds that do \
                not increase, prerequisite cycles, levels that no answers can reach and recommendations that no \
                answers can trigger. Exit status 0 when the rubric is sound, 1 otherwise.
                """,
            positionals: [PositionalSpec("dir", value: "DIR", help: "The rubric folder (default: the rubric assess uses).", required: false)],
            examples: ["assess rubric check rubrics"])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        var parsed = arguments
        if let dir = arguments.positional("dir").first { parsed.given["rubric"] = [dir] }
        let directory = Workspace.rubricDirectory(parsed, context)
        let result = RubricLoader.load(directory: directory)
        guard let rubric = result.rubric else {
            context.report(result.diagnostics)
            context.err("rubric check: \(result.diagnostics.errorCount) errors, \(result.diagnostics.warningCount) warnings\n")
            return .failure
        }
        let analysis = RubricAnalysis(rubric: rubric).run()
        let diagnostics = result.diagnostics + analysis.diagnostics
        context.report(diagnostics)
        if diagnostics.hasErrors {
            context.err("rubric check: \(diagnostics.errorCount) errors, \(diagnostics.warningCount) warnings\n")
            return .failure
        }
        context.out(summary(rubric, analysis: analysis, warnings: diagnostics.warningCount))
        return .success
    }

    static func summary(_ rubric: Rubric, analysis: RubricAnalysis.Findings, warnings: Int) -> String {
        var lines: [String] = []
        lines.append("rubric '\(rubric.id)' version \(rubric.version) is sound")
        lines.append("  content hash   \(rubric.contentHash)")
        lines.append("  languages      \(rubric.languages.joined(separator: ", ")) (default \(rubric.defaultLanguage))")
        lines.append("  dimensions     \(rubric.dimensions.count)")
        for dimension in rubric.dimensions {
            let scored = dimension.questions.filter(\.isScored).count
            lines.append(
                "    \(dimension.id.padding(toLength: 14, withPad: " ", startingAt: 0)) \(dimension.questions.count) questions (\(scored) scored), \(dimension.gates.count) gates, \(dimension.recommendations.count) recommendations, weight \(dimension.weight)")
        }
        lines.append("  questions      \(rubric.allQuestions.count)")
        lines.append("  recommendations \(rubric.allRecommendations.count)")
        lines.append("  consistency rules \(rubric.allConsistencyRules.count)")
        lines.append("  checked        every level 1–5 reachable and every recommendation triggerable (\(analysis.answerSetsTried) answer sets)")
        if warnings > 0 { lines.append("  warnings       \(warnings)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `assess rubric show [DIMENSION]`: the rubric as a coach reads it.
public enum RubricShowCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "show", abstract: "Print the rubric (or one dimension) for reading.",
            positionals: [PositionalSpec("dimension", value: "DIMENSION", help: "Only this dimension.", required: false)],
            options: [Workspace.rubricOption, Workspace.languageOption],
            examples: ["assess rubric show workflow --lang en"])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let rubric = try Workspace.loadRubric(arguments, context)
        let language = try Workspace.language(arguments, rubric: rubric)
        var dimensions = rubric.dimensions
        if let wanted = arguments.positional("dimension").first {
            guard let dimension = rubric.dimension(wanted) else {
                let suggestion = Suggestion.closest(to: wanted, in: rubric.dimensions.map(\.id))
                throw UsageError(
                    "Unknown dimension '\(wanted)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
                        + " Dimensions: \(rubric.dimensions.map(\.id).joined(separator: ", ")).")
            }
            dimensions = [dimension]
        }
        context.out(RubricText.render(rubric, dimensions: dimensions, language: language))
        return .success
    }
}
