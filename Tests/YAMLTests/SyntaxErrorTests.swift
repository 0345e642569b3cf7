import Diagnostics
import Testing

@testable import YAML

/// libyaml's own errors, with the whole rendered text asserted (message, caret, note, hint).
@Suite struct SyntaxErrorTests {
    @Test func tabIndentation() {
        #expect(
            renderedErrors("a:\n\t- x\n") == """
                t.yaml:2:1: error: found character that cannot start any token [syntax-error]
                    \t- x
                    ^
                hint: YAML does not allow tabs for indentation; use spaces

                """)
        #expect(
            renderedErrors("a: 1\n\tb: 2\n") == """
                t.yaml:2:1: error: found a tab character that violates indentation [syntax-error]
                    \tb: 2
                    ^
                t.yaml:1:4: note: while scanning a plain scalar
                    a: 1
                       ^
                hint: YAML does not allow tabs for indentation; use spaces

                """)
    }

    @Test func unclosedDoubleQuote() {
        // The end of the stream is the empty line 3.
        #expect(
            renderedErrors("name: \"unclosed\nnext: 1\n")
                == "t.yaml:3:1: error: found unexpected end of stream [syntax-error]\n    \n    ^\n" + """
                    t.yaml:1:7: note: while scanning a quoted scalar
                        name: "unclosed
                              ^
                    hint: the quoted value that starts here is never closed; add the missing closing "

                    """)
    }

    @Test func unclosedSingleQuote() {
        let diagnostics = parse("name: 'unclosed\n").diagnostics
        #expect(diagnostics.map(\.location) == [at(2, 1)])
        #expect(diagnostics.first?.hint == "the quoted value that starts here is never closed; add the missing closing '")
    }

    @Test func keyIndentedTooFar() {
        #expect(
            renderedErrors("a: 1\n b: 2\n") == """
                t.yaml:2:3: error: mapping values are not allowed in this context [syntax-error]
                     b: 2
                      ^
                hint: check the indentation of this line and the one before; a value that itself contains ': ' must be put in quotes

                """)
    }

    @Test func keyIndentedTooLittle() {
        #expect(
            renderedErrors("a:\n  b: 1\n c: 2\n") == """
                t.yaml:3:2: error: did not find expected key [syntax-error]
                     c: 2
                     ^
                t.yaml:1:1: note: while parsing a block mapping
                    a:
                    ^
                hint: check the indentation: keys of the same mapping must start in the same column, and each key needs a colon followed by a space ('key: value')

                """)
    }

    @Test func missingColon() {
        let diagnostics = parse("a: b\nc\nd: e\n").diagnostics
        #expect(diagnostics.map(\.message) == ["could not find expected ':'"])
        #expect(diagnostics.map(\.location) == [at(3, 1)])
        #expect(diagnostics.first?.notes == [.init("while scanning a simple key", at: at(2, 1))])
        #expect(diagnostics.first?.hint == SyntaxError.indentationHint)
    }

    @Test func colonInsideAValue() {
        let diagnostics = parse("key: value: x\n").diagnostics
        #expect(diagnostics.map(\.location) == [at(1, 11)])
        #expect(diagnostics.first?.hint == SyntaxError.colonHint)
    }

    @Test func reservedCharacterNeedsQuotes() {
        #expect(
            renderedErrors("mail: @team\n") == """
                t.yaml:1:7: error: found character that cannot start any token [syntax-error]
                    mail: @team
                          ^
                hint: a value starting with @ must be put in quotes

                """)
    }

    @Test func unclosedFlowSequence() {
        let diagnostics = parse("a: [1, 2\nb: 3\n").diagnostics
        #expect(diagnostics.map(\.message) == ["did not find expected ',' or ']'"])
        #expect(diagnostics.map(\.location) == [at(2, 2)])
        #expect(diagnostics.first?.notes == [.init("while parsing a flow sequence", at: at(1, 4))])
        #expect(diagnostics.first?.hint == nil)
    }

    @Test func controlCharacter() {
        #expect(parse("x: a\u{1}\n").diagnostics == [.error("syntax-error", "control characters are not allowed", at: at(1, 5))])
    }
}
