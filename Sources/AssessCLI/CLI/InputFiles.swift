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
    public static func expand(paths: [String]) -> Expansion {
        var walker = Walker()
        for path in paths { walker.visit(argument: path) }
        var seen = Set<String>()
        var unique: [String] = []
        for path in walker.found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let key = OutputWriter.realPath(path) ?? path
            if seen.insert(key).inserted { unique.append(path) }
        }
        return Expansion(paths: unique, diagnostics: walker.diagnostics)
    }

    /// True for `name.yaml` / `name.YML`.
    public static func isYAML(_ name: String) -> Bool {
        yamlExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    private struct Walker {
        var found: [String] = []
        var diagnostics: [Diagnostic] = []
        /// Real paths of folders already walked, to skip a folder reached twice.
        var visited = Set<String>()

        mutating func visit(argument path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let code = errno
                var linkInfo = stat()
                if lstat(path, &linkInfo) == 0 {
                    diagnostics.append(
                        .error("input-broken-link", "'\(path)' is a symbolic link to a file that does not exist"))
                } else if code == EACCES {
                    diagnostics.append(.error("input-unreadable", "cannot read '\(path)': permission denied"))
                } else {
                    diagnostics.append(
                        .error("input-not-found", "no such file or folder '\(path)'",
                            hint: "check the spelling, or run 'ls' to see what is there"))
                }
                return
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let before = found.count
                let errorsBefore = diagnostics.errorCount
                walk(folder: path, ancestors: [])
                if found.count == before, diagnostics.errorCount == errorsBefore {
                    diagnostics.append(
                        .error("input-no-yaml", "the folder '\(path)' contains no YAML files (*.yaml, *.yml)"))
                }
            } else if access(path, R_OK) != 0 {
                diagnostics.append(.error("input-unreadable", "cannot read '\(path)': permission denied"))
            } else {
                found.append(path)
            }
        }

        mutating func walk(folder: String, ancestors: Set<String>) {
            let real = OutputWriter.realPath(folder) ?? folder
            if ancestors.contains(real) {
                diagnostics.append(
                    .warning("input-symlink-loop", "skipping '\(folder)': symbolic link loop back to '\(real)'"))
                return
            }
            guard visited.insert(real).inserted else { return }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                diagnostics.append(.error("input-unreadable", "cannot read the folder '\(folder)'"))
                return
            }
            let inside = ancestors.union([real])
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else {
                    var linkInfo = stat()
                    if lstat(path, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                        diagnostics.append(
                            .warning("input-broken-link", "skipping '\(path)': symbolic link to a missing file"))
                    } else {
                        diagnostics.append(.error("input-unreadable", "cannot read '\(path)'"))
                    }
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    walk(folder: path, ancestors: inside)
                case S_IFREG where InputFiles.isYAML(name):
                    if access(path, R_OK) == 0 {
                        found.append(path)
                    } else {
                        diagnostics.append(.error("input-unreadable", "cannot read '\(path)': permission denied"))
                    }
                default:
                    diagnostics.append(.note("input-not-yaml", "skipping '\(path)': not a YAML file (*.yaml, *.yml)"))
                }
            }
        }
    }
}
