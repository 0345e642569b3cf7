import Foundation

/// One dimension a tandem works on.
public struct TandemDimension: Sendable, Equatable {
    public var dimensionID: String
    public var mentorLevel: Int
    public var menteeLevel: Int
}

/// A proposed peer tandem: a library strong in some dimensions mentors one that is weak in them.
public struct Tandem: Sendable {
    public var mentor: LibraryRef
    public var mentee: LibraryRef
    /// The dimensions, in rubric order.
    public var dimensions: [TandemDimension]
    /// How different the two libraries are in size (mean absolute log-ratio of population and staff, four
    /// decimals); 0 is the same size, ln 2 ≈ 0.69 is twice the size; nil when the questionnaires don't say.
    public var sizeDistance: Double?
}

/// A weak placement (level ≤ 2) that needs a mentor.
public struct TandemNeed: Sendable, Equatable {
    public var library: LibraryRef
    public var dimensionID: String
    public var level: Int
}

/// Pairs mentors with mentees (docs/COMPARE.md, "Peer tandems").
///
/// - A **mentee** need is a (library, dimension) placed at level ≤ 2.
/// - A **mentor** for it is another library placed (not provisionally) at least two levels higher in that
///   dimension, so level ≥ 4 for a level-2 mentee and ≥ 3 for a level-1 mentee.
/// - Needs are served weakest first (level 1 before 2), then in rubric dimension order, then by library id.
/// - Among free mentors the closest in size wins (unknown size last), then a mentor already paired with this
///   mentee (it costs no extra capacity), then the higher level, then the library id.
/// - A mentor takes at most `maxMentees` distinct mentees across all dimensions; two dimensions with the same
///   partner are one tandem.
struct TandemPlanner {
    let dimensionIDs: [String]
    let maxMentees: Int
    /// Whether the nearest-first search over `SizeIndex` may be used (tests compare it with the plain scan).
    var usesSizeIndex = true

