import Diagnostics
import Foundation
import Testing

@testable import YAML

@Suite struct LimitsTests {
    @Test func defaults() {
        let limits = ParseLimits.default
        #expect(limits.maxBytes == 8 << 20)
        #expect(limits.maxDepth == 64)
        #expect(limits.maxAliasExpansion == 10_000)
    }

    @Test func tooLargeBytesAreRefused() {
        let result = parse("a: 123456\n", limits: ParseLimits(maxBytes: 9))
        #expect(result.root == nil)
        #expect(
            result.diagnostics == [
                .error(
                    "file-too-large", "file is too large: 10 bytes, the limit is 9 bytes", at: at(1, 1),
                    hint: "check that this is the right file; questionnaires and rubrics are normally a few kilobytes")
            ])
        #expect(parse("a: 12345\n", limits: ParseLimits(maxBytes: 9)).diagnostics.isEmpty)
    }

    @Test func tooLargeFileIsRefusedBeforeReading() throws {
        let directory = try TemporaryDirectory()
        let size = (8 << 20) + 1
        let path = try directory.write("big.yaml", [UInt8](repeating: UInt8(ascii: "#"), count: size))
        let result = YAMLParser.parse(file: path)
        #expect(result.root == nil)
        #expect(result.diagnostics.map(\.code) == ["file-too-large"])
        #expect(result.diagnostics.first?.message == "file is too large: 8388609 bytes, the limit is 8388608 bytes")
        #expect(result.diagnostics.first?.location == at(1, 1, path))
    }

    @Test func nestingUpToTheLimitIsAccepted() {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(parse(text).diagnostics.isEmpty)
    }

    @Test func nestingBeyondTheLimitIsRefusedAtTheOffendingCollection() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let result = parse(text)
        #expect(result.root == nil)
        #expect(
            result.diagnostics == [
                .error(
                    "nesting-too-deep", "nesting is too deep: more than 64 levels of lists and mappings", at: at(1, 65),
                    hint: "check for unbalanced '[' or '{' brackets")
            ])
    }

    @Test func deepBlockMappingsAreRefused() {
        let text = (0..<70).map { String(repeating: "  ", count: $0) + "k:\n" }.joined()
        #expect(parse(text).diagnostics.map(\.location) == [at(65, 129)])
        #expect(parse(text, limits: ParseLimits(maxDepth: 100)).diagnostics.isEmpty)
    }

    @Test func hundredThousandDeepNestingFailsFastWithoutOverflow() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let clock = ContinuousClock()
        var result: ParseResult?
        let elapsed = clock.measure { result = parse(text) }
        #expect(result?.diagnostics.map(\.code) == ["nesting-too-deep"])
        #expect(result?.diagnostics.first?.location == at(1, 65))
        #expect(elapsed < .seconds(1))
    }

    /// The classic "billion laughs": nine levels of nine aliases each would expand to 10⁹ nodes.
    static let billionLaughs: String = {
        var lines = ["a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsFailsFast() {
        let clock = ContinuousClock()
        var result: ParseResult?
        let elapsed = clock.measure { result = parse(Self.billionLaughs) }
        #expect(result?.root == nil)
        // a: 10 nodes; b adds 9×10; c adds 9×91; d adds 9×820 (8289 so far); the first *d in e adds 7381.
        #expect(
            result?.diagnostics == [
                .error(
                    "alias-budget-exceeded", "too many alias expansions: '*d' would bring the total above 10000 nodes",
                    at: at(5, 8),
                    hint: "aliases (*name) repeat the value marked with &name; write the values out or use fewer aliases")
            ])
        #expect(elapsed < .seconds(1))
    }

    @Test func aliasBudgetCountsEveryExpandedNode() {
        let text = "a: &x 1\nb: [*x, *x, *x]\nc: &y [1, 2]\n"
        #expect(parse(text, limits: ParseLimits(maxAliasExpansion: 3)).diagnostics.isEmpty)
        let more = text + "d: *y\n"
        // *y adds 3 nodes (the list and its two items): 6 in total.
        #expect(parse(more, limits: ParseLimits(maxAliasExpansion: 6)).diagnostics.isEmpty)
        #expect(
            parse(more, limits: ParseLimits(maxAliasExpansion: 5)).diagnostics.map { "\($0.location!): \($0.code)" } == [
                "t.yaml:4:4: alias-budget-exceeded"
            ])
    }
}

@Suite struct AliasDepthTests {
    @Test func aliasesCannotBuildNestingBeyondTheLimit() {
        // Each line is 40 levels deep on its own, but every alias stacks the previous 40 levels on top.
        let deep = String(repeating: "[", count: 40) + "x" + String(repeating: "]", count: 40)
        let text = "a: &a \(deep)\nb: &b " + String(repeating: "[", count: 30) + "*a" + String(repeating: "]", count: 30) + "\n"
        let result = parse(text)
        #expect(result.root == nil)
        #expect(
            result.diagnostics.map { "\($0.location!): \($0.code): \($0.message)" } == [
                "t.yaml:2:37: nesting-too-deep: nesting is too deep: more than 64 levels of lists and mappings"
            ])
        // 24 levels around a 40-level alias are exactly 64: accepted.
        let fits = "a: &a \(deep)\nb: " + String(repeating: "[", count: 23) + "*a" + String(repeating: "]", count: 23) + "\n"
        #expect(parse(fits).diagnostics.isEmpty)
    }
}
