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
        "lang", value: "language",
        help: "Language of the report: one of the rubric's languages (de, en for the shipped rubric). Default: the rubric's default language.")
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

    /// `loadRubric`, plus a copy of the rubric for every further worker (see `rubricPerWorker`), loaded from the same
    /// folder on other threads while this one loads the rubric: loading takes about as long as reading a hundred
    /// questionnaires, and the other cores have nothing else to do yet.
    public static func loadRubricPerWorker(
        _ arguments: ParsedArguments, _ context: CommandContext, workers: Int = workerCount
    ) throws -> [Rubric] {
        guard workers > 1 else { return [try loadRubric(arguments, context)] }
        let directory = rubricDirectory(arguments, context)
        let copies = Pending(inBackground: true) { loadCopies(from: directory, count: workers - 1) }
        let rubric = try loadRubric(arguments, context)
        return rubric.withCopies(copies.wait())
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

    /// Loads every file (in parallel) and hands each one's outcome to `consume` in input order: the diagnostics and,
    /// when valid, `transform` of the questionnaire (computed on the worker). Nothing else of a file is kept, so
    /// memory does not grow with the number of files beyond what `transform` returns.
    public static func streamQuestionnaires<R: Sendable>(
        files: [String], rubric: Rubric, limits: ParseLimits = .default, keeping: QuestionnaireLoader.Keeping = .everything,
        window: Int = 2048, transform: @Sendable (Questionnaire) -> R,
        consume: (_ file: String, _ diagnostics: [Diagnostic], _ value: R?) -> Void
    ) {
        streamQuestionnaires(
            files: files, rubrics: [rubric], limits: limits, keeping: keeping, window: window,
            transform: { questionnaire, _ in transform(questionnaire) }, consume: consume)
    }

    /// `streamQuestionnaires` with the rubric of `rubricPerWorker`: worker n reads with `rubrics[n]`, and `transform`
    /// is told n too (for state kept per worker).
    static func streamQuestionnaires<R: Sendable>(
        files: [String], rubrics: [Rubric], limits: ParseLimits = .default, keeping: QuestionnaireLoader.Keeping = .everything,
        window: Int = 2048,
        transform: @Sendable (Questionnaire, _ worker: Int) -> R,
        consume: (_ file: String, _ diagnostics: [Diagnostic], _ value: R?) -> Void
    ) {
        var start = 0
        while start < files.count {
            let slice = Array(files[start..<min(start + window, files.count)])
            // Small chunks: at the end of a window a core waits for the other's last chunk, up to 64 files by default.
            let outcomes = parallelMap(slice, chunk: 4) { file, worker -> ([Diagnostic], R?) in
                let rubric = rubrics[worker % rubrics.count]
                let result = QuestionnaireLoader.load(file: file, rubric: rubric, limits: limits, keeping: keeping)
                return (result.diagnostics, result.questionnaire.map { transform($0, worker) })
            }
            for (file, outcome) in zip(slice, outcomes) { consume(file, outcome.0, outcome.1) }
            start += window
        }
    }

    /// The scored programme behind `assess compare`, built by streaming.
    public struct ScoredProgramme: Sendable {
        /// Every scored library-round, reduced for the programme view; sorted by library id, then round.
        public var rounds: [ProgrammeRound]
        /// Every problem found in the files, including notices from expanding folders.
        public var diagnostics: [Diagnostic]
        /// Files left out because of errors, with their first error.
        public var failed: [(file: String, firstError: Diagnostic?)]
        /// Every questionnaire file read.
        public var files: [String]
        /// Duplicate respondents and differing library names (as `Cohort.group` reports them).
        public var groupingDiagnostics: [Diagnostic]
        /// Files left out as duplicate respondents.
        public var excludedFiles: [String]
    }

    /// Loads, groups and scores every library-round with the result of `loadQuestionnaires` + `Cohort.group` +
    /// `ScoringEngine.assess`, but keeps only a compact `ProgrammeRound` per library-round: files are read in path
    /// order, a unit of files at a time, and each library-round is scored once the unit that completes it is booked.
    /// A library-round that turns out to continue in a later unit is scored again at the end from all its files.
    ///
    /// Only the round the view shows (`round`: each library's latest, or round N) keeps its findings details.
    ///
    /// `rubrics`: one per worker, the first being `rubric` (`loadRubricPerWorker`); without them the copies are loaded
    /// here (`rubricPerWorker`). `unit`: files per unit; by default `pipelineUnit`.
    public static func scoreProgramme(
        paths: [String], rubric: Rubric, rubrics given: [Rubric]? = nil, weakPoints: Double,
        round selection: RoundSelection = .latest, limits: ParseLimits = .default, unit: Int = pipelineUnit
    ) -> ScoredProgramme {
        scoreProgramme(
            expansion: InputFiles.expand(paths: paths), rubric: rubric, rubrics: given, weakPoints: weakPoints,
            round: selection, limits: limits, unit: unit)
    }

    /// `scoreProgramme(paths:…)` over paths already expanded (for instance while the rubric loaded).
    public static func scoreProgramme(
        expansion: InputFiles.Expansion, rubric: Rubric, rubrics given: [Rubric]? = nil, weakPoints: Double,
        round selection: RoundSelection = .latest, limits: ParseLimits = .default, unit: Int = pipelineUnit
    ) -> ScoredProgramme {
        let rubrics = given ?? rubricPerWorker(rubric)
        let files = expansion.paths
        let engines = rubrics.map { ScoringEngine(rubric: $0) }
        let books = ProgrammeBooks(selection: selection, diagnostics: expansion.diagnostics)

        // `Cohort.group` decides duplicates in `String` order of the paths.
        let sorted = files.sorted()
        // Files are read a unit of about `unit` consecutive files at a time; units are booked strictly in order (the
        // rounds scored since are stored, the unit's questionnaires grouped, and the library-rounds that completes
        // handed out), and handed-out library-rounds are scored at once. Workers book first (it is serial), then
        // score, then read, at most two units each ahead of the booking: a questionnaire is scored a few units after
        // it was read, while it is still in the core's cache, and no worker waits for the others at a pass's end.
        let pipeline = ProgrammePipeline(files: sorted, unit: unit, readAhead: 2 * workerCount)
        parallelWorkers(workerCount) { worker in
            let n = worker % rubrics.count
            while true {
                switch pipeline.next() {
                case .done:
                    return
                case .book(let reads, let scored):
                    pipeline.booked(books.book(reads: reads, scored: scored))
                case .score(let key, let handover):
                    let round = ProgrammeRound(
                        engines[n].assess(handover.take(), detail: .summary), rubric: rubrics[n], weakPoints: weakPoints)
                    pipeline.scored(key, round)
                case .read(let unit, let files):
                    let reads = files.map { file -> ReadFile in
                        let result = QuestionnaireLoader.load(file: file, rubric: rubrics[n], limits: limits, keeping: .scoring)
                        return ReadFile(file: file, diagnostics: result.diagnostics, questionnaire: result.questionnaire)
                    }
                    pipeline.read(unit, reads)
                }
            }
        }

        // Library-rounds split across units: score again from all their files.
        let staleKeys = books.stale.sorted { ($0.libraryID, $0.round) < ($1.libraryID, $1.round) }
        let rescored = parallelMap(staleKeys.map { books.grouper.members[$0] ?? [] }) { members, worker -> ProgrammeRound? in
            let n = worker % rubrics.count
            let questionnaires = members.compactMap {
                QuestionnaireLoader.load(file: $0.file, rubric: rubrics[n], limits: limits, keeping: .scoring).questionnaire
            }
            guard !questionnaires.isEmpty else { return nil }
            return ProgrammeRound(engines[n].assess(questionnaires, detail: .summary), rubric: rubrics[n], weakPoints: weakPoints)
        }
        for (key, round) in zip(staleKeys, rescored) {
            if let round { books.store(key, round) } else { books.scored[key] = nil }
        }
        let grouper = books.grouper
        let diagnostics = books.diagnostics
        var failed = books.failed
        var scored = books.takeScored()

        // Failed files in input order, then paths that could not be expanded (as `loadQuestionnaires` lists them).
        if failed.count > 1 {
            let position = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            failed.sort { (position[$0.0] ?? 0) < (position[$1.0] ?? 0) }
        }
        for (file, diagnostic) in expansion.diagnostics.filter({ $0.severity == .error }).map({ ($0.location?.file ?? "", $0) })
        where !file.isEmpty {
            failed.append((file, diagnostic))
        }
        let keys = scored.keys.sorted { ($0.libraryID, $0.round) < ($1.libraryID, $1.round) }
        var rounds: [ProgrammeRound] = []
        rounds.reserveCapacity(keys.count)
        for key in keys { rounds.append(scored.removeValue(forKey: key)!) }
        return ScoredProgramme(
            rounds: rounds, diagnostics: diagnostics, failed: failed, files: files,
            groupingDiagnostics: grouper.diagnostics, excludedFiles: grouper.excludedFiles)
    }

    /// Files per unit of `scoreProgramme`: small enough that the questionnaires read but not yet scored stay in a
    /// core's cache (in simulation, 2 MB of cache missed 2.2 times less often with 64 files than with 256 or more).
    public static let pipelineUnit = 64

    /// `transform` applied to every element on all cores (or `$ASSESS_JOBS` workers); results in input order.
    ///
    /// Workers take chunks of consecutive items from a shared counter and write each result into its own slot, so
    /// there is no lock per item and no sharing of cache lines between workers except at chunk edges.
    public static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        parallelMap(items) { item, _ in transform(item) }
    }

    /// `parallelMap` that also tells `transform` which worker runs it (0 ..< `workerCount`), for state kept per
    /// worker such as the rubric copies of `rubricPerWorker`.
    static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T, Int) -> R) -> [R] {
        parallelMap(items, workers: workerCount, transform)
    }

    /// `parallelMap` with `workers` workers at most.
    static func parallelMap<T: Sendable, R: Sendable>(
        _ items: [T], workers: Int = workerCount, chunk: Int? = nil, _ transform: @Sendable (T, Int) -> R
    ) -> [R] {
        let workers = min(workers, items.count)
        if workers < 2 { return items.map { transform($0, 0) } }
        let slots = ResultSlots<R>(count: items.count)
        let chunk = chunk ?? max(1, min(64, items.count / (workers * 8)))
        let counter = ChunkCounter()
        parallelWorkers(workers) { worker in
            while true {
                let start = counter.take(chunk)
                if start >= items.count { break }
                for index in start..<min(start + chunk, items.count) {
                    slots.set(index, transform(items[index], worker))
                }
            }
        }
        return slots.values()
    }

    /// `body(worker)` for every worker 0 ..< `workers` at once (on this thread alone when there is one).
    static func parallelWorkers(_ workers: Int, _ body: @Sendable (Int) -> Void) {
        if workers < 2 { return body(0) }
        DispatchQueue.concurrentPerform(iterations: workers, execute: body)
    }

    /// The rubric once per worker, the first being `rubric` itself and the others loaded again from its files.
    ///
    /// Scoring retains and releases the rubric's strings and objects all the time; with one shared rubric two cores
    /// update the same reference counts and pass their cache lines back and forth.
    static func rubricPerWorker(_ rubric: Rubric, workers: Int = workerCount) -> [Rubric] {
        guard workers > 1, let first = rubric.files.first else { return [rubric] }
        return rubric.withCopies(loadCopies(from: (first as NSString).deletingLastPathComponent, count: workers - 1))
    }

    /// `count` rubrics loaded from `folder`, side by side (nil for one that cannot be loaded).
    private static func loadCopies(from folder: String, count: Int) -> [Rubric?] {
        parallelMap(Array(0..<count), workers: count) { _, _ in RubricLoader.load(directory: folder).rubric }
    }

    /// Parallel workers: `$ASSESS_JOBS` when set to a whole number ≥ 1, else the active processors.
    ///
    /// Decided once: `ProcessInfo.environment` copies the whole environment into a dictionary, and a run asks
    /// several times (5 % of the instructions of a run over one file).
    public static let workerCount: Int = {
        if let text = getenv("ASSESS_JOBS").map({ String(cString: $0) }), let jobs = Int(text), jobs >= 1 { return jobs }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()
}

