// swift-tools-version:6.0
import PackageDescription

// Layering, bottom to top: CYaml (C bridge) → YAML (documents with positions) → RubricModel (rubric and
// questionnaire models, loading, validation) → Scoring (engine, agenda, comparison) → Reports → AssessCLI → assess.
// Diagnostics is shared by every layer.
let package = Package(
    name: "assess",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "assess", targets: ["assess"]),
        .library(name: "Scoring", targets: ["Scoring"]),
    ],
    targets: [
        .systemLibrary(name: "CYaml", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // glibc's mallopt, for the executable's allocator settings.
        .systemLibrary(name: "CAllocator"),
        .target(name: "Diagnostics"),
        .target(name: "YAML", dependencies: ["CYaml", "Diagnostics"]),
        .target(name: "RubricModel", dependencies: ["YAML", "Diagnostics"]),
        .target(name: "Scoring", dependencies: ["RubricModel", "Diagnostics"]),
        .target(name: "Reports", dependencies: ["Scoring", "RubricModel", "Diagnostics"]),
        .target(name: "AssessCLI", dependencies: ["Reports", "Scoring", "RubricModel", "YAML", "Diagnostics"]),
        .executableTarget(name: "assess", dependencies: ["AssessCLI", "CAllocator"]),

        .testTarget(name: "YAMLTests", dependencies: ["YAML", "Diagnostics"]),
        .testTarget(name: "RubricModelTests", dependencies: ["RubricModel", "YAML", "Diagnostics"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "RubricModel", "Diagnostics"]),
        // Fixtures and golden files are read through #filePath, so they are excluded rather than bundled.
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "Scoring", "RubricModel", "YAML"],
            exclude: ["Golden", "BriefingFixtures", "HTMLFixtures"]),
        // What the tests that run the built binary share: finding and running it, temporary folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["AssessCLI", "TestSupport"]),
        // The hostile-input corpus: every case runs the built binary and checks message and exit status.
        .testTarget(
            name: "ReliabilityTests", dependencies: ["AssessCLI", "YAML", "RubricModel", "Diagnostics", "TestSupport"],
            exclude: ["Corpus"]),
    ],
    swiftLanguageModes: [.v6]
)
