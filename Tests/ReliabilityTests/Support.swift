import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// MARK: - Running the built binary

/// The outcome of one run of the built `assess` binary.
struct Outcome: CustomStringConvertible {
    /// The exit status, or 128 + signal number when the process was killed by a signal.
    var status: Int32
    var stdout: String
    var stderr: String
    /// True when the run exceeded its time limit and was killed.
    var timedOut: Bool
    var seconds: Double

    var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "") after \(String(format: "%.1f", seconds)) s\n"
            + "--- stderr (first 2000 characters) ---\n\(stderr.prefix(2000))\n"
            + "--- stdout (first 500 characters) ---\n\(stdout.prefix(500))"
    }

    /// No crash (signal, or Swift runtime trap), no internal error (70), no hang.
    var isOrderly: Bool { !timedOut && status != 70 && status < 128 && !stderr.contains("Fatal error") }
}

/// Runs the `assess` binary that `swift build` put next to the test bundle, as users do.
enum Assess {
    /// The repository root (two folders above this file's folder).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// The shipped rubric.
    static let rubric = repository + "/rubrics"
    /// The committed corpus of small hostile and legitimate files.
    static let corpus = repository + "/Tests/ReliabilityTests/Corpus"

    /// The `assess` executable next to the test bundle (`<scratch>/<triple>/debug/assess`), or `ASSESS_BINARY`.
    /// (The same search as Tests/CLITests/EndToEndTests.swift; copied, as test targets cannot import each other.)
    static func binary() throws -> String {
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["ASSESS_BINARY"] {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {  // the runner may sit inside an .xctest bundle
            candidates.append(folder.appendingPathComponent("assess"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("assess"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw BinaryNotFound(searched: candidates.map(\.path))
        }
        return found.path
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String { "the assess binary was not built; looked in \(searched)" }
    }

    /// Multiplies every time limit: `ASSESS_TEST_TIMEOUT_SCALE` (scripts/sanitize.sh sets 5, as sanitized builds
    /// are several times slower), default 1.
    static let timeoutScale = ProcessInfo.processInfo.environment["ASSESS_TEST_TIMEOUT_SCALE"].flatMap(Double.init) ?? 1

    /// Runs `assess arguments` in `directory` with a time limit; output goes through files, so a chatty run can
    /// never block on a full pipe. A run over `timeout` seconds is killed (SIGKILL) and reported as timed out.
    static func run(
        _ arguments: [String], in directory: String? = nil, timeout: Double = 20, environment: [String: String] = [:]
    ) throws -> Outcome {
        let scratch = try TemporaryFolder(prefix: "assess-run")
        let outPath = scratch.url("stdout"), errPath = scratch.url("stderr")
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? scratch.path)
        var env = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "ASSESS_RUBRIC": rubric, "SWIFT_BACKTRACE": "enable=no"]
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let start = Date()
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeout * timeoutScale) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        try out.close()
        try err.close()
        let status =
            process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Outcome(
            status: status, stdout: read(outPath), stderr: read(errPath), timedOut: timedOut,
            seconds: Date().timeIntervalSince(start))
    }

    private static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// Starts `assess arguments` without waiting (for the kill-mid-write tests).
    static func start(_ arguments: [String], in directory: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "ASSESS_RUBRIC": rubric, "SWIFT_BACKTRACE": "enable=no"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// True when the tests run as root, where file permissions do not stop reads or writes.
var runningAsRoot: Bool { geteuid() == 0 }

// MARK: - Temporary folders

/// A fresh folder under the system temp folder, removed (with everything in it) when the value goes away.
final class TemporaryFolder {
    let path: String

    init(prefix: String = "assess-reliability") throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = realpath(base, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? base
    }

    deinit {
        // Give back permissions taken away by a test, so the folder can be removed.
        if let walker = FileManager.default.enumerator(atPath: path) {
            chmod(path, 0o755)
            for case let name as String in walker { chmod(url(name), 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Absolute path of `relative` inside the folder.
    func url(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    /// Writes text (creating folders on the way) and returns the file's path.
    @discardableResult
    func file(_ relative: String, _ text: String) throws -> String {
        try data(relative, Data(text.utf8))
    }

    /// Writes bytes (creating folders on the way) and returns the file's path.
    @discardableResult
    func data(_ relative: String, _ bytes: Data) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: bytes) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return full
    }

    @discardableResult
    func folder(_ relative: String) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    func bytes(_ relative: String) -> Data? { FileManager.default.contents(atPath: url(relative)) }

    /// Names in the folder, hidden ones included.
    func listing(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : url(relative))) ?? []).sorted()
    }
}

// MARK: - Corpus files

enum Corpus {
    /// The text of a committed corpus file.
    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: Assess.corpus + "/" + name, encoding: .utf8)
    }

    /// The valid questionnaire every variation starts from.
    static func valid() throws -> String { try text("valid.yaml") }
}