/// A value worked out on another thread while this one does something else, such as walking the folders or loading
/// the workers' rubric copies while the rubric loads. Not in the background, it is worked out when first asked for,
/// so that a one-core run stays on one thread.
final class Pending<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let work: @Sendable () -> Value
    private let group = DispatchGroup()

    /// `inBackground`: start `work` on another thread now (by default when there is more than one worker).
    init(inBackground: Bool = Workspace.workerCount > 1, _ work: @escaping @Sendable () -> Value) {
        self.work = work
        guard inBackground else { return }
        DispatchQueue.global().async(group: group) { [self] in value = work() }
    }

    /// The value, once worked out (`DispatchGroup.wait` orders the other thread's write before this read). Ask from
    /// one thread.
    func wait() -> Value {
        group.wait()
        if let value { return value }
        let worked = work()
        value = worked
        return worked
    }
}

/// A questionnaire file as read: its diagnostics and, when valid, the questionnaire.
struct ReadFile: Sendable {
    var file: String
    var diagnostics: [Diagnostic]
    var questionnaire: Questionnaire?
}

/// The order of the work of `Workspace.scoreProgramme`, handed out to its workers one job at a time.
///
/// Units of consecutive files are read by any worker, at most `readAhead` units ahead of the booking; they are
/// booked strictly one after the other in file order, which hands out library-rounds to score. A worker asks for
/// the booking first (everything else waits for it), then for a library-round to score, then for a unit to read.
final class ProgrammePipeline: @unchecked Sendable {
    enum Job {
        /// Book the next unit's files (none when only `scored` is left to store) and the rounds scored since.
        case book([ReadFile], scored: [(Cohort.Grouper.Key, ProgrammeRound)])
        /// The worker takes the group out, so that it is also freed there.
        case score(Cohort.Grouper.Key, Handover<[Questionnaire]>)
        case read(Int, ArraySlice<String>)
        case done
    }

