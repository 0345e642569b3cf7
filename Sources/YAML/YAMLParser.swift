import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses one YAML document into a located `Node` tree.
///
/// Every call uses its own libyaml parser, so calls may run concurrently. Problems never throw or crash:
/// they come back as located diagnostics in ``ParseResult/diagnostics``.
public enum YAMLParser {
    /// Reads and parses a file (opened read-only; refused unread when larger than `limits.maxBytes`).
    ///
    /// - Parameter path: The file to read; diagnostics show it exactly as given.
    /// - Parameter limits: Safety limits.
    /// - Returns: The document and the problems found, including `file-not-found`, `is-a-directory`
    ///   and `unreadable-file`.
    public static func parse(file path: String, limits: ParseLimits = .default) -> ParseResult {
        switch FileReader.read(path, maxBytes: limits.maxBytes) {
        case .success(let bytes): parse(bytes: bytes, name: path, limits: limits)
        case .failure(let diagnostic): ParseResult(root: nil, diagnostics: [diagnostic])
        }
    }

    /// Reads a file the way `parse(file:limits:)` does (read-only, never blocking on a named pipe, refused unread
    /// when larger than `limits.maxBytes`), without parsing it.
    ///
    /// - Returns: The bytes, or `file-not-found`, `is-a-directory`, `unreadable-file` or `file-too-large`.
    public static func read(file path: String, limits: ParseLimits = .default) -> Result<[UInt8], Diagnostic> {
        FileReader.read(path, maxBytes: limits.maxBytes)
    }

    /// Parses bytes that should be UTF-8 YAML text.
    ///
    /// - Parameter bytes: The file contents (a UTF-8 BOM and CRLF line endings are accepted).
    /// - Parameter name: The file name used in locations.
    /// - Parameter limits: Safety limits.
    public static func parse(bytes: [UInt8], name: String, limits: ParseLimits = .default) -> ParseResult {
        let stream = parseStream(bytes: bytes, name: name, limits: limits, allowMultipleDocuments: false)
        return ParseResult(root: stream.documents.first, diagnostics: stream.diagnostics)
    }

    /// Parses YAML text.
    ///
    /// - Parameter text: The YAML text.
    /// - Parameter name: The display name used in locations.
    /// - Parameter limits: Safety limits.
    public static func parse(text: String, name: String, limits: ParseLimits = .default) -> ParseResult {
        parse(bytes: Array(text.utf8), name: name, limits: limits)
    }

    /// Parses a whole stream. With `allowMultipleDocuments` every document is returned and an empty stream is
    /// not an error (the YAML test suite uses this); otherwise a second document is `multiple-documents`
    /// and an empty one `empty-document`.
    static func parseStream(
        bytes: [UInt8], name: String, limits: ParseLimits, allowMultipleDocuments: Bool
    ) -> StreamResult {
        if bytes.count > limits.maxBytes {
            return StreamResult(
                documents: [], diagnostics: [InputCheck.tooLarge(size: bytes.count, limit: limits.maxBytes, file: name)])
        }
        return bytes.withUnsafeBufferPointer { buffer in
            if let problem = InputCheck.check(buffer, file: name) {
                return StreamResult(documents: [], diagnostics: [problem])
            }
            var result = StreamResult(documents: [], diagnostics: [])
            if !buffer.isEmpty {
                var builder = TreeBuilder(file: name, limits: limits, allowMultipleDocuments: allowMultipleDocuments)
                result = builder.run(buffer)
            }
            if !allowMultipleDocuments, result.documents.isEmpty, result.diagnostics.isEmpty {
                result.diagnostics.append(emptyDocument(buffer, file: name))
            }
            return result
        }
    }

    private static func emptyDocument(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic {
        let blank = bytes.dropFirst(SourceText.hasBOM(bytes) ? 3 : 0).allSatisfy {
            $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D
        }
        return .error(
            "empty-document", blank ? "file is empty" : "file contains only comments",
            at: SourceLocation(file: file, line: 1, column: 1))
    }
}

/// Reads a whole file with POSIX calls, refusing a too-large file before reading it.
enum FileReader {
    static func read(_ path: String, maxBytes: Int) -> Result<[UInt8], Diagnostic> {
        // O_NONBLOCK: opening a named pipe (FIFO) that nobody writes to would otherwise block forever. Reads are
        // made blocking again below, so pipes with a writer are still read to their end.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(openError(errno, path: path)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(openError(errno, path: path)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(openError(EISDIR, path: path)) }
        let isRegular = info.st_mode & S_IFMT == S_IFREG
        // O_NONBLOCK changes nothing for a regular file; two system calls per file are saved by leaving it there.
        if !isRegular {
            let flags = fcntl(fd, F_GETFL)
            if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        }
        let size = Int(info.st_size)
        if isRegular, size > maxBytes {
            return .failure(InputCheck.tooLarge(size: size, limit: maxBytes, file: path))
        }
        // Regular files are read in one chunk (one byte extra to notice growth); pipes and devices in pieces.
        var bytes: [UInt8] = []
        var chunkSize = isRegular ? size + 1 : 1 << 16
        var failure: Int32?
        var atEnd = false
        while !atEnd, failure == nil {
            let capacity = min(chunkSize, maxBytes + 1 - bytes.count)
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                while count < capacity {
                    let got = systemRead(fd, buffer.baseAddress! + count, capacity - count)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if got == 0 {
                        atEnd = true
                        return
                    }
                    count += got
                }
            }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if bytes.count > maxBytes {
                return .failure(InputCheck.tooLarge(size: maxBytes, orMore: true, limit: maxBytes, file: path))
            }
            chunkSize = 1 << 16
        }
        if let failure { return .failure(openError(failure, path: path)) }
        return .success(bytes)
    }

    private static func openError(_ code: Int32, path: String) -> Diagnostic {
        switch code {
        case ENOENT, ENOTDIR:
            return .error("file-not-found", "file '\(path)' does not exist")
        case EISDIR:
            return .error("is-a-directory", "'\(path)' is a directory, not a file")
        case EACCES, EPERM:
            return .error(
                "unreadable-file", "cannot read '\(path)': permission denied",
                hint: "check the file's permissions, or copy it somewhere you can read it")
        default:
            let reason = String(cString: strerror(code)).lowercased()
            return .error("unreadable-file", "cannot read '\(path)': \(reason)")
        }
    }
}

/// POSIX `read`, named apart from `FileReader.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
