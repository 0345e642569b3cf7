import Diagnostics

// MARK: - Typed readers

/// Scalars stay text until a reader asks for a type. Each reader accepts any scalar style (quoted `'12'` is
/// still a number when a number is asked for) and otherwise returns a `type-mismatch` diagnostic located at
/// the node itself.
extension Node {
    /// The scalar's text, for any scalar.
    ///
    /// - Returns: The text, or `type-mismatch` for a list or mapping.
    public func string() -> Result<String, Diagnostic> {
        guard let scalar else { return .failure(mismatch("expected a single value, found \(kindDescription)")) }
        return .success(scalar.text)
    }

    /// A yes/no value: `true`/`false`, `yes`/`no`, `ja`/`nein`, `on`/`off`, in any letter case.
    public func bool() -> Result<Bool, Diagnostic> {
        let expected = "expected yes or no (true/false)"
        guard let text = trimmedText else { return .failure(mismatch("\(expected), found \(kindDescription)")) }
        guard let flag = Self.yesNo(text) else { return .failure(mismatch("\(expected), found \(Self.quoted(text))")) }
        return .success(flag)
    }

    /// What `bool()` reads from a scalar with this text (without spaces or tabs around it), or nil.
    public static func yesNo(_ text: String) -> Bool? {
        // Compared without `lowercased()`, which would allocate for every yes/no answer of a cohort.
        if trueSpellings.contains(where: { text.equalsASCIICaseInsensitive($0) }) { return true }
        if falseSpellings.contains(where: { text.equalsASCIICaseInsensitive($0) }) { return false }
        return nil
    }

    private static let trueSpellings = ["true", "yes", "ja", "on"]
    private static let falseSpellings = ["false", "no", "nein", "off"]

    /// A whole number: optional sign and decimal digits. `0755` is 755 (never octal).
    ///
    /// - Returns: The number, or `type-mismatch` for other text or a number beyond the `Int` range.
    public func integer() -> Result<Int, Diagnostic> {
        let expected = "expected a whole number"
        guard let text = trimmedText else { return .failure(mismatch("\(expected), found \(kindDescription)")) }
        let utf8 = text.utf8
        let digitsStart = utf8.first == UInt8(ascii: "+") || utf8.first == UInt8(ascii: "-") ? 1 : 0
        guard utf8.count > digitsStart, utf8.dropFirst(digitsStart).allSatisfy(Self.isDigit) else {
            return .failure(mismatch("\(expected), found \(Self.quoted(text))"))
        }
        guard let value = Int(text) else {
            return .failure(mismatch("\(expected), found \(Self.quoted(text)), which is too large"))
        }
        return .success(value)
    }

    /// A decimal number: `12`, `12.5`, `-3`, `1e3`, or with the German decimal comma `12,5`.
    ///
    /// - Returns: The number, or `type-mismatch` for other text (including `.nan`, `.inf` and overflow).
    public func decimal() -> Result<Double, Diagnostic> {
        let expected = "expected a number"
        guard let text = trimmedText else { return .failure(mismatch("\(expected), found \(kindDescription)")) }
        guard Self.isDecimalSyntax(text), let value = Double(text.replacingComma()) else {
            return .failure(mismatch("\(expected), found \(Self.quoted(text))"))
        }
        guard value.isFinite else {
            return .failure(mismatch("\(expected), found \(Self.quoted(text)), which is too large"))
        }
        return .success(value)
    }

    /// A calendar date: `2026-03-01`, or German `01.03.2026` (also `1.3.2026`).
    ///
    /// - Returns: The date, or `type-mismatch` for other text or a day that does not exist.
    public func date() -> Result<CalendarDate, Diagnostic> {
        let expected = "expected a date (YYYY-MM-DD)"
        guard let text = trimmedText else { return .failure(mismatch("\(expected), found \(kindDescription)")) }
        guard let (year, month, day) = Self.dateFields(text) else {
            return .failure(mismatch("\(expected), found \(Self.quoted(text))"))
        }
        if let date = CalendarDate(year: year, month: month, day: day) { return .success(date) }
        let reason: String
        if !(1...12).contains(month) {
            reason = "there is no month \(month)"
        } else if year < 1 || year > 9999 {
            reason = "the year must be between 1 and 9999"
        } else {
            let days = CalendarDate.daysIn(month: month, year: year)
            reason = "\(CalendarDate.monthNames[month - 1]) \(year) has \(days) days"
        }
        return .failure(mismatch("\(Self.quoted(text)) is not a valid date: \(reason)"))
    }

