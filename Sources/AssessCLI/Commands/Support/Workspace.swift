import Diagnostics
import Dispatch
import Foundation
import RubricModel
import Scoring
import YAML

/// Options and loading steps shared by the commands that read a rubric and questionnaires.
public enum Workspace {
    /// `--rubric DIR`: which rubric to score with.
    public static let rubricOption = OptionSpec.option(
        "rubric", value: "dir",
        help: "The rubric folder (model.yaml plus one file per dimension). Default: $ASSESS_RUBRIC, else ./rubrics, else the rubrics shipped with assess.")
    /// `--lang de|en`.
    public static let languageOption = OptionSpec.option(
        "lang", value: "language", help: "Language of the report.", default: "de", allowedValues: ["de", "en"])
    public static let outputOption = OptionSpec.option(
        "output", short: "o", value: "file", help: "Write the report to this file (atomically) instead of standard output.")

    // MARK: - Rubric

    /// The rubric folder to use: the option, `$ASSESS_RUBRIC`, `./rubrics`, or `rubrics/` found upwards from the
    /// executable (so a built `assess` in `.build/debug` finds the repository's rubrics).
    public static func rubricDirectory(_ arguments: ParsedArguments, _ context: CommandContext) -> String {
        if let given = arguments.value("rubric") { return given }
        if let fromEnvironment = context.environment["ASSESS_RUBRIC"], !fromEnvironment.isEmpty { return fromEnvironment }
        let local = (context.currentDirectory as NSString).appendingPathComponent("rubrics")
        if FileManager.default.fileExists(atPath: (local as NSString).appendingPathComponent("model.yaml")) {
            return "rubrics"
        }
        var folder = (executablePath() as NSString).deletingLastPathComponent
        while folder != "/" && !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent("rubrics")
            if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("model.yaml")) {
                return candidate
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return "rubrics"
    }

    private static func executablePath() -> String {
        let link = "/proc/self/exe"
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: link) { return resolved }
        return CommandLine.arguments.first ?? ""
    }

    /// Loads the rubric, printing its diagnostics; a broken rubric stops the command (exit 1).
    public static func loadRubric(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Rubric {
        let directory = rubricDirectory(arguments, context)
        let result = RubricLoader.load(directory: directory)
        context.report(result.diagnostics)
        guard let rubric = result.rubric else {
            throw CLIError(
                "the rubric in '\(directory)' has errors, so nothing can be scored",
                hint: "run 'assess rubric check \(directory)' for details")
        }
        return rubric
    }

    /// The report language: `--lang`, which must be one of the rubric's languages.
    public static func language(_ arguments: ParsedArguments, rubric: Rubric) throws -> String {
        let language = arguments.value("lang") ?? rubric.defaultLanguage
        guard rubric.languages.contains(language) else {
            throw UsageError("The rubric has no texts in '\(language)'; it offers \(rubric.languages.joined(separator: ", ")).")
        }
        return language
    }

    // MARK: - Questionnaires

    public struct Loaded: Sendable {
        /// Valid questionnaires, in input order.
        public var questionnaires: [Questionnaire]
        /// Every problem found, including notices from expanding folders.
        public var diagnostics: [Diagnostic]
        /// Files left out because of errors, with their first error.
        public var failed: [(file: String, firstError: Diagnostic?)]
        /// Every questionnaire file read.
        public var files: [String]
    }

    /// Expands paths, then loads and checks every questionnaire — in parallel on all cores, with results in input
    /// order so output stays deterministic. One broken file never hides the others.
    public static func loadQuestionnaires(paths: [String], rubric: Rubric, limits: ParseLimits = .default) -> Loaded {
        let expansion = InputFiles.expand(paths: paths)
        let files = expansion.paths
        let results = parallelMap(files) { QuestionnaireLoader.load(file: $0, rubric: rubric, limits: limits) }
        var questionnaires: [Questionnaire] = []
        var diagnostics = expansion.diagnostics
        var failed: [(String, Diagnostic?)] = []
        for (file, result) in zip(files, results) {
            diagnostics += result.diagnostics
            if let questionnaire = result.questionnaire {
                questionnaires.append(questionnaire)
            } else {
                failed.append((file, result.diagnostics.sorted().first { $0.severity == .error }))
            }
        }
        for (file, diagnostic) in expansion.diagnostics.filter({ $0.severity == .error }).map({ ($0.location?.file ?? "", $0) })
        where !file.isEmpty {
            failed.append((file, diagnostic))
        }
        return Loaded(questionnaires: questionnaires, diagnostics: diagnostics, failed: failed, files: files)
    }

    /// `transform` applied to every element on all cores; results in input order.
    public static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}

/// Slots written once each from concurrent iterations.
final class ResultBox<R>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: R) { lock.withLock { slots[index] = value } }
    var values: [R] { lock.withLock { slots.map { $0! } } }
}
