import Foundation
import Testing

@testable import AssessCLI

/// Swift Testing has its own `ExitStatus` (for exit tests); in this module the name means ours.
typealias ExitStatus = AssessCLI.ExitStatus

// MARK: - Commands used only by the tests

/// Records what it was called with, so routing can be checked.
enum FakeBrief: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "brief", abstract: "Write a briefing for each library.",
            positionals: [PositionalSpec("paths", value: "PATH", help: "Questionnaires or folders.", variadic: true)],
            options: [
                .option("rubric", short: "r", value: "file", help: "The rubric to score against."),
                .option("output", short: "o", value: "path", help: "Where to write the report."),
            ])
    }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        context.out("brief \(arguments.positional("paths").joined(separator: ",")) rubric=\(arguments.value("rubric") ?? "-")\n")
        return .success
    }
}

enum FakeCompare: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "compare", abstract: "Compare libraries side by side.",
            positionals: [PositionalSpec("paths", value: "PATH", help: "Questionnaires.", variadic: true)],
            options: [
                .option(
                    "format", short: "f", value: "format", help: "Report format.", default: "text",
                    allowedValues: ["text", "md", "html", "json"]),
                .option("tag", value: "tag", help: "Only libraries with this tag.", repeatable: true),
                .integer("top", value: "n", help: "Show the best n.", default: 5, range: 1...100),
                .flag("strict", help: "Treat warnings as errors."),
            ])
    }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        context.out(
            "compare paths=\(arguments.positional("paths")) format=\(arguments.value("format")!) "
                + "tags=\(arguments.values("tag")) top=\(arguments.integer("top")!) strict=\(arguments.flag("strict"))\n")
        return .success
    }
}

enum FakeValidate: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "validate", abstract: "Check questionnaires against the rubric.",
            positionals: [PositionalSpec("paths", value: "PATH", help: "Files.", variadic: true)])
    }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        throw CLIError("something is wrong with 'x'", hint: "fix it")
    }
}

enum FakeRubricCheck: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "check", abstract: "Check a rubric.",
            positionals: [PositionalSpec("file", value: "FILE", help: "The rubric.")])
    }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        context.out("check \(arguments.positional("file")[0])\n")
        return .success
    }
}

enum FakeRubricShow: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(name: "show", abstract: "Show a rubric.")
    }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        struct Boom: Error {}
        throw Boom()
    }
}

enum FakeRubric: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "rubric", abstract: "Work with rubrics.", subcommands: [FakeRubricCheck.self, FakeRubricShow.self])
    }
}

enum FakeHidden: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(name: "generate-cohort", abstract: "Internal: make test data.", hidden: true)
    }
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        context.out("generated\n")
        return .success
    }
}

enum TestRoot: Command {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "assess", abstract: "Test root.",
            subcommands: [
                FakeBrief.self, FakeValidate.self, FakeCompare.self, FakeRubric.self, LintCommand.self, FakeHidden.self,
            ],
            defaultSubcommand: "brief")
    }
}

// MARK: - Running in-process

struct RunResult {
    var status: ExitStatus
    var stdout: String
    var stderr: String
}

/// Runs the test root (or another root) in-process with captured output.
func run(
    _ arguments: [String], root: any Command.Type = TestRoot.self, in directory: String = "/nonexistent-cwd",
    environment: [String: String] = [:]
) -> RunResult {
    let out = BufferSink(), err = BufferSink()
    let context = CommandContext(stdout: out, stderr: err, environment: environment, currentDirectory: directory)
    let status = Dispatcher(root: root).run(arguments, context: context)
    return RunResult(status: status, stdout: out.text, stderr: err.text)
}
