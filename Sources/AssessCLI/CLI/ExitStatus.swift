/// How `assess` ends. The values follow BSD `sysexits.h` where one fits.
///
/// | status | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | invalid input or findings: errors in files, something left out |
/// | 64 | usage error (`EX_USAGE`): the command line itself is wrong |
/// | 70 | internal error (`EX_SOFTWARE`): a bug in `assess` |
public struct ExitStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// 0: everything went well.
    public static let success = ExitStatus(rawValue: 0)
    /// 1: the inputs have errors, or the result has findings the caller asked to fail on.
    public static let failure = ExitStatus(rawValue: 1)
    /// 64 (`EX_USAGE`): unknown option, missing value, invalid choice, missing argument.
    public static let usage = ExitStatus(rawValue: 64)
    /// 70 (`EX_SOFTWARE`): an unexpected internal error.
    public static let internalError = ExitStatus(rawValue: 70)

    public var description: String { String(rawValue) }
}
