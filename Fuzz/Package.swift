// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for assess (see scripts/fuzz.sh and README "Reliability").
// Built with: swift build -c release --scratch-path ../.build-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Each harness defines LLVMFuzzerTestOneInput; libFuzzer supplies main().
let package = Package(
    name: "assess-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "assess", path: "..")],
    targets: [
        // The root package exports only the Scoring library; its dependencies (RubricModel, YAML, Diagnostics)
        // are built with it and importable from here.
        .target(name: "FuzzSupport", dependencies: [.product(name: "Scoring", package: "assess")]),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzRubric", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzQuestionnaire", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