    private let condition = NSCondition()
    private let files: [String]
    /// Where each unit starts, and `files.count` at the end.
    private let starts: [Int]
    private var unitCount: Int { starts.count - 1 }
    private let readAhead: Int
    private var nextRead = 0
    private var nextBook = 0
    private var booking = false
    /// Units read and not yet booked, by number.
    private var readUnits: [Int: [ReadFile]] = [:]
    private var toScore: [(Cohort.Grouper.Key, Handover<[Questionnaire]>)] = []
    private var nextToScore = 0
    private var scoring = 0
    /// Rounds scored and not yet handed to a booking.
    private var scoredRounds: [(Cohort.Grouper.Key, ProgrammeRound)] = []

    init(files: [String], unit: Int, readAhead: Int) {
        self.files = files
        starts = Self.unitStarts(files, unit: unit)
        self.readAhead = max(1, readAhead)
    }

    /// Every `unit` files a unit starts, or up to `unit` files later where the folder changes: a library's files
    /// kept in one folder are then booked in one unit, rather than one of its rounds split between two and scored
    /// again at the end. Ends with `files.count`.
    static func unitStarts(_ files: [String], unit: Int) -> [Int] {
        let unit = max(1, unit)
        var starts = [0]
        var start = 0
        while start < files.count {
            let nominal = min(files.count, start + unit)
            // The first change of folder (or the last file) within reach; none in a flat folder: after `unit` files.
            let change = (nominal...min(files.count, start + 2 * unit)).first {
                $0 == files.count || !sameFolder(files[$0 - 1], files[$0])
            }
            start = change ?? nominal
            starts.append(start)
        }
        return starts
    }

