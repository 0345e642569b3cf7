import Diagnostics
import YAML

/// Reads the fields of one YAML mapping, adding a located diagnostic for every problem rather than
/// throwing, so a file reports all its problems at once. Unknown keys are reported by `finish`.
struct MappingReader {
    let node: Node
    let pairs: [Pair]
    /// What the mapping is, for messages: "question 'holiday-cover'".
    let subject: String
    private let known: [String]

    /// Returns nil (after reporting) when `node` is not a mapping.
    init?(_ node: Node, subject: String, known: [String], bag: inout DiagnosticBag) {
        guard let pairs = node.mapping else {
            bag.error(
                "expected-mapping", "\(subject) must be a mapping of 'key: value' lines, found \(node.kindDescription)",
                at: node.location)
            return nil
        }
        self.node = node
        self.pairs = pairs
        self.subject = subject
        self.known = known
    }

    /// The value of `key`, or nil if absent or left empty (`key:` with nothing after it, as in a template).
    func value(_ key: String) -> Node? {
        guard let node = pairs.first(where: { $0.key.scalar?.text == key })?.value, !node.isNull else { return nil }
        return node
    }

    func has(_ key: String) -> Bool { pairs.contains { $0.key.scalar?.text == key } }

    /// The value of `key`, reporting `missing-field` when absent and `empty-field` when left empty.
    func required(_ key: String, bag: inout DiagnosticBag) -> Node? {
        if let node = value(key) { return node }
        if let empty = pairs.first(where: { $0.key.scalar?.text == key }) {
            bag.error(
                "empty-field", "'\(key)' is empty in \(subject)", at: empty.value.location,
                hint: "write the value after '\(key): '")
            return nil
        }
        // A misspelt key ("ansers") is already reported by `finish` with a did-you-mean; one error is enough.
        let misspelt = pairs.contains { pair in
            guard let other = pair.key.scalar?.text, !known.contains(other) else { return false }
            return Suggestion.closest(to: other, in: known) == key
        }
        if !misspelt { bag.error("missing-field", "\(subject) is missing the field '\(key)'", at: node.location) }
        return nil
    }

    /// Reports keys that are not among the known ones, with a did-you-mean hint.
    func finish(bag: inout DiagnosticBag) {
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                bag.error("invalid-key", "keys must be plain names", at: pair.key.location)
                continue
            }
            if known.contains(key) { continue }
            let suggestion = Suggestion.closest(to: key, in: known)
            bag.error(
                "unknown-field", "unknown field '\(key)' in \(subject)", at: pair.key.location,
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "known fields: \(known.joined(separator: ", "))")
        }
    }

    // MARK: - Typed fields

    func string(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> String? {
        guard let node = required ? self.required(key, bag: &bag) : value(key) else { return nil }
        return node.string().report(into: &bag)
    }

    func integer(
        _ key: String, required: Bool = false, range: ClosedRange<Int>? = nil, bag: inout DiagnosticBag
    ) -> Int? {
        guard let node = required ? self.required(key, bag: &bag) : value(key) else { return nil }
        guard let value = node.integer().report(into: &bag) else { return nil }
        if let range, !range.contains(value) {
            bag.error(
                "out-of-range", "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(value)",
                at: node.location)
            return nil
        }
        return value
    }

    func decimal(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> Double? {
        guard let node = required ? self.required(key, bag: &bag) : value(key) else { return nil }
        return node.decimal().report(into: &bag)
    }

    func bool(_ key: String, bag: inout DiagnosticBag) -> Bool? {
        guard let node = value(key) else { return nil }
        return node.bool().report(into: &bag)
    }

    /// An identifier: `[a-z][a-z0-9-]*`.
    func identifier(_ key: String, required: Bool = true, bag: inout DiagnosticBag) -> String? {
        guard let node = required ? self.required(key, bag: &bag) : value(key) else { return nil }
        return IdentifierRules.read(node, bag: &bag)
    }

    func enumeration<E: RawRepresentable & CaseIterable>(
        _ key: String, as type: E.Type, required: Bool = false, bag: inout DiagnosticBag
    ) -> E? where E.RawValue == String {
        guard let node = required ? self.required(key, bag: &bag) : value(key) else { return nil }
        guard let text = node.string().report(into: &bag) else { return nil }
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue)
        let suggestion = Suggestion.closest(to: text, in: allowed)
        bag.error(
            "invalid-value", "'\(text)' is not a valid '\(key)'", at: node.location,
            hint: suggestion.map { "did you mean '\($0)'? " } ?? "" + "allowed: \(allowed.joined(separator: ", "))")
        return nil
    }
}

enum IdentifierRules {
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func read(_ node: Node, bag: inout DiagnosticBag) -> String? {
        guard let text = node.string().report(into: &bag) else { return nil }
        if !isValid(text) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let hint =
                trimmed != text
                ? "remove the spaces around '\(trimmed)'"
                : "use lowercase letters, digits and '-', starting with a letter (e.g. 'holiday-cover')"
            bag.error("invalid-identifier", "'\(text)' is not a valid identifier", at: node.location, hint: hint)
            return nil
        }
        return text
    }
}

extension Result where Failure == Diagnostic {
    /// The value, or nil after adding the failure to `bag`.
    func report(into bag: inout DiagnosticBag) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let diagnostic):
            bag.add(diagnostic)
            return nil
        }
    }
}

import Foundation
