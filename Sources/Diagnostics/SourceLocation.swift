/// A position in an input file.
///
/// Lines and columns are 1-based. Columns count Unicode scalars, which is libyaml's unit.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The path as the user gave it (or a display name for in-memory text).
    public var file: String
    /// Line number starting from 1.
    public var line: Int
    /// Column number starting from 1, counted in Unicode scalars.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
