import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The order of the matrix rows: a column, ascending or descending (`--sort overall`, `--sort=-workflow`).
///
/// Ties are always broken by name, then id, both ascending, so the order is total and deterministic.
public struct MatrixSort: Sendable, Equatable, CustomStringConvertible {
    public enum Column: Sendable, Equatable {
        case id, name, round, date, overall
        /// A dimension: by level, then score.
        case dimension(String)
    }

    public var column: Column
    public var descending: Bool

    public init(column: Column, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// By name, ascending.
    public static let `default` = MatrixSort(column: .name)

    /// The fixed column names; dimension ids are added per rubric.
    public static let fixedColumns = ["name", "id", "round", "date", "overall"]

    /// Why a sort text was refused, with a did-you-mean suggestion.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var column: String
        public var suggestion: String?
        /// Every column that may be named.
        public var columns: [String]

        public var description: String {
            var text = "Unknown sort column '\(column)'."
            if let suggestion { text += " Did you mean '\(suggestion)'?" }
            return text + " Columns: \(columns.joined(separator: ", ")); prefix '-' for descending."
        }
    }

    /// Parses `name`, `-overall`, `workflow:desc` or `overall:asc`.
    ///
    /// - Parameter dimensionIDs: the rubric's dimensions, which are columns too.
    /// - Throws: `ParseError` naming the closest column.
    public static func parse(_ text: String, dimensionIDs: [String]) throws(ParseError) -> MatrixSort {
        var key = text.trimmingSpaces()
        var descending = false
        if key.hasPrefix("-") {
            descending = true
            key.removeFirst()
        } else if key.hasPrefix("+") {
            key.removeFirst()
        }
        let lowered = key.lowercased()
        if lowered.hasSuffix(":desc") {
            descending = true
            key.removeLast(5)
        } else if lowered.hasSuffix(":asc") {
            key.removeLast(4)
        }
        let name = key.lowercased()
        switch name {
        case "name": return MatrixSort(column: .name, descending: descending)
        case "id": return MatrixSort(column: .id, descending: descending)
        case "round": return MatrixSort(column: .round, descending: descending)
        case "date": return MatrixSort(column: .date, descending: descending)
        case "overall": return MatrixSort(column: .overall, descending: descending)
        default:
            if dimensionIDs.contains(name) { return MatrixSort(column: .dimension(name), descending: descending) }
            let columns = fixedColumns + dimensionIDs
            throw ParseError(column: text, suggestion: Suggestion.closest(to: key, in: columns), columns: columns)
        }
    }

    public var description: String {
        let name: String
        switch column {
        case .id: name = "id"
        case .name: name = "name"
        case .round: name = "round"
        case .date: name = "date"
        case .overall: name = "overall"
        case .dimension(let id): name = id
        }
        return (descending ? "-" : "") + name
    }

    /// Sorts rows by the column, then name and id ascending.
    public func sorted(_ rows: [LibraryRow]) -> [LibraryRow] {
        // Names are folded once per row rather than twice per comparison (`compareNames` on the fly), and both texts
        // kept as bytes in one buffer, compared with memcmp and no reference count: many names share a long prefix
        // ("Stadtbibliothek …"), and a programme may have tens of thousands of rows.
        let folded = NameKeys(rows.map { Suggestion.fold($0.name) })
        let names = NameKeys(rows.map(\.name))
        let isByName: Bool
        if case .name = column { isByName = true } else { isByName = false }
        let order = folded.bytes.withUnsafeBufferPointer { foldedBytes in
            names.bytes.withUnsafeBufferPointer { nameBytes in
                func byName(_ i: Int, _ j: Int) -> Int {
                    let order = folded.compare(i, j, in: foldedBytes)
                    return order != 0 ? order : names.compare(i, j, in: nameBytes)
                }
                return rows.indices.sorted { i, j in
                    let order = isByName ? byName(i, j) : compare(rows[i], rows[j])
                    if order != 0 { return descending ? order > 0 : order < 0 }
                    let names = byName(i, j)
                    if names != 0 { return names < 0 }
                    return rows[i].libraryID < rows[j].libraryID
                }
            }
        }
        return order.map { rows[$0] }
    }

    /// Texts as UTF-8 bytes in one buffer, compared as `compareUTF8` compares them.
    private struct NameKeys {
        var texts: [String]
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var isASCII: [Bool] = []

        init(_ texts: [String]) {
            self.texts = texts
            ranges.reserveCapacity(texts.count)
            isASCII.reserveCapacity(texts.count)
            for text in texts {
                let start = bytes.count
                bytes.append(contentsOf: text.utf8)
                ranges.append(start..<bytes.count)
                isASCII.append(bytes[start...].allSatisfy { $0 < 0x80 })
            }
        }

        /// `compareUTF8(texts[i], texts[j])`: byte order, except that texts `==` calls equal (canonically
        /// equivalent ones, which only texts beyond ASCII can be without being the same bytes) are 0.
        func compare(_ i: Int, _ j: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
            let a = ranges[i], b = ranges[j]
            let shared = min(a.count, b.count)
            var order = 0
            if shared > 0 { order = Int(memcmp(buffer.baseAddress! + a.lowerBound, buffer.baseAddress! + b.lowerBound, shared)) }
            if order == 0 { order = a.count - b.count }
            if order == 0 { return 0 }
            if !(isASCII[i] && isASCII[j]), texts[i] == texts[j] { return 0 }
            return order < 0 ? -1 : 1
        }
    }

    /// Compares names the way a German reader expects, independent of the machine's locale: case and accents
    /// folded (`Ö` as `oe`, as in phone books), then the exact text as a tie-break.
    public static func compareNames(_ a: String, _ b: String) -> Int {
        let order = compareUTF8(Suggestion.fold(a), Suggestion.fold(b))
        return order != 0 ? order : compareUTF8(a, b)
    }

    /// -1, 0 or 1 as the texts' UTF-8 bytes compare (`utf8.lexicographicallyPrecedes`).
    static func compareUTF8(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                let shared = min(x.count, y.count)
                let order = shared == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, shared)
                if order != 0 { return order < 0 ? -1 : 1 }
                return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
            }
        }
        if let fast, let order = fast { return order }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// -1, 0 or 1 by the primary column only.
    private func compare(_ a: LibraryRow, _ b: LibraryRow) -> Int {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x > y ? 1 : 0) }
        switch column {
        case .id: return cmp(a.libraryID, b.libraryID)
        case .name: return Self.compareNames(a.name, b.name)
        case .round: return cmp(a.round, b.round)
        case .date:
            // Rows without a date sort first ascending (and last descending).
            switch (a.date, b.date) {
            case let (x?, y?): return cmp(x, y)
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            }
        case .overall:
            let level = cmp(a.overallLevel, b.overallLevel)
            return level != 0 ? level : cmp(a.overallValue, b.overallValue)
        case .dimension(let id):
            let x = a.cell(id), y = b.cell(id)
            let level = cmp(x?.level ?? 0, y?.level ?? 0)
            return level != 0 ? level : cmp(x?.score ?? -1, y?.score ?? -1)
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
