/// A JSON document built in code and written deterministically: object keys keep the order they were
/// added in, numbers are rounded to a fixed number of decimals, and the text never depends on the locale.
/// Used by the briefing and explain JSON reporters.
indirect enum JSONTree: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written with at most `decimals` decimals (trailing zeros dropped).
    case number(Double, decimals: Int)
    case string(String)
    case array([JSONTree])
    case object([(String, JSONTree)])

    static func number(_ value: Double) -> JSONTree { .number(value, decimals: 2) }
    static func optional(_ value: String?) -> JSONTree { value.map(JSONTree.string) ?? .null }
    static func optional(_ value: Int?) -> JSONTree { value.map(JSONTree.int) ?? .null }
    static func optional(_ value: Double?) -> JSONTree { value.map { JSONTree.number($0) } ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let value, let decimals):
            // Format.number rounds halves away from zero; JSON needs "." and an ASCII minus.
            let text = Format.number(value, decimals: decimals, fixed: false, language: "en")
            out += String(text.map { $0 == "−" ? "-" : $0 })
        case .string(let text): out += Self.quoted(text)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                item.write(into: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += String(repeating: "  ", count: indent + 1) + Self.quoted(member.0) + ": "
                member.1.write(into: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// A JSON string literal. YAML's double-quoted style accepts the same escapes, so `YAMLText` uses it too.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
