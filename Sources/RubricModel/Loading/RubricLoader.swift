import Diagnostics
import Foundation
import YAML

/// Loads a rubric folder (`model.yaml` plus one file per dimension) with full validation.
public enum RubricLoader {
    public struct Result: Sendable {
        public var rubric: Rubric?
        public var diagnostics: [Diagnostic]
    }

    /// The format version this build reads.
    public static let formatVersion = 1

    /// Loads and checks the rubric in `directory`. `rubric` is nil whenever an error was found, so a broken
    /// rubric can never produce levels.
    public static func load(directory: String, limits: ParseLimits = .default) -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            var bag = DiagnosticBag()
            bag.error(
                "rubric-not-found", "rubric folder '\(directory)' does not exist", at: nil,
                hint: "pass the folder that holds model.yaml, e.g. 'rubrics'")
            return Result(rubric: nil, diagnostics: bag.diagnostics)
        }
        let source = Source(
            folder: directory,
            path: { (directory as NSString).appendingPathComponent($0) },
            exists: { FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0)) },
            contents: { name in
                let path = (directory as NSString).appendingPathComponent(name)
                switch YAMLParser.read(file: path, limits: limits) {
                case .success(let bytes): return .bytes(bytes)
                case .failure(let problem): return .problems([problem])
                }
            },
            names: { (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] })
        return load(source, limits: limits)
    }

    /// Loads and checks a rubric given as in-memory files (`model.yaml` plus `<dimension>.yaml`), exactly as
    /// `load(directory:)` would load a folder holding them. Used by the fuzzer and by tests; nothing touches disk.
    ///
    /// - Parameter files: file names (no folder) and their texts; a later duplicate name replaces an earlier one.
    /// - Parameter folder: the folder name shown in locations (`folder/model.yaml`).
    /// - Parameter limits: Safety limits.
    public static func load(
        files: [(name: String, text: String)], folder: String = "rubric", limits: ParseLimits = .default
    ) -> Result {
        var table: [String: [UInt8]] = [:]
        for file in files { table[file.name] = Array(file.text.utf8) }
        let contents = table
        let source = Source(
            folder: folder,
            path: { (folder as NSString).appendingPathComponent($0) },
            exists: { contents[$0] != nil },
            contents: { name in
                guard let bytes = contents[name] else {
                    return .problems([
                        .error("file-not-found", "file '\((folder as NSString).appendingPathComponent(name))' does not exist")
                    ])
                }
                return .bytes(bytes)
            },
            names: { Array(contents.keys) })
        return load(source, limits: limits)
    }

    /// Where the rubric's files come from: a folder on disk or in-memory texts.
    private struct Source {
        var folder: String
        var path: (String) -> String
        var exists: (String) -> Bool
        var contents: (String) -> Read

        enum Read {
            case bytes([UInt8])
            case problems([Diagnostic])
        }
        var names: () -> [String]
    }

    private static func load(_ source: Source, limits: ParseLimits) -> Result {
        var bag = DiagnosticBag()
        let directory = source.folder
        var hasher = SHA256()
        var files: [String] = []
        func parse(_ name: String) -> Node? {
            let path = source.path(name)
            let bytes: [UInt8]
            switch source.contents(name) {
            case .bytes(let read): bytes = read
            case .problems(let diagnostics):
                bag.add(contentsOf: diagnostics)
                return nil
            }
            files.append(path)
            hasher.update(Array(name.utf8))
            hasher.update([0])
            hasher.update(Array(String(bytes.count).utf8))
            hasher.update([0])
            hasher.update(bytes)
            let result = YAMLParser.parse(bytes: bytes, name: path, limits: limits)
            bag.add(contentsOf: result.diagnostics)
            return result.diagnostics.hasErrors ? nil : result.root
        }
        guard source.exists("model.yaml") else {
            bag.error(
                "rubric-not-found", "'\(directory)' has no model.yaml", at: nil,
                hint: "a rubric folder holds model.yaml and one file per dimension")
            return Result(rubric: nil, diagnostics: bag.diagnostics)
        }
        guard let modelNode = parse("model.yaml") else { return Result(rubric: nil, diagnostics: bag.diagnostics) }
        var builder = RubricBuilder()
        guard let model = builder.readModel(modelNode, bag: &bag) else {
            return Result(rubric: nil, diagnostics: bag.sorted)
        }
        var dimensions: [RubricDimension] = []
        for (id, idNode) in model.dimensionIDs {
            let path = source.path("\(id).yaml")
            guard source.exists("\(id).yaml") else {
                bag.error(
                    "missing-dimension-file", "dimension '\(id)' has no file '\(path)'", at: idNode.location,
                    hint: "create \(id).yaml next to model.yaml or remove '\(id)' from 'dimensions'")
                continue
            }
            guard let node = parse("\(id).yaml") else { continue }
            if let dimension = builder.readDimension(node, expectedID: id, bag: &bag) { dimensions.append(dimension) }
        }
        let listed = Set(model.dimensionIDs.map { "\($0.0).yaml" } + ["model.yaml"])
        let others = source.names()
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !listed.contains($0) }.sorted()
        for other in others {
            bag.warning(
                "unlisted-dimension-file",
                "'\(other)' is not listed in model.yaml 'dimensions' and is ignored",
                at: SourceLocation(file: source.path(other), line: 1, column: 1))
        }
        guard !bag.hasErrors, dimensions.count == model.dimensionIDs.count else {
            return Result(rubric: nil, diagnostics: bag.sorted)
        }
        let rubric = Rubric(
            id: model.id, version: model.version, title: model.title, languages: model.languages,
            defaultLanguage: model.defaultLanguage, levels: model.levels, scoring: model.scoring, roles: model.roles,
            agreementLabels: model.agreementLabels, platforms: model.platforms,
            legalNotesReviewed: model.legalNotesReviewed, legalNotes: model.legalNotes, dimensions: dimensions,
            consistency: model.consistency, contentHash: hasher.finalize(), files: files)
        RubricChecks.check(rubric, bag: &bag)
        return Result(rubric: bag.hasErrors ? nil : rubric, diagnostics: bag.sorted)
    }
}

