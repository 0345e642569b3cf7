internal import CYaml
import Diagnostics

/// Turns libyaml's own errors into `syntax-error` diagnostics, with plain-language hints for the mistakes
/// people who do not write YAML every day make most.
enum SyntaxError {
    static let tabHint = "YAML does not allow tabs for indentation; use spaces"
    static let indentationHint =
        "check the indentation: keys of the same mapping must start in the same column, and each key needs a colon followed by a space ('key: value')"
    static let colonHint =
        "check the indentation of this line and the one before; a value that itself contains ': ' must be put in quotes"
    static let listHint = "check the indentation: all '- ' items of a list must start in the same column"

    static func diagnostic(
        for parser: UnsafeMutablePointer<yaml_parser_t>, bytes: UnsafeBufferPointer<UInt8>, file: String
    ) -> Diagnostic {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown syntax error"
        switch p.error {
        case YAML_MEMORY_ERROR:
            return .error("syntax-error", "out of memory while parsing", at: SourceLocation(file: file, line: 1, column: 1))
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset instead of a mark.
            return .error(
                "syntax-error", problem, at: SourceText.location(ofByte: Int(p.problem_offset), in: bytes, file: file))
        default:
            break
        }
        let problemMark = RawMark(p.problem_mark)
        let context = p.context.map { String(cString: $0) }
        var notes: [Diagnostic.Note] = []
        // A context at the problem's own position ("while scanning for the next token") adds nothing.
        if let context, p.context_mark.line != p.problem_mark.line || p.context_mark.column != p.problem_mark.column {
            notes.append(.init(context, at: RawMark(p.context_mark).location(in: file)))
        }
        return .error(
            "syntax-error", problem, at: problemMark.location(in: file), notes: notes,
            hint: hint(problem: problem, context: context, at: problemMark, contextMark: RawMark(p.context_mark), bytes: bytes))
    }

    /// Advice for the common mistakes, or nil.
    static func hint(
        problem: String, context: String?, at mark: RawMark, contextMark: RawMark, bytes: UnsafeBufferPointer<UInt8>
    ) -> String? {
        func byte(at mark: RawMark) -> UInt8? {
            SourceText.offset(ofLine: mark.line, column: mark.column, in: bytes).map { bytes[$0] }
        }
        if problem.contains("tab character") { return tabHint }
        if problem == "found character that cannot start any token", byte(at: mark) == UInt8(ascii: "\t") {
            return tabHint
        }
        if problem == "found character that cannot start any token",
            let found = byte(at: mark), found == UInt8(ascii: "@") || found == UInt8(ascii: "`")
        {
            return "a value starting with \(found == UInt8(ascii: "@") ? "@" : "`") must be put in quotes"
        }
        if problem == "found unexpected end of stream", context == "while scanning a quoted scalar" {
            let quote = byte(at: contextMark) == UInt8(ascii: "'") ? "'" : "\""
            return "the quoted value that starts here is never closed; add the missing closing \(quote)"
        }
        switch problem {
        case "mapping values are not allowed here", "mapping values are not allowed in this context":
            return colonHint
        case "did not find expected key", "could not find expected ':'":
            return indentationHint
        case "did not find expected '-' indicator":
            return listHint
        default:
            return nil
        }
    }
}
