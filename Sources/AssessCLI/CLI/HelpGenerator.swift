/// Renders `--help` text and usage lines in swift-argument-parser's layout:
/// `OVERVIEW:`, `USAGE:`, `ARGUMENTS:`, `OPTIONS:`, `SUBCOMMANDS:`.
public enum HelpGenerator {
    /// Total width help text is wrapped to.
    static let width = 80
    /// Column where option help starts.
    static let labelWidth = 24

    /// The usage lines of a command, e.g. `assess lint PATH... [--max-bytes <bytes>]`.
    ///
    /// - Parameter path: the words that select the command, starting with `assess`.
    public static func usageLines(for configuration: CommandConfiguration, path: [String]) -> [String] {
        if !configuration.usage.isEmpty { return configuration.usage }
        let prefix = path.joined(separator: " ")
        if configuration.isGroup {
            var lines: [String] = []
            if let name = configuration.defaultSubcommand, let command = configuration.subcommand(named: name) {
                lines += wrappedUsage(prefix: prefix, parts: synopsisParts(command.configuration))
            }
            lines.append("\(prefix) <subcommand>")
            return lines
        }
        return wrappedUsage(prefix: prefix, parts: synopsisParts(configuration))
    }

    /// One usage line, wrapped before `width` with continuation lines indented past the command name.
    static func wrappedUsage(prefix: String, parts: [String]) -> [String] {
        let available = width - "USAGE: ".count
        var lines: [String] = []
        var line = prefix
        for part in parts {
            if line.count + 1 + part.count > available, line.trimmingCharacters(in: .whitespaces).count > 0, line != prefix {
                lines.append(line)
                line = String(repeating: " ", count: prefix.count)
            }
            line += " " + part
        }
        lines.append(line)
        return lines
    }

    /// `PATH... [--format <format>]`: positionals first (as the user types them), then the options.
    static func argumentSynopsis(_ configuration: CommandConfiguration) -> String {
        synopsisParts(configuration).joined(separator: " ")
    }

    static func synopsisParts(_ configuration: CommandConfiguration) -> [String] {
        var parts = configuration.positionals.map(\.synopsis)
        for option in configuration.options where !option.hidden {
            let core = option.synopsis + (option.repeatable ? " ..." : "")
            parts.append(option.required ? core : "[\(core)]")
        }
        return parts
    }

    /// `Usage: …` as printed after a usage error, continuation lines aligned.
    public static func usageBlock(for configuration: CommandConfiguration, path: [String]) -> String {
        let lines = usageLines(for: configuration, path: path)
        return "Usage: " + lines.joined(separator: "\n       ")
    }

    /// The full help text of a command, ending in a newline.
    ///
    /// - Parameter isRoot: adds `--version` to the options.
    public static func help(for configuration: CommandConfiguration, path: [String], isRoot: Bool = false) -> String {
        var out = wrap("OVERVIEW: " + configuration.abstract, indent: 0, hanging: 0) + "\n"
        if !configuration.discussion.isEmpty {
            out += "\n" + discussion(configuration.discussion)
        }
        out += "\nUSAGE: " + usageLines(for: configuration, path: path).joined(separator: "\n       ") + "\n"

        var argumentRows: [Row] = []
        var optionRows: [Row] = []
        if configuration.isGroup {
            if isRoot { optionRows.append(Row(label: "--version", help: "Show the version.")) }
        } else {
            for positional in configuration.positionals {
                argumentRows.append(Row(label: positional.synopsis, help: positional.help))
            }
            for option in CommonOptions.effective(configuration.options) where !option.hidden {
                optionRows.append(optionRow(option))
            }
        }
        optionRows.append(Row(label: "-h, --help", help: CommonOptions.help.help))
        if !argumentRows.isEmpty { out += "\nARGUMENTS:\n" + render(argumentRows) }
        out += "\nOPTIONS:\n" + render(optionRows)

        if configuration.isGroup {
            var subRows: [Row] = []
            for sub in configuration.subcommands {
                let subConfiguration = sub.configuration
                if subConfiguration.hidden { continue }
                let isDefault = subConfiguration.name == configuration.defaultSubcommand
                subRows.append(Row(label: subConfiguration.name + (isDefault ? " (default)" : ""), help: subConfiguration.abstract))
            }
            if !subRows.isEmpty {
                out += "\nSUBCOMMANDS:\n" + render(subRows)
                out += "\n  See '\(path.first ?? "assess") help <subcommand>' for detailed help.\n"
            }
        }
        if !configuration.examples.isEmpty {
            out += "\nEXAMPLES:\n"
            for example in configuration.examples { out += "  $ " + example + "\n" }
        }
        return out
    }

    /// One help row for an option, with its allowed values and default.
    private static func optionRow(_ option: OptionSpec) -> Row {
        var label = ""
        if let short = option.short { label = "-" + String(short) + ", " }
        label += option.synopsis
        var extras: [String] = []
        if !option.allowedValues.isEmpty { extras.append("values: " + option.allowedValues.joined(separator: ", ")) }
        if let value = option.defaultValue { extras.append("default: " + value) }
        if option.repeatable { extras.append("repeatable") }
        var help = option.help
        if !extras.isEmpty { help += " (" + extras.joined(separator: "; ") + ")" }
        return Row(label: label, help: help)
    }

    /// Paragraphs separated by blank lines are wrapped; lines starting with a space are kept as written.
    private static func discussion(_ text: String) -> String {
        var out = ""
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix(" ") || line.isEmpty {
                out += line + "\n"
            } else {
                out += wrap(line, indent: 0, hanging: 0) + "\n"
            }
        }
        return out
    }

    struct Row {
        var label: String
        var help: String
    }

    // MARK: - Layout

    private static func render(_ rows: [Row]) -> String {
        var out = ""
        for row in rows {
            let label = row.label, help = row.help
            let padded = "  " + label
            if padded.count + 2 > labelWidth + 2 {
                out += padded + "\n" + wrap(help, indent: labelWidth + 2, hanging: labelWidth + 2) + "\n"
            } else {
                let first = padded.padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0)
                out += first + wrap(help, indent: 0, hanging: labelWidth + 2, firstWidth: width - labelWidth - 2) + "\n"
            }
        }
        return out
    }

    /// Word-wraps `text`; the first line gets `indent` spaces (and `firstWidth` columns), later lines `hanging`.
    static func wrap(_ text: String, indent: Int, hanging: Int, firstWidth: Int? = nil) -> String {
        var lines: [String] = []
        var line = ""
        var limit = firstWidth ?? (width - indent)
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > limit {
                lines.append(line)
                line = ""
                limit = width - hanging
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        let first = String(repeating: " ", count: indent) + lines[0]
        let rest = lines.dropFirst().map { String(repeating: " ", count: hanging) + $0 }
        return ([first] + rest).joined(separator: "\n")
    }
}
