/// A human-readable text in several languages, e.g. `{de: Vertretung, en: Deputy}`.
public struct LocalizedText: Hashable, Sendable {
    /// Text by language code.
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// The text in `language`, falling back to German, then English, then any language (sorted), then "".
    public func text(_ language: String) -> String {
        if let text = values[language] { return text }
        for fallback in ["de", "en"] { if let text = values[fallback] { return text } }
        return values.keys.sorted().first.flatMap { values[$0] } ?? ""
    }

    /// The same text in every language (for identifiers shown as labels).
    public static func verbatim(_ text: String, languages: [String]) -> LocalizedText {
        LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, text) }))
    }
}
