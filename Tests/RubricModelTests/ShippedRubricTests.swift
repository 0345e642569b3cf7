import Diagnostics
import Foundation
import RubricModel
import Testing

/// The shipped rubric loads without a single diagnostic.
@Suite struct ShippedRubricTests {
    static let rubricDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rubrics").path

    @Test func loadsCleanly() {
        let result = RubricLoader.load(directory: Self.rubricDirectory)
        let rendered = DiagnosticRenderer().render(result.diagnostics)
        #expect(result.diagnostics.isEmpty, "\(rendered)")
        #expect(result.rubric?.dimensions.map(\.id) == ["exploration", "workflow", "stakeholders", "strategy"])
    }
}

extension ShippedRubricTests {
    @Test func summary() throws {
        let rubric = try #require(RubricLoader.load(directory: Self.rubricDirectory).rubric)
        for dimension in rubric.dimensions {
            print(dimension.id, dimension.questions.count, dimension.recommendations.count, dimension.gates.count, dimension.thresholds)
        }
        #expect(rubric.allQuestions.count >= 48)
    }
}