/// The model file's content before the dimensions are read.
struct ModelFile {
    var id: String
    var version: String
    var title: LocalizedText
    var languages: [String]
    var defaultLanguage: String
    var dimensionIDs: [(String, Node)]
    var levels: [LevelDefinition]
    var scoring: ScoringRules
    var roles: [Role]
    var agreementLabels: [String: [String]]
    var platforms: [Option]
    var legalNotesReviewed: String?
    var legalNotes: [LegalNote]
    var consistency: [ConsistencyRule]
}

/// Reads the parts of a rubric; knows the languages once the model file is read.
struct RubricBuilder {
    var languages: [String] = ["de", "en"]
    var platforms: [Option] = []

    // MARK: - Model file

    mutating func readModel(_ node: Node, bag: inout DiagnosticBag) -> ModelFile? {
        guard
            let reader = MappingReader(
                node, subject: "the rubric model",
                known: [
                    "format", "id", "version", "title", "languages", "default_language", "dimensions", "levels",
                    "scoring", "roles", "scales", "platforms", "legal_notes", "consistency",
                ], bag: &bag)
        else { return nil }
        reader.finish(bag: &bag)
        checkFormat(reader, bag: &bag)
        let id = reader.identifier("id", bag: &bag)
        let version = readVersion(reader, bag: &bag)
        if let languagesNode = reader.required("languages", bag: &bag) {
            let languages = (languagesNode.sequence ?? []).compactMap { $0.string().report(into: &bag) }
            if languages.isEmpty {
                bag.error("invalid-value", "'languages' must list at least one language code, e.g. [de, en]", at: languagesNode.location)
            } else {
                self.languages = languages
            }
        }
        let defaultLanguage = reader.string("default_language", required: true, bag: &bag) ?? languages[0]
        if let node = reader.value("default_language"), !languages.contains(defaultLanguage) {
            bag.error("invalid-value", "default language '\(defaultLanguage)' is not in 'languages'", at: node.location)
        }
        let title = reader.required("title", bag: &bag).flatMap { localized($0, what: "title", bag: &bag) }
        var dimensionIDs: [(String, Node)] = []
        if let list = reader.required("dimensions", bag: &bag) {
            guard let items = list.sequence, !items.isEmpty else {
                bag.error("invalid-value", "'dimensions' must list the dimension ids", at: list.location)
                return nil
            }
            var seen: [String: Node] = [:]
            for item in items {
                guard let id = IdentifierRules.read(item, bag: &bag) else { continue }
                if let first = seen[id] {
                    bag.error(
                        "duplicate-id", "dimension '\(id)' is listed twice", at: item.location,
                        notes: [.init("first listed here", at: first.location)])
                    continue
                }
                seen[id] = item
                dimensionIDs.append((id, item))
            }
        }
        let levels = readLevels(reader, bag: &bag)
        let scoring = readScoring(reader, bag: &bag)
        let roles = readRoles(reader, bag: &bag)
        let agreementLabels = readScales(reader, bag: &bag)
        platforms = readPlatforms(reader, bag: &bag)
        var legalReviewed: String?
        var legalNotes: [LegalNote] = []
        if let legal = reader.value("legal_notes"),
            let legalReader = MappingReader(legal, subject: "'legal_notes'", known: ["last_reviewed", "notes"], bag: &bag)
        {
            legalReader.finish(bag: &bag)
            if let reviewed = legalReader.required("last_reviewed", bag: &bag) {
                legalReviewed = reviewed.date().report(into: &bag)?.description
            }
            for pair in legalReader.value("notes")?.mapping ?? [] {
                guard let noteID = IdentifierRules.read(pair.key, bag: &bag),
                    let noteReader = MappingReader(
                        pair.value, subject: "legal note '\(noteID)'", known: ["title", "text"], bag: &bag)
                else { continue }
                noteReader.finish(bag: &bag)
                let title = noteReader.required("title", bag: &bag).flatMap { localized($0, what: "title", bag: &bag) }
                let text = noteReader.required("text", bag: &bag).flatMap { localized($0, what: "text", bag: &bag) }
                if let title, let text { legalNotes.append(LegalNote(id: noteID, title: title, text: text)) }
            }
        }
        let consistency = readConsistency(reader.value("consistency"), dimensionID: nil, bag: &bag)
        guard let id, let version, let title, !levels.isEmpty else { return nil }
        return ModelFile(
            id: id, version: version, title: title, languages: languages, defaultLanguage: defaultLanguage,
            dimensionIDs: dimensionIDs, levels: levels, scoring: scoring, roles: roles, agreementLabels: agreementLabels,
            platforms: platforms, legalNotesReviewed: legalReviewed, legalNotes: legalNotes, consistency: consistency)
    }

