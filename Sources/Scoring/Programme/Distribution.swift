/// How the libraries of the chosen round spread over the levels of one dimension (or the overall level).
public struct Distribution: Sendable, Equatable {
    /// nil for the overall level.
    public var dimensionID: String?
    /// Libraries per level: `levelCounts[0]` is level 1, five entries.
    public var levelCounts: [Int]
    /// The median level; a half when the count is even and the middle levels differ (2.5).
    public var medianLevel: Double?
    public var minLevel: Int?
    public var maxLevel: Int?
    /// The score spread (nil for the overall level, which has no score).
    public var scores: Spread?

    /// The number of libraries counted.
    public var count: Int { levelCounts.reduce(0, +) }

    /// Libraries at `level` (1–5).
    public func count(atLevel level: Int) -> Int { (1...5).contains(level) ? levelCounts[level - 1] : 0 }

    /// Counts, median and range of `levels`, plus the spread of `scores` when given.
    public init(dimensionID: String?, levels: [Int], scores: [Double]?) {
        self.dimensionID = dimensionID
        var counts = [0, 0, 0, 0, 0]
        for level in levels where (1...5).contains(level) { counts[level - 1] += 1 }
        levelCounts = counts
        let sortedLevels = levels.sorted().map(Double.init)
        medianLevel = Spread.quantile(sortedLevels, 0.5)
        minLevel = levels.min()
        maxLevel = levels.max()
        self.scores = scores.flatMap(Spread.init)
    }
}

/// Median, range and quartiles of a list of numbers, rounded to two decimals.
///
/// Quartiles interpolate linearly between the closest ranks (`h = (n − 1) · p`), the method of spreadsheet
/// `QUARTILE.INC` / `QUARTIL.INKL`, so programme managers get the numbers their spreadsheet would give.
public struct Spread: Sendable, Equatable {
    public var median: Double
    public var min: Double
    public var max: Double
    /// First and third quartile.
    public var lowerQuartile: Double
    public var upperQuartile: Double

    /// Interquartile range, `upperQuartile − lowerQuartile`.
    public var interquartileRange: Double { Self.round2(upperQuartile - lowerQuartile) }

    /// nil for an empty list.
    public init?(_ values: [Double]) {
        let sorted = values.sorted()
        guard let first = sorted.first, let last = sorted.last,
            let median = Self.quantile(sorted, 0.5), let q1 = Self.quantile(sorted, 0.25),
            let q3 = Self.quantile(sorted, 0.75)
        else { return nil }
        self.median = Self.round2(median)
        self.min = Self.round2(first)
        self.max = Self.round2(last)
        lowerQuartile = Self.round2(q1)
        upperQuartile = Self.round2(q3)
    }

    /// The `p`-quantile (0…1) of ascending `sorted` values by linear interpolation; nil when empty.
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    static func round2(_ value: Double) -> Double { (value * 100).rounded(.toNearestOrAwayFromZero) / 100 }
}
