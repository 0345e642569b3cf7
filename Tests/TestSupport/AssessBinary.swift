import Foundation

/// The built `assess` executable, for tests that run it as users do.
public enum AssessBinary {
    public struct NotFound: Error, CustomStringConvertible {
        public var searched: [String]
        public var description: String { "the assess binary was not built; looked in \(searched)" }
    }

    /// The executable next to the test bundle (`<scratch>/<triple>/debug/assess`), or `$ASSESS_BINARY`.
    public static func locate() throws -> URL {
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
            throw NotFound(searched: candidates.map(\.path))
        }
        return found
    }

    /// Runs the executable to its end with `NO_COLOR` set and no input; the output as bytes.
    ///
    /// - Parameter directory: the child's working folder (the test process's own is never changed).
    public static func run(
        _ arguments: [String], in directory: URL? = nil
    ) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = try locate()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read stderr on another thread so a full stderr pipe can never block the child while we read stdout.
        let errorData = Collected()
        let reader = Thread { errorData.data = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.done { usleep(1000) }
        return (process.terminationStatus, stdout, errorData.data)
    }

    /// Bytes collected by a reader thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Data?
        var data: Data {
            get { lock.withLock { stored ?? Data() } }
            set { lock.withLock { stored = newValue } }
        }
        var done: Bool { lock.withLock { stored != nil } }
    }
}
