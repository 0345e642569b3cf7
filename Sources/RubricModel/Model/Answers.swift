import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Question ids in a fixed order, each with its position: a rubric's questions in rubric order, shared (not
/// copied) by every answer set read against that rubric.
public final class QuestionPositions: Sendable {
    /// The ids in order; an id may stand more than once, its first position counts.
    public let ids: [String]
    /// The position of each id (its first).
    public let byID: [String: Int]
    /// `position(of:)`'s lookup by the ids' bytes.
    private let table: IDTable

    public init(ids: [String]) {
        var byID: [String: Int] = [:]
        byID.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() where byID[id] == nil { byID[id] = position }
        self.ids = ids
        self.byID = byID
        table = IDTable(ids)
    }

    /// The first position of `id`. Scoring asks this for every question a condition names, per library.
    public func position(of id: String) -> Int? {
        table.position(of: id) { byID[id] }  // the dictionary only for a bridged string
    }

    /// True when both hold the same ids in the same order. Each worker scores with its own copy of the rubric (so
    /// that two cores do not update the same reference counts), and a library's files may have been read with
    /// another worker's copy: its answers then stand at the very same positions.
    public func hasSameOrder(as other: QuestionPositions) -> Bool { self === other || ids == other.ids }

    /// These ids and then `id`.
    func appending(_ id: String) -> QuestionPositions { QuestionPositions(ids: ids + [id]) }
}

/// The first position of each of a fixed list of ids, found by their UTF-8 bytes.
///
/// A `Dictionary` keyed by `String` hashes every key with SipHash and retains it on the way; this table hashes the
/// bytes with FNV-1a and compares them with `memcmp`, about a quarter of the work, with no reference counting.
/// It owns its allocations (freed with it) and is read-only after `init`, so it may be shared between threads.
final class IDTable: @unchecked Sendable {
    /// The ids' bytes, one after another.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    /// Per distinct id (its first position): where its bytes start, how many, and the position.
    private let starts: UnsafeMutableBufferPointer<Int>
    private let lengths: UnsafeMutableBufferPointer<Int>
    private let positions: UnsafeMutableBufferPointer<Int>
    /// Open addressing over a power of two: an entry number, or -1 for an empty slot.
    private let slots: UnsafeMutableBufferPointer<Int>
    private let mask: Int
    /// Whether every id stood only once.
    let isUnique: Bool

    init(_ ids: [String]) {
        var capacity = 8
        while capacity < ids.count * 2 { capacity *= 2 }
        let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: capacity)
        slots.initialize(repeating: -1)
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(ids.count, 1))
        let lengths = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(ids.count, 1))
        let positions = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(ids.count, 1))
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(ids.reduce(0) { $0 + $1.utf8.count }, 1))
        var used = 0, entries = 0, repeated = false
        for (position, id) in ids.enumerated() {
            var id = id
            id.withUTF8 { key in
                var slot = Self.hash(key) & (capacity - 1)
                while slots[slot] >= 0 {
                    let entry = slots[slot]
                    if Self.equal(key, UnsafeBufferPointer(start: bytes.baseAddress! + starts[entry], count: lengths[entry])) {
                        repeated = true  // a repeated id keeps its first position
                        return
                    }
                    slot = (slot + 1) & (capacity - 1)
                }
                if !key.isEmpty { (bytes.baseAddress! + used).initialize(from: key.baseAddress!, count: key.count) }
                starts[entries] = used
                lengths[entries] = key.count
                positions[entries] = position
                slots[slot] = entries
                used += key.count
                entries += 1
            }
        }
        (self.slots, self.starts, self.lengths, self.positions, self.bytes) = (slots, starts, lengths, positions, bytes)
        mask = capacity - 1
        isUnique = !repeated
    }

    /// The first position of `id`, by its bytes; `fallback` answers for a string not stored contiguously (bridged).
    func position(of id: String, orElse fallback: () -> Int?) -> Int? {
        id.utf8.withContiguousStorageIfAvailable { position(of: $0) } ?? fallback()
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        lengths.deallocate()
        positions.deallocate()
        slots.deallocate()
    }

    /// The first position of the id whose UTF-8 bytes are exactly `key`.
    func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(key) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if Self.equal(key, UnsafeBufferPointer(start: bytes.baseAddress! + starts[entry], count: lengths[entry])) {
                return positions[entry]
            }
            slot = (slot + 1) & mask
        }
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}

