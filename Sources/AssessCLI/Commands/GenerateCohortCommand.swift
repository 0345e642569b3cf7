import Foundation
import Reports
import RubricModel
import Scoring
import YAML

/// `assess generate-cohort`: a synthetic programme of valid questionnaires for benchmarks and scale tests.
///
/// Hidden from help. Deterministic: the same rubric, options and seed give byte-identical files on every machine,
/// whatever the number of cores (each library draws from its own generator, seeded from the seed and its index).
public enum GenerateCohortCommand: Command {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            name: "generate-cohort",
            abstract: "Write a synthetic cohort of valid questionnaires (for benchmarks).",
            discussion: """
                Writes DIR/<library-id>/round-<r>-<role>.yaml for every library, round and respondent, with random \
                but valid answers for the rubric. Libraries differ in how mature they are, later rounds tend to be \
                better, and some answers carry a note or evidence. The same seed always gives the same files.
                """,
            options: [
                .integer("libraries", value: "n", help: "Number of libraries.", default: 15, range: 1...1_000_000),
                .integer("rounds", value: "n", help: "Rounds per library.", default: 2, range: 1...99),
                .integer("respondents", value: "n", help: "Respondents per library and round.", default: 2, range: 1...50),
                .integer("seed", value: "n", help: "Seed of the random answers.", default: 1, range: 0...Int.max),
                .option("output", short: "o", value: "dir", help: "The folder to write into (created if missing).", required: true),
                .flag("comments", help: "Write the template's explanatory comments too (larger files)."),
                Workspace.rubricOption,
                Workspace.languageOption,
            ],
            hidden: true,
            examples: ["assess generate-cohort --libraries 1000 --rounds 2 --respondents 3 --seed 7 --output /tmp/cohort"])
    }

    public static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> ExitStatus {
        let rubric = try Workspace.loadRubric(arguments, context)
        let language = try Workspace.language(arguments, rubric: rubric)
        guard let output = arguments.value("output") else { throw UsageError("Missing '--output DIR'.") }
        let generator = CohortGenerator(
            rubric: rubric, language: language, libraries: arguments.integer("libraries") ?? 15,
            rounds: arguments.integer("rounds") ?? 2, respondents: arguments.integer("respondents") ?? 2,
            seed: UInt64(arguments.integer("seed") ?? 1), comments: arguments.flag("comments"))
        let written = try generator.write(into: output)
        context.err("generate-cohort: wrote \(written) files into '\(output)'\n")
        return .success
    }
}

/// Builds the files of a synthetic cohort; `files(library:)` is pure, `write(into:)` writes them in parallel.
public struct CohortGenerator: Sendable {
    public var rubric: Rubric
    public var language: String
    public var libraries: Int
    public var rounds: Int
    public var respondents: Int
    public var seed: UInt64
    public var comments: Bool

    public init(
        rubric: Rubric, language: String, libraries: Int, rounds: Int, respondents: Int, seed: UInt64, comments: Bool
    ) {
        self.rubric = rubric
        self.language = language
        self.libraries = libraries
        self.rounds = rounds
        self.respondents = respondents
        self.seed = seed
        self.comments = comments
    }

    /// `lib-00042`: sorts in index order for up to a million libraries.
    public func libraryID(_ index: Int) -> String {
        let digits = String(index + 1)
        return "lib-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// The files of one library: (path relative to the output folder, contents).
    public func files(library index: Int) -> [(path: String, text: String)] {
        var random = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ UInt64(index) &* 0x9E37_79B9)
        let id = libraryID(index)
        let info = LibraryInfo(
            id: id, name: "\(Self.places[index % Self.places.count]) \(index + 1)",
            population: 5_000 + Int(random.next() % 200_000), staff: 3 + Int(random.next() % 60))
        // Each library has its own maturity; later rounds are a little better.
        let maturity = Double(random.next() % 1000) / 999
        var sampler = AnswerSampler(rubric: rubric)
        var files: [(String, String)] = []
        let roles = rubric.roles.map(\.id)
        for round in 1...rounds {
            sampler.date = CalendarDate(year: 2026, month: min(12, 1 + 3 * (round - 1) % 12), day: 1 + (index % 28))!
            let bias = min(1, maturity + 0.08 * Double(round - 1))
            for respondent in 0..<respondents {
                let role = roles[respondent % roles.count]
                let personBias = min(1, max(0, bias + (Double(random.next() % 1000) / 999 - 0.5) * 0.2))
                var questionnaire = sampler.random(using: &random, bias: personBias)
                questionnaire.library = info
                questionnaire.round = round
                questionnaire.coachingDay = round + 1
                let name = Self.names[(index + respondent * 7) % Self.names.count]
                questionnaire.respondent = Respondent(
                    role: role, name: respondent < roles.count ? name : "\(name) \(respondent + 1)")
                let template = QuestionnaireTemplate(
                    filling: questionnaire, rubric: rubric, language: language, comments: comments)
                var filled = template
                annotate(&filled, questionnaire: questionnaire, random: &random)
                let suffix = respondent < roles.count ? "" : "-\(respondent + 1)"
                // The template leaves population and staff for the library to fill in.
                let text = filled.render()
                    .replacingOccurrences(of: "\n  population:\n", with: "\n  population: \(info.population ?? 0)\n")
                    .replacingOccurrences(of: "\n  staff:\n", with: "\n  staff: \(info.staff ?? 0)\n")
                files.append(("\(id)/round-\(round)-\(role)\(suffix).yaml", text))
            }
        }
        return files
    }

