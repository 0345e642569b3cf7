import Foundation
import Testing

/// Golden-file comparison for report output. The expected files live in `Tests/ReportsTests/Golden/`.
///
/// Run with `RECORD_GOLDEN=1` to (re)write the files; recording always fails the test, so a recorded
/// baseline is never mistaken for a passing one. A missing file is recorded and fails the same way.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"].map { !$0.isEmpty && $0 != "0" } ?? false }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording || expected == nil {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("Recorded golden file \(name); run the tests again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record golden file \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected, expected != actual else { return }
        let message = "Output differs from golden file \(name) (re-record with RECORD_GOLDEN=1 swift test --filter ReportsTests):\n"
            + lineDiff(expected: expected, actual: actual)
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }

    /// The differing lines with their numbers, at most 20 of them.
    static func lineDiff(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(e.count, a.count) where out.count < 40 {
            let left = index < e.count ? e[index] : "<end of file>"
            let right = index < a.count ? a[index] : "<end of file>"
            if left != right {
                out.append("\(index + 1)- \(left)")
                out.append("\(index + 1)+ \(right)")
            }
        }
        return out.joined(separator: "\n")
    }
}