    private func checkFormat(_ reader: MappingReader, bag: inout DiagnosticBag) {
        guard let node = reader.required("format", bag: &bag), let format = node.integer().report(into: &bag) else { return }
        if format != RubricLoader.formatVersion {
            bag.error(
                "unsupported-format", "format \(format) is not supported; this version of assess reads format \(RubricLoader.formatVersion)",
                at: node.location)
        }
    }

    private func readVersion(_ reader: MappingReader, bag: inout DiagnosticBag) -> String? {
        guard let node = reader.required("version", bag: &bag), let text = node.string().report(into: &bag) else {
            return nil
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            bag.error(
                "invalid-version", "'\(text)' is not a version number like 1.0.0", at: node.location,
                hint: "write MAJOR.MINOR.PATCH, e.g. 1.2.0")
            return nil
        }
        return text
    }

    private mutating func readLevels(_ reader: MappingReader, bag: inout DiagnosticBag) -> [LevelDefinition] {
        guard let node = reader.required("levels", bag: &bag) else { return [] }
        guard let pairs = levelPairs(node, bag: &bag) else { return [] }
        var levels: [LevelDefinition] = []
        for (level, value) in pairs {
            guard
                let levelReader = MappingReader(value, subject: "level \(level)", known: ["name", "description"], bag: &bag)
            else { continue }
            levelReader.finish(bag: &bag)
            let name = levelReader.required("name", bag: &bag).flatMap { localized($0, what: "name", bag: &bag) }
            let description = levelReader.required("description", bag: &bag).flatMap {
                localized($0, what: "description", bag: &bag)
            }
            if let name, let description { levels.append(LevelDefinition(level: level, name: name, description: description)) }
        }
        return levels
    }

    /// A mapping with exactly the keys 1…5, in any order; returned sorted by level.
    func levelPairs(_ node: Node, bag: inout DiagnosticBag) -> [(Int, Node)]? {
        guard let pairs = node.mapping else {
            bag.error("expected-mapping", "'levels' must map each level 1 to 5 to its description", at: node.location)
            return nil
        }
        var result: [(Int, Node)] = []
        for pair in pairs {
            guard let level = pair.key.integer().report(into: &bag) else { continue }
            guard (1...5).contains(level) else {
                bag.error("out-of-range", "levels are 1 to 5, found \(level)", at: pair.key.location)
                continue
            }
            result.append((level, pair.value))
        }
        let missing = (1...5).filter { level in !result.contains { $0.0 == level } }
        if !missing.isEmpty {
            bag.error(
                "missing-level", "'levels' lacks level \(missing.map(String.init).joined(separator: ", "))",
                at: node.location, hint: "describe all five levels 1 to 5")
            return nil
        }
        return result.sorted { $0.0 < $1.0 }
    }

