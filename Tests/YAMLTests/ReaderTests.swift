import Diagnostics
import Testing

@testable import YAML

@Suite struct ReaderTests {
    /// The value of `v` in a one-line document.
    func value(_ yaml: String) -> Node {
        parse("v: \(yaml)\n").root!["v"]!
    }

    @Test(arguments: [
        ("yes", true), ("no", false), ("No", false), ("TRUE", true), ("false", false), ("on", true), ("off", false),
        ("ja", true), ("Nein", false), ("'yes'", true),
    ])
    func bools(yaml: String, expected: Bool) throws {
        #expect(try value(yaml).bool().get() == expected)
    }

    @Test func boolMismatch() {
        #expect(
            value("maybe").bool()
                == .failure(.error("type-mismatch", "expected yes or no (true/false), found 'maybe'", at: at(1, 4))))
        #expect(
            value("[yes]").bool()
                == .failure(.error("type-mismatch", "expected yes or no (true/false), found a list", at: at(1, 4))))
    }

    @Test(arguments: [("0755", 755), ("42", 42), ("-3", -3), ("+7", 7), ("0", 0), ("'12'", 12), ("9223372036854775807", Int.max)])
    func integers(yaml: String, expected: Int) throws {
        #expect(try value(yaml).integer().get() == expected)
    }

    @Test(arguments: [
        ("abc", "expected a whole number, found 'abc'"), ("12.5", "expected a whole number, found '12.5'"),
        ("1e3", "expected a whole number, found '1e3'"), ("0x1F", "expected a whole number, found '0x1F'"),
        ("'-'", "expected a whole number, found '-'"), ("''", "expected a whole number, found an empty value"),
        ("{a: 1}", "expected a whole number, found a mapping"),
        ("9223372036854775808", "expected a whole number, found '9223372036854775808', which is too large"),
    ])
    func integerMismatch(yaml: String, message: String) {
        #expect(value(yaml).integer() == .failure(.error("type-mismatch", message, at: at(1, 4))))
    }

    @Test(arguments: [
        ("12", 12.0), ("12.5", 12.5), ("-3", -3.0), ("1e3", 1000.0), ("12,5", 12.5), ("0,25", 0.25), (".5", 0.5),
        ("2.5E-1", 0.25), ("+1", 1.0), ("'3,75'", 3.75),
    ])
    func decimals(yaml: String, expected: Double) throws {
        #expect(try value(yaml).decimal().get() == expected)
    }

    @Test(arguments: [
        (".nan", "expected a number, found '.nan'"), ("nan", "expected a number, found 'nan'"),
        ("inf", "expected a number, found 'inf'"), ("-.inf", "expected a number, found '-.inf'"),
        ("1e999", "expected a number, found '1e999', which is too large"), ("0x10", "expected a number, found '0x10'"),
        ("1.234,5", "expected a number, found '1.234,5'"), ("12 %", "expected a number, found '12 %'"),
        ("e3", "expected a number, found 'e3'"),
    ])
    func decimalMismatch(yaml: String, message: String) {
        #expect(value(yaml).decimal() == .failure(.error("type-mismatch", message, at: at(1, 4))))
    }

    @Test(arguments: [
        ("2026-03-01", "2026-03-01"), ("01.03.2026", "2026-03-01"), ("1.3.2026", "2026-03-01"), ("2024-02-29", "2024-02-29"),
        ("29.02.2000", "2000-02-29"), ("'2026-12-31'", "2026-12-31"),
    ])
    func dates(yaml: String, expected: String) throws {
        #expect(try value(yaml).date().get().description == expected)
    }

    @Test(arguments: [
        ("31.02.2026", "'31.02.2026' is not a valid date: February 2026 has 28 days"),
        ("2025-02-29", "'2025-02-29' is not a valid date: February 2025 has 28 days"),
        ("1900-02-29", "'1900-02-29' is not a valid date: February 1900 has 28 days"),
        ("2026-04-31", "'2026-04-31' is not a valid date: April 2026 has 30 days"),
        ("2026-13-01", "'2026-13-01' is not a valid date: there is no month 13"),
        ("2026-00-10", "'2026-00-10' is not a valid date: there is no month 0"),
        ("2026-3-1", "expected a date (YYYY-MM-DD), found '2026-3-1'"),
        ("03/01/2026", "expected a date (YYYY-MM-DD), found '03/01/2026'"),
        ("tomorrow", "expected a date (YYYY-MM-DD), found 'tomorrow'"),
    ])
    func dateMismatch(yaml: String, message: String) {
        #expect(value(yaml).date() == .failure(.error("type-mismatch", message, at: at(1, 4))))
    }

    @Test func stringAcceptsAnyScalar() throws {
        #expect(try value("0755").string().get() == "0755")
        #expect(try value("no").string().get() == "no")
        #expect(try value("''").string().get() == "")
        #expect(value("[a]").string() == .failure(.error("type-mismatch", "expected a single value, found a list", at: at(1, 4))))
    }

    @Test func longValuesAreShortenedInMessages() {
        let long = String(repeating: "x", count: 60)
        let message = "expected a whole number, found '\(String(repeating: "x", count: 40))…'"
        #expect(value(long).integer() == .failure(.error("type-mismatch", message, at: at(1, 4))))
    }

    @Test func calendarDate() throws {
        let a = try #require(CalendarDate(year: 2026, month: 3, day: 1))
        let b = try #require(CalendarDate(year: 2026, month: 2, day: 28))
        #expect(b < a)
        #expect(a.description == "2026-03-01")
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 42, month: 1, day: 5)?.description == "0042-01-05")
    }
}
