import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the paths on a command line into the YAML files to read.
///
/// Files are taken as given, whatever their extension. Folders are walked recursively in sorted order, picking
/// `*.yaml` and `*.yml`; hidden files and folders (`.git`, `.DS_Store`) are skipped silently, other files with a
/// `note:`. Symbolic links are followed; a link back into a folder being walked is reported as a loop and skipped.
public enum InputFiles {
    /// The files found, sorted and without duplicates, plus everything worth telling the user.
    public struct Expansion: Sendable {
        /// Paths as the user would write them (folder path + relative name), sorted, each real file once.
        public var paths: [String]
        /// Errors (missing path, empty folder, unreadable entry), warnings (loops, broken links) and notes (skipped files).
        public var diagnostics: [Diagnostic]

        public init(paths: [String], diagnostics: [Diagnostic]) {
            self.paths = paths
            self.diagnostics = diagnostics
        }

        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// File name extensions picked from folders (compared case-insensitively).
    public static let yamlExtensions: Set<String> = ["yaml", "yml"]

    /// Expands files and folders into YAML files.
    ///
    /// - Parameter paths: the paths as given on the command line.
    /// - Returns: sorted, de-duplicated file paths and the diagnostics for what was skipped or missing.
    public static func expand(paths: [String]) -> Expansion { expand(paths: paths, workers: Workspace.workerCount) }

    /// `expand` reading the folders with `workers` threads.
    ///
    /// The folders (25,000 in a large programme) are first read ahead, a level at a time and in parallel: their
    /// entries with each entry's kind, keyed by the folder's real path. The walk itself then runs as it always did,
    /// depth first in sorted order, from those listings, so which path of a folder reached twice is kept, and the
    /// order of the diagnostics, do not depend on the threads.
    static func expand(paths: [String], workers: Int) -> Expansion {
        var roots: [String] = []
        for path in paths {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { roots.append(OutputWriter.realPath(path) ?? path) }
        }
        var walker = Walker(listings: Listing.readAhead(roots: roots, workers: workers))
        for path in paths { walker.visit(argument: path) }
        var found = walker.found
        // The walk visits names in sorted order, so the paths are mostly sorted already.
        if !zip(found, found.dropFirst()).allSatisfy({ !utf8Precedes($1.path, $0.path) }) {
            found.sort { utf8Precedes($0.path, $1.path) }
        }
        // Files found in a folder come with their real path, and those differ by construction (a real folder is
        // walked once, and names in a folder differ). Only files given by name or reached through a link can be
        // the same file twice, so only then are the real paths compared (hashing 100,000 paths took 80 ms).
        guard found.contains(where: { $0.key == nil }) else {
            return Expansion(paths: found.map(\.path), diagnostics: walker.diagnostics)
        }
        var seen = Set<String>()
        var unique: [String] = []
        for file in found where seen.insert(file.key ?? OutputWriter.realPath(file.path) ?? file.path).inserted {
            unique.append(file.path)
        }
        return Expansion(paths: unique, diagnostics: walker.diagnostics)
    }

