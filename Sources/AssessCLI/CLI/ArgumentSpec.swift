/// Declares one named option or flag of a command.
///
///     OptionSpec.option("format", short: "f", value: "format", help: "Report format.",
///                       default: "text", allowedValues: ["text", "md", "html", "json"])
///     OptionSpec.flag("strict", help: "Treat warnings as errors.")
public struct OptionSpec: Sendable, Hashable {
    /// What the option accepts.
    public enum Kind: Sendable, Hashable {
        /// A switch without a value (`--strict`).
        case flag
        /// Any text (`--output FILE`).
        case text
        /// A whole number within the range (`--max-bytes 1048576`).
        case integer(ClosedRange<Int>)
    }

    /// Long name without the dashes (`format` for `--format`).
    public var name: String
    /// Optional one-letter short name without the dash (`o` for `-o`).
    public var short: Character?
    /// Placeholder shown in help: `<format>`. Ignored for flags.
    public var valueName: String
    public var help: String
    public var kind: Kind
    /// Used when the option is not given; shown in help as `(default: …)`.
    public var defaultValue: String?
    /// May the option be given more than once (values are collected in order)? Otherwise the last one wins.
    public var repeatable: Bool
    /// Must the option be given?
    public var required: Bool
    /// The only values accepted (enums such as `--format text|md|html|json`); empty means any value.
    public var allowedValues: [String]
    /// Left out of help (still accepted).
    public var hidden: Bool

    public init(
        _ name: String, short: Character? = nil, kind: Kind = .text, valueName: String? = nil, help: String,
        default defaultValue: String? = nil, repeatable: Bool = false, required: Bool = false,
        allowedValues: [String] = [], hidden: Bool = false
    ) {
        self.name = name
        self.short = short
        self.kind = kind
        self.valueName = valueName ?? name
        self.help = help
        self.defaultValue = defaultValue
        self.repeatable = repeatable
        self.required = required
        self.allowedValues = allowedValues
        self.hidden = hidden
    }

    /// An option taking a text value.
    public static func option(
        _ name: String, short: Character? = nil, value valueName: String? = nil, help: String,
        default defaultValue: String? = nil, repeatable: Bool = false, required: Bool = false,
        allowedValues: [String] = [], hidden: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name, short: short, kind: .text, valueName: valueName, help: help, default: defaultValue,
            repeatable: repeatable, required: required, allowedValues: allowedValues, hidden: hidden)
    }

    /// An option taking a whole number in `range`.
    public static func integer(
        _ name: String, short: Character? = nil, value valueName: String? = nil, help: String,
        default defaultValue: Int? = nil, range: ClosedRange<Int> = Int.min...Int.max, hidden: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name, short: short, kind: .integer(range), valueName: valueName, help: help,
            default: defaultValue.map(String.init), hidden: hidden)
    }

    /// A switch without a value.
    public static func flag(_ name: String, short: Character? = nil, help: String, hidden: Bool = false) -> OptionSpec {
        OptionSpec(name, short: short, kind: .flag, help: help, hidden: hidden)
    }

    public var isFlag: Bool { kind == .flag }

    /// `--format <format>` (or `--strict` for a flag), as used in messages and usage lines.
    public var synopsis: String { isFlag ? "--\(name)" : "--\(name) <\(valueName)>" }
}

/// Declares one positional argument. Only the last positional of a command may be variadic.
public struct PositionalSpec: Sendable, Hashable {
    /// Key for `ParsedArguments.positional(_:)`, e.g. `paths`.
    public var name: String
    /// Shown in usage and help, e.g. `PATH` (rendered `PATH...` when variadic).
    public var valueName: String
    public var help: String
    public var required: Bool
    /// Takes all remaining arguments.
    public var variadic: Bool

    public init(_ name: String, value valueName: String, help: String, required: Bool = true, variadic: Bool = false) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.required = required
        self.variadic = variadic
    }

    /// `PATH...`, `[PATH...]`, `FILE` or `[FILE]`.
    public var synopsis: String {
        let base = valueName + (variadic ? "..." : "")
        return required ? base : "[\(base)]"
    }
}
