import Testing

@testable import AssessCLI

@Suite struct HelpTests {
    @Test func versionFlag() {
        let result = run(["--version"], root: AssessCommand.self)
        #expect(result.status == .success)
        #expect(result.stdout == "assess \(AssessVersion.current)\n")
        #expect(AssessVersion.current == "0.1.0")
    }

    @Test func rootHelpListsVisibleSubcommandsWithDefault() {
        let result = run(["--help"])
        #expect(result.status == .success)
        #expect(
            result.stdout == """
                OVERVIEW: Test root.

                USAGE: assess PATH... [--rubric <file>] [--output <path>]
                       assess <subcommand>

                OPTIONS:
                  --version               Show the version.
                  -h, --help              Show help information.

                SUBCOMMANDS:
                  brief (default)         Write a briefing for each library.
                  validate                Check questionnaires against the rubric.
                  compare                 Compare libraries side by side.
                  rubric                  Work with rubrics.
                  lint                    Check that YAML files are well-formed.

                  See 'assess help <subcommand>' for detailed help.

                """)
        #expect(run(["-h"]).stdout == result.stdout)
        #expect(run(["help"]).stdout == result.stdout)
    }

    @Test func subcommandHelp() {
        let result = run(["compare", "--help"])
        #expect(result.status == .success)
        #expect(
            result.stdout == """
                OVERVIEW: Compare libraries side by side.

                USAGE: assess compare PATH... [--format <format>] [--tag <tag> ...] [--top <n>]
                                      [--strict]

                ARGUMENTS:
                  PATH...                 Questionnaires.

                OPTIONS:
                  -f, --format <format>   Report format. (values: text, md, html, json; default:
                                          text)
                  --tag <tag>             Only libraries with this tag. (repeatable)
                  --top <n>               Show the best n. (default: 5)
                  --strict                Treat warnings as errors.
                  --color <when>          Colour diagnostics: 'auto' when stderr is a terminal
                                          and NO_COLOR is unset, 'always' or 'never'. (values:
                                          auto, always, never; default: auto)
                  -h, --help              Show help information.

                """)
        #expect(run(["help", "compare"]).stdout == result.stdout)
        #expect(run(["compare", "a.yaml", "-h", "--fromat"]).stdout == result.stdout)
    }

    @Test func nestedHelp() {
        let viaHelp = run(["help", "rubric", "check"])
        #expect(viaHelp.status == .success)
        #expect(viaHelp.stdout.hasPrefix("OVERVIEW: Check a rubric.\n\nUSAGE: assess rubric check FILE\n"))
        #expect(run(["rubric", "check", "--help"]).stdout == viaHelp.stdout)
        let group = run(["rubric", "--help"]).stdout
        #expect(group.contains("SUBCOMMANDS:\n  check                   Check a rubric.\n  show                    Show a rubric.\n"))
    }

    @Test func helpForUnknownSubcommand() {
        let result = run(["help", "compar"])
        #expect(result.status == .usage)
        #expect(result.stderr.hasPrefix("Error: Unknown subcommand 'compar'. Did you mean 'compare'?"))
    }

    @Test func helpAfterDoubleDashIsAnArgument() {
        #expect(run(["brief", "--", "--help"]).stdout == "brief --help rubric=-\n")
    }

    @Test func noArgumentsPrintsHelpToStderr() {
        let result = run([])
        #expect(result.status == .usage)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("OVERVIEW: Test root."))
    }

    @Test func longLinesWrapAtEightyColumns() {
        let text = HelpGenerator.help(for: AssessCommand.configuration, path: ["assess"], isRoot: true)
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }
}
