import Diagnostics
import Foundation
import Testing

@testable import YAML

@Suite struct TreeTests {
    @Test func scalarsKeepTextStyleAndPosition() throws {
        let text = """
            title: Plain text
            single: 'it''s'
            double: "a\\tb"
            literal: |
              line 1
              line 2
            folded: >
              one
              two
            number: 0755
            ümlaut: äöü
            """
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        let pairs = try #require(result.root?.mapping)
        #expect(pairs.map { $0.key.scalar?.text } == ["title", "single", "double", "literal", "folded", "number", "ümlaut"])
        let values = pairs.map { $0.value.scalar! }
        #expect(values[0] == Scalar("Plain text", style: .plain))
        #expect(values[1] == Scalar("it's", style: .singleQuoted))
        #expect(values[2] == Scalar("a\tb", style: .doubleQuoted))
        #expect(values[3] == Scalar("line 1\nline 2\n", style: .literal))
        #expect(values[4] == Scalar("one two\n", style: .folded))
        #expect(values[5] == Scalar("0755", style: .plain))
        #expect(result.root?.location == at(1, 1))
        #expect(pairs[1].key.location == at(2, 1))
        #expect(pairs[1].value.location == at(2, 9))
        #expect(pairs[3].value.location == at(4, 10))
        // Columns count Unicode scalars: "ümlaut: " is 8 scalars but 9 bytes.
        #expect(pairs[6].value.location == at(11, 9))
    }

    @Test func collectionsStartAtTheirFirstToken() throws {
        let text = """
            list:
              - 1
              - [x, {k: v}]
            map:
              nested: true
            """
        let root = try #require(parse(text).root)
        let list = try #require(root["list"])
        #expect(list.location == at(2, 3))
        let items = try #require(list.sequence)
        #expect(items.count == 2)
        #expect(items[1].location == at(3, 5))
        #expect(items[1].sequence?[1].location == at(3, 9))
        #expect(items[1].sequence?[1]["k"]?.scalar?.text == "v")
        #expect(root["map"]?.location == at(5, 3))
        #expect(root["map"]?["nested"]?.location == at(5, 11))
    }

    @Test func tagsAreKeptAsWritten() throws {
        let root = try #require(parse("a: !!str 12\nb: !custom x\nc: plain\n").root)
        #expect(root["a"]?.tag == "!!str")
        #expect(root["b"]?.tag == "!custom")
        #expect(root["c"]?.tag == nil)
    }

    @Test func aliasesResolveToTheAnchoredNode() throws {
        let root = try #require(parse("base: &b {x: 1, y: 2}\ncopy: *b\nname: &n Ada\nwho: *n\n").root)
        #expect(root["copy"]?["y"]?.scalar?.text == "2")
        // The alias is the anchored node itself, located where the anchor's node is.
        #expect(root["copy"]?.location == at(1, 7))
        #expect(root["who"]?.scalar?.text == "Ada")
        #expect(root["who"]?.location == at(3, 7))
    }

    @Test func duplicateKeyIsReportedAtTheSecondKey() {
        let text = "name: a\nother: b\nname: c\n"
        let diagnostics = parse(text).diagnostics
        #expect(
            diagnostics == [
                .error(
                    "duplicate-key", "duplicate key 'name'", at: at(3, 1), notes: [.init("first defined here", at: at(1, 1))],
                    hint: "each key may appear only once in a mapping; remove or rename one of them")
            ])
        #expect(
            rendered(diagnostics, source: text) == """
                t.yaml:3:1: error: duplicate key 'name' [duplicate-key]
                    name: c
                    ^
                t.yaml:1:1: note: first defined here
                    name: a
                    ^
                hint: each key may appear only once in a mapping; remove or rename one of them

                """)
    }

    @Test func duplicateKeysAreCheckedPerMappingAndAllReported() {
        let text = "a: {x: 1, y: 2}\nb: {x: 1, x: 2}\n'b': 3\nc:\n  - k: 1\n  - k: 2\n"
        let diagnostics = parse(text).diagnostics
        #expect(diagnostics.map(\.code) == ["duplicate-key", "duplicate-key"])
        #expect(diagnostics.map(\.location) == [at(2, 11), at(3, 1)])
        #expect(diagnostics.map { $0.notes.first?.location } == [at(2, 5), at(2, 1)])
        // The tree is still returned (the error is not fatal), keys in file order.
        #expect(parse(text).root?.mapping?.count == 4)
    }

    @Test func unknownAliasIsReported() {
        let result = parse("a: *missing\nb: 1\n")
        #expect(
            result.diagnostics == [
                .error("unknown-alias", "unknown alias '*missing': no anchor '&missing' is defined before it", at: at(1, 4))
            ])
    }

    @Test func aliasInsideItsOwnAnchorIsUnknown() {
        #expect(parse("a: &x [1, *x]\n").diagnostics.map(\.code) == ["unknown-alias"])
    }

    @Test func multipleDocumentsAreRefusedAtTheSecond() {
        let text = "a: 1\n---\nb: 2\n"
        let result = parse(text)
        #expect(result.root?["a"]?.scalar?.text == "1")
        #expect(
            renderedErrors(text) == """
                t.yaml:2:1: error: file contains more than one YAML document [multiple-documents]
                    ---
                    ^
                hint: a file holds exactly one document; remove this '---' line and what follows, or move it to its own file

                """)
        #expect(parse("--- a\n--- b\n").diagnostics.map(\.location) == [at(2, 1)])
        // A single explicit document with an end marker is fine.
        #expect(parse("---\na: 1\n...\n").diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("", "file is empty"), ("   \n\n", "file is empty"), ("\u{FEFF}", "file is empty"),
        ("# only\n  # comments\n", "file contains only comments"),
    ])
    func emptyDocument(text: String, message: String) {
        let result = parse(text)
        #expect(result.root == nil)
        #expect(result.diagnostics == [.error("empty-document", message, at: at(1, 1))])
    }

    @Test func parsingIsSafeConcurrently() async {
        let text = (0..<200).map { "key\($0): [\($0), value, {n: \($0)}]\nbad\($0): x\nbad\($0): y\n" }.joined()
        let expected = parse(text)
        let counts = await withTaskGroup(of: [[Int]].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<20).map { _ -> [Int] in
                        let result = parse(text)
                        return [result.root?.mapping?.count ?? -1, result.diagnostics.count]
                    }
                }
            }
            var all: [[Int]] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(counts.count == 160)
        #expect(Set(counts) == [[expected.root?.mapping?.count ?? -2, expected.diagnostics.count]])
        #expect(expected.diagnostics.count == 200)
    }
}
