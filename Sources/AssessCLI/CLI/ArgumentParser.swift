import Diagnostics

/// Options every command accepts, added by the framework.
public enum CommonOptions {
    /// `--color auto|always|never`: colour in diagnostics on stderr.
    public static let color = OptionSpec.option(
        "color", value: "when",
        help: "Colour diagnostics: 'auto' when stderr is a terminal and NO_COLOR is unset, 'always' or 'never'.",
        default: "auto", allowedValues: ["auto", "always", "never"])
    /// `-h`, `--help`, shown in help only.
    public static let help = OptionSpec.flag("help", short: "h", help: "Show help information.")

    /// The specs a leaf command accepts: its own plus `--color` (help is handled before parsing).
    static func effective(_ options: [OptionSpec]) -> [OptionSpec] {
        options.contains { $0.name == color.name } ? options : options + [color]
    }
}

/// Parses one leaf command's arguments against its declared specs.
///
/// Accepts `--name value`, `--name=value`, `-n value`, `-nvalue`; `--` ends options; a lone `-` is a positional.
/// Every mistake is a `UsageError` phrased like swift-argument-parser's.
public struct ArgumentParser {
    public var configuration: CommandConfiguration
    public var commandPath: [String]

    public init(configuration: CommandConfiguration, commandPath: [String]) {
        self.configuration = configuration
        self.commandPath = commandPath
    }

    /// True when `arguments` ask for help (`-h`/`--help` before any `--`).
    public static func wantsHelp(_ arguments: [String]) -> Bool {
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "--help" || argument == "-h" { return true }
        }
        return false
    }

    public func parse(_ arguments: [String]) throws -> ParsedArguments {
        let specs = CommonOptions.effective(configuration.options)
        var given: [String: [String]] = [:]
        var positionals: [String] = []
        var index = 0
        var optionsEnded = false

        func record(_ spec: OptionSpec, _ value: String) throws {
            let checked = try check(value, for: spec)
            if spec.repeatable { given[spec.name, default: []].append(checked) } else { given[spec.name] = [checked] }
        }

        func takeValue(for spec: OptionSpec) throws -> String {
            let next = index + 1
            guard next < arguments.count, !Self.looksLikeOption(arguments[next]) else {
                throw UsageError("Missing value for '\(spec.synopsis)'.")
            }
            index = next
            return arguments[next]
        }

        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") || Self.isNumber(argument) {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name: String, inlineValue: String?
                if let equals = body.firstIndex(of: "=") {
                    name = String(body[..<equals])
                    inlineValue = String(body[body.index(after: equals)...])
                } else {
                    name = String(body)
                    inlineValue = nil
                }
                guard let spec = specs.first(where: { $0.name == name }) else {
                    throw unknownOption("--" + name, specs: specs)
                }
                if spec.isFlag {
                    if inlineValue != nil { throw UsageError("The option '--\(name)' does not take a value.") }
                    given[spec.name, default: []].append("")
                } else {
                    try record(spec, try inlineValue ?? takeValue(for: spec))
                }
                continue
            }
            // Short form: -o value, -ovalue.
            let letter = argument.dropFirst().first!
            guard let spec = specs.first(where: { $0.short == letter }) else {
                throw unknownOption(argument, specs: specs)
            }
            let rest = String(argument.dropFirst(2))
            if spec.isFlag {
                if !rest.isEmpty { throw unknownOption(argument, specs: specs) }
                given[spec.name, default: []].append("")
            } else {
                try record(spec, rest.isEmpty ? try takeValue(for: spec) : rest)
            }
        }

        for spec in specs where spec.required && given[spec.name] == nil {
            throw UsageError("Missing expected argument '\(spec.synopsis)'.")
        }
        let byName = try bind(positionals)
        return ParsedArguments(
            commandPath: commandPath, positionals: positionals, given: given, options: specs, positionalsByName: byName)
    }

    // MARK: - Helpers

    private func bind(_ positionals: [String]) throws -> [String: [String]] {
        var byName: [String: [String]] = [:]
        var remaining = positionals[...]
        for spec in configuration.positionals {
            if spec.variadic {
                byName[spec.name] = Array(remaining)
                if spec.required && remaining.isEmpty { throw UsageError("Missing expected argument '\(spec.synopsis)'.") }
                remaining = []
            } else if let first = remaining.first {
                byName[spec.name] = [first]
                remaining = remaining.dropFirst()
            } else if spec.required {
                throw UsageError("Missing expected argument '\(spec.synopsis)'.")
            }
        }
        if let extra = remaining.first { throw UsageError("Unexpected argument '\(extra)'.") }
        return byName
    }

    private func check(_ value: String, for spec: OptionSpec) throws -> String {
        if !spec.allowedValues.isEmpty, !spec.allowedValues.contains(value) {
            var message = "The value '\(value)' is invalid for '\(spec.synopsis)'. "
                + "Please provide one of \(Self.list(spec.allowedValues))."
            if let close = Suggestion.closest(to: value, in: spec.allowedValues) { message += " Did you mean '\(close)'?" }
            throw UsageError(message)
        }
        if case .integer(let range) = spec.kind {
            guard let number = Int(value.replacingOccurrences(of: "_", with: "")) else {
                throw UsageError("The value '\(value)' is invalid for '\(spec.synopsis)'. Please provide a whole number.")
            }
            guard range.contains(number) else {
                let bounds =
                    range.upperBound == Int.max
                    ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
                throw UsageError("The value '\(value)' is invalid for '\(spec.synopsis)'. Please provide a number \(bounds).")
            }
            return String(number)
        }
        return value
    }

    private func unknownOption(_ written: String, specs: [OptionSpec]) -> UsageError {
        let candidates = specs.filter { !$0.hidden }.map { "--" + $0.name } + ["--help"]
        if written.hasPrefix("--"), let close = Suggestion.closest(to: written, in: candidates) {
            return UsageError("Unknown option '\(written)'. Did you mean '\(close)'?")
        }
        return UsageError("Unknown option '\(written)'.")
    }

    /// `'a', 'b' or 'c'`.
    static func list(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    static func isNumber(_ text: String) -> Bool { Double(text) != nil }

    /// Does `text` look like an option rather than a value? (`-` and negative numbers are values.)
    static func looksLikeOption(_ text: String) -> Bool {
        text.hasPrefix("-") && text != "-" && !isNumber(text)
    }
}
