internal import CYaml
import Diagnostics

/// Every document of a stream plus the diagnostics; the internal (and test) view of a parse.
struct StreamResult {
    var documents: [Node]
    var diagnostics: [Diagnostic]
}

/// Builds `Node` trees from libyaml's event stream with an explicit stack (no recursion, so hostile nesting
/// cannot overflow the call stack), enforcing the depth and alias limits as events arrive.
struct TreeBuilder {
    private let file: String
    private let limits: ParseLimits
    private let allowMultipleDocuments: Bool

    private var diagnostics: [Diagnostic] = []
    private var documents: [Node] = []
    private var stack: [Frame] = []
    private var documentRoot: Node?
    /// Anchored nodes of the current document with their expanded node counts and collection heights.
    private var anchors: [String: (node: Node, size: Int, height: Int)] = [:]
    /// Nodes added by alias expansions so far.
    private var aliasExpansion = 0

    /// A collection under construction.
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var tag: String?
        var anchor: String?
        var items: [Node] = []
        var pairs: [Pair] = []
        var pendingKey: Node?
        /// First location of each scalar key text, for `duplicate-key`.
        var keys: [String: SourceLocation] = [:]
        /// Nodes in this subtree with aliases expanded (saturating).
        var size = 1
        /// Levels of collections in this subtree, this one included.
        var height = 1

        /// A key that repeats an earlier one of the same mapping.
        struct DuplicateKey {
            var text: String
            var location: SourceLocation
            var first: SourceLocation
        }

        /// Adds a finished child: an item, a key, or the value of the pending key.
        mutating func add(_ node: consuming Node, size: Int, height: Int) -> DuplicateKey? {
            let (sum, overflow) = self.size.addingReportingOverflow(size)
            self.size = overflow ? Int.max : sum
            self.height = max(self.height, height + 1)
            if !isMapping {
                items.append(node)
                return nil
            }
            if pendingKey != nil {
                // Moves the key out of the frame (no copy of it is left behind to release).
                var key: Node?
                swap(&key, &pendingKey)
                pairs.append(Pair(key: key!, value: node))
                return nil
            }
            var duplicate: DuplicateKey?
            if case .scalar(let scalar) = node.value {
                if let first = firstLocation(ofKey: scalar.text) {
                    duplicate = DuplicateKey(text: scalar.text, location: node.location, first: first)
                } else if pairs.count >= Self.linearKeySearchLimit {
                    if keys.isEmpty { indexKeys() }
                    keys[scalar.text] = node.location
                }
            }
            pendingKey = node
            return duplicate
        }

        /// Mappings up to this many pairs look for duplicate keys by scanning their pairs; larger ones use `keys`.
        static let linearKeySearchLimit = 16

        /// Where the scalar key `text` first appears in this mapping, or nil when it is new.
        private func firstLocation(ofKey text: String) -> SourceLocation? {
            if pairs.count <= Self.linearKeySearchLimit || keys.isEmpty {
                for pair in pairs {
                    if case .scalar(let scalar) = pair.key.value, scalar.text == text { return pair.key.location }
                }
                return nil
            }
            return keys[text]
        }

