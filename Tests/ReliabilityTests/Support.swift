import Foundation
import TestSupport
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
        process.executableURL = try AssessBinary.locate()
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
        process.executableURL = try AssessBinary.locate()
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

// MARK: - Corpus files

enum Corpus {
    /// The text of a committed corpus file.
    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: Assess.corpus + "/" + name, encoding: .utf8)
    }

    /// The valid questionnaire every variation starts from.
    static func valid() throws -> String { try text("valid.yaml") }
}
