import Diagnostics
import Testing

@testable import YAML

/// Snippets show the line a location names, and libyaml names lines by its own count of line breaks.
@Suite("Snippet lines")
struct SnippetLineTests {
    @Test func everyLineBreakLibyamlCountsSplitsLines() {
        let sources = SourceLineCache()
        sources.register(text: "l1\nl2\r\nl3\rl4\u{85}l5\u{2028}l6\u{2029}l7", as: "breaks.yaml")
        #expect((1...7).map { sources.line($0, of: "breaks.yaml") } == (1...7).map { "l\($0)" })
        #expect(sources.line(8, of: "breaks.yaml") == nil)
        #expect(sources.line(0, of: "breaks.yaml") == nil)
    }

    @Test func byteOrderMarkEmptyLinesAndTheLastBreak() {
        let sources = SourceLineCache()
        sources.register(text: "\u{FEFF}ä: 1\n\n\r\nß: ü\n", as: "marks.yaml")
        #expect((1...5).map { sources.line($0, of: "marks.yaml") } == ["ä: 1", "", "", "ß: ü", ""])
        #expect(sources.line(6, of: "marks.yaml") == nil)
    }

    /// A repeated key after a quoted text with a NEL in it: libyaml puts the key on line 3, and that is the line
    /// shown.
    @Test(arguments: ["\u{85}", "\u{2028}", "\u{2029}", "\r", "\r\n"])
    func snippetFollowsLibyamlsLineCount(lineBreak: String) throws {
        let text = "a: \"x\(lineBreak)y\"\na: 2\n"
        let diagnostic = try #require(parse(text).diagnostics.first)
        #expect(diagnostic.location?.line == 3)
        #expect(rendered([diagnostic], source: text).contains("\n    a: 2\n    ^"))
    }
}