    private func readScoring(_ reader: MappingReader, bag: inout DiagnosticBag) -> ScoringRules {
        var rules = ScoringRules()
        guard let node = reader.value("scoring"),
            let scoring = MappingReader(
                node, subject: "'scoring'",
                known: ["min_coverage", "borderline_margin", "overall", "disagreement_threshold"], bag: &bag)
        else { return rules }
        scoring.finish(bag: &bag)
        if let value = scoring.decimal("min_coverage", bag: &bag) {
            if (0...100).contains(value) { rules.minCoverage = value } else {
                bag.error("out-of-range", "'min_coverage' is a percentage 0–100, found \(value)", at: scoring.value("min_coverage")?.location)
            }
        }
        if let value = scoring.decimal("borderline_margin", bag: &bag) {
            if (0...50).contains(value) { rules.borderlineMargin = value } else {
                bag.error("out-of-range", "'borderline_margin' must be 0–50 score points", at: scoring.value("borderline_margin")?.location)
            }
        }
        if let value = scoring.decimal("disagreement_threshold", bag: &bag) {
            if value > 0 && value <= 100 { rules.disagreementThreshold = value } else {
                bag.error("out-of-range", "'disagreement_threshold' must be 1–100", at: scoring.value("disagreement_threshold")?.location)
            }
        }
        if let overallNode = scoring.value("overall"),
            let overall = MappingReader(overallNode, subject: "'overall'", known: ["method", "max_above_lowest"], bag: &bag)
        {
            overall.finish(bag: &bag)
            if let method = overall.enumeration("method", as: OverallMethod.self, required: true, bag: &bag) {
                rules.overallMethod = method
            }
            rules.maxAboveLowest = overall.integer("max_above_lowest", range: 0...4, bag: &bag)
        }
        return rules
    }

    private func readRoles(_ reader: MappingReader, bag: inout DiagnosticBag) -> [Role] {
        guard let node = reader.required("roles", bag: &bag) else { return [] }
        guard let pairs = node.mapping, !pairs.isEmpty else {
            bag.error("expected-mapping", "'roles' must map role ids to their labels", at: node.location)
            return []
        }
        return pairs.compactMap { pair in
            guard let id = IdentifierRules.read(pair.key, bag: &bag),
                let label = localized(pair.value, what: "label of role '\(id)'", bag: &bag)
            else { return nil }
            return Role(id: id, label: label)
        }
    }

    private func readScales(_ reader: MappingReader, bag: inout DiagnosticBag) -> [String: [String]] {
        guard let node = reader.value("scales"),
            let scales = MappingReader(node, subject: "'scales'", known: ["agreement"], bag: &bag)
        else { return [:] }
        scales.finish(bag: &bag)
        guard let agreement = scales.value("agreement"),
            let perLanguage = MappingReader(agreement, subject: "'agreement'", known: languages, bag: &bag)
        else { return [:] }
        perLanguage.finish(bag: &bag)
        var labels: [String: [String]] = [:]
        for language in languages {
            guard let list = perLanguage.value(language) else {
                bag.error("missing-translation", "the agreement scale has no labels in '\(language)'", at: agreement.location)
                continue
            }
            let items = (list.sequence ?? []).compactMap { $0.string().report(into: &bag) }
            if items.count != 5 {
                bag.error("invalid-value", "the agreement scale needs exactly 5 labels (for 0 to 4)", at: list.location)
                continue
            }
            labels[language] = items
        }
        return labels
    }

    private func readPlatforms(_ reader: MappingReader, bag: inout DiagnosticBag) -> [Option] {
        guard let node = reader.value("platforms") else { return [] }
        guard let items = node.sequence else {
            bag.error("expected-list", "'platforms' must be a list", at: node.location)
            return []
        }
        var seen: [String: SourceLocation] = [:]
        return items.compactMap { item in
            guard let platform = MappingReader(item, subject: "a platform", known: ["id", "label"], bag: &bag) else {
                return nil
            }
            platform.finish(bag: &bag)
            guard let id = platform.identifier("id", bag: &bag),
                let label = platform.required("label", bag: &bag).flatMap({ localized($0, what: "label", bag: &bag) })
            else { return nil }
            if let first = seen[id] {
                bag.error("duplicate-id", "platform '\(id)' is listed twice", at: item.location, notes: [.init("first listed here", at: first)])
                return nil
            }
            seen[id] = item.location
            return Option(id: id, label: label, points: 1, location: item.location)
        }
    }