    private static func sameFolder(_ a: String, _ b: String) -> Bool {
        let a = a.utf8, b = b.utf8
        let slashA = a.lastIndex(of: UInt8(ascii: "/")), slashB = b.lastIndex(of: UInt8(ascii: "/"))
        switch (slashA, slashB) {
        case (nil, nil): return true
        case (let x?, let y?): return a[..<x].elementsEqual(b[..<y])
        default: return false
        }
    }

    /// The next job, waiting while there is none yet; `.done` once every unit is booked, every round scored and
    /// every score booked.
    func next() -> Job {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !booking, let reads = readUnits.removeValue(forKey: nextBook) {
                booking = true
                nextBook += 1
                defer { scoredRounds = [] }
                return .book(reads, scored: scoredRounds)
            }
            if nextToScore < toScore.count {
                let (key, group) = toScore[nextToScore]
                nextToScore += 1
                if nextToScore == toScore.count {
                    toScore.removeAll(keepingCapacity: true)
                    nextToScore = 0
                }
                scoring += 1
                return .score(key, group)
            }
            if nextRead < unitCount, nextRead < nextBook + readAhead {
                let number = nextRead
                nextRead += 1
                return .read(number, files[starts[number]..<starts[number + 1]])
            }
            if nextBook == unitCount, !booking, scoring == 0 {
                if scoredRounds.isEmpty { return .done }
                booking = true
                defer { scoredRounds = [] }
                return .book([], scored: scoredRounds)
            }
            condition.wait()
        }
    }

    func read(_ number: Int, _ reads: [ReadFile]) {
        condition.lock()
        readUnits[number] = reads
        condition.broadcast()
        condition.unlock()
    }

    func booked(_ completed: [(key: Cohort.Grouper.Key, group: Handover<[Questionnaire]>)]) {
        condition.lock()
        booking = false
        toScore.append(contentsOf: completed.lazy.map { ($0.key, $0.group) })
        condition.broadcast()
        condition.unlock()
    }

    func scored(_ key: Cohort.Grouper.Key, _ round: ProgrammeRound) {
        condition.lock()
        scoring -= 1
        scoredRounds.append((key, round))
        condition.broadcast()
        condition.unlock()
    }
}

