import Foundation
import TestSupport
import Testing

@testable import AssessCLI

@Suite struct OutputWriterTests {
    @Test func writesAndReplacesLeavingNoTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        let target = folder.url("report.html")
        try OutputWriter().write("first", to: target)
        try OutputWriter().write("second – Bücherei", to: target)
        #expect(folder.read("report.html") == "second – Bücherei")
        #expect(folder.listing() == ["report.html"])
    }

    @Test func failureMidWayKeepsTheOldContent() throws {
        let folder = try TemporaryFolder()
        let target = try folder.file("report.html", "old report")
        struct DiskFull: Error {}
        #expect(throws: CLIError.self) {
            try OutputWriter().write(to: target) { file in
                try file.write("new half")
                throw DiskFull()
            }
        }
        #expect(folder.read("report.html") == "old report")
        #expect(folder.listing() == ["report.html"])
    }

    @Test func failingRenameKeepsTheOldContentAndRemovesTheTemporaryFile() throws {
        // The temporary file is in place but renaming fails: here the target turns into a non-empty folder
        // after the checks ran, so rename(2) refuses.
        let folder = try TemporaryFolder()
        let target = folder.url("report.html")
        let error = #expect(throws: CLIError.self) {
            try OutputWriter().write(to: target) { file in
                try file.write("new")
                try FileManager.default.createDirectory(atPath: target + "/inner", withIntermediateDirectories: true)
            }
        }
        #expect(error?.message.hasPrefix("cannot write '\(target)'") == true)
        #expect(folder.listing() == ["report.html"])
        #expect(folder.listing("report.html") == ["inner"])
    }

    @Test func refusesToOverwriteAnInput() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("team.yaml", "a: 1\n")
        let error = #expect(throws: CLIError.self) { try OutputWriter(inputs: [input]).write("x", to: input) }
        #expect(error?.message == "refusing to write '\(input)': it is the input file '\(input)'")
        #expect(error?.status == .failure)
        #expect(folder.read("team.yaml") == "a: 1\n")
    }

    @Test func refusesToOverwriteAnInputThroughASymlinkOrDotDot() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("data/team.yaml", "a: 1\n")
        try FileManager.default.createSymbolicLink(atPath: folder.url("link.yaml"), withDestinationPath: input)
        try FileManager.default.createSymbolicLink(atPath: folder.url("datalink"), withDestinationPath: folder.url("data"))
        for output in [folder.url("link.yaml"), folder.url("datalink/team.yaml"), folder.url("data/../data/team.yaml")] {
            #expect(throws: CLIError.self) { try OutputWriter(inputs: [input]).write("x", to: output) }
        }
        // …and the other way round: the input given through a link.
        #expect(throws: CLIError.self) {
            try OutputWriter(inputs: [folder.url("link.yaml")]).write("x", to: input)
        }
        #expect(folder.read("data/team.yaml") == "a: 1\n")
        #expect(folder.listing("data") == ["team.yaml"])
    }

    @Test func writesThroughASymlinkToItsTarget() throws {
        let folder = try TemporaryFolder()
        let real = try folder.file("real.html", "old")
        try FileManager.default.createSymbolicLink(atPath: folder.url("link.html"), withDestinationPath: real)
        try OutputWriter().write("new", to: folder.url("link.html"))
        #expect(folder.read("real.html") == "new")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.url("link.html"))
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
    }

    @Test func missingFolderIsAClearError() throws {
        let folder = try TemporaryFolder()
        let target = folder.url("nope/report.html")
        let error = #expect(throws: CLIError.self) { try OutputWriter().write("x", to: target) }
        #expect(error?.message == "cannot write '\(target)': the folder '\(folder.url("nope"))' does not exist")
        #expect(error?.hint != nil)
    }

    @Test func folderAsTargetIsAClearError() throws {
        let folder = try TemporaryFolder()
        let target = try folder.folder("out")
        let error = #expect(throws: CLIError.self) { try OutputWriter().write("x", to: target) }
        #expect(error?.message == "cannot write '\(target)': it is a folder")
    }

    @Test func keepsThePermissionsOfAReplacedFile() throws {
        let folder = try TemporaryFolder()
        let target = try folder.file("report.csv", "old")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        try OutputWriter().write("new", to: target)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func writeDirectoryCreatesTheFolderWhenItsParentExists() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("in/a.yaml")
        let out = folder.url("out")
        let written = try OutputWriter(inputs: [input]).writeDirectory(
            [(name: "a.html", text: "A"), (name: "b.html", text: "B")], into: out)
        #expect(written.count == 2)
        #expect(folder.listing("out") == ["a.html", "b.html"])
        #expect(folder.read("out/b.html") == "B")

        let deep = folder.url("missing/out")
        let error = #expect(throws: CLIError.self) {
            try OutputWriter().writeDirectory([(name: "a.html", text: "A")], into: deep)
        }
        #expect(error?.message == "cannot create the folder '\(deep)': the folder '\(folder.url("missing"))' does not exist")
        #expect(throws: CLIError.self) { try OutputWriter().writeDirectory([(name: "a.html", text: "A")], into: input) }
        // Writing into the inputs' own folder must not replace an input.
        #expect(throws: CLIError.self) {
            try OutputWriter(inputs: [input]).writeDirectory([(name: "a.yaml", text: "x")], into: folder.url("in"))
        }
        #expect(folder.read("in/a.yaml") == "a: 1\n")
    }

    @Test func contextEmitGoesToStdoutOrFile() throws {
        let folder = try TemporaryFolder()
        let out = BufferSink()
        let context = CommandContext(stdout: out, stderr: BufferSink())
        #expect(try context.emit("report\n", to: nil, inputs: []) == nil)
        #expect(try context.emit("again\n", to: "-", inputs: []) == nil)
        #expect(out.text == "report\nagain\n")
        #expect(try context.emit("file\n", to: folder.url("r.txt"), inputs: []) == folder.url("r.txt"))
        #expect(folder.read("r.txt") == "file\n")
    }
}
