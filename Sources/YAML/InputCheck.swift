import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks raw bytes before libyaml sees them: size, encoding, binary content.
///
/// Positions follow libyaml's rules (see ``SourceText``) so that these diagnostics line up with libyaml's own.
enum InputCheck {
    static let saveAsUTF8Hint =
        "save the file with the encoding UTF-8 (in Notepad: Save as… → Encoding: UTF-8; in most other editors the encoding is shown in the status bar)"

    /// The `file-too-large` diagnostic, shared by the byte and the file entry points.
    static func tooLarge(size: Int, orMore: Bool = false, limit: Int, file: String) -> Diagnostic {
        let amount = orMore ? "more than \(size) bytes" : "\(size) bytes"
        return .error(
            "file-too-large", "file is too large: \(amount), the limit is \(limit) bytes",
            at: SourceLocation(file: file, line: 1, column: 1),
            hint: "check that this is the right file; questionnaires and rubrics are normally a few kilobytes")
    }

    /// The first encoding problem of `bytes`, or nil when they are UTF-8 text (a UTF-8 BOM is fine).
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic? {
        if let encoding = wideEncoding(bytes) {
            return .error(
                "utf16-file", "file is saved as \(encoding), but YAML files must be saved as UTF-8",
                at: SourceLocation(file: file, line: 1, column: 1), hint: saveAsUTF8Hint)
        }
        if !bytes.isEmpty, let found = memchr(bytes.baseAddress!, 0, bytes.count) {
            let nul = UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
            return .error(
                "binary-file", "file contains a NUL byte; it looks like a binary file, not YAML text",
                at: SourceText.location(ofByte: nul, in: bytes, file: file),
                hint: "check that this is the right file")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let byte = "0x" + String(bytes[bad], radix: 16, uppercase: true)
            return .error(
                "invalid-utf8", "file is not valid UTF-8: unexpected byte \(byte)",
                at: SourceText.location(ofByte: bad, in: bytes, file: file),
                hint: saveAsUTF8Hint + "; characters such as ä, ö, ü or ß are the usual cause")
        }
        return nil
    }

    /// "UTF-16" or "UTF-32" when the bytes start with such a byte-order mark or look like NUL-interleaved ASCII.
    static func wideEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let n = bytes.count
        if n >= 4 {
            if bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return "UTF-32" }
            if bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return "UTF-32" }
        }
        if n >= 2 {
            if bytes[0] == 0xFE, bytes[1] == 0xFF { return "UTF-16" }
            if bytes[0] == 0xFF, bytes[1] == 0xFE { return "UTF-16" }
        }
        // Without a BOM: ASCII text in UTF-16 has a NUL in every other byte.
        let pairs = min(n, 256) / 2
        guard pairs >= 1 else { return nil }
        var zeroHigh = 0, zeroLow = 0
        for pair in 0..<pairs {
            let first = bytes[2 * pair], second = bytes[2 * pair + 1]
            if first != 0, second == 0 { zeroHigh += 1 }
            if first == 0, second != 0 { zeroLow += 1 }
        }
        if max(zeroHigh, zeroLow) * 4 >= pairs * 3 { return "UTF-16" }
        return nil
    }

    /// The offset of the first byte that starts an invalid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            offset < n && bytes[offset] >= low && bytes[offset] <= high
        }
        while i < n {
            // Eight ASCII bytes at a time: most of a questionnaire is ASCII.
            if i + 8 <= n,
                UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
                continue
            }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let width: Int
            switch lead {
            case 0xC2...0xDF: width = continuation(i + 1) ? 2 : 0
            case 0xE0: width = continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0
            case 0xED: width = continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
            case 0xE1...0xEF: width = continuation(i + 1) && continuation(i + 2) ? 3 : 0
            case 0xF0: width = continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
            case 0xF1...0xF3: width = continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
            case 0xF4: width = continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
            default: width = 0
            }
            if width == 0 { return i }
            i += width
        }
        return nil
    }
}

/// Line and column arithmetic over raw bytes, following libyaml: a leading UTF-8 BOM takes no column;
/// `\r\n`, `\r`, `\n`, NEL, LS and PS each end a line; columns count Unicode scalars.
enum SourceText {
    /// The 1-based location of the byte at `offset` (the bytes before it must be valid UTF-8).
    static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 0, column = 0
        var i = hasBOM(bytes) ? 3 : 0
        let end = min(offset, bytes.count)
        while i < end {
            let width = lineBreakWidth(bytes, at: i)
            if width > 0 {
                line += 1
                column = 0
                i += width
            } else {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        return RawMark(line: line, column: column).location(in: file)
    }

    /// The byte offset of a 0-based libyaml mark, or nil when it lies beyond the end.
    static func offset(ofLine targetLine: Int, column targetColumn: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var line = 0, column = 0
        var i = hasBOM(bytes) ? 3 : 0
        while i < bytes.count {
            if line == targetLine, column == targetColumn { return i }
            let width = lineBreakWidth(bytes, at: i)
            if width > 0 {
                if line == targetLine { return nil }
                line += 1
                column = 0
                i += width
            } else {
                i += 1
                while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
                column += 1
            }
        }
        return nil
    }

    static func hasBOM(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// The byte length of the line break at `i`, or 0 when there is none.
    @inline(__always)
    static func lineBreakWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch bytes[i] {
        case 0x0A: return 1
        case 0x0D: return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }
}