/// The state `Workspace.scoreProgramme` keeps across units. Only the booking touches it (`ProgrammePipeline` hands
/// out one booking at a time), and the caller reads it once the pipeline is done.
final class ProgrammeBooks: @unchecked Sendable {
    let selection: RoundSelection
    var grouper = Cohort.Grouper()
    var scored: [Cohort.Grouper.Key: ProgrammeRound] = [:]
    /// Library-rounds that turned up again after they were handed out for scoring: scored again at the end.
    var stale = Set<Cohort.Grouper.Key>()
    /// Library-rounds handed out for scoring whose round has not been booked yet.
    private var inFlight = Set<Cohort.Grouper.Key>()
    /// Library id → the round that keeps its details so far.
    private var shown: [String: Int] = [:]
    var diagnostics: [Diagnostic]
    var failed: [(String, Diagnostic?)] = []

    init(selection: RoundSelection, diagnostics: [Diagnostic]) {
        self.selection = selection
        self.diagnostics = diagnostics
    }

    /// Books a unit of files: stores the rounds scored since the last booking, then groups the unit's
    /// questionnaires. Returns the library-rounds those complete, in the order their first files came.
    func book(
        reads: [ReadFile], scored newlyScored: [(Cohort.Grouper.Key, ProgrammeRound)]
    ) -> [(key: Cohort.Grouper.Key, group: Handover<[Questionnaire]>)] {
        for (key, round) in newlyScored {
            inFlight.remove(key)
            store(key, round)
        }
        var pending: [Cohort.Grouper.Key: [Questionnaire]] = [:]
        var pendingOrder: [Cohort.Grouper.Key] = []
        for read in reads {
            diagnostics += read.diagnostics
            guard let questionnaire = read.questionnaire else {
                failed.append((read.file, read.diagnostics.sorted().first { $0.severity == .error }))
                continue
            }
            guard grouper.add(Cohort.Member(questionnaire)) else { continue }
            let key = Cohort.Grouper.Key(questionnaire)
            if scored[key] != nil || inFlight.contains(key) { stale.insert(key) }
            if pending[key] == nil { pendingOrder.append(key) }
            pending[key, default: []].append(questionnaire)
        }
        let completed = pendingOrder.filter { !stale.contains($0) }
        inFlight.formUnion(completed)
        return completed.map { ($0, Handover(pending.removeValue(forKey: $0) ?? [])) }
    }

    /// The scored rounds, moved out (so that the caller's changes copy nothing).
    func takeScored() -> [Cohort.Grouper.Key: ProgrammeRound] {
        defer { scored = [:] }
        return scored
    }

    /// Keeps a scored round; only the round the view shows keeps its findings details.
    func store(_ key: Cohort.Grouper.Key, _ round: ProgrammeRound) {
        var round = round
        switch selection {
        case .number(let number):
            if key.round != number { round.dropFindingDetails() }
        case .latest:
            if let current = shown[key.libraryID], current != key.round {
                if key.round > current {
                    scored[Cohort.Grouper.Key(libraryID: key.libraryID, round: current)]?.dropFindingDetails()
                    shown[key.libraryID] = key.round
                } else {
                    round.dropFindingDetails()
                }
            } else {
                shown[key.libraryID] = key.round
            }
        }
        scored[key] = round
    }
}

/// A value handed to the one worker that takes it out (and so owns, and frees, it).
final class Handover<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: Value) { self.value = value }
    /// The value; call once, from one thread.
    func take() -> Value {
        defer { value = nil }
        return value!
    }
}

extension Rubric {
    /// This rubric followed by `copies`, when every copy was loaded and has its content hash; else this rubric alone
    /// (its files changed meanwhile), which every worker then shares.
    fileprivate func withCopies(_ copies: [Rubric?]) -> [Rubric] {
        let loaded = copies.compactMap { $0 }
        guard loaded.count == copies.count, loaded.allSatisfy({ $0.contentHash == contentHash }) else { return [self] }
        return [self] + loaded
    }
}

/// Slots written exactly once each, from concurrent workers that never write the same index.
final class ResultSlots<R>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<R>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
    }

    func set(_ index: Int, _ value: R) { (buffer + index).initialize(to: value) }

    /// Moves every result out; call once, after all `set`s (every index set exactly once).
    func values() -> [R] {
        let result = [R](unsafeUninitializedCapacity: count) { target, initialized in
            target.baseAddress!.moveInitialize(from: buffer, count: count)
            initialized = count
        }
        buffer.deallocate()
        return result
    }
}

/// The next unclaimed index, handed out in chunks.
final class ChunkCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()
    func take(_ size: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = next
        next += size
        return start
    }
}
