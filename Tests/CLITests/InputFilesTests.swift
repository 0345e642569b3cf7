import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AssessCLI

@Suite struct InputFilesTests {
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
}
