/// "Did you mean" suggestions for misspelt identifiers and option names.
public enum Suggestion {
    /// Folds a string for forgiving comparison: lowercase, German umlauts and ß spelt out (`ä` → `ae`),
    /// other accents dropped, spaces, `_` and `-` unified.
    public static func fold(_ text: String) -> String {
        foldBytes(text) ?? foldScalars(text)
    }

    /// `fold` of a text of ASCII and the Latin letters `fold` spells out or strips (`ä`, `Ü`, `ß`, `é`, …), byte by
    /// byte: lowercasing and appending scalar by scalar cost some 20,000 instructions a name, noticeable when a
    /// programme's 25,000 names are sorted. nil for any other text, which `foldScalars` takes.
    static func foldBytes(_ text: String) -> String? {
        let utf8 = text.utf8
        var failed = false
        let folded = String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0
            var lead: UInt8 = 0  // the first byte of a two-byte letter, 0xC3
            for byte in utf8 {
                if lead != 0 {
                    lead = 0
                    guard let spelling = latinSpelling(byte) else {
                        failed = true
                        return 0
                    }
                    buffer[count] = spelling.0
                    count += 1
                    if spelling.1 != 0 {
                        buffer[count] = spelling.1
                        count += 1
                    }
                    continue
                }
                switch byte {
                case 0x41...0x5A: buffer[count] = byte | 0x20  // A–Z
                case 0x20, 0x5F: buffer[count] = 0x2D  // space and _ become -
                case 0xC3:
                    lead = byte
                    continue
                case 0x80...:
                    failed = true
                    return 0
                default: buffer[count] = byte
                }
                count += 1
            }
            if lead != 0 {
                failed = true
                return 0
            }
            // Without leading and trailing dashes, as `trimmingDashes`.
            var start = 0
            while start < count && buffer[start] == 0x2D { start += 1 }
            while count > start && buffer[count - 1] == 0x2D { count -= 1 }
            if start > 0 {
                for index in start..<count { buffer[index - start] = buffer[index] }
            }
            return count - start
        }
        return failed ? nil : folded
    }

    /// What `foldScalars` writes for U+00C0–U+00FF (the second byte of its UTF-8 form after 0xC3), in either case:
    /// one or two ASCII bytes (0: none), or nil for a letter it keeps as it is.
    private static func latinSpelling(_ byte: UInt8) -> (UInt8, UInt8)? {
        let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
        let u = UInt8(ascii: "u"), s = UInt8(ascii: "s")
        switch byte {
        case 0xA4, 0x84: return (a, e)  // ä Ä
        case 0xB6, 0x96: return (o, e)  // ö Ö
        case 0xBC, 0x9C: return (u, e)  // ü Ü
        case 0x9F: return (s, s)  // ß
        case 0xA1, 0xA0, 0xA2, 0x81, 0x80, 0x82: return (a, 0)  // á à â Á À Â
        case 0xA9, 0xA8, 0xAA, 0xAB, 0x89, 0x88, 0x8A, 0x8B: return (e, 0)  // é è ê ë É È Ê Ë
        case 0xAD, 0xAC, 0xAE, 0xAF, 0x8D, 0x8C, 0x8E, 0x8F: return (i, 0)  // í ì î ï Í Ì Î Ï
        case 0xB3, 0xB2, 0xB4, 0x93, 0x92, 0x94: return (o, 0)  // ó ò ô Ó Ò Ô
        case 0xBA, 0xB9, 0xBB, 0x9A, 0x99, 0x9B: return (u, 0)  // ú ù û Ú Ù Û
        default: return nil
        }
    }

    /// `fold` scalar by scalar, for any text.
    static func foldScalars(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "ß": out += "ss"
            case "á", "à", "â": out += "a"
            case "é", "è", "ê", "ë": out += "e"
            case "í", "ì", "î", "ï": out += "i"
            case "ó", "ò", "ô": out += "o"
            case "ú", "ù", "û": out += "u"
            case " ", "_", "-": out += "-"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.trimmingDashes()
    }

    /// The candidate closest to `input`, or nil when none is close enough.
    ///
    /// Candidates that fold to the same text win outright; otherwise the smallest edit distance below a
    /// length-dependent bound (at most 3) wins, ties broken by candidate order.
    public static func closest(to input: String, in candidates: [String]) -> String? {
        let folded = fold(input)
        if let exact = candidates.first(where: { fold($0) == folded }) { return exact }
        let bound = min(3, max(1, folded.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(folded, fold(candidate))
            if distance <= bound, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best { return best.candidate }
        // A prefix of a long id ("holiday" for "holiday-cover") is also a useful suggestion.
        if folded.count >= 4, let prefixed = candidates.first(where: { fold($0).hasPrefix(folded) }) { return prefixed }
        return nil
    }

    /// Edit distance over Unicode scalars where swapping two neighbours counts as one edit (optimal string
    /// alignment), because transposed letters ("alpah") are the most common typo.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

extension String {
    fileprivate func trimmingDashes() -> String {
        var scalars = Substring(self)
        while scalars.first == "-" { scalars = scalars.dropFirst() }
        while scalars.last == "-" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