        /// Switches a mapping that has grown past `linearKeySearchLimit` to the dictionary: its keys so far, first wins.
        private mutating func indexKeys() {
            var keys: [String: SourceLocation] = [:]
            for pair in pairs {
                if case .scalar(let scalar) = pair.key.value, keys[scalar.text] == nil { keys[scalar.text] = pair.key.location }
            }
            self.keys = keys
        }
    }

    init(file: String, limits: ParseLimits, allowMultipleDocuments: Bool) {
        self.file = file
        self.limits = limits
        self.allowMultipleDocuments = allowMultipleDocuments
    }

    /// Parses `bytes` (already checked to be UTF-8 text) to the end or to the first fatal problem.
    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> StreamResult {
        let parser = LibYAMLParser(input: bytes)
        let event = LibYAMLEvent()
        var documentCount = 0
        events: while true {
            guard parser.next(into: event) else {
                diagnostics.append(SyntaxError.diagnostic(for: parser.pointer, bytes: bytes, file: file))
                break
            }
            let e = event.pointer
            switch e.pointee.type {
            case YAML_STREAM_END_EVENT:
                break events
            case YAML_DOCUMENT_START_EVENT:
                documentCount += 1
                if documentCount > 1, !allowMultipleDocuments {
                    diagnostics.append(
                        .error(
                            "multiple-documents", "file contains more than one YAML document",
                            at: RawMark(e.pointee.start_mark).location(in: file),
                            hint: "a file holds exactly one document; remove this '---' line and what follows, or move it to its own file"))
                    break events
                }
                anchors.removeAll(keepingCapacity: true)
            case YAML_DOCUMENT_END_EVENT:
                if let root = documentRoot { documents.append(root) }
                documentRoot = nil
            case YAML_SCALAR_EVENT:
                let data = e.pointee.data.scalar
                let scalar = Scalar(String(yamlBytes: data.value, count: Int(data.length)), style: Self.style(data.style))
                let node = Node(.scalar(scalar), at: location(e.pointee.start_mark), tag: Self.tag(data.tag))
                attach(node, size: 1, height: 0, anchor: String(yamlCString: data.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = e.pointee.type == YAML_MAPPING_START_EVENT
                let start = location(e.pointee.start_mark)
                guard stack.count < limits.maxDepth else {
                    diagnostics.append(tooDeep(at: start))
                    return finish()
                }
                let (anchor, tag) =
                    isMapping
                    ? (String(yamlCString: e.pointee.data.mapping_start.anchor), Self.tag(e.pointee.data.mapping_start.tag))
                    : (String(yamlCString: e.pointee.data.sequence_start.anchor), Self.tag(e.pointee.data.sequence_start.tag))
                stack.append(Frame(isMapping: isMapping, location: start, tag: tag, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { break }
                let node =
                    frame.isMapping
                    ? Node(.mapping(frame.pairs), at: frame.location, tag: frame.tag)
                    : Node(.sequence(frame.items), at: frame.location, tag: frame.tag)
                attach(node, size: frame.size, height: frame.height, anchor: frame.anchor)
            case YAML_ALIAS_EVENT:
                let name = String(yamlCString: e.pointee.data.alias.anchor) ?? ""
                let at = location(e.pointee.start_mark)
                guard let anchored = anchors[name] else {
                    diagnostics.append(
                        .error(
                            "unknown-alias", "unknown alias '*\(name)': no anchor '&\(name)' is defined before it",
                            at: at))
                    attach(Node(.scalar(Scalar("")), at: at), size: 1, height: 0, anchor: nil)
                    break
                }
                let (total, overflow) = aliasExpansion.addingReportingOverflow(anchored.size)
                if overflow || total > limits.maxAliasExpansion {
                    diagnostics.append(
                        .error(
                            "alias-budget-exceeded",
                            "too many alias expansions: '*\(name)' would bring the total above \(limits.maxAliasExpansion) nodes",
                            at: at,
                            hint: "aliases (*name) repeat the value marked with &name; write the values out or use fewer aliases"))
                    return finish()
                }
                // An alias may not smuggle in more nesting than the limit allows either.
                if stack.count + anchored.height > limits.maxDepth {
                    diagnostics.append(tooDeep(at: at))
                    return finish()
                }
                aliasExpansion = total
                attach(anchored.node, size: anchored.size, height: anchored.height, anchor: nil)
            default:
                break
            }
        }
        return finish()
    }

    private func finish() -> StreamResult {
        StreamResult(documents: documents, diagnostics: diagnostics)
    }

    private func tooDeep(at location: SourceLocation) -> Diagnostic {
        .error(
            "nesting-too-deep", "nesting is too deep: more than \(limits.maxDepth) levels of lists and mappings",
            at: location, hint: "check for unbalanced '[' or '{' brackets")
    }

    /// Adds a finished node to the collection being built (or makes it the document root).
    private mutating func attach(_ node: consuming Node, size: Int, height: Int, anchor: String?) {
        if let anchor { anchors[anchor] = (node, size, height) }
        guard !stack.isEmpty else {
            documentRoot = node
            return
        }
        // One in-place access to the top frame: reading its fields one by one through the array could copy it.
        if let duplicate = stack[stack.count - 1].add(node, size: size, height: height) {
            diagnostics.append(
                .error(
                    "duplicate-key", "duplicate key '\(duplicate.text)'", at: duplicate.location,
                    notes: [.init("first defined here", at: duplicate.first)],
                    hint: "each key may appear only once in a mapping; remove or rename one of them"))
        }
    }
    @inline(__always)
    private func location(_ mark: yaml_mark_t) -> SourceLocation { RawMark(mark).location(in: file) }

    static func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The tag as written: libyaml expands `!!x` to `tag:yaml.org,2002:x`, which is shortened back.
    private static func tag(_ pointer: UnsafePointer<UInt8>?) -> String? {
        guard let tag = String(yamlCString: pointer) else { return nil }
        let prefix = "tag:yaml.org,2002:"
        if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
        return tag
    }
}