    /// Notes and evidence on some answers, as in real questionnaires.
    private func annotate(
        _ template: inout QuestionnaireTemplate, questionnaire: Questionnaire, random: inout SeededGenerator
    ) {
        for question in rubric.allQuestions {
            guard let value = template.answers[question.id], question.type != .text else { continue }
            let draw = random.next() % 10
            guard draw < 4 else { continue }
            var fields = ["answer: \(value)"]
            if draw < 3 { fields.append("note: " + YAMLText.quoted(Self.notes[Int(random.next() % UInt64(Self.notes.count))])) }
            if draw != 1 { fields.append("evidence: " + YAMLText.quoted(Self.evidence[Int(random.next() % UInt64(Self.evidence.count))])) }
            template.answers[question.id] = "{" + fields.joined(separator: ", ") + "}"
        }
    }

    /// Writes every file under `folder` in parallel; returns the number of files.
    public func write(into folder: String) throws -> Int {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let failures = Workspace.parallelMap(Array(0..<libraries)) { index -> String? in
            let files = files(library: index)
            let directory = (folder as NSString).appendingPathComponent(libraryID(index))
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                for file in files {
                    let path = (folder as NSString).appendingPathComponent(file.path)
                    try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
                }
                return nil
            } catch {
                return "\(directory): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first {
            throw CLIError("could not write the cohort: \(failure)")
        }
        return libraries * rounds * respondents
    }

    static let places = [
        "Stadtbibliothek Auental", "Gemeindebücherei Birkenfurt", "Stadtbücherei Eschenweiler", "Bibliothek Falkenstedt",
        "Stadtbibliothek Grauwasser", "Stadtteilbibliothek Heidelsfeld", "Bücherei Holmbach", "Stadtbibliothek Morgenau",
    ]
    static let names = [
        "Dr. Miriam Albers", "Jonas Petersen", "Aylin Demir", "Katrin Kessler", "Lukas Brandt", "Sofia Yilmaz",
        "Henrik Olsen", "Marie Schulte", "Tobias Wendt", "Nora Fischer", "Paul Lehmann",
    ]
    static let notes = [
        "Praktisch postet nur eine Kollegin; weitere haben es einmal im Workshop probiert",
        "Seit Januar allein zuständig, vorher gab es eine Vertretung",
        "Im Frühjahr nur Buchtipps und Veranstaltungsberichte – für mehr fehlte die Zeit",
        "Mit dem Träger im Gespräch, Entscheidung im Herbst erwartet",
        "Die Pressestelle der Stadt möchte vorher informiert werden",
        "Ein Diensthandy, liegt meist im Büro der Leitung",
        "Nach dem Coachingtag erledigt: Funktionsadresse und zweiter Admin",
    ]
    static let evidence = [
        "Links auf der Website unter „Mitmachen“", "Redaktionsplan als Tabelle im Teams-Kanal „Social Media“",
        "Protokoll der Dienstbesprechung vom März", "Zahl „Abonniert“ im Instagram-Profil, Stand 02.03.",
        "KeePass-Datei auf dem Abteilungslaufwerk", "Leitfaden Social Media, Version 1.2 (PDF)",
    ]
}
