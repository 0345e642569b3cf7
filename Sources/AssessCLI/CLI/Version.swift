/// The version of `assess`, printed by `assess --version` and stamped into reports.
public enum AssessVersion {
    /// Semantic version of this build. Change it here only.
    public static let current = "0.1.0"
}
