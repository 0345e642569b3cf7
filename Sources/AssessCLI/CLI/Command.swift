/// One `assess` subcommand, declared as a type.
///
/// The framework parses the command line against `configuration` (options, flags, positionals), handles
/// `--help`, and reports usage errors (exit 64) before `run` is called. A command with `subcommands` is a group
/// (`assess rubric check|show`); its own `run` is never called.
///
///     struct LintCommand: Command {
///         static var configuration: CommandConfiguration {
///             CommandConfiguration(
///                 name: "lint", abstract: "Check that YAML files are well-formed.",
///                 positionals: [PositionalSpec("paths", value: "PATH", help: "Files or folders.", variadic: true)],
///                 options: [.integer("max-bytes", value: "bytes", help: "Largest file to read.", default: 1_048_576)])
///         }
///         static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
///             let paths = arguments.positional("paths")
///             …
///             return .success
///         }
///     }
///
/// Register it with one line in `CommandRegistry.commands`.
public protocol Command {
    /// Name, help texts and the arguments the command accepts.
    static var configuration: CommandConfiguration { get }

    /// Does the work. Print reports with `context.out`/`OutputWriter`, diagnostics with `context.report`.
    ///
    /// - Returns: `.success`, or `.failure` when inputs had errors.
    /// - Throws: `UsageError` (exit 64), `CLIError` or `Diagnostic` (exit 1), anything else is an internal error (70).
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus
}

extension Command {
    /// Groups need no `run`: the dispatcher routes to a subcommand or prints the group's help.
    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        context.err(HelpGenerator.help(for: configuration, path: arguments.commandPath))
        return .usage
    }
}

/// The static description of a command: what `--help` shows and what the parser accepts.
public struct CommandConfiguration {
    /// The word typed on the command line (`compare`, `generate-cohort`).
    public var name: String
    /// One line for `OVERVIEW:` and the parent's `SUBCOMMANDS:` list.
    public var abstract: String
    /// Further paragraphs shown in the command's own help, after the overview.
    public var discussion: String
    /// Full usage lines such as `assess compare PATH... [--format <format>]`.
    /// Empty means "generate from the specs", which is what most commands want.
    public var usage: [String]
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    /// Internal commands (`generate-cohort`) are callable but neither listed in help nor suggested.
    public var hidden: Bool
    /// For groups (`rubric` → `check`, `show`). A group takes no options or positionals of its own.
    public var subcommands: [any Command.Type]
    /// The subcommand run when the first argument is neither a subcommand nor a help/version request
    /// (the root's `brief`).
    public var defaultSubcommand: String?
    /// Shell lines shown under `EXAMPLES:` in the command's help (without the `$ ` prompt).
    public var examples: [String]

    public init(
        name: String, abstract: String, discussion: String = "", usage: [String] = [],
        positionals: [PositionalSpec] = [], options: [OptionSpec] = [], hidden: Bool = false,
        subcommands: [any Command.Type] = [], defaultSubcommand: String? = nil, examples: [String] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.usage = usage
        self.positionals = positionals
        self.options = options
        self.hidden = hidden
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.examples = examples
    }

    /// True for a command that only routes to subcommands.
    public var isGroup: Bool { !subcommands.isEmpty }

    /// The subcommand called `name`, hidden ones included.
    public func subcommand(named name: String) -> (any Command.Type)? {
        subcommands.first { $0.configuration.name == name }
    }

    /// Names of the subcommands shown in help and offered as suggestions.
    public var visibleSubcommandNames: [String] {
        var names: [String] = []
        for command in subcommands {
            let configuration = command.configuration
            if !configuration.hidden { names.append(configuration.name) }
        }
        return names
    }
}
