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
        switch text.lowercased() {
        case "true", "yes", "ja", "on": return .success(true)
        case "false", "no", "nein", "off": return .success(false)
        default: return .failure(mismatch("\(expected), found \(Self.quoted(text))"))
        }
    }

    /// A whole number: optional sign and decimal digits. `0755` is 755 (never octal).
    ///
    /// - Returns: The number, or `type-mismatch` for other text or a number beyond the `Int` range.
    public func integer() -> Result<Int, Diagnostic> {
        let expected = "expected a whole number"
        guard let text = trimmedText else { return .failure(mismatch("\(expected), found \(kindDescription)")) }
        let utf8 = Array(text.utf8)
        let digitsStart = utf8.first == UInt8(ascii: "+") || utf8.first == UInt8(ascii: "-") ? 1 : 0
        guard utf8.count > digitsStart, utf8[digitsStart...].allSatisfy(Self.isDigit) else {
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
        let bytes = Array(text.utf8)
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
        let bytes = Array(text.utf8)
        func number(_ part: ArraySlice<UInt8>, widths: ClosedRange<Int>) -> Int? {
            guard widths.contains(part.count), part.allSatisfy(isDigit) else { return nil }
            return part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        let iso = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if iso.count == 3, let y = number(iso[0], widths: 4...4), let m = number(iso[1], widths: 2...2),
            let d = number(iso[2], widths: 2...2)
        {
            return (y, m, d)
        }
        let german = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if german.count == 3, let d = number(german[0], widths: 1...2), let m = number(german[1], widths: 1...2),
            let y = number(german[2], widths: 4...4)
        {
            return (y, m, d)
        }
        return nil
    }
}

extension String {
    fileprivate func replacingComma() -> String {
        guard utf8.contains(UInt8(ascii: ",")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
    }
}