    /// Byte order of the UTF-8 forms.
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// True for `name.yaml` / `name.YML`.
    public static func isYAML(_ name: String) -> Bool {
        // A plain name (the walk's) is told by its bytes: Foundation's pathExtension was a hundredth of compare.
        if let plain = isYAMLName(name) { return plain }
        return yamlExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    /// `isYAML` for a name without a slash whose extension is ASCII, as `pathExtension` reads it: after the last
    /// dot, which must be neither first nor last. nil for any other name.
    static func isYAMLName(_ name: String) -> Bool? {
        let bytes = name.utf8
        guard !bytes.contains(UInt8(ascii: "/")), let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else {
            return bytes.contains(UInt8(ascii: "/")) ? nil : false
        }
        let suffix = bytes[bytes.index(after: dot)...]
        guard suffix.allSatisfy({ $0 < 0x80 }) else { return nil }
        if dot == bytes.startIndex || suffix.isEmpty { return false }
        // The extensions are lowercase letters: a byte matches one in either case when it does with bit 0x20 set.
        return yamlExtensions.contains { word in
            word.utf8.count == suffix.count && zip(word.utf8, suffix).allSatisfy { $0 == $1 | 0x20 }
        }
    }

    /// What a folder entry is, as the walk needs to know it.
    enum Kind: Sendable, Equatable {
        /// A folder, with its real path (nil when it could not be resolved: the walk then uses the path itself).
        case folder(real: String?)
        /// A readable YAML file, with its real path when known without asking (nil: resolve it when needed).
        case yaml(real: String?)
        case unreadableYAML
        case notYAML
        case brokenLink
        case unreadable
    }

    /// The entries of one folder (hidden ones left out) in sorted order, or nil when it cannot be read.
    struct Listing: Sendable {
        var entries: [(name: String, kind: Kind)]?

        /// Every folder reachable from `roots` (real paths), by real path; a folder reached again is read once.
        static func readAhead(roots: [String], workers: Int) -> [String: Listing] {
            var listings: [String: Listing] = [:]
            var queued = Set(roots)
            var level = Array(queued).sorted()
            while !level.isEmpty {
                let read = Workspace.parallelMap(level, workers: workers) { folder, _ in Listing(folder: folder) }
                var next: [String] = []
                for (folder, listing) in zip(level, read) {
                    listings[folder] = listing
                    for entry in listing.entries ?? [] {
                        if case .folder(let real?) = entry.kind, queued.insert(real).inserted { next.append(real) }
                    }
                }
                level = next
            }
            return listings
        }

        /// Reads `folder` (a real path). Entries the directory itself types as folders or regular files need no
        /// `stat`; links, unknown types and anything that fails are looked at as the walk always did.
        init(folder: String) {
            guard let directory = opendir(folder) else {
                entries = nil
                return
            }
            defer { closedir(directory) }
            var typed: [(name: String, type: UInt8)] = []
            var readable = true
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(validatingCString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                guard let name else {
                    readable = false
                    break
                }
                if !name.hasPrefix(".") { typed.append((name, entry.pointee.d_type)) }
            }
            if !readable {
                // A name that is not UTF-8: take the names as Foundation spells them, each entry looked at in full.
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                    entries = nil
                    return
                }
                typed = names.filter { !$0.hasPrefix(".") }.map { ($0, UInt8(DT_UNKNOWN)) }
            }
            typed.sort { utf8Precedes($0.name, $1.name) }
            // Without search permission on the folder its entries cannot be looked at; `stat` reports that.
            let searchable = access(folder, X_OK) == 0
            let descriptor = dirfd(directory)
            entries = typed.map {
                ($0.name, Self.kind(of: $0.name, type: $0.type, in: folder, descriptor: descriptor, searchable: searchable))
            }
        }

        /// `descriptor`: the open folder, so that a file's permission is checked by its name alone rather than by
        /// walking its whole path again (one of the larger costs of listing 100,000 files).
        static func kind(of name: String, type: UInt8, in folder: String, descriptor: Int32, searchable: Bool) -> Kind {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if searchable && type == UInt8(DT_DIR) { return .folder(real: path) }
            if searchable && type == UInt8(DT_REG) {
                guard InputFiles.isYAML(name) else { return .notYAML }
                if faccessat(descriptor, name, R_OK, 0) == 0 { return .yaml(real: path) }
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                var linkInfo = stat()
                if lstat(path, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK { return .brokenLink }
                return .unreadable
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder(real: OutputWriter.realPath(path))
            case S_IFREG where InputFiles.isYAML(name): return access(path, R_OK) == 0 ? .yaml(real: nil) : .unreadableYAML
            default: return .notYAML
            }
        }
    }

    /// A path as given on the command line: a folder to walk, a readable file, or what is wrong with it.
    enum Argument {
        case folder, file
        case problem(Diagnostic)

        init(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let code = errno
                var linkInfo = stat()
                if lstat(path, &linkInfo) == 0 {
                    self = .problem(.error("input-broken-link", "'\(path)' is a symbolic link to a file that does not exist"))
                } else if code == EACCES {
                    self = .problem(.error("input-unreadable", "cannot read '\(path)': permission denied"))
                } else {
                    self = .problem(
                        .error("input-not-found", "no such file or folder '\(path)'",
                            hint: "check the spelling, or run 'ls' to see what is there"))
                }
                return
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                self = .folder
            } else if access(path, R_OK) != 0 {
                self = .problem(.error("input-unreadable", "cannot read '\(path)': permission denied"))
            } else {
                self = .file
            }
        }

        /// For a folder given on the command line in which the walk found nothing and reported no error.
        static func noYAML(in folder: String) -> Diagnostic {
            .error("input-no-yaml", "the folder '\(folder)' contains no YAML files (*.yaml, *.yml)")
        }
    }

    private struct Walker {
        /// Files found, with their real path when known.
        var found: [(path: String, key: String?)] = []
        var diagnostics: [Diagnostic] = []
        /// Real paths of folders already walked, to skip a folder reached twice.
        var visited = Set<String>()
        /// Folders read ahead, by real path.
        var listings: [String: Listing]

        init(listings: [String: Listing]) { self.listings = listings }

        mutating func visit(argument path: String) {
            switch Argument(path) {
            case .problem(let diagnostic): diagnostics.append(diagnostic)
            case .file: found.append((path, nil))
            case .folder:
                let before = found.count
                let errorsBefore = diagnostics.errorCount
                walk(folder: path, real: OutputWriter.realPath(path) ?? path, ancestors: [])
                if found.count == before, diagnostics.errorCount == errorsBefore { diagnostics.append(Argument.noYAML(in: path)) }
            }
        }

        mutating func walk(folder: String, real: String, ancestors: Set<String>) {
            if ancestors.contains(real) {
                diagnostics.append(
                    .warning("input-symlink-loop", "skipping '\(folder)': symbolic link loop back to '\(real)'"))
                return
            }
            guard visited.insert(real).inserted else { return }
            // A folder not read ahead (its real path could not be resolved then) is read now.
            guard let entries = (listings.removeValue(forKey: real) ?? Listing(folder: real)).entries else {
                diagnostics.append(.error("input-unreadable", "cannot read the folder '\(folder)'"))
                return
            }
            let inside = ancestors.union([real])
            for (name, kind) in entries {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                switch kind {
                case .brokenLink:
                    diagnostics.append(.warning("input-broken-link", "skipping '\(path)': symbolic link to a missing file"))
                case .unreadable:
                    diagnostics.append(.error("input-unreadable", "cannot read '\(path)'"))
                case .folder(let realFolder):
                    walk(folder: path, real: realFolder ?? path, ancestors: inside)
                case .yaml(let realFile):
                    found.append((path, realFile))
                case .unreadableYAML:
                    diagnostics.append(.error("input-unreadable", "cannot read '\(path)': permission denied"))
                case .notYAML:
                    diagnostics.append(.note("input-not-yaml", "skipping '\(path)': not a YAML file (*.yaml, *.yml)"))
                }
            }
        }
    }
}
