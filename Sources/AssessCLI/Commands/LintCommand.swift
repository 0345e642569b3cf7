import Diagnostics
import YAML

/// `assess lint FILE|DIR...`: checks that YAML files are well-formed, before any rubric or questionnaire rules apply.
///
/// Prints every diagnostic (sorted by location) to stderr, then `lint: 3 files, 1 error, 0 warnings`.
/// Exit 0 when no file has errors, 1 otherwise.
public enum LintCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "lint",
            abstract: "Check that YAML files are well-formed.",
            discussion: """
                Parses each file and reports syntax errors, duplicate keys, tabs in indentation and files that are \
                too large or too deeply nested, with file, line and column. Folders are searched for *.yaml and \
                *.yml files. Nothing is scored and nothing is written.
                """,
            positionals: [
                PositionalSpec("paths", value: "PATH", help: "YAML files, or folders to search for them.", variadic: true)
            ],
            options: [
                .integer(
                    "max-bytes", value: "bytes", help: "Refuse files larger than this many bytes.",
                    default: ParseLimits.default.maxBytes, range: 1...Int.max)
            ],
            examples: ["assess lint rubrics samples", "assess lint --max-bytes 100000 samples/stadtbibliothek.yaml"])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let expansion = InputFiles.expand(paths: arguments.positional("paths"))
        var limits = ParseLimits.default
        if let maxBytes = arguments.integer("max-bytes") { limits.maxBytes = maxBytes }

        var diagnostics = expansion.diagnostics
        for path in expansion.paths {
            diagnostics += YAMLParser.parse(file: path, limits: limits).diagnostics
        }
        context.report(diagnostics)
        context.err(summary(files: expansion.paths.count, diagnostics: diagnostics) + "\n")
        return diagnostics.hasErrors ? .failure : .success
    }

    /// `lint: 3 files, 1 error, 0 warnings`.
    static func summary(files: Int, diagnostics: [Diagnostic]) -> String {
        "lint: \(count(files, "file")), \(count(diagnostics.errorCount, "error")), "
            + "\(count(diagnostics.warningCount, "warning"))"
    }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