    // MARK: - Dimension files

    mutating func readDimension(_ node: Node, expectedID: String, bag: inout DiagnosticBag) -> RubricDimension? {
        guard
            let reader = MappingReader(
                node, subject: "dimension '\(expectedID)'",
                known: [
                    "format", "id", "title", "description", "weight", "levels", "thresholds", "gates", "questions",
                    "recommendations", "consistency",
                ], bag: &bag)
        else { return nil }
        reader.finish(bag: &bag)
        checkFormat(reader, bag: &bag)
        if let id = reader.identifier("id", bag: &bag), id != expectedID {
            bag.error(
                "dimension-id-mismatch", "the file for dimension '\(expectedID)' declares id '\(id)'",
                at: reader.value("id")?.location, hint: "the id must equal the file name")
        }
        let title = reader.required("title", bag: &bag).flatMap { localized($0, what: "title", bag: &bag) }
        let description = reader.required("description", bag: &bag).flatMap {
            localized($0, what: "description", bag: &bag)
        }
        let weight = reader.integer("weight", range: 1...5, bag: &bag) ?? 1
        var descriptors: [LocalizedText] = []
        if let levelsNode = reader.required("levels", bag: &bag), let pairs = levelPairs(levelsNode, bag: &bag) {
            descriptors = pairs.compactMap { localized($0.1, what: "level \($0.0)", bag: &bag) }
        }
        let thresholds = readThresholds(reader, bag: &bag)
        let gates = readGates(reader.value("gates"), bag: &bag)
        var questions: [Question] = []
        if let list = reader.required("questions", bag: &bag) {
            if let items = list.sequence, !items.isEmpty {
                questions = items.compactMap { readQuestion($0, dimensionID: expectedID, bag: &bag) }
            } else {
                bag.error("expected-list", "'questions' must be a non-empty list", at: list.location)
            }
        }
        var recommendations: [Recommendation] = []
        if let list = reader.value("recommendations") {
            if let items = list.sequence {
                recommendations = items.compactMap { readRecommendation($0, dimensionID: expectedID, bag: &bag) }
            } else {
                bag.error("expected-list", "'recommendations' must be a list", at: list.location)
            }
        }
        let consistency = readConsistency(reader.value("consistency"), dimensionID: expectedID, bag: &bag)
        guard let title, let description, descriptors.count == 5, let thresholds else { return nil }
        return RubricDimension(
            id: expectedID, title: title, description: description, weight: weight, levelDescriptors: descriptors,
            thresholds: thresholds, gates: gates, questions: questions, recommendations: recommendations,
            consistency: consistency, location: node.location)
    }

    private func readThresholds(_ reader: MappingReader, bag: inout DiagnosticBag) -> [Double]? {
        guard let node = reader.required("thresholds", bag: &bag) else { return nil }
        guard let pairs = node.mapping else {
            bag.error("expected-mapping", "'thresholds' must map levels 2–5 to minimum scores, e.g. {2: 25, 3: 45, 4: 65, 5: 82}", at: node.location)
            return nil
        }
        var values: [Int: (Double, SourceLocation)] = [:]
        for pair in pairs {
            guard let level = pair.key.integer().report(into: &bag), let score = pair.value.decimal().report(into: &bag) else {
                continue
            }
            guard (2...5).contains(level) else {
                bag.error("out-of-range", "thresholds are given for levels 2 to 5 (level 1 needs no score), found \(level)", at: pair.key.location)
                continue
            }
            guard score > 0, score <= 100 else {
                bag.error("out-of-range", "a threshold is a score above 0 and at most 100, found \(score.formattedForMessage)", at: pair.value.location)
                continue
            }
            values[level] = (score, pair.value.location)
        }
        let missing = (2...5).filter { values[$0] == nil }
        guard missing.isEmpty else {
            bag.error("missing-level", "'thresholds' lacks level \(missing.map(String.init).joined(separator: ", "))", at: node.location)
            return nil
        }
        for level in 3...5 where values[level]!.0 <= values[level - 1]!.0 {
            bag.error(
                "thresholds-not-increasing",
                "the threshold of level \(level) (\(values[level]!.0.formattedForMessage)) must be higher than that of level \(level - 1) (\(values[level - 1]!.0.formattedForMessage))",
                at: values[level]!.1)
        }
        return (2...5).map { values[$0]!.0 }
    }

