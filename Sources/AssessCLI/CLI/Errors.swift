/// A mistake in the command line. Printed as `Error: message`, a blank line and the command's usage; exit 64.
///
/// Commands may throw it from `run` for checks the declarative specs cannot express (for example two options that
/// exclude each other); the dispatcher fills in the usage of the running command.
public struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A full sentence with user input in 'single quotes', e.g. `Unknown option '--fromat'. Did you mean '--format'?`
    public var message: String
    /// The usage text to print after the message; nil means "the usage of the command that was running".
    public var usage: String?
    /// The command path for the "See 'assess … --help'" line (e.g. `assess compare`); nil means the running command.
    public var commandPath: String?

    public init(_ message: String, usage: String? = nil, commandPath: String? = nil) {
        self.message = message
        self.usage = usage
        self.commandPath = commandPath
    }

    public var description: String { message }
}

/// A problem with the inputs or outputs that is the user's to fix (missing folder, output would overwrite an input).
/// Printed as `error: message` (plus an optional `hint:`); exit 1 unless another status is given.
public struct CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A lowercase sentence without a trailing period; user input in 'single quotes'.
    public var message: String
    public var hint: String?
    public var status: ExitStatus

    public init(_ message: String, hint: String? = nil, status: ExitStatus = .failure) {
        self.message = message
        self.hint = hint
        self.status = status
    }

    public var description: String { message }
}

/// Thrown to stop early with a given status after the command has already printed what it had to say.
public struct ExitRequest: Error, Equatable, Sendable {
    public var status: ExitStatus
    public init(_ status: ExitStatus) { self.status = status }
}