    /// What `date()` reads from a scalar with this text (without spaces or tabs around it), or nil.
    public static func calendarDate(_ text: String) -> CalendarDate? {
        guard let (year, month, day) = dateFields(text) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    // MARK: - Helpers

    private var trimmedText: String? {
        guard let text = scalar?.text else { return nil }
        guard text.utf8.first == 0x20 || text.utf8.last == 0x20 || text.utf8.first == 0x09 || text.utf8.last == 0x09
        else { return text }
        var trimmed = Substring(text)
        while let first = trimmed.first, first == " " || first == "\t" { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    private func mismatch(_ message: String) -> Diagnostic {
        .error("type-mismatch", message, at: location)
    }

    /// The text in 'quotes' for a message, shortened when long; "an empty value" for empty text.
    static func quoted(_ text: String) -> String {
        if text.isEmpty { return "an empty value" }
        if text.count > 40 { return "'\(text.prefix(40))…'" }
        return "'\(text)'"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `[+-]? (digits ([.,] digits?)? | [.,] digits) ([eE] [+-]? digits)?`
    static func isDecimalSyntax(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isDecimalSyntax($0) }
    }

    private static func isDecimalSyntax(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        var mantissa = digits()
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") {
            i += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == bytes.count
    }

    /// Year, month and day from `YYYY-MM-DD` or `D.M.YYYY` (one or two digits for day and month).
    static func dateFields(_ text: String) -> (Int, Int, Int)? {
        var text = text
        return text.withUTF8 { bytes in
            if let (y, m, d) = threeNumbers(bytes, separator: UInt8(ascii: "-"), widths: (4...4, 2...2, 2...2)) {
                return (y, m, d)
            }
            if let (d, m, y) = threeNumbers(bytes, separator: UInt8(ascii: "."), widths: (1...2, 1...2, 4...4)) {
                return (y, m, d)
            }
            return nil
        }
    }

    /// Exactly three runs of digits separated by `separator`, each as long as its `widths` allow.
    private static func threeNumbers(
        _ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8,
        widths: (ClosedRange<Int>, ClosedRange<Int>, ClosedRange<Int>)
    ) -> (Int, Int, Int)? {
        var values = (0, 0, 0)
        var part = 0, length = 0
        func close() -> Bool {
            let allowed = part == 0 ? widths.0 : part == 1 ? widths.1 : widths.2
            return allowed.contains(length)
        }
        for byte in bytes {
            if byte == separator {
                guard part < 2, close() else { return nil }
                part += 1
                length = 0
            } else if isDigit(byte) {
                let digit = Int(byte - UInt8(ascii: "0"))
                switch part {
                case 0: values.0 = values.0 * 10 + digit
                case 1: values.1 = values.1 * 10 + digit
                default: values.2 = values.2 * 10 + digit
                }
                length += 1
                guard length <= 4 else { return nil }
            } else {
                return nil
            }
        }
        guard part == 2, close() else { return nil }
        return values
    }
}

extension String {
    /// Equality with an ASCII word, ignoring ASCII letter case (`Ja` = `ja`); no allocation.
    func equalsASCIICaseInsensitive(_ word: String) -> Bool {
        guard utf8.count == word.utf8.count else { return false }
        return zip(utf8, word.utf8).allSatisfy { a, b in a == b || (a ^ 0x20 == b && (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) }
    }

    fileprivate func replacingComma() -> String {
        guard utf8.contains(UInt8(ascii: ",")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
    }
}
