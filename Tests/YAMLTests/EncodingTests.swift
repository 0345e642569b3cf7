import Diagnostics
import Foundation
import Testing

@testable import YAML

@Suite struct EncodingTests {
    static let utf8Hint =
        "save the file with the encoding UTF-8 (in Notepad: Save as… → Encoding: UTF-8; in most other editors the encoding is shown in the status bar)"

    @Test func bomAndCRLFFixtureParsesWithCorrectPositions() throws {
        let path = fixturesDirectory.appendingPathComponent("bom-crlf.yaml").path
        let result = YAMLParser.parse(file: path)
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.root)
        #expect(root.location == SourceLocation(file: path, line: 2, column: 1))
        #expect(root["team"]?.scalar?.text == "Plattform")
        let answers = try #require(root["answers"]?.sequence)
        #expect(answers[0]["value"]?.location == SourceLocation(file: path, line: 5, column: 12))
        #expect(answers[1]["value"]?.scalar == Scalar("Müller", style: .doubleQuoted))
        #expect(answers[1]["value"]?.location == SourceLocation(file: path, line: 7, column: 12))
    }

    @Test func bomOnTheFirstLineTakesNoColumn() {
        let text = "\u{FEFF}a: 1\r\nb: 2\r\na: 3\r\n"
        let diagnostics = parse(text).diagnostics
        #expect(diagnostics.map(\.location) == [at(3, 1)])
        #expect(diagnostics.first?.notes.first?.location == at(1, 1))
        #expect(parse("\u{FEFF}key: 'open").diagnostics.first?.notes.first?.location == at(1, 6))
    }

    @Test func crlfSyntaxErrorPositions() {
        let diagnostics = parse("a: 1\r\nb:\r\n  c: 1\r\n d: 2\r\n").diagnostics
        #expect(diagnostics.map(\.location) == [at(4, 2)])
    }

    @Test(arguments: [
        ("UTF-16 little-endian with BOM", [0xFF, 0xFE] + Array("a: 1\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "UTF-16"),
        ("UTF-16 big-endian with BOM", [0xFE, 0xFF] + Array("a: 1\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }), "UTF-16"),
        ("UTF-16 little-endian without BOM", Array("a: 1\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "UTF-16"),
        ("UTF-16 big-endian without BOM", Array("key: value\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }), "UTF-16"),
        ("UTF-32 little-endian with BOM", [0xFF, 0xFE, 0, 0, UInt8(ascii: "a"), 0, 0, 0], "UTF-32"),
        ("UTF-32 big-endian with BOM", [0, 0, 0xFE, 0xFF, 0, 0, 0, UInt8(ascii: "a")], "UTF-32"),
    ] as [(String, [UInt8], String)])
    func wideEncodingsAreRefused(label: String, bytes: [UInt8], encoding: String) {
        let result = parse(bytes: bytes)
        #expect(result.root == nil, "\(label)")
        #expect(
            result.diagnostics == [
                .error(
                    "utf16-file", "file is saved as \(encoding), but YAML files must be saved as UTF-8", at: at(1, 1),
                    hint: Self.utf8Hint)
            ], "\(label)")
    }

    @Test func nulByteIsABinaryFile() {
        let result = parse(bytes: Array("a: 1\nb: ä\u{0}x\n".utf8))
        #expect(result.root == nil)
        #expect(
            result.diagnostics == [
                .error(
                    "binary-file", "file contains a NUL byte; it looks like a binary file, not YAML text", at: at(2, 5),
                    hint: "check that this is the right file")
            ])
    }

    @Test func invalidUTF8IsLocatedAtTheFirstBadByte() {
        // "Müller" saved as Latin-1: ü is the single byte 0xFC.
        let bytes = Array("team: äöü\nname: M".utf8) + [0xFC] + Array("ller\n".utf8)
        let result = parse(bytes: bytes)
        #expect(result.root == nil)
        #expect(
            result.diagnostics == [
                .error(
                    "invalid-utf8", "file is not valid UTF-8: unexpected byte 0xFC", at: at(2, 8),
                    hint: Self.utf8Hint + "; characters such as ä, ö, ü or ß are the usual cause")
            ])
    }

    @Test(arguments: [
        ([0xC3], 1), ([0xE2, 0x82], 1), ([0xED, 0xA0, 0x80], 1), ([0xC0, 0x80], 1), ([0xF4, 0x90, 0x80, 0x80], 1),
        ([0x61, 0x80], 2), ([0xF0, 0x9F, 0x98, 0x80, 0xFF], 2),
    ] as [([UInt8], Int)])
    func invalidUTF8Sequences(bytes: [UInt8], column: Int) {
        let diagnostics = parse(bytes: bytes).diagnostics
        #expect(diagnostics.map(\.code) == ["invalid-utf8"])
        #expect(diagnostics.first?.location == at(1, column))
    }

    @Test func validMultiByteTextIsAccepted() throws {
        let root = try #require(parse("emoji: 😀\nname: Grüße\n").root)
        #expect(root["emoji"]?.scalar?.text == "😀")
        #expect(root["name"]?.location == at(2, 7))
    }
}
