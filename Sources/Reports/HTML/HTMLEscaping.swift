/// Escaping for HTML text and attribute values.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe both as element text and inside a quoted
    /// attribute value. Everything else (umlauts, „quotes“, emoji) stays as UTF-8.
    public static func escape(_ text: String) -> String { SVG.escape(text) }

    /// Escapes `text` and turns line breaks into `<br>`, for multi-line free text.
    public static func escapeMultiline(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }
}
