import Diagnostics
import Foundation
import RubricModel
import YAML

/// Helpers shared by the harnesses: exercise everything a command does with a parsed file.
public enum FuzzSupport {
    /// Renders diagnostics against the input text as `assess` prints them (snippet and caret), so column and
    /// line arithmetic in the renderer is fuzzed too.
    public static func render(_ diagnostics: [Diagnostic], text: String, name: String) {
        guard !diagnostics.isEmpty else { return }
        let sources = SourceLineCache()
        sources.register(text: text, as: name)
        let renderer = DiagnosticRenderer(sources: sources, useColor: true)
        _ = renderer.render(diagnostics.sorted())
    }

    /// Walks the tree and runs every typed reader on every node.
    public static func walk(_ node: Node, depth: Int = 0) {
        precondition(depth <= ParseLimits.default.maxDepth + 1, "tree deeper than the depth limit")
        precondition(node.location.line >= 1 && node.location.column >= 1, "location not 1-based")
        _ = node.kindDescription
        _ = node.isNull
        _ = node.string()
        _ = node.bool()
        _ = node.integer()
        _ = node.decimal()
        _ = node.date()
        switch node.value {
        case .scalar: break
        case .sequence(let items): for item in items { walk(item, depth: depth + 1) }
        case .mapping(let pairs):
            for pair in pairs {
                walk(pair.key, depth: depth + 1)
                walk(pair.value, depth: depth + 1)
                if let key = pair.key.scalar?.text { _ = node[key] }
            }
        }
    }

    /// The input as text, the way the CLI's snippet cache would see it (invalid UTF-8 repaired).
    public static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The shipped rubric's files (model.yaml and the dimension files), read once from `rubrics/` next to this package.
    public static let shippedRubricFiles: [(name: String, text: String)] = {
        let folder = ProcessInfo.processInfo.environment["ASSESS_RUBRIC"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rubrics").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }
        let files = names.sorted().compactMap { name -> (name: String, text: String)? in
            guard let text = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { return nil }
            return (name, text)
        }
        precondition(files.contains { $0.name == "model.yaml" }, "no rubric found in \(folder); set ASSESS_RUBRIC")
        return files
    }()
}

// MARK: - Driver

/// libFuzzer's driver (`int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

extension FuzzSupport {
    /// Hands control to libFuzzer with the process's arguments. SwiftPM links executables with its own `main`
    /// (it renames the module's entry point), so each harness has an `@main` that calls this instead of relying on
    /// libFuzzer's `main`.
    public static func runDriver(_ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, callback)
        exit(status)
    }
}
