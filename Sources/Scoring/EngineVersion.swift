/// The scoring engine's version, stamped into every result. Bump it whenever a change could alter a number.
public enum EngineVersion {
    public static let current = "1.0.0"
}
