import Foundation
import TestSupport
import Testing

@testable import AssessCLI

@Suite struct ParsingTests {
    @Test func unknownOptionSuggestsTheClosestAndPrintsUsage() {
        let result = run(["compare", "a.yaml", "--fromat", "html"])
        #expect(result.status == .usage)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                Error: Unknown option '--fromat'. Did you mean '--format'?

                Usage: assess compare PATH... [--format <format>] [--tag <tag> ...] [--top <n>]
                                      [--strict]
                  See 'assess compare --help' for more information.

                """)
    }

    @Test func unknownOptionWithoutSuggestion() {
        let result = run(["compare", "a.yaml", "--zebra-crossing"])
        #expect(result.status == .usage)
        #expect(result.stderr.hasPrefix("Error: Unknown option '--zebra-crossing'.\n\nUsage: assess compare"))
    }

    @Test func unknownShortOption() {
        let result = run(["compare", "-x", "a.yaml"])
        #expect(result.status == .usage)
        #expect(result.stderr.hasPrefix("Error: Unknown option '-x'.\n"))
    }

    @Test(arguments: [
        ["compare", "a.yaml", "--format=md"],
        ["compare", "a.yaml", "--format", "md"],
        ["compare", "--format", "md", "a.yaml"],
        ["compare", "-f", "md", "a.yaml"],
        ["compare", "-fmd", "a.yaml"],
    ])
    func optionValueForms(_ arguments: [String]) {
        let result = run(arguments)
        #expect(result.status == .success)
        #expect(result.stdout == "compare paths=[\"a.yaml\"] format=md tags=[] top=5 strict=false\n")
    }

    @Test func defaultsRepeatableFlagsAndDoubleDash() {
        let result = run(["compare", "--tag", "a", "--strict", "x.yaml", "--tag=b", "--top", "7", "--", "--odd.yaml", "-"])
        #expect(result.status == .success, "\(result.stderr)")
        #expect(
            result.stdout
                == "compare paths=[\"x.yaml\", \"--odd.yaml\", \"-\"] format=text tags=[\"a\", \"b\"] top=7 strict=true\n")
    }

    @Test func lastValueWinsForNonRepeatableOptions() {
        let result = run(["compare", "--format", "md", "--format", "json", "a.yaml"])
        #expect(result.stdout.contains("format=json"))
    }

    @Test func missingValue() {
        let atEnd = run(["compare", "a.yaml", "--format"])
        #expect(atEnd.status == .usage)
        #expect(atEnd.stderr.hasPrefix("Error: Missing value for '--format <format>'.\n\nUsage: assess compare"))
        let beforeOption = run(["compare", "--format", "--strict", "a.yaml"])
        #expect(beforeOption.status == .usage)
        #expect(beforeOption.stderr.hasPrefix("Error: Missing value for '--format <format>'."))
    }

    @Test func invalidEnumValueListsTheAllowedValues() {
        let result = run(["compare", "a.yaml", "--format", "pdf"])
        #expect(result.status == .usage)
        #expect(
            result.stderr.hasPrefix(
                "Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'text', 'md', 'html' or 'json'.\n"
            ))
        let close = run(["compare", "a.yaml", "--format=htm"])
        #expect(close.stderr.contains("Please provide one of 'text', 'md', 'html' or 'json'. Did you mean 'html'?"))
    }

    @Test func integerOptionsAreChecked() {
        #expect(run(["compare", "a", "--top", "many"]).stderr.hasPrefix(
            "Error: The value 'many' is invalid for '--top <n>'. Please provide a whole number."))
        #expect(run(["compare", "a", "--top", "0"]).stderr.hasPrefix(
            "Error: The value '0' is invalid for '--top <n>'. Please provide a number between 1 and 100."))
        #expect(run(["compare", "a", "--top", "0"]).status == .usage)
    }

    @Test func flagWithValueIsAnError() {
        let result = run(["compare", "a", "--strict=yes"])
        #expect(result.status == .usage)
        #expect(result.stderr.hasPrefix("Error: The option '--strict' does not take a value."))
    }

    @Test func missingRequiredPositional() {
        let result = run(["compare", "--format", "md"])
        #expect(result.status == .usage)
        #expect(result.stderr.hasPrefix("Error: Missing expected argument 'PATH...'.\n\nUsage: assess compare PATH..."))
        let single = run(["rubric", "check"])
        #expect(single.stderr.hasPrefix("Error: Missing expected argument 'FILE'.\n\nUsage: assess rubric check FILE"))
    }

    @Test func unexpectedExtraArgument() {
        let result = run(["rubric", "check", "a.yaml", "b.yaml"])
        #expect(result.status == .usage)
        #expect(result.stderr.hasPrefix("Error: Unexpected argument 'b.yaml'."))
    }

    // MARK: - Routing

    @Test func existingPathGoesToTheDefaultCommand() throws {
        let folder = try TemporaryFolder()
        try folder.file("samples/a.yaml")
        let result = run(["samples", "--rubric", "r.yaml"], in: folder.path)
        #expect(result.status == .success, "\(result.stderr)")
        #expect(result.stdout == "brief samples rubric=r.yaml\n")
    }

    @Test func optionFirstGoesToTheDefaultCommand() {
        let result = run(["--rubric", "r.yaml", "x/a.yaml"])
        #expect(result.stdout == "brief x/a.yaml rubric=r.yaml\n")
        let unknown = run(["--fromat", "html", "x.yaml"])
        #expect(unknown.status == .usage)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--fromat'.\n\nUsage: assess brief PATH..."))
    }

    @Test func explicitDefaultCommandName() {
        #expect(run(["brief", "a.yaml"]).stdout == "brief a.yaml rubric=-\n")
    }

    @Test func misspeltSubcommandIsAUsageErrorWithSuggestion() {
        let result = run(["valdate", "a.yaml"])
        #expect(result.status == .usage)
        #expect(
            result.stderr == """
                Error: Unknown subcommand 'valdate'. Did you mean 'validate'?

                Usage: assess PATH... [--rubric <file>] [--output <path>]
                       assess <subcommand>
                  See 'assess --help' for more information.

                """)
    }

    @Test func misspeltWordThatExistsAsAFolderStillGoesToTheDefault() throws {
        let folder = try TemporaryFolder()
        try folder.folder("valdate")
        #expect(run(["valdate"], in: folder.path).stdout == "brief valdate rubric=-\n")
    }

    @Test func unknownWordFarFromAnySubcommandGoesToTheDefault() {
        // The briefing command then reports the missing file (exit 1); here the fake just echoes it.
        #expect(run(["stadtbibliothek-musterstadt"]).stdout == "brief stadtbibliothek-musterstadt rubric=-\n")
        #expect(run(["lnt.yaml"]).stdout == "brief lnt.yaml rubric=-\n")
    }

    @Test func unknownWordGoesToTheBriefingWhichReportsTheMissingPath() {
        // `brief` is registered, so a word that is neither a subcommand nor close to one is taken as a path.
        let result = run(["no-such-library-folder"], root: AssessCommand.self)
        #expect(result.status == .failure)
        #expect(result.stderr.contains("'no-such-library-folder'"))
    }

    @Test func groupsRouteAndSuggest() {
        #expect(run(["rubric", "check", "r.yaml"]).stdout == "check r.yaml\n")
        let result = run(["rubric", "chek"])
        #expect(result.status == .usage)
        #expect(result.stderr.hasPrefix("Error: Unknown subcommand 'chek'. Did you mean 'check'?\n\nUsage: assess rubric <subcommand>"))
        let bare = run(["rubric"])
        #expect(bare.status == .usage)
        #expect(bare.stderr.hasPrefix("OVERVIEW: Work with rubrics."))
    }

    @Test func hiddenCommandRunsButIsNeitherListedNorSuggested() {
        #expect(run(["generate-cohort"]).stdout == "generated\n")
        #expect(!run(["--help"]).stdout.contains("generate-cohort"))
        #expect(!run(["generate-cohrt"]).stderr.contains("Did you mean"))
    }

    // MARK: - Error funnel

    @Test func cliErrorIsExitOneWithHint() {
        let result = run(["validate", "a.yaml"])
        #expect(result.status == .failure)
        #expect(result.stderr == "error: something is wrong with 'x'\nhint: fix it\n")
    }

    @Test func unexpectedErrorIsInternal() {
        let result = run(["rubric", "show"])
        #expect(result.status == .internalError)
        #expect(result.stderr.hasPrefix("error: internal error: Boom()"))
    }

    @Test func colorOptionAndEnvironment() {
        let out = BufferSink(), err = BufferSink()
        var context = CommandContext(stdout: out, stderr: err, environment: ["TERM": "xterm"], stderrIsTerminal: true)
        #expect(context.useColor)
        context.environment["NO_COLOR"] = "1"
        #expect(!context.useColor)
        context.environment = ["TERM": "dumb"]
        #expect(!context.useColor)
        context.colorMode = .always
        #expect(context.useColor)
        context.stderrIsTerminal = false
        context.colorMode = .auto
        #expect(!context.useColor)
        let colored = run(["validate", "--color", "always", "a.yaml"])
        #expect(colored.stderr.contains("\u{1B}["))
        #expect(!run(["validate", "a.yaml"]).stderr.contains("\u{1B}["))
    }

    // MARK: - Declarations

    @Test func registeredCommandsAreWellDeclared() {
        #expect(CommandValidator.problems(in: AssessCommand.self) == [])
        #expect(CommandValidator.problems(in: TestRoot.self) == [])
    }

    @Test func validatorFindsDeclarationMistakes() {
        enum Broken: Command {
            static var configuration: CommandConfiguration {
                CommandConfiguration(
                    name: "broken", abstract: "",
                    positionals: [
                        PositionalSpec("a", value: "A", help: "", variadic: true), PositionalSpec("b", value: "B", help: ""),
                    ],
                    options: [
                        .option("x", help: ""), .option("x", help: ""),
                        .option("f", help: "", default: "pdf", allowedValues: ["html"]),
                    ])
            }
            static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus { .success }
        }
        let problems = CommandValidator.problems(in: Broken.self)
        #expect(problems.count == 4, "\(problems)")
    }
}
