import Diagnostics

/// A YAML node with its position. Scalars are kept as text exactly as written: typing (bool, integer,
/// decimal, date) happens only when a reader asks for it, so `no`, `0755` or `2026-03-01` never change
/// meaning behind the user's back.
public struct Node: Sendable {
    public enum Value: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public var value: Value
    /// Where the node starts (for a mapping or sequence: its first token).
    public var location: SourceLocation
    /// An explicit tag as written (`!!str`), or nil.
    public var tag: String?

    public init(_ value: Value, at location: SourceLocation, tag: String? = nil) {
        self.value = value
        self.location = location
        self.tag = tag
    }
}

/// A scalar's text and how it was written.
public struct Scalar: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// How a plain, untagged scalar spells null.
    public static let nullSpellings = ["", "~", "null", "Null", "NULL"]
}

/// A mapping entry; mappings keep their pairs in file order.
public struct Pair: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

extension Node {
    /// The scalar, if this node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = value { return scalar }
        return nil
    }

    /// The elements, if this node is a sequence.
    public var sequence: [Node]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [Pair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// True for a plain scalar that YAML would read as null (`~`, `null`, empty).
    public var isNull: Bool {
        // No spelling is longer than four bytes: most scalars are told apart by their length alone.
        guard case .scalar(let scalar) = value, scalar.style == .plain, tag == nil, scalar.text.utf8.count <= 4 else {
            return false
        }
        return Scalar.nullSpellings.contains(scalar.text)
    }

    /// A short noun for messages: "a text", "a list", "a mapping".
    public var kindDescription: String {
        switch value {
        case .scalar: isNull ? "empty" : "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The value for a scalar key in a mapping (first match), if this node is a mapping.
    public subscript(key: String) -> Node? {
        mapping?.first(where: { $0.key.scalar?.text == key })?.value
    }
}