/// A questionnaire's answers by question id.
///
/// Read against a rubric, the answers are kept by the question's position in the rubric
/// (`Rubric.questionPositions`): the loader places each answer without hashing its id, and scoring reads each
/// one's value where it stands (`value(at:)`) instead of looking the answer up and copying it per respondent and
/// question. Built by hand (tests, templates), the ids are ordered by name; scoring then rearranges them once.
public struct Answers: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// Which question each slot holds.
    public private(set) var positions: QuestionPositions
    private var slots: [Answer?]
    /// Which slots hold an answer: asking an optional answer whether it is nil copies it first.
    private var filled: [Bool]
    /// How many questions have an answer.
    public private(set) var count = 0

    /// No answers yet, in the order of `positions`.
    public init(positions: QuestionPositions) {
        self.positions = positions
        let count = positions.ids.count
        // Not Array(repeating:count:), which copies its nil into each slot.
        slots = [Answer?](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count { (buffer.baseAddress! + index).initialize(to: nil) }
            initialized = count
        }
        filled = Array(repeating: false, count: count)
    }

    /// `answers` in the order of `positions`, without those to questions it lacks.
    public init(positions: QuestionPositions, from answers: Answers) {
        self.init(positions: positions)
        for (id, answer) in answers {
            if let position = positions.position(of: id) { self[position: position] = answer }
        }
    }

    public init(_ answers: [String: Answer]) {
        self.init(positions: QuestionPositions(ids: answers.keys.sorted()))
        for (id, answer) in answers { self[id] = answer }
    }

    public init(dictionaryLiteral elements: (String, Answer)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public var isEmpty: Bool { count == 0 }

    /// The answer to question `id`; setting an id the positions lack adds it at the end.
    public subscript(id: String) -> Answer? {
        get { positions.position(of: id).flatMap { slots[$0] } }
        set {
            if let position = positions.position(of: id) {
                self[position: position] = newValue
            } else if let newValue {
                positions = positions.appending(id)
                slots.append(nil)
                filled.append(false)
                self[position: slots.count - 1] = newValue
            }
        }
    }

    /// The answer at `position` of `positions`.
    public subscript(position position: Int) -> Answer? {
        get { slots[position] }
        set {
            let isFilled: Bool
            switch newValue {
            case .some: isFilled = true
            case .none: isFilled = false
            }
            count += (isFilled ? 1 : 0) - (filled[position] ? 1 : 0)
            filled[position] = isFilled
            slots[position] = newValue
        }
    }

    /// The answer to the question at `position` of `order` (a rubric's `questionPositions`): taken where it stands
    /// when these answers are kept in that order, else found by the question's id.
    public func answer(at position: Int, of order: QuestionPositions) -> Answer? {
        order.hasSameOrder(as: positions) ? slots[position] : self[order.ids[position]]
    }

    /// The value of the answer at `position` of `positions`. Scoring reads the value and the location alone: a
    /// whole answer copied out of a slot costs a reference count for each of its strings.
    public func value(at position: Int) -> AnswerValue? {
        // Through the buffer, whose subscript lends the slot out; the array's copies the whole answer first.
        slots.withUnsafeBufferPointer { $0[position]?.value }
    }

    /// Where the answer at `position` of `positions` stands.
    public func location(at position: Int) -> SourceLocation? { slots.withUnsafeBufferPointer { $0[position]?.location } }

    /// Whether `answer(at:of:)` gives an answer, without copying it.
    public func hasAnswer(at position: Int, of order: QuestionPositions) -> Bool {
        order.hasSameOrder(as: positions)
            ? filled[position] : positions.position(of: order.ids[position]).map { filled[$0] } ?? false
    }

    /// Every answer without its note and evidence.
    public mutating func removeRemarks() {
        for position in slots.indices where filled[position] {
            slots[position]?.note = nil
            slots[position]?.evidence = nil
        }
    }

    /// The ids that have an answer, in order of their positions.
    public var keys: [String] { positions.ids.indices.filter { filled[$0] }.map { positions.ids[$0] } }

    /// The answers by id.
    public var dictionary: [String: Answer] {
        var dictionary: [String: Answer] = [:]
        dictionary.reserveCapacity(count)
        for (id, answer) in self { dictionary[id] = answer }
        return dictionary
    }

    public func mapValues<T>(_ transform: (Answer) throws -> T) rethrows -> [String: T] {
        var mapped: [String: T] = [:]
        mapped.reserveCapacity(count)
        for (id, answer) in self { mapped[id] = try transform(answer) }
        return mapped
    }

    /// Equal when the same ids have the same answers, whatever their order.
    public static func == (lhs: Answers, rhs: Answers) -> Bool {
        lhs.count == rhs.count && lhs.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// The answers with their ids, in order of their positions.
    public struct Iterator: IteratorProtocol {
        fileprivate let answers: Answers
        fileprivate var position = 0

        public mutating func next() -> (key: String, value: Answer)? {
            while position < answers.slots.count {
                defer { position += 1 }
                if answers.filled[position], let answer = answers.slots[position] {
                    return (answers.positions.ids[position], answer)
                }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(answers: self) }
}
