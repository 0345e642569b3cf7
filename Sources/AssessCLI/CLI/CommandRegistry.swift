/// The list of `assess` subcommands: the one place a new command is registered.
///
/// To add a command, write `Sources/AssessCLI/Commands/<Name>Command.swift` with a type conforming to `Command`
/// and add one line to `commands` below, in the order it should appear in `assess --help`:
///
///     BriefCommand.self,          // name "brief": the default subcommand (`assess PATH...`)
///     ValidateCommand.self,       // "validate"
///     ExplainCommand.self,        // "explain"
///     CompareCommand.self,        // "compare"
///     RubricCommand.self,         // "rubric", a group whose configuration lists `subcommands: [RubricCheckCommand.self, RubricShowCommand.self]`
///     TemplateCommand.self,       // "template"
///     LintCommand.self,           // "lint"
///     GenerateCohortCommand.self, // "generate-cohort", with `hidden: true` in its configuration
///
/// `CLITests` checks every registered command's specs (unique names, one variadic positional at the end, …).
public enum CommandRegistry {
    /// Every subcommand of `assess`, in help order.
    public static var commands: [any Command.Type] {
        [
            BriefCommand.self,
            ValidateCommand.self,
            ExplainCommand.self,
            CompareCommand.self,
            RubricCommand.self,
            TemplateCommand.self,
            LintCommand.self,
            GenerateCohortCommand.self,
        ]
    }

    /// Run when the first argument is an existing path or an option: `assess samples/` means `assess brief samples/`.
    /// Routing to it starts working as soon as a command with this name is registered.
    public static let defaultCommandName = "brief"
}

/// The root command, `assess`: a group over `CommandRegistry.commands`.
public enum AssessCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "assess",
            abstract: "Score the social-media maturity of public libraries and brief the coach.",
            discussion: """
                Reads questionnaires (YAML) answered by each library, scores them against a rubric (YAML) in four \
                dimensions — exploration phase, daily-workflow integration, stakeholder and Träger buy-in, strategy \
                professionalisation — and writes a briefing for the next coaching day. All data stays on this computer.

                Exit status: 0 success, 1 errors in the inputs or findings, 64 wrong command line, 70 internal error.
                """,
            subcommands: CommandRegistry.commands,
            defaultSubcommand: CommandRegistry.defaultCommandName)
    }

    /// Runs the tool for `arguments` (without the program name).
    public static func main(_ arguments: [String], context: CommandContext = .standard()) -> ExitStatus {
        Dispatcher(root: AssessCommand.self).run(arguments, context: context)
    }
}

// MARK: - Checking the declarations

/// Developer mistakes in command declarations, all reported together (argument-parser's validators).
public enum CommandValidator {
    /// Problems in `command` and its subcommands, as sentences; empty when all is well.
    public static func problems(in command: any Command.Type, path: [String] = []) -> [String] {
        let configuration = command.configuration
        let here = (path + [configuration.name]).joined(separator: " ")
        var problems: [String] = []
        if configuration.name.isEmpty || configuration.name.contains(" ") {
            problems.append("\(here): the name '\(configuration.name)' must be one word")
        }
        if configuration.abstract.isEmpty { problems.append("\(here): the abstract is empty") }
        var longNames = Set<String>(["help"])
        var shortNames = Set<Character>(["h"])
        for option in configuration.options {
            if !longNames.insert(option.name).inserted { problems.append("\(here): option '--\(option.name)' is declared twice") }
            if let short = option.short, !shortNames.insert(short).inserted {
                problems.append("\(here): short option '-\(short)' is declared twice")
            }
            if let value = option.defaultValue, !option.allowedValues.isEmpty, !option.allowedValues.contains(value) {
                problems.append("\(here): the default '\(value)' of '--\(option.name)' is not an allowed value")
            }
            if option.name.hasPrefix("-") { problems.append("\(here): write option '\(option.name)' without dashes") }
        }
        for (index, positional) in configuration.positionals.enumerated() where positional.variadic {
            if index != configuration.positionals.count - 1 {
                problems.append("\(here): only the last positional may be variadic ('\(positional.name)' is not last)")
            }
        }
        if configuration.isGroup && (!configuration.options.isEmpty || !configuration.positionals.isEmpty) {
            problems.append("\(here): a group takes no options or positionals of its own")
        }
        var names = Set<String>()
        for sub in configuration.subcommands {
            let name = sub.configuration.name
            if !names.insert(name).inserted { problems.append("\(here): subcommand '\(name)' is registered twice") }
            if ["help"].contains(name) { problems.append("\(here): 'help' is reserved") }
            problems += self.problems(in: sub, path: path + [configuration.name])
        }
        return problems
    }
}
