import Foundation
import Reports
import RubricModel
import YAML

/// `assess template`: the blank questionnaire for a library to fill in.
public enum TemplateCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "template",
            abstract: "Write a blank questionnaire to fill in with a text editor.",
            discussion: """
                Every question of the rubric appears as a line 'question-id:' to answer, with the question, the \
                options, help and the evidence asked for in comments, in the chosen language. Header fields can be \
                filled in already with the options below.
                """,
            options: [
                Workspace.rubricOption, Workspace.languageOption, Workspace.outputOption,
                .option("library", value: "id", help: "Fill in the library id."),
                .option("name", value: "name", help: "Fill in the library's name."),
                .integer("round", value: "n", help: "Fill in the round.", range: 1...99),
                .option("date", value: "date", help: "Fill in the date (YYYY-MM-DD)."),
                .option("role", value: "role", help: "Fill in the respondent's role (e.g. head, team, staff)."),
            ],
            examples: ["assess template --lang de --library auental --round 2 -o auental-leitung.yaml"])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let rubric = try Workspace.loadRubric(arguments, context)
        var template = QuestionnaireTemplate(rubric: rubric, language: try Workspace.language(arguments, rubric: rubric))
        template.libraryID = arguments.value("library")
        template.libraryName = arguments.value("name")
        template.round = arguments.integer("round")
        if let round = template.round { template.coachingDay = round + 1 }
        if let text = arguments.value("date") {
            switch Node(.scalar(Scalar(text)), at: .init(file: "--date", line: 1, column: 1)).date() {
            case .success(let date): template.date = date
            case .failure: throw UsageError("'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-10.")
            }
        }
        if let role = arguments.value("role") {
            guard rubric.role(role) != nil else {
                throw UsageError("Unknown role '\(role)'. Roles: \(rubric.roles.map(\.id).joined(separator: ", ")).")
            }
            template.role = role
        }
        // Said on stderr, as the briefing says it: a librarian should know where the blank questionnaire went.
        if let written = try context.emit(template.render(), to: arguments.value("output"), inputs: rubric.files) {
            context.err("wrote '\(written)'\n")
        }
        return .success
    }
}
