import Diagnostics
import Foundation
import Testing

@testable import YAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct FileTests {
    @Test func missingFile() {
        let result = YAMLParser.parse(file: "no/such/file.yaml")
        #expect(result.root == nil)
        #expect(result.diagnostics == [.error("file-not-found", "file 'no/such/file.yaml' does not exist")])
    }

    @Test func directory() throws {
        let directory = try TemporaryDirectory()
        let result = YAMLParser.parse(file: directory.url.path)
        #expect(result.diagnostics == [.error("is-a-directory", "'\(directory.url.path)' is a directory, not a file")])
    }

    @Test(.enabled(if: geteuid() != 0, "root can read any file"))
    func unreadableFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("secret.yaml", Array("a: 1\n".utf8))
        chmod(path, 0)
        let result = YAMLParser.parse(file: path)
        #expect(
            result.diagnostics == [
                .error(
                    "unreadable-file", "cannot read '\(path)': permission denied",
                    hint: "check the file's permissions, or copy it somewhere you can read it")
            ])
    }

    @Test func locationsUseThePathAsGiven() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("x.yaml", Array("a: 1\na: 2\n".utf8))
        // A path with a redundant "./" component is shown exactly as given.
        let given = directory.url.path + "/./x.yaml"
        let result = YAMLParser.parse(file: given)
        #expect(result.diagnostics.first?.location == SourceLocation(file: given, line: 2, column: 1))
        #expect(YAMLParser.parse(file: path).root?["a"]?.location == SourceLocation(file: path, line: 1, column: 4))
    }

    @Test func emptyFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("empty.yaml", [])
        #expect(
            YAMLParser.parse(file: path).diagnostics == [
                .error("empty-document", "file is empty", at: SourceLocation(file: path, line: 1, column: 1))
            ])
    }
}
