import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes reports without ever leaving a half-written file or clobbering an input.
///
/// Each file is written to a temporary sibling `.<name>.tmp-<pid>-<random>`, flushed with `fsync` and renamed over
/// the target, so readers see the old file or the new one, never a mix. On any failure the temporary file is removed
/// and an existing target is left untouched. If the target is a symbolic link, the file it points to is replaced.
///
///     let writer = OutputWriter(inputs: questionnairePaths)
///     try writer.write(html, to: "out/briefing.html")                     // one report
///     let folder = try writer.prepareDirectory("out/briefings")           // --output DIR
///     try writer.writeDirectory([("stadtbibliothek.html", html)], into: folder)
///
/// Every problem is a `CLIError` (exit 1) with a message naming the path as the user gave it.
public struct OutputWriter: Sendable {
    /// Paths of the inputs; writing to any of them (also through a symbolic link) is refused.
    public var inputs: [String]

    public init(inputs: [String] = []) {
        self.inputs = inputs
    }

    // MARK: - One file

    /// Writes `text` as UTF-8 to `path` atomically.
    ///
    /// - Returns: the path written (symbolic links resolved).
    /// - Throws: `CLIError` when the folder is missing or not writable, `path` is a folder or one of the inputs.
    @discardableResult
    public func write(_ text: String, to path: String) throws -> String {
        try write(to: path) { sink in try sink.write(text) }
    }

    /// Writes `data` to `path` atomically.
    @discardableResult
    public func write(_ data: Data, to path: String) throws -> String {
        try write(to: path) { sink in try sink.write(data) }
    }

    /// Writes whatever `body` produces to `path` atomically; if `body` throws, nothing changes on disk.
    @discardableResult
    public func write(to path: String, _ body: (TemporaryFile) throws -> Void) throws -> String {
        let target = try checkedTarget(path)
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporaryPath = (folder as NSString).appendingPathComponent(
            ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let existingMode = Self.fileMode(target)

        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw CLIError("cannot write '\(path)': \(Self.reason(errno, folder: folder))")
        }
        let file = TemporaryFile(descriptor: descriptor, path: temporaryPath)
        do {
            try body(file)
            if let existingMode { fchmod(descriptor, existingMode) }
            guard fsync(descriptor) == 0 else { throw CLIError("cannot write '\(path)': \(Self.errnoText(errno))") }
            file.close()
            guard rename(temporaryPath, target) == 0 else {
                throw CLIError("cannot write '\(path)': \(Self.errnoText(errno))")
            }
        } catch {
            file.close()
            unlink(temporaryPath)
            if let error = error as? CLIError { throw error }
            throw CLIError("cannot write '\(path)': \(error)")
        }
        Self.syncFolder(folder)
        return target
    }

    // MARK: - One file per library

