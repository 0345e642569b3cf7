/// "Did you mean" suggestions for misspelt identifiers and option names.
public enum Suggestion {
    /// Folds a string for forgiving comparison: lowercase, German umlauts and ß spelt out (`ä` → `ae`),
    /// other accents dropped, spaces, `_` and `-` unified.
    public static func fold(_ text: String) -> String {
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
