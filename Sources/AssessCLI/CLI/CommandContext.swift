import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Somewhere text goes: the process's stdout/stderr, or a buffer in tests.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}

/// Writes to a file descriptor with `write(2)`, retrying short writes; a closed pipe is ignored.
public final class FileDescriptorSink: TextSink {
    public let descriptor: Int32
    public init(descriptor: Int32) { self.descriptor = descriptor }

    public func write(_ text: String) {
        // Straight from the string's UTF-8 storage: a large report is not copied into an array first.
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// Collects text in memory; for in-process tests.
public final class BufferSink: TextSink, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    public init() {}
    public func write(_ text: String) { lock.withLock { buffer += text } }
    /// Everything written so far.
    public var text: String { lock.withLock { buffer } }
}

/// What a command may touch besides its arguments: output streams, environment, working folder, colour choice.
///
/// Injected so commands run in-process in tests: `CommandContext(stdout: BufferSink(), stderr: BufferSink())`.
public struct CommandContext {
    public enum ColorMode: String, Sendable { case auto, always, never }

    public var stdout: any TextSink
    public var stderr: any TextSink
    public var environment: [String: String]
    /// Folder relative paths are resolved against (used to recognise an existing path as the default command's input).
    public var currentDirectory: String
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    /// Set from `--color`; `auto` by default.
    public var colorMode: ColorMode = .auto
    /// Source lines for diagnostic snippets; shared so files are read once.
    public var sources: SourceLineCache

    public init(
        stdout: any TextSink, stderr: any TextSink, environment: [String: String] = [:],
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false, sources: SourceLineCache = SourceLineCache()
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.sources = sources
    }

    /// The real process: fd 1 and 2, `ProcessInfo` environment, `isatty` for terminal detection.
    public static func standard() -> CommandContext {
        CommandContext(
            stdout: FileDescriptorSink(descriptor: 1), stderr: FileDescriptorSink(descriptor: 2),
            environment: ProcessInfo.processInfo.environment, stdoutIsTerminal: isatty(1) == 1,
            stderrIsTerminal: isatty(2) == 1)
    }

    /// Colour on stderr: `always`/`never` as asked; `auto` means stderr is a terminal, `NO_COLOR` is unset or empty
    /// and `TERM` is not `dumb`.
    public var useColor: Bool {
        switch colorMode {
        case .always: return true
        case .never: return false
        case .auto:
            return stderrIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }

    /// The renderer for diagnostics on stderr.
    public var renderer: DiagnosticRenderer { DiagnosticRenderer(sources: sources, useColor: useColor) }

    // MARK: - Writing

    /// Writes report text to stdout as is.
    public func out(_ text: String) { stdout.write(text) }

    /// Writes text to stderr as is.
    public func err(_ text: String) { stderr.write(text) }

    /// Prints diagnostics to stderr, sorted by location.
    public func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        // Rendered and written a batch at a time: the same text as one `render` of all of them, without holding
        // the whole rendering (tens of megabytes for a large cohort) in memory.
        let renderer = renderer
        let sorted = diagnostics.sorted()
        var start = 0
        while start < sorted.count {
            let end = min(start + 512, sorted.count)
            stderr.write(renderer.render(Array(sorted[start..<end])))
            start = end
        }
    }

    /// Prints one diagnostic-style line `error: message` (plus `hint:`) to stderr for problems without a location.
    public func error(_ message: String, hint: String? = nil) {
        let plain = DiagnosticRenderer(sources: sources, useColor: useColor, showCodes: false)
        stderr.write(plain.render(.error("cli", message, hint: hint)))
    }

    /// Writes a finished report to `--output` (atomically, refusing to overwrite an input) or to stdout when
    /// `output` is nil or `-`.
    ///
    /// - Returns: the path written, or nil for stdout.
    @discardableResult
    public func emit(_ report: String, to output: String?, inputs: [String]) throws -> String? {
        guard let output, output != "-" else {
            out(report)
            return nil
        }
        return try OutputWriter(inputs: inputs).write(report, to: output)
    }
}
