import Reports
import Testing

@Suite struct FormatTests {
    @Test func numbersPerLanguage() {
        #expect(Format.number(56.25, language: "de") == "56,3")
        #expect(Format.number(56.25, language: "en") == "56.3")
        #expect(Format.number(0.96, decimals: 1, language: "en") == "1.0")
        #expect(Format.number(2.5, decimals: 2, fixed: false, language: "de") == "2,5")
        #expect(Format.number(-3, decimals: 0, language: "en") == "−3")
        #expect(Format.delta(0, language: "de") == "±0")
    }

    /// Regression (review): a huge answer such as 1e19 hours trapped in Int(_:) while being formatted.
    @Test func hugeNumbersDoNotTrap() {
        #expect(Format.number(1e19, language: "en") == "10000000000000000000")
        #expect(Format.number(-.infinity, language: "en") == "-inf")
    }
}
