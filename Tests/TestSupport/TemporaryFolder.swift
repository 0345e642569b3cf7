import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder under the system temp folder, removed (with everything in it) when the value goes away.
public final class TemporaryFolder {
    /// The folder's real path (symlinks such as /tmp → /private/tmp resolved).
    public let path: String

    public init(prefix: String = "assess-tests") throws {
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
    public func url(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    /// Writes text (creating folders on the way) and returns the file's path.
    @discardableResult
    public func file(_ relative: String, _ text: String = "a: 1\n") throws -> String {
        try data(relative, Data(text.utf8))
    }

    /// Writes bytes (creating folders on the way) and returns the file's path.
    @discardableResult
    public func data(_ relative: String, _ bytes: Data) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: bytes) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return full
    }

    @discardableResult
    public func folder(_ relative: String) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    public func read(_ relative: String) -> String? { try? String(contentsOfFile: url(relative), encoding: .utf8) }

    public func bytes(_ relative: String) -> Data? { FileManager.default.contents(atPath: url(relative)) }

    /// Names in the folder, hidden ones included.
    public func listing(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : url(relative))) ?? []).sorted()
    }
}
