import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AssessCLI

@Suite struct InputFilesTests {
    /// The walk tells YAML names by their bytes; Foundation's `pathExtension` is what it must agree with.
    @Test func yamlNamesAreToldAsFoundationTellsThem() {
        let names = [
            "a.yaml", "a.yml", "A.YAML", "b.YmL", "c.yaml.bak", "d.tar.yaml", "yaml", ".yaml", "..yaml", "...yaml",
            "e.", "f..yaml", "g.yamll", "h.yam", "i. yaml", "j.yaml ", "k", "l.y", "Straße.yaml", "m.yÄml", "n.ya\u{300}ml",
            "o.YAML\u{212A}", "p.Yml", "q.json", "r.YA", "s-t.yml", "", ".", "..",
        ]
        for name in names {
            let foundation = InputFiles.yamlExtensions.contains((name as NSString).pathExtension.lowercased())
            #expect(InputFiles.isYAML(name) == foundation, "\(name)")
            if let byBytes = InputFiles.isYAMLName(name) { #expect(byBytes == foundation, "\(name)") }
        }
        #expect(names.filter { InputFiles.isYAMLName($0) == nil } == ["m.yÄml", "n.ya\u{300}ml", "o.YAML\u{212A}"])
        #expect(InputFiles.isYAMLName("dir/a.yaml") == nil && InputFiles.isYAML("dir/a.yaml"))
    }

    @Test func walksFoldersRecursivelyInSortedOrder() throws {
        let folder = try TemporaryFolder()
        try folder.file("s/b.yaml")
        try folder.file("s/a.yml")
        try folder.file("s/sub/c.YAML")
        try folder.file("s/.hidden.yaml")
        try folder.file("s/.git/config.yaml")
        try folder.file("s/Z.yaml")
        let root = folder.url("s")
        let expansion = InputFiles.expand(paths: [root])
        #expect(expansion.paths == ["\(root)/Z.yaml", "\(root)/a.yml", "\(root)/b.yaml", "\(root)/sub/c.YAML"])
        #expect(expansion.diagnostics.isEmpty)
    }

    @Test func filesAreTakenAsGivenSortedAndDeduplicated() throws {
        let folder = try TemporaryFolder()
        let b = try folder.file("b.yaml")
        let a = try folder.file("a.txt")
        let expansion = InputFiles.expand(paths: [b, a, b, folder.path])
        #expect(expansion.paths == [a, b])
        #expect(expansion.diagnostics.map(\.code) == ["input-not-yaml"])
    }

    @Test func nonYAMLFilesInAFolderGetANote() throws {
        let folder = try TemporaryFolder()
        try folder.file("s/a.yaml")
        try folder.file("s/notes.txt")
        let expansion = InputFiles.expand(paths: [folder.url("s")])
        #expect(expansion.paths == [folder.url("s/a.yaml")])
        #expect(expansion.diagnostics.count == 1)
        let note = try #require(expansion.diagnostics.first)
        #expect(note.severity == .note)
        #expect(note.message == "skipping '\(folder.url("s/notes.txt"))': not a YAML file (*.yaml, *.yml)")
        #expect(!expansion.hasErrors)
    }

    @Test func symlinkLoopIsReportedOnce() throws {
        let folder = try TemporaryFolder()
        try folder.file("s/a.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.url("s/loop"), withDestinationPath: folder.url("s"))
        let expansion = InputFiles.expand(paths: [folder.url("s")])
        #expect(expansion.paths == [folder.url("s/a.yaml")])
        #expect(expansion.diagnostics.map(\.code) == ["input-symlink-loop"])
        #expect(expansion.diagnostics.first?.severity == .warning)
    }

    @Test func linkedFolderReachedTwiceIsWalkedOnce() throws {
        let folder = try TemporaryFolder()
        try folder.file("data/a.yaml")
        try folder.folder("s")
        try FileManager.default.createSymbolicLink(atPath: folder.url("s/one"), withDestinationPath: folder.url("data"))
        try FileManager.default.createSymbolicLink(atPath: folder.url("s/two"), withDestinationPath: folder.url("data"))
        let expansion = InputFiles.expand(paths: [folder.url("s")])
        #expect(expansion.paths == [folder.url("s/one/a.yaml")])
        #expect(expansion.diagnostics.isEmpty)
    }

    @Test func emptyFolderAndFolderWithoutYAMLAreErrors() throws {
        let folder = try TemporaryFolder()
        let empty = try folder.folder("empty")
        try folder.file("docs/readme.md")
        let expansion = InputFiles.expand(paths: [empty, folder.url("docs")])
        #expect(expansion.paths == [])
        #expect(expansion.hasErrors)
        #expect(
            expansion.diagnostics.map(\.message).contains(
                "the folder '\(empty)' contains no YAML files (*.yaml, *.yml)"))
        #expect(expansion.diagnostics.map(\.code).sorted() == ["input-no-yaml", "input-no-yaml", "input-not-yaml"])
    }

    @Test func missingPathsAndBrokenLinks() throws {
        let folder = try TemporaryFolder()
        try folder.file("s/a.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.url("s/gone.yaml"), withDestinationPath: folder.url("nowhere"))
        let expansion = InputFiles.expand(paths: [folder.url("missing.yaml"), folder.url("s")])
        #expect(expansion.paths == [folder.url("s/a.yaml")])
        #expect(expansion.diagnostics.map(\.code) == ["input-not-found", "input-broken-link"])
        #expect(expansion.diagnostics[0].message == "no such file or folder '\(folder.url("missing.yaml"))'")
    }

    @Test func unreadableEntriesAreReportedWhenNotRoot() throws {
        guard getuid() != 0 else { return }  // root reads everything
        let folder = try TemporaryFolder()
        let locked = try folder.file("s/locked.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked) }
        let expansion = InputFiles.expand(paths: [folder.url("s")])
        #expect(expansion.diagnostics.map(\.code).contains("input-unreadable"))
    }

    /// The folders read ahead in parallel give what the serial walk gave: the same files in the same order, the same
    /// diagnostics in the same order, whichever path of a folder reached twice is kept, loops, broken links, hidden
    /// and non-YAML entries, files given directly and twice, and paths ending in a slash.
    @Test(arguments: [1, 2, 4])
    func readAheadWalkMatchesTheSerialWalk(workers: Int) throws {
        let folder = try TemporaryFolder()
        for library in 0..<40 {
            for round in 1...2 { try folder.file("c/lib-\(library)/round-\(round).yaml") }
            if library % 7 == 0 { try folder.file("c/lib-\(library)/notes.txt") }
            if library % 9 == 0 { try folder.file("c/lib-\(library)/deep/er/x.yml") }
        }
        try folder.file("c/lib-1/.hidden.yaml")
        try folder.file("c/a-b/z.yaml")  // "a-b" sorts before "a/…" by bytes, after it as a folder name
        try folder.file("c/a/z.yaml")
        try folder.file("data/shared.yaml")
        try folder.folder("c/empty")
        func link(_ path: String, _ target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }
        try link(folder.url("c/lib-3/loop"), folder.url("c"))
        try link(folder.url("c/one"), folder.url("data"))
        try link(folder.url("c/two"), folder.url("data"))
        try link(folder.url("c/lib-5/gone.yaml"), folder.url("nowhere"))
        try link(folder.url("c/lib-6/alias.yaml"), folder.url("c/lib-6/round-1.yaml"))
        try link(folder.url("c/lib-8/elsewhere.yaml"), folder.url("data/shared.yaml"))
        let paths = [
            folder.url("c"), folder.url("c/lib-2/round-1.yaml"), folder.url("missing"), folder.url("c/empty"),
            folder.url("data") + "/", folder.url("c/one/shared.yaml"),
        ]
        let expected = ReferenceExpansion.expand(paths: paths)
        let expansion = InputFiles.expand(paths: paths, workers: workers)
        #expect(expansion.paths.count > 80)
        #expect(expansion.paths == expected.paths)
        #expect(expansion.diagnostics == expected.diagnostics)
        #expect(Set(expansion.diagnostics.map(\.code)) == ["input-symlink-loop", "input-broken-link", "input-not-found", "input-no-yaml", "input-not-yaml"])
    }

    /// Folders alone, some reached twice (through links and given again): every file then comes with its real path,
    /// and the expansion skips comparing them; it must still agree with the reference, which compares them all.
    @Test(arguments: [1, 2])
    func foldersReachedTwiceListEachFileOnce(workers: Int) throws {
        let folder = try TemporaryFolder()
        for library in 0..<12 {
            for round in 1...2 { try folder.file("c/lib-\(library)/round-\(round).yaml") }
        }
        try folder.file("data/shared.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.url("c/one"), withDestinationPath: folder.url("data"))
        try FileManager.default.createSymbolicLink(atPath: folder.url("c/lib-4/again"), withDestinationPath: folder.url("c/lib-7"))
        let paths = [folder.url("c"), folder.url("data"), folder.url("c/lib-3") + "/", folder.url("c")]
        let expected = ReferenceExpansion.expand(paths: paths)
        let expansion = InputFiles.expand(paths: paths, workers: workers)
        #expect(expansion.paths.count == 25)
        #expect(expansion.paths == expected.paths)
        #expect(expansion.diagnostics == expected.diagnostics)
    }

    /// Started on another thread (two workers) or walked when asked (one), the expansion is the same.
    @Test(arguments: [false, true])
    func pendingExpansionGivesTheExpansion(inBackground: Bool) throws {
        let folder = try TemporaryFolder()
        for library in 0..<5 { try folder.file("c/lib-\(library)/round-1.yaml") }
        try folder.file("c/notes.txt")
        let paths = [folder.url("c"), folder.url("missing.yaml")]
        let expected = InputFiles.expand(paths: paths)
        let pending = Pending(inBackground: inBackground) { InputFiles.expand(paths: paths) }
        let expansion = pending.wait()
        #expect(expansion.paths == expected.paths && expansion.paths.count == 5)
        #expect(expansion.diagnostics == expected.diagnostics)
        #expect(pending.wait().paths == expected.paths)  // asked again: the same, not walked again
    }

    @Test func bytewiseOrderOfPaths() {
        let words = ["a/b", "a-c", "a", "", "Z", "ä", "a/b/c", "ab", "a\u{0}"]
        for x in words {
            for y in words { #expect(InputFiles.utf8Precedes(x, y) == x.utf8.lexicographicallyPrecedes(y.utf8)) }
        }
    }
}

// MARK: - The serial walk the read-ahead replaced, kept as the reference it must agree with

enum ReferenceExpansion {
    static func expand(paths: [String]) -> InputFiles.Expansion {
        var walker = ReferenceWalker()
        for path in paths { walker.visit(argument: path) }
        var seen = Set<String>()
        var unique: [String] = []
        for path in walker.found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let key = OutputWriter.realPath(path) ?? path
            if seen.insert(key).inserted { unique.append(path) }
        }
        return InputFiles.Expansion(paths: unique, diagnostics: walker.diagnostics)
    }
}

struct ReferenceWalker {
    var found: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Real paths of folders already walked, to skip a folder reached twice.
    var visited = Set<String>()

    /// The arguments are classified as the walk does (`InputFiles.Argument`); only the folder walk is the old one.
    mutating func visit(argument path: String) {
        switch InputFiles.Argument(path) {
        case .problem(let diagnostic): diagnostics.append(diagnostic)
        case .file: found.append(path)
        case .folder:
            let before = found.count
            let errorsBefore = diagnostics.errorCount
            walk(folder: path, ancestors: [])
            if found.count == before, diagnostics.errorCount == errorsBefore {
                diagnostics.append(InputFiles.Argument.noYAML(in: path))
            }
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
