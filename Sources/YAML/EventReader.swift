internal import CYaml
import Diagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// libyaml's events one at a time, for readers of a known shape that need no tree.
///
/// `next()` enforces none of the tree's limits (depth, aliases, duplicate keys); `node(startingWith:)` gives up
/// on all of them. It is meant for a reader that accepts one fixed shape, gives up at the first event it does not
/// expect, and leaves everything unusual (and every diagnostic) to `YAMLParser`. Not thread-safe; each reader owns
/// its own libyaml parser.
public final class YAMLEventReader {
    /// An event; `bytes` (a scalar's text) is valid until the next call of `next()`.
    public struct Event {
        public enum Kind: Sendable {
            case documentStart, documentEnd, mappingStart, mappingEnd, sequenceStart, sequenceEnd, scalar, alias, other
        }

        public var kind: Kind
        public var style: Scalar.Style
        /// An anchor (`&a`) or an explicit tag (`!!str`).
        public var hasProperties: Bool
        public var bytes: UnsafeBufferPointer<UInt8>
        let mark: RawMark

        /// Where the event starts, exactly as `YAMLParser` locates the node it becomes.
        public func location(in file: String) -> SourceLocation { mark.location(in: file) }

        /// The same, without the file name: for a reader that keeps positions before it needs locations.
        public var start: Mark { Mark(raw: mark) }

        /// The scalar's text, as `YAMLParser` decodes it.
        public var text: String { String(yamlBytes: bytes.baseAddress, count: bytes.count) }

        /// True for a plain scalar without anchor or tag that reads as null, as `Node.isNull` judges it.
        public var isNull: Bool {
            guard kind == .scalar, style == .plain, !hasProperties, bytes.count <= 4 else { return false }
            return Scalar.nullSpellings.contains { textEquals($0) }
        }

        /// Whether the scalar's text is exactly `word` (compared as UTF-8 bytes, nothing decoded).
        public func textEquals(_ word: String) -> Bool {
            let equal = word.utf8.withContiguousStorageIfAvailable { Self.equal($0, bytes) }
            if let equal { return equal }
            var copy = word  // not stored contiguously (bridged): withUTF8 makes it so
            return copy.withUTF8 { Self.equal($0, bytes) }
        }

        private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
            a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
        }
    }

    /// Where an event starts, until a location with its file name is needed.
    public struct Mark: Sendable {
        let raw: RawMark

        public func location(in file: String) -> SourceLocation { raw.location(in: file) }
    }

    private let parser: LibYAMLParser
    private let event = LibYAMLEvent()
    /// The file name used in locations.
    public let file: String

    /// A reader over `bytes`, which must stay alive and unchanged while it is used; nil when the bytes would not
    /// pass `YAMLParser`'s input checks (encoding, NUL, size) or are empty.
    public init?(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: ParseLimits = .default) {
        guard !bytes.isEmpty, bytes.count <= limits.maxBytes, InputCheck.check(bytes, file: file) == nil else { return nil }
        parser = LibYAMLParser(input: bytes)
        self.file = file
    }

    /// The next event after the stream start, or nil at the end of the stream or at a syntax error.
    public func next() -> Event? {
        while parser.next(into: event) {
            let e = event.pointer.pointee
            let mark = RawMark(e.start_mark)
            switch e.type {
            case YAML_STREAM_START_EVENT: continue
            case YAML_STREAM_END_EVENT: return nil
            case YAML_SCALAR_EVENT:
                let scalar = e.data.scalar
                return Event(
                    kind: .scalar, style: TreeBuilder.style(scalar.style),
                    hasProperties: scalar.anchor != nil || scalar.tag != nil,
                    bytes: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), mark: mark)
            case YAML_MAPPING_START_EVENT:
                let start = e.data.mapping_start
                return Self.structural(.mappingStart, mark, hasProperties: start.anchor != nil || start.tag != nil)
            case YAML_SEQUENCE_START_EVENT:
                let start = e.data.sequence_start
                return Self.structural(.sequenceStart, mark, hasProperties: start.anchor != nil || start.tag != nil)
            case YAML_MAPPING_END_EVENT: return Self.structural(.mappingEnd, mark)
            case YAML_SEQUENCE_END_EVENT: return Self.structural(.sequenceEnd, mark)
            case YAML_DOCUMENT_START_EVENT: return Self.structural(.documentStart, mark)
            case YAML_DOCUMENT_END_EVENT: return Self.structural(.documentEnd, mark)
            case YAML_ALIAS_EVENT: return Self.structural(.alias, mark, hasProperties: true)
            default: return Self.structural(.other, mark)
            }
        }
        return nil
    }

    private static func structural(_ kind: Event.Kind, _ mark: RawMark, hasProperties: Bool = false) -> Event {
        Event(kind: kind, style: .plain, hasProperties: hasProperties, bytes: UnsafeBufferPointer(start: nil, count: 0), mark: mark)
    }

    /// The node that starts with `first`, read to its end: what `YAMLParser` would build for it. nil for anything
    /// the plain builder leaves to the full one: anchors, tags, aliases, a repeated mapping key, nesting deeper
    /// than `maxDepth` collections, or a syntax error.
    public func node(startingWith first: Event, maxDepth: Int = 2) -> Node? {
        switch first.kind {
        case .scalar:
            guard !first.hasProperties else { return nil }
            return Node(.scalar(Scalar(first.text, style: first.style)), at: first.location(in: file))
        case .sequenceStart:
            guard !first.hasProperties, maxDepth > 0 else { return nil }
            var items: [Node] = []
            while let event = next() {
                if event.kind == .sequenceEnd { return Node(.sequence(items), at: first.location(in: file)) }
                guard let item = node(startingWith: event, maxDepth: maxDepth - 1) else { return nil }
                items.append(item)
            }
            return nil
        case .mappingStart:
            guard !first.hasProperties, maxDepth > 0 else { return nil }
            var pairs: [Pair] = []
            while let event = next() {
                if event.kind == .mappingEnd { return Node(.mapping(pairs), at: first.location(in: file)) }
                guard let key = node(startingWith: event, maxDepth: maxDepth - 1), let text = key.scalar?.text,
                    !pairs.contains(where: { $0.key.scalar?.text == text }),
                    let valueEvent = next(), let value = node(startingWith: valueEvent, maxDepth: maxDepth - 1)
                else { return nil }
                pairs.append(Pair(key: key, value: value))
            }
            return nil
        default:
            return nil
        }
    }
}
