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
        // Everything below works on row positions and small integers: copying a `LibraryRow` or hashing a library
        // id per candidate was most of the planner's time with tens of thousands of libraries.
        let facts = Facts(rows: rows, dimensionIDs: dimensionIDs)
        let dimensionOrder = Dictionary(dimensionIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var needs: [(row: Int, dimension: Int, level: Int)] = []
        for (position, row) in rows.enumerated() {
            for cell in row.cells where cell.level <= 2 {
                needs.append((position, facts.dimension[cell.dimensionID]!, cell.level))
            }
        }
        // Weakest first, then rubric dimension order (unknown dimensions last), then library id. The dimensions'
        // ranks are looked up once, not hashed twice per comparison.
        let dimensionRank = facts.dimensionNames.map { dimensionOrder[$0] ?? .max }
        needs.sort { a, b in
            if a.level != b.level { return a.level < b.level }
            let da = dimensionRank[a.dimension], db = dimensionRank[b.dimension]
            if da != db { return da < db }
            return facts.idRank[facts.library[a.row]] < facts.idRank[facts.library[b.row]]
        }
        // Per library (its first row): mentees as library numbers in pairing order, and its mentors.
        var mentees = [[Int]](repeating: [], count: rows.count)
        // How many mentees each has, asked for every candidate the search visits: a flat count, rather than the
        // count of a nested array (a reference count each time).
        var menteeCount = [Int](repeating: 0, count: rows.count)
        var mentors = [[Int]](repeating: [], count: rows.count)
        var pairIndex: [Int: Int] = [:]  // mentor * rows.count + mentee → position in `pairs`
        var pairs: [(mentor: Int, mentee: Int, dimensions: [TandemDimension])] = []
        var unmatched: [TandemNeed] = []
        // With every size known, candidates are searched outwards from the mentee's size (see `SizeIndex`);
        // otherwise every row is a candidate.
        var index = usesSizeIndex ? SizeIndex(facts: facts, maxMentees: maxMentees) : nil
        for need in needs {
            // The library's first row stands for the mentee (and a library number for its first row).
            let menteeLibrary = facts.library[need.row], mentee = menteeLibrary
            var best: (row: Int, key: (Int, Double, Int, Int, Int))?
            func consider(_ candidate: Int) {
                let library = facts.library[candidate]
                guard library != menteeLibrary, let level = facts.level(candidate, need.dimension),
                    !facts.provisional(candidate, need.dimension), level >= need.level + 2
                else { return }
                let already = menteeCount[library] > 0 && mentees[library].contains(menteeLibrary)
                guard already || menteeCount[library] < maxMentees else { return }
                // Half the sum of the log differences is the distance before rounding (up to floating-point noise):
                // a candidate clearly further than the best so far is out without computing it exactly.
                if let best, best.key.0 == 0, let x = facts.logSize[candidate], let y = facts.logSize[mentee],
                    (abs(x.population - y.population) + abs(x.staff - y.staff)) / 2 > best.key.1 + 0.0001
                {
                    return
                }
                let distance = facts.sizeDistance(candidate, mentee)
                let key = (distance == nil ? 1 : 0, distance ?? 0, already ? 0 : 1, -level, facts.idRank[library])
                if best == nil || key < best!.key { best = (candidate, key) }
            }
            if index != nil {
                // Full mentors are out of the index; one may still take a further dimension of a mentee it has.
                for library in mentors[menteeLibrary] where menteeCount[library] >= maxMentees {
                    consider(library)
                    for row in facts.otherRows[library] ?? [] { consider(row) }
                }
                if facts.logSize[mentee] != nil {
                    // Rows that do not state both sizes are not in the grid; their distance counts what both state.
                    for row in index!.unsized { consider(row) }
                    index!.search(
                        dimension: need.dimension, minLevel: need.level + 2, around: mentee, facts: facts,
                        isFull: { menteeCount[facts.library[$0]] >= maxMentees },
                        best: { best.flatMap { $0.key.0 == 0 ? $0.key.1 : nil } },  // a best without a distance bounds nothing
                        consider)
                } else {
                    // A mentee without both sizes is measured by what it states: the grid's distance does not apply.
                    for candidate in rows.indices { consider(candidate) }
                }
            } else {
                for candidate in rows.indices { consider(candidate) }
            }
            guard let mentor = best?.row, let mentorLevel = facts.level(mentor, need.dimension) else {
                unmatched.append(TandemNeed(library: rows[need.row].library, dimensionID: facts.dimensionNames[need.dimension], level: need.level))
                continue
            }
            let mentorLibrary = facts.library[mentor]
            let pairKey = mentorLibrary * rows.count + menteeLibrary
            let position: Int
            if let known = pairIndex[pairKey] {
                position = known
            } else {
                position = pairs.count
                pairIndex[pairKey] = position
                pairs.append((mentorLibrary, menteeLibrary, []))
                mentees[mentorLibrary].append(menteeLibrary)
                menteeCount[mentorLibrary] += 1
                mentors[menteeLibrary].append(mentorLibrary)
                if menteeCount[mentorLibrary] >= maxMentees { index?.remove(mentorLibrary, facts: facts) }
            }
            pairs[position].dimensions.append(
                TandemDimension(dimensionID: facts.dimensionNames[need.dimension], mentorLevel: mentorLevel, menteeLevel: need.level))
        }
        let tandems = pairs.sorted { a, b in
            // Mentor id, then mentee id: easy to scan per mentor.
            (facts.idRank[a.mentor], facts.idRank[a.mentee]) < (facts.idRank[b.mentor], facts.idRank[b.mentee])
        }.map { pair in
            Tandem(
                mentor: rows[pair.mentor].library, mentee: rows[pair.mentee].library,
                dimensions: pair.dimensions.sorted {
                    (dimensionOrder[$0.dimensionID] ?? .max) < (dimensionOrder[$1.dimensionID] ?? .max)
                },
                sizeDistance: facts.sizeDistance(pair.mentor, pair.mentee))
        }
        return (tandems, unmatched)
    }

    /// What the planner needs of the rows, by row position, in flat arrays.
    struct Facts {
        /// Per row: the position of the first row with the same library id (the library's number).
        var library: [Int]
        /// Per library number: its rank in `String` order of the ids (equal ids, equal rank).
        var idRank: [Int]
        /// Dimension numbers: the planner's dimensions first, then any other found in the cells.
        var dimension: [String: Int] = [:]
        var dimensionNames: [String] = []
        /// `levels[row * dimensionNames.count + dimension]`: the first cell's level, or nil without a cell.
        private var levels: [Int?]
        private var provisionals: [Bool]
        var population: [Int?]
        var staff: [Int?]
        /// Natural logs of population and staff, when both are known.
        var logSize: [(population: Double, staff: Double)?]
        /// How many of the first dimension numbers are the planner's own.
        var plannerDimensions: Int
        /// Per library number with more than one row: its further rows.
        var otherRows: [Int: [Int]] = [:]

        init(rows: [LibraryRow], dimensionIDs: [String]) {
            for id in dimensionIDs where dimension[id] == nil {
                dimension[id] = dimensionNames.count
                dimensionNames.append(id)
            }
            plannerDimensions = dimensionNames.count
            for row in rows {
                for cell in row.cells where dimension[cell.dimensionID] == nil {
                    dimension[cell.dimensionID] = dimensionNames.count
                    dimensionNames.append(cell.dimensionID)
                }
            }
            var first: [String: Int] = [:]
            var otherRows: [Int: [Int]] = [:]
            let library = rows.enumerated().map { position, row in
                if let known = first[row.libraryID] {
                    otherRows[known, default: []].append(position)
                    return known
                }
                first[row.libraryID] = position
                return position
            }
            self.library = library
            self.otherRows = otherRows
            idRank = [Int](repeating: 0, count: rows.count)
            // Each library's first row, by id. The view passes its rows in id order already, which one pass checks;
            // sorting the ids again took a quarter of the plan with 25,000 libraries.
            let firstRows = (0..<rows.count).filter { library[$0] == $0 }
            let inOrder = zip(firstRows, firstRows.dropFirst()).allSatisfy { rows[$0].libraryID < rows[$1].libraryID }
            let ranked = inOrder ? firstRows : first.sorted(by: { $0.key < $1.key }).map(\.value)
            for (rank, row) in ranked.enumerated() { idRank[row] = rank }
            let width = dimensionNames.count
            levels = [Int?](repeating: nil, count: rows.count * width)
            provisionals = [Bool](repeating: false, count: rows.count * width)
            for (position, row) in rows.enumerated() {
                for cell in row.cells {
                    let slot = position * width + dimension[cell.dimensionID]!
                    guard levels[slot] == nil else { continue }  // `LibraryRow.cell` takes the first
                    levels[slot] = cell.level
                    provisionals[slot] = cell.provisional
                }
            }
            population = rows.map(\.population)
            staff = rows.map(\.staff)
            logSize = rows.map { row in
                guard let population = row.population, let staff = row.staff, population > 0, staff > 0 else { return nil }
                return (log(Double(population)), log(Double(staff)))
            }
        }

        func level(_ row: Int, _ dimension: Int) -> Int? { levels[row * dimensionNames.count + dimension] }
        func provisional(_ row: Int, _ dimension: Int) -> Bool { provisionals[row * dimensionNames.count + dimension] }

        func sizeDistance(_ a: Int, _ b: Int) -> Double? {
            TandemPlanner.sizeDistance(population: (population[a], population[b]), staff: (staff[a], staff[b]))
        }
    }

    /// Possible mentors per dimension and lowest level on a grid over (log population, log staff), for a
    /// nearest-first search among the rows that state population and staff (between two of them the distance is half
    /// the sum of the two log differences). Rows that lack either are kept in `unsized` and looked at one by one, so
    /// a few libraries without sizes no longer make every search a plain scan.
    ///
    /// A one-dimensional index by population alone had to walk every candidate within twice the best distance in
    /// population, however different its staff: a number that grows with the programme, so the planner cost grew
    /// faster than the number of libraries. The grid visits the cells ring by ring around the mentee and stops once
    /// a ring cannot hold anything as close as the best so far.
    struct SizeIndex {
        /// One grid: the rows of one dimension placed at `minLevel` or higher, not provisionally.
        struct Grid {
            var minX: Double, minY: Double
            /// Side of a (square) cell in log units.
            var side: Double
            var columns: Int, rows: Int
            /// Cell c holds `entries[start[c] ..< start[c] + count[c]]`; mentors found full are swapped out lazily.
            var start: [Int]
            var count: [Int]
            var entries: [Int]
            /// Rows still in (not full).
            var live: Int

            init(points: [(row: Int, x: Double, y: Double)]) {
                minX = points.map(\.x).min() ?? 0
                minY = points.map(\.y).min() ?? 0
                let spanX = (points.map(\.x).max() ?? 0) - minX, spanY = (points.map(\.y).max() ?? 0) - minY
                // About four rows per cell over the larger span.
                let perSide = max(1, Int((Double(points.count) / 4).squareRoot()))
                side = max(spanX, spanY) > 0 ? max(spanX, spanY) / Double(perSide) : 1
                columns = min(perSide, Int(spanX / side)) + 1
                rows = min(perSide, Int(spanY / side)) + 1
                count = [Int](repeating: 0, count: columns * rows)
                start = []
                entries = []
                live = points.count
                let cells = points.map { cell(x: $0.x, y: $0.y) }
                for c in cells { count[c] += 1 }
                start = [Int](repeating: 0, count: count.count)
                var total = 0
                for c in count.indices {
                    start[c] = total
                    total += count[c]
                }
                var fill = start
                entries = [Int](repeating: 0, count: points.count)
                for (point, c) in zip(points, cells) {
                    entries[fill[c]] = point.row
                    fill[c] += 1
                }
            }

            func column(_ x: Double) -> Int { min(max(Int(((x - minX) / side).rounded(.down)), -1), columns) }
            func row(_ y: Double) -> Int { min(max(Int(((y - minY) / side).rounded(.down)), -1), rows) }
            func cell(x: Double, y: Double) -> Int {
                min(max(column(x), 0), columns - 1) + min(max(row(y), 0), rows - 1) * columns
            }
        }

        var grids: [[Grid?]]  // [dimension][minLevel - 3]
        /// Rows without both sizes (not in the grids).
        let unsized: [Int]

        init(facts: Facts, maxMentees: Int) {
            let count = facts.library.count
            unsized = (0..<count).filter { facts.logSize[$0] == nil }
            grids = []
            for dimension in 0..<facts.plannerDimensions {
                var perLevel: [Grid?] = []
                for minLevel in 3...5 {
                    // With no room for any mentee (limit 0), nobody is ever a free mentor.
                    let points = maxMentees <= 0 ? [] : (0..<count).compactMap { row -> (row: Int, x: Double, y: Double)? in
                        guard let size = facts.logSize[row], let level = facts.level(row, dimension), level >= minLevel,
                            !facts.provisional(row, dimension)
                        else { return nil }
                        return (row, size.population, size.staff)
                    }
                    perLevel.append(points.isEmpty ? nil : Grid(points: points))
                }
                grids.append(perLevel)
            }
        }

        /// Takes a library's rows out of the live counts (it has as many mentees as it may take); the grid cells
        /// drop them when next visited.
        mutating func remove(_ library: Int, facts: Facts) {
            for row in [library] + (facts.otherRows[library] ?? []) where facts.logSize[row] != nil {
                for dimension in grids.indices {
                    guard let level = facts.level(row, dimension), !facts.provisional(row, dimension) else { continue }
                    for minLevel in 3...5 where level >= minLevel { grids[dimension][minLevel - 3]?.live -= 1 }
                }
            }
        }

        /// Calls `consider` for every row placed at `minLevel` or higher that is not full and whose distance could
        /// still reach the best (rounded) distance so far; every candidate that could win is visited, whatever the
        /// order. `mentee` must state both sizes.
        mutating func search(
            dimension: Int, minLevel: Int, around mentee: Int, facts: Facts, isFull: (Int) -> Bool,
            best: () -> Double?, _ consider: (Int) -> Void
        ) {
            guard let size = facts.logSize[mentee], dimension < grids.count,
                var grid = grids[dimension][min(max(minLevel, 3), 5) - 3], grid.live > 0
            else { return }
            grids[dimension][min(max(minLevel, 3), 5) - 3] = nil  // edited in place, put back below
            defer { grids[dimension][min(max(minLevel, 3), 5) - 3] = grid }
            // The mentee's cell, one outside the grid at most: a ring r cells away is then at least (r - 1) cells
            // away in one of the two logs, so everything in it is at least (r - 1) × side / 2 away.
            let cx = grid.column(size.population), cy = grid.row(size.staff)
            let farthest = max(cx, grid.columns - 1 - cx, cy, grid.rows - 1 - cy)
            // The least distance a row in a cell can have, from the cell's bounds (the outer cells also hold the rows
            // beyond them): a cell further than the best distance so far by more than rounding is passed over whole,
            // as `consider` would turn down each of its rows. Most cells of the second ring are.
            func gap(_ value: Double, low: Double, isFirst: Bool, isLast: Bool) -> Double {
                if !isFirst && value < low { return low - value }
                if !isLast && value > low + grid.side { return value - low - grid.side }
                return 0
            }
            func isBeyond(_ column: Int, _ row: Int, _ best: Double) -> Bool {
                let dx = gap(
                    size.population, low: grid.minX + Double(column) * grid.side, isFirst: column == 0,
                    isLast: column == grid.columns - 1)
                let dy = gap(size.staff, low: grid.minY + Double(row) * grid.side, isFirst: row == 0, isLast: row == grid.rows - 1)
                return (dx + dy) / 2 > best + 0.0001
            }
            func visit(_ column: Int, _ row: Int) {
                if let best = best(), isBeyond(column, row, best) { return }
                let c = column + row * grid.columns
                var slot = grid.start[c]
                while slot < grid.start[c] + grid.count[c] {
                    let candidate = grid.entries[slot]
                    if isFull(candidate) {
                        grid.count[c] -= 1
                        grid.entries.swapAt(slot, grid.start[c] + grid.count[c])
                        continue
                    }
                    consider(candidate)
                    slot += 1
                }
            }
            var ring = 0
            while ring <= farthest {
                // Stop once the ring is further than the best distance by more than rounding (four decimals) and
                // floating-point noise can account for.
                if ring > 0, let best = best(), Double(ring - 1) * grid.side / 2 > best + 0.0001 { break }
                let left = cx - ring, right = cx + ring, bottom = cy - ring, top = cy + ring
                let firstColumn = max(left, 0), lastColumn = min(right, grid.columns - 1)
                if firstColumn <= lastColumn {
                    if bottom >= 0 && bottom < grid.rows { for column in firstColumn...lastColumn { visit(column, bottom) } }
                    if ring > 0 && top >= 0 && top < grid.rows { for column in firstColumn...lastColumn { visit(column, top) } }
                }
                let firstRow = max(bottom + 1, 0), lastRow = min(top - 1, grid.rows - 1)
                if ring > 0 && firstRow <= lastRow {
                    if left >= 0 && left < grid.columns { for row in firstRow...lastRow { visit(left, row) } }
                    if right < grid.columns && right >= 0 { for row in firstRow...lastRow { visit(right, row) } }
                }
                ring += 1
            }
        }
    }

    /// The mean absolute natural-log ratio of population and of staff, over those both libraries state
    /// (four decimals); nil when neither is known for both.
    static func sizeDistance(_ a: LibraryRow, _ b: LibraryRow) -> Double? {
        sizeDistance(population: (a.population, b.population), staff: (a.staff, b.staff))
    }

    static func sizeDistance(population: (Int?, Int?), staff: (Int?, Int?)) -> Double? {
        var sum = 0.0, parts = 0
        if let x = population.0, let y = population.1, x > 0, y > 0 {
            sum += abs(log(Double(x) / Double(y)))
            parts += 1
        }
        if let x = staff.0, let y = staff.1, x > 0, y > 0 {
            sum += abs(log(Double(x) / Double(y)))
            parts += 1
        }
        guard parts > 0 else { return nil }
        let mean = sum / Double(parts)
        return (mean * 10_000).rounded() / 10_000
    }
}
