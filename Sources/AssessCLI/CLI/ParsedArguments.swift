/// The result of parsing one command's arguments: values by long option name and positionals by spec name.
///
/// Accessors fall back to the option's declared default, so `value("format")` is `"text"` when `--format` was not given.
public struct ParsedArguments: Sendable {
    /// Words that selected the command, starting with the tool: `["assess", "rubric", "check"]`.
    public var commandPath: [String]
    /// Every positional argument in order.
    public var positionals: [String]
    /// Values given per long option name, in order of appearance (flags store an empty string per occurrence).
    public var given: [String: [String]]
    /// The specs the arguments were parsed against (for defaults).
    public var options: [OptionSpec]
    /// Positionals grouped by spec name.
    public var positionalsByName: [String: [String]]

    public init(
        commandPath: [String], positionals: [String] = [], given: [String: [String]] = [:], options: [OptionSpec] = [],
        positionalsByName: [String: [String]] = [:]
    ) {
        self.commandPath = commandPath
        self.positionals = positionals
        self.given = given
        self.options = options
        self.positionalsByName = positionalsByName
    }

    /// The last value given for `--name`, else its default, else nil.
    public func value(_ name: String) -> String? {
        given[name]?.last ?? options.first { $0.name == name }?.defaultValue
    }

    /// Every value given for a repeatable `--name` (the default alone when none was given).
    public func values(_ name: String) -> [String] {
        if let values = given[name], !values.isEmpty { return values }
        return options.first { $0.name == name }?.defaultValue.map { [$0] } ?? []
    }

    /// The value of an integer option (already range-checked by the parser), or its default.
    public func integer(_ name: String) -> Int? { value(name).flatMap { Int($0) } }

    /// Was the flag (or option) `--name` given?
    public func flag(_ name: String) -> Bool { !(given[name]?.isEmpty ?? true) }

    /// Was `--name` given explicitly (as opposed to taking its default)?
    public func isGiven(_ name: String) -> Bool { flag(name) }

    /// The positional arguments bound to the spec called `name` (several for a variadic one).
    public func positional(_ name: String) -> [String] { positionalsByName[name] ?? [] }

    /// `assess rubric check`, for messages.
    public var commandName: String { commandPath.joined(separator: " ") }
}