    func plan(_ rows: [LibraryRow]) -> (tandems: [Tandem], unmatched: [TandemNeed]) {
        let byID = Dictionary(rows.map { ($0.libraryID, $0) }, uniquingKeysWith: { a, _ in a })
        let dimensionOrder = Dictionary(dimensionIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var needs: [TandemNeed] = []
        for row in rows {
            for cell in row.cells where cell.level <= 2 {
                needs.append(TandemNeed(library: row.library, dimensionID: cell.dimensionID, level: cell.level))
            }
        }
        needs.sort { a, b in
            if a.level != b.level { return a.level < b.level }
            let da = dimensionOrder[a.dimensionID] ?? .max, db = dimensionOrder[b.dimensionID] ?? .max
            if da != db { return da < db }
            return a.library.id < b.library.id
        }
        var mentees: [String: [String]] = [:]  // mentor id → mentee ids in pairing order
        var mentors: [String: [String]] = [:]  // mentee id → mentor ids
        var pairs: [String: [TandemDimension]] = [:]  // "mentor\0mentee" → dimensions
        var pairOrder: [(mentor: String, mentee: String)] = []
        var unmatched: [TandemNeed] = []
        // With every size known, candidates are searched outwards by log population (see `SizeIndex`);
        // otherwise every row is a candidate.
        var index = usesSizeIndex ? SizeIndex(rows: rows, dimensionIDs: dimensionIDs) : nil
        for need in needs {
            guard let mentee = byID[need.library.id] else { continue }
            var best: (row: LibraryRow, key: (Int, Double, Int, Int, String))?
            func consider(_ candidate: LibraryRow) {
                guard candidate.libraryID != need.library.id, let cell = candidate.cell(need.dimensionID), !cell.provisional,
                    cell.level >= need.level + 2
                else { return }
                let already = mentees[candidate.libraryID]?.contains(need.library.id) ?? false
                guard already || (mentees[candidate.libraryID]?.count ?? 0) < maxMentees else { return }
                let distance = Self.sizeDistance(candidate, mentee)
                let key = (distance == nil ? 1 : 0, distance ?? 0, already ? 0 : 1, -cell.level, candidate.libraryID)
                if best == nil || key < best!.key { best = (candidate, key) }
            }
            if index != nil {
                // Full mentors are out of the index; one may still take a further dimension of a mentee it has.
                for id in mentors[need.library.id] ?? [] where (mentees[id]?.count ?? 0) >= maxMentees {
                    if let row = byID[id] { consider(row) }
                }
                index!.search(
                    dimensionID: need.dimensionID, minLevel: need.level + 2, around: mentee, rows: rows,
                    best: { best?.key.1 }, consider)
            } else {
                for candidate in rows { consider(candidate) }
            }
            guard let mentor = best?.row, let mentorCell = mentor.cell(need.dimensionID) else {
                unmatched.append(need)
                continue
            }
            let pairKey = mentor.libraryID + "\u{0}" + need.library.id
            if pairs[pairKey] == nil {
                pairOrder.append((mentor.libraryID, need.library.id))
                mentees[mentor.libraryID, default: []].append(need.library.id)
                mentors[need.library.id, default: []].append(mentor.libraryID)
                if (mentees[mentor.libraryID]?.count ?? 0) >= maxMentees { index?.remove(mentor.libraryID) }
            }
            pairs[pairKey, default: []].append(
                TandemDimension(dimensionID: need.dimensionID, mentorLevel: mentorCell.level, menteeLevel: need.level))
        }
        let tandems = pairOrder.compactMap { pair -> Tandem? in
            guard let mentor = byID[pair.mentor], let mentee = byID[pair.mentee] else { return nil }
            let dimensions = (pairs[pair.mentor + "\u{0}" + pair.mentee] ?? []).sorted {
                (dimensionOrder[$0.dimensionID] ?? .max) < (dimensionOrder[$1.dimensionID] ?? .max)
            }
            return Tandem(
                mentor: mentor.library, mentee: mentee.library, dimensions: dimensions,
                sizeDistance: Self.sizeDistance(mentor, mentee))
        }.sorted { a, b in
            // Mentor id, then mentee id: easy to scan per mentor.
            (a.mentor.id, a.mentee.id) < (b.mentor.id, b.mentee.id)
        }
        return (tandems, unmatched)
    }

    /// Possible mentors per dimension and lowest level sorted by log population, for a nearest-first search when
    /// every row states population and staff (then every distance is known, and a candidate whose log population
    /// differs by x is at least x / 2 away). nil when some row lacks a size: then the plain scan is used.
    struct SizeIndex {
        /// A list of candidates: one dimension, placed at `minLevel` or higher.
        struct ListKey: Hashable {
            var dimensionID: String
            var minLevel: Int
        }

        /// Per list: (log population, row index) of rows placed at its level or higher, not provisionally, ascending.
        /// A level-2 need only looks at mentors from level 4, so it never walks past the level-3 ones.
        var lists: [ListKey: [(logPopulation: Double, row: Int)]] = [:]
        /// Log population of every row.
        var logPopulation: [Double]
        /// Per list: which entries are still in (mentors that are full are taken out).
        var remaining: [ListKey: RemainingEntries] = [:]
        /// Per library id: its entry position in each list it appears in.
        var positions: [String: [(list: ListKey, entry: Int)]] = [:]

        init?(rows: [LibraryRow], dimensionIDs: [String]) {
            guard rows.allSatisfy({ ($0.population ?? 0) > 0 && ($0.staff ?? 0) > 0 }) else { return nil }
            logPopulation = rows.map { log(Double($0.population!)) }
            for id in dimensionIDs {
                for minLevel in 3...5 {
                    let key = ListKey(dimensionID: id, minLevel: minLevel)
                    var entries: [(logPopulation: Double, row: Int)] = []
                    for (index, row) in rows.enumerated() {
                        guard let cell = row.cell(id), !cell.provisional, cell.level >= minLevel else { continue }
                        entries.append((logPopulation[index], index))
                    }
                    entries.sort { ($0.logPopulation, $0.row) < ($1.logPopulation, $1.row) }
                    for (entry, item) in entries.enumerated() {
                        positions[rows[item.row].libraryID, default: []].append((key, entry))
                    }
                    lists[key] = entries
                    remaining[key] = RemainingEntries(count: entries.count)
                }
            }
        }

        /// Takes a library out of every list (it has as many mentees as it may take).
        mutating func remove(_ libraryID: String) {
            for (list, entry) in positions[libraryID] ?? [] { remaining[list]?.remove(entry) }
        }

        /// Calls `consider` for every candidate placed at `minLevel` or higher whose distance could still reach the
        /// best (rounded) distance so far; every candidate that could win is visited, whatever the order.
        mutating func search(
            dimensionID: String, minLevel: Int, around mentee: LibraryRow, rows: [LibraryRow], best: () -> Double?,
            _ consider: (LibraryRow) -> Void
        ) {
            let key = ListKey(dimensionID: dimensionID, minLevel: min(max(minLevel, 3), 5))
            guard let entries = lists[key], !entries.isEmpty, let population = mentee.population,
                var left = remaining.removeValue(forKey: key)
            else { return }
            defer { remaining[key] = left }
            let center = log(Double(population))
            // First entry at or above the mentee's log population.
            var low = 0, high = entries.count
            while low < high {
                let mid = (low + high) / 2
                if entries[mid].logPopulation < center { low = mid + 1 } else { high = mid }
            }
            var up = left.atOrAfter(low), down = left.atOrBefore(low - 1)
            // Stop a direction once half the log-population gap exceeds the best distance by more than rounding
            // (four decimals) and floating-point noise can account for.
            func beyond(_ gap: Double) -> Bool {
                guard let best = best() else { return false }
                return gap / 2 > best + 0.0001
            }
            while up < entries.count || down >= 0 {
                let upGap = up < entries.count ? entries[up].logPopulation - center : .infinity
                let downGap = down >= 0 ? center - entries[down].logPopulation : .infinity
                if upGap <= downGap {
                    if beyond(upGap) { break }
                    consider(rows[entries[up].row])
                    up = left.atOrAfter(up + 1)
                } else {
                    if beyond(downGap) { break }
                    consider(rows[entries[down].row])
                    down = left.atOrBefore(down - 1)
                }
            }
        }
    }

    /// Positions 0..<count, some taken out, with the nearest remaining one in either direction found in near-constant
    /// time (union-find with path compression): full mentors cost nothing to skip, however many there are.
    struct RemainingEntries {
        /// `after[i]`: i when position i remains, else a position further up to follow; `after[count]` = count.
        private var after: [Int]
        /// `before[i + 1]`: the same downwards, shifted by one so that 0 stands for "none left below".
        private var before: [Int]

        init(count: Int) {
            after = Array(0...count)
            before = Array(0...count)
        }

        mutating func remove(_ position: Int) {
            after[position] = position + 1
            before[position + 1] = position
        }

        /// The first remaining position ≥ `position`, or `count` when none.
        mutating func atOrAfter(_ position: Int) -> Int {
            var root = position
            while after[root] != root { root = after[root] }
            var step = position
            while after[step] != root {
                let next = after[step]
                after[step] = root
                step = next
            }
            return root
        }

        /// The last remaining position ≤ `position`, or -1 when none.
        mutating func atOrBefore(_ position: Int) -> Int {
            guard position >= 0 else { return -1 }
            var root = position + 1
            while before[root] != root { root = before[root] }
            var step = position + 1
            while before[step] != root {
                let next = before[step]
                before[step] = root
                step = next
            }
            return root - 1
        }
    }

    /// The mean absolute natural-log ratio of population and of staff, over those both libraries state
    /// (four decimals); nil when neither is known for both.
    static func sizeDistance(_ a: LibraryRow, _ b: LibraryRow) -> Double? {
        var parts: [Double] = []
        if let x = a.population, let y = b.population, x > 0, y > 0 { parts.append(abs(log(Double(x) / Double(y)))) }
        if let x = a.staff, let y = b.staff, x > 0, y > 0 { parts.append(abs(log(Double(x) / Double(y)))) }
        guard !parts.isEmpty else { return nil }
        let mean = parts.reduce(0, +) / Double(parts.count)
        return (mean * 10_000).rounded() / 10_000
    }
}