    private func readGates(_ node: Node?, bag: inout DiagnosticBag) -> [Gate] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            bag.error("expected-list", "'gates' must be a list", at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let gate = MappingReader(item, subject: "a gate", known: ["id", "level", "label", "require"], bag: &bag) else {
                return nil
            }
            gate.finish(bag: &bag)
            let id = gate.identifier("id", bag: &bag)
            let level = gate.integer("level", required: true, range: 2...5, bag: &bag)
            let label = gate.required("label", bag: &bag).flatMap { localized($0, what: "label", bag: &bag) }
            let require = gate.required("require", bag: &bag).flatMap { ConditionReader.read($0, bag: &bag) }
            guard let id, let level, let label, let require else { return nil }
            return Gate(id: id, level: level, label: label, require: require, location: item.location)
        }
    }

    private func readQuestion(_ node: Node, dimensionID: String, bag: inout DiagnosticBag) -> Question? {
        guard
            let reader = MappingReader(
                node, subject: "a question",
                known: [
                    "id", "type", "text", "help", "evidence", "weight", "required", "allow", "applies_when", "combine",
                    "authority", "options", "max_points", "yes", "no", "min", "max", "unit", "bands",
                ], bag: &bag)
        else { return nil }
        reader.finish(bag: &bag)
        let id = reader.identifier("id", bag: &bag)
        let type = reader.enumeration("type", as: QuestionType.self, required: true, bag: &bag)
        let text = reader.required("text", bag: &bag).flatMap { localized($0, what: "text", bag: &bag) }
        let help = reader.value("help").flatMap { localized($0, what: "help", bag: &bag) }
        let evidence = reader.value("evidence").flatMap { localized($0, what: "evidence", bag: &bag) }
        let weight = reader.integer("weight", range: 1...5, bag: &bag) ?? 1
        let required = reader.bool("required", bag: &bag) ?? false
        var allowsDontKnow = false, allowsNotApplicable = false
        if let allow = reader.value("allow") {
            for item in allow.sequence ?? [allow] {
                switch item.scalar?.text {
                case "dont-know": allowsDontKnow = true
                case "not-applicable": allowsNotApplicable = true
                default:
                    bag.error("invalid-value", "'allow' takes 'dont-know' and 'not-applicable'", at: item.location)
                }
            }
        }
        let appliesWhen = reader.value("applies_when").flatMap { ConditionReader.read($0, bag: &bag) }
        let combine = reader.enumeration("combine", as: CombineRule.self, bag: &bag)
        let authority = reader.value("authority").flatMap { IdentifierRules.read($0, bag: &bag) }
        var options: [Option] = []
        var maxPoints = 4
        var bands: [Band] = []
        if let type {
            func forbid(_ keys: [String]) {
                for key in keys where reader.has(key) {
                    bag.error(
                        "field-not-allowed", "'\(key)' does not apply to a question of type '\(type.rawValue)'",
                        at: reader.pairs.first { $0.key.scalar?.text == key }?.key.location)
                }
            }
            switch type {
            case .choice, .multi:
                forbid(["yes", "no", "min", "max", "unit", "bands"])
                if type == .choice { forbid(["max_points"]) }
                if let optionsNode = reader.required("options", bag: &bag) {
                    options = readOptions(optionsNode, allowPlatforms: type == .multi, bag: &bag)
                }
                if type == .multi {
                    maxPoints = reader.integer("max_points", range: 1...100, bag: &bag) ?? 4
                }
            case .yesno:
                forbid(["options", "max_points", "min", "max", "unit", "bands"])
            case .scale, .text:
                forbid(["options", "max_points", "yes", "no", "min", "max", "bands"] + (type == .text ? ["unit"] : []))
            case .number, .percent, .count, .date:
                forbid(["options", "max_points", "yes", "no"])
                if type == .date { forbid(["min", "max", "unit"]) }
                if let bandsNode = reader.value("bands") { bands = readBands(bandsNode, bag: &bag) } else if type != .date {
                    bag.error("missing-field", "a '\(type.rawValue)' question needs 'bands' that map answers to points", at: node.location)
                }
            }
        }
        let yesPoints = reader.integer("yes", range: 0...4, bag: &bag) ?? 4
        let noPoints = reader.integer("no", range: 0...4, bag: &bag) ?? 0
        let minimum = reader.decimal("min", bag: &bag)
        let maximum = reader.decimal("max", bag: &bag)
        let unit = reader.value("unit").flatMap { localized($0, what: "unit", bag: &bag) }
        guard let id, let type, let text else { return nil }
        return Question(
            id: id, dimensionID: dimensionID, type: type, text: text, help: help, evidence: evidence, weight: weight,
            required: required, allowsDontKnow: allowsDontKnow, allowsNotApplicable: allowsNotApplicable,
            appliesWhen: appliesWhen, combine: combine, authority: authority, options: options, maxPoints: maxPoints,
            yesPoints: yesPoints, noPoints: noPoints, minimum: minimum ?? (type == .percent ? 0 : 0), maximum: maximum,
            unit: unit, bands: bands, location: node.location)
    }

    private func readOptions(_ node: Node, allowPlatforms: Bool, bag: inout DiagnosticBag) -> [Option] {
        if allowPlatforms, node.scalar?.text == "platforms" {
            if platforms.isEmpty {
                bag.error("invalid-value", "'options: platforms' needs a 'platforms' list in model.yaml", at: node.location)
            }
            return platforms
        }
        guard let items = node.sequence, !items.isEmpty else {
            bag.error(
                "expected-list", allowPlatforms ? "'options' must be a list of options or 'platforms'" : "'options' must be a non-empty list",
                at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let option = MappingReader(item, subject: "an option", known: ["id", "label", "points"], bag: &bag) else {
                return nil
            }
            option.finish(bag: &bag)
            let id = option.identifier("id", bag: &bag)
            let label = option.required("label", bag: &bag).flatMap { localized($0, what: "label", bag: &bag) }
            let points = pointsField(option, bag: &bag)
            guard let id, let label, let points else { return nil }
            return Option(id: id, label: label, points: points, location: item.location)
        }
    }

    private func pointsField(_ reader: MappingReader, bag: inout DiagnosticBag) -> Int? {
        guard let node = reader.required("points", bag: &bag), let points = node.integer().report(into: &bag) else {
            return nil
        }
        guard (0...4).contains(points) else {
            bag.error(
                "points-out-of-range", "points must be a whole number from 0 to 4, found \(points)", at: node.location,
                hint: "every answer scores 0 (worst) to 4 (best)")
            return nil
        }
        return points
    }

    private func readBands(_ node: Node, bag: inout DiagnosticBag) -> [Band] {
        guard let items = node.sequence, !items.isEmpty else {
            bag.error("expected-list", "'bands' must be a non-empty list of {from, to, points}", at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let band = MappingReader(item, subject: "a band", known: ["from", "to", "points"], bag: &bag) else {
                return nil
            }
            band.finish(bag: &bag)
            let from = band.decimal("from", required: true, bag: &bag)
            let to = band.decimal("to", bag: &bag)
            let points = pointsField(band, bag: &bag)
            guard let from, let points else { return nil }
            if let to, to <= from {
                bag.error("invalid-band", "a band's 'to' (\(to.formattedForMessage)) must be above its 'from' (\(from.formattedForMessage))", at: band.value("to")?.location)
                return nil
            }
            return Band(from: from, to: to, points: points, location: item.location)
        }
    }

    private func readRecommendation(_ node: Node, dimensionID: String, bag: inout DiagnosticBag) -> Recommendation? {
        guard
            let reader = MappingReader(
                node, subject: "a recommendation",
                known: [
                    "id", "title", "text", "when", "session", "hours", "homework_hours", "impact", "priority", "blocker",
                    "requires", "legal_note",
                ], bag: &bag)
        else { return nil }
        reader.finish(bag: &bag)
        let id = reader.identifier("id", bag: &bag)
        let title = reader.required("title", bag: &bag).flatMap { localized($0, what: "title", bag: &bag) }
        let text = reader.required("text", bag: &bag).flatMap { localized($0, what: "text", bag: &bag) }
        let when = reader.required("when", bag: &bag).flatMap { ConditionReader.read($0, bag: &bag) }
        let session = reader.enumeration("session", as: SessionType.self, required: true, bag: &bag)
        let hours = hoursField(reader, "hours", required: true, bag: &bag)
        let homeworkHours = hoursField(reader, "homework_hours", required: false, bag: &bag) ?? 0
        let impact = reader.enumeration("impact", as: Impact.self, required: true, bag: &bag)
        let priority = reader.enumeration("priority", as: Priority.self, bag: &bag) ?? .normal
        let blocker = reader.enumeration("blocker", as: BlockerKind.self, bag: &bag)
        if priority == .blocker, blocker == nil, reader.value("blocker") == nil {
            bag.error(
                "missing-field", "a recommendation with 'priority: blocker' must say who blocks: 'blocker: traeger', 'it' or 'legal'",
                at: reader.value("priority")?.location)
        }
        if priority != .blocker, let node = reader.value("blocker") {
            bag.error("field-not-allowed", "'blocker' needs 'priority: blocker'", at: node.location)
        }
        if let session, !session.isOnCoachingDay, let hours, hours > 0 {
            bag.error(
                "invalid-value", "a '\(session.rawValue)' recommendation takes no time on the coaching day; set 'hours: 0' and use 'homework_hours'",
                at: reader.value("hours")?.location)
        }
        var requiredRecommendations: [String] = []
        var requiredCondition: Condition?
        if let requires = reader.value("requires"),
            let requiresReader = MappingReader(requires, subject: "'requires'", known: ["recommendations", "condition"], bag: &bag)
        {
            requiresReader.finish(bag: &bag)
            if let list = requiresReader.value("recommendations") {
                requiredRecommendations = (list.sequence ?? [list]).compactMap { IdentifierRules.read($0, bag: &bag) }
            }
            requiredCondition = requiresReader.value("condition").flatMap { ConditionReader.read($0, bag: &bag) }
        }
        let legalNote = reader.value("legal_note").flatMap { IdentifierRules.read($0, bag: &bag) }
        guard let id, let title, let text, let when, let session, let hours, let impact else { return nil }
        return Recommendation(
            id: id, dimensionID: dimensionID, title: title, text: text, when: when, session: session, hours: hours,
            homeworkHours: homeworkHours, impact: impact, priority: priority, blocker: blocker,
            requiredRecommendations: requiredRecommendations, requiredCondition: requiredCondition, legalNote: legalNote,
            location: node.location)
    }

    private func hoursField(_ reader: MappingReader, _ key: String, required: Bool, bag: inout DiagnosticBag) -> Double? {
        guard let hours = reader.decimal(key, required: required, bag: &bag) else { return nil }
        guard hours >= 0, hours <= 40, (hours * 4).rounded() == hours * 4 else {
            bag.error("invalid-value", "'\(key)' must be 0–40 hours in quarter hours (e.g. 1.5), found \(hours.formattedForMessage)", at: reader.value(key)?.location)
            return nil
        }
        return hours
    }

    private func readConsistency(_ node: Node?, dimensionID: String?, bag: inout DiagnosticBag) -> [ConsistencyRule] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            bag.error("expected-list", "'consistency' must be a list", at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let rule = MappingReader(item, subject: "a consistency rule", known: ["id", "when", "message"], bag: &bag) else {
                return nil
            }
            rule.finish(bag: &bag)
            let id = rule.identifier("id", bag: &bag)
            let when = rule.required("when", bag: &bag).flatMap { ConditionReader.read($0, bag: &bag) }
            let message = rule.required("message", bag: &bag).flatMap { localized($0, what: "message", bag: &bag) }
            guard let id, let when, let message else { return nil }
            return ConsistencyRule(id: id, dimensionID: dimensionID, when: when, message: message, location: item.location)
        }
    }

    // MARK: - Localised text

    func localized(_ node: Node, what: String, bag: inout DiagnosticBag) -> LocalizedText? {
        guard let pairs = node.mapping else {
            bag.error(
                "missing-translation", "\(what) must be given in every language: {\(languages.map { "\($0): …" }.joined(separator: ", "))}",
                at: node.location)
            return nil
        }
        var values: [String: String] = [:]
        for pair in pairs {
            guard let language = pair.key.scalar?.text else { continue }
            guard languages.contains(language) else {
                let suggestion = Suggestion.closest(to: language, in: languages)
                bag.error(
                    "unknown-language", "'\(language)' is not one of the rubric's languages (\(languages.joined(separator: ", ")))",
                    at: pair.key.location, hint: suggestion.map { "did you mean '\($0)'?" })
                continue
            }
            guard let text = pair.value.string().report(into: &bag) else { continue }
            if text.isBlank {
                bag.error("missing-translation", "\(what) is empty in '\(language)'", at: pair.value.location)
                continue
            }
            values[language] = text
        }
        for language in languages where !pairs.contains(where: { $0.key.scalar?.text == language }) {
            bag.error("missing-translation", "\(what) has no '\(language)' text", at: node.location)
        }
        return values.count == languages.count ? LocalizedText(values) : nil
    }
}

extension Double {
    /// "3", "2.5": numbers in messages without trailing zeros.
    public var formattedForMessage: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// True when the text is empty or only white space and line breaks (`.whitespacesAndNewlines`); decided
    /// without Foundation when it starts with a visible ASCII character, as almost every text does.
    var isBlank: Bool {
        guard let first = utf8.first else { return true }
        if first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        return trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