    /// Makes sure `path` is a folder to write into, creating it when its parent exists.
    ///
    /// - Returns: `path` unchanged.
    /// - Throws: `CLIError` when `path` is a file, its parent folder does not exist, or it cannot be created.
    @discardableResult
    public func prepareDirectory(_ path: String) throws -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw CLIError("cannot write into '\(path)': it is a file, not a folder")
            }
            return path
        }
        let parent = Self.parent(of: path)
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw CLIError(
                "cannot create the folder '\(path)': the folder '\(parent)' does not exist",
                hint: "create '\(parent)' first or choose another --output folder")
        }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else {
            throw CLIError("cannot create the folder '\(path)': \(Self.errnoText(errno))")
        }
        return path
    }

    /// Writes one file per entry into `folder` (created when its parent exists), each atomically.
    ///
    /// - Parameter files: file names (no `/`) and contents, written in the order given.
    /// - Returns: the paths written.
    @discardableResult
    public func writeDirectory(_ files: [(name: String, contents: Data)], into folder: String) throws -> [String] {
        try prepareDirectory(folder)
        var written: [String] = []
        for (name, contents) in files {
            guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
                throw CLIError("cannot write '\(name)': not a plain file name", status: .internalError)
            }
            written.append(try write(contents, to: (folder as NSString).appendingPathComponent(name)))
        }
        return written
    }

    /// Text variant of `writeDirectory(_:into:)`, UTF-8 encoded.
    @discardableResult
    public func writeDirectory(_ files: [(name: String, text: String)], into folder: String) throws -> [String] {
        try writeDirectory(files.map { (name: $0.name, contents: Data($0.text.utf8)) }, into: folder)
    }

    // MARK: - Checks

    /// Checks, before a long run, that `path` could be written: it names no folder, its folder exists and is
    /// writable, and it is none of the inputs. `write` checks again when it writes.
    ///
    /// - Throws: the `CLIError` that `write` would throw for the same reasons.
    public func checkTarget(_ path: String) throws {
        _ = try checkedTarget(path)
    }

    /// Resolves the real target and refuses folders, missing folders and inputs.
    private func checkedTarget(_ path: String) throws -> String {
        guard !path.isEmpty else { throw CLIError("the output path is empty") }
        if path.hasSuffix("/") { throw CLIError("cannot write '\(path)': it names a folder; give a file name") }
        var target = path
        if let resolved = Self.realPath(path) {
            // Exists (possibly through a symbolic link): write where it really is.
            target = resolved
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), isFolder.boolValue {
                throw CLIError(
                    "cannot write '\(path)': it is a folder",
                    hint: "give a file name such as '\((path as NSString).appendingPathComponent("report.html"))'")
            }
        } else {
            let folder = Self.parent(of: path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
                throw CLIError(
                    "cannot write '\(path)': the folder '\(folder)' does not exist",
                    hint: "create it first (mkdir -p '\(folder)') or choose another --output")
            }
            guard isFolder.boolValue else { throw CLIError("cannot write '\(path)': '\(folder)' is not a folder") }
            if let realFolder = Self.realPath(folder) {
                target = (realFolder as NSString).appendingPathComponent((path as NSString).lastPathComponent)
            }
        }
        // Only an input that is the same file (device and inode) can resolve to the target: one `stat` per input
        // rather than a `realpath` (a `readlink` per path component), which was noticeable with 100,000 inputs.
        // The inputs are looked at on all workers; the first one in input order that is the target is named.
        var targetInfo = stat()
        let targetExists = stat(target, &targetInfo) == 0
        let (device, inode) = (targetInfo.st_dev, targetInfo.st_ino)
        let sameFile = targetExists
            ? Workspace.parallelMap(inputs, chunk: 256) { input, _ -> Bool in
                var info = stat()
                return stat(input, &info) == 0 && info.st_dev == device && info.st_ino == inode
            } : []
        for (input, same) in zip(inputs, sameFile) where same {
            if let realInput = Self.realPath(input), realInput == target {
                throw CLIError(
                    "refusing to write '\(path)': it is the input file '\(input)'",
                    hint: "choose another --output; assess never overwrites its inputs")
            }
        }
        let folder = (target as NSString).deletingLastPathComponent
        guard access(folder, W_OK) == 0 else {
            throw CLIError("cannot write '\(path)': \(Self.reason(errno, folder: folder))")
        }
        return target
    }

    /// `realpath(3)`: absolute, symbolic links resolved; nil if the path does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    private static func fileMode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o7777
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        posixClose(descriptor)
    }

    static func reason(_ code: Int32, folder: String) -> String {
        switch code {
        case EACCES, EPERM: "the folder '\(folder)' is not writable"
        case ENOENT: "the folder '\(folder)' does not exist"
        case EROFS: "the folder '\(folder)' is on a read-only file system"
        case ENOSPC: "no space left on the device"
        default: errnoText(code)
        }
    }

    static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}

/// The open temporary file handed to `OutputWriter.write(to:_:)`.
public final class TemporaryFile {
    private var descriptor: Int32
    /// Where the temporary file is (hidden sibling of the target).
    public let path: String

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Appends bytes, retrying short writes.
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write(bytes: $0) }
    }

    /// Appends UTF-8 text (straight from the string's storage: a large report is not copied first).
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0)) }
    }

    private func write(bytes buffer: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < buffer.count {
            let count = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw CLIError("write failed: \(OutputWriter.errnoText(errno))")
            }
            offset += count
        }
    }

    func close() {
        if descriptor >= 0 { posixClose(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}

// Foundation re-exports a `close`/`write` in some contexts; call the C ones explicitly.
private func posixClose(_ descriptor: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(descriptor)
    #else
        _ = Darwin.close(descriptor)
    #endif
}

private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
    #else
        Darwin.write(descriptor, buffer, count)
    #endif
}
