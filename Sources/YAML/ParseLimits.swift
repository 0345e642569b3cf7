import Diagnostics

/// Safety limits applied while parsing untrusted YAML.
///
/// The defaults are far above what real rubrics and questionnaires need, and low enough that a hostile file
/// ("billion laughs", `[[[[…` nesting, a multi-gigabyte upload) is refused quickly with a located diagnostic.
public struct ParseLimits: Sendable {
    /// The largest accepted input, in bytes. Default 8 MiB.
    public var maxBytes: Int
    /// The deepest accepted nesting of mappings and sequences, in levels. Default 64.
    public var maxDepth: Int
    /// The total number of nodes that all alias expansions together may add. Default 10,000.
    public var maxAliasExpansion: Int

    /// The default limits: 8 MiB, 64 levels, 10,000 alias-expanded nodes.
    public static let `default` = ParseLimits()

    /// Creates limits.
    ///
    /// - Parameter maxBytes: The largest accepted input, in bytes.
    /// - Parameter maxDepth: The deepest accepted nesting of mappings and sequences.
    /// - Parameter maxAliasExpansion: The total number of nodes alias expansions may add.
    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxAliasExpansion: Int = 10_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }
}

/// The outcome of parsing one YAML file: the document (if usable) and every problem found.
public struct ParseResult: Sendable {
    /// The document's root node; nil when the document is empty or unusable (syntax error, limit exceeded).
    ///
    /// A root can come with errors (for example `duplicate-key`); check ``diagnostics`` before trusting it.
    public var root: Node?
    /// Problems found, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(root: Node?, diagnostics: [Diagnostic]) {
        self.root = root
        self.diagnostics = diagnostics
    }
}
