import Diagnostics
import FuzzSupport
import RubricModel
import Scoring

/// The shipped rubric, loaded once.
let rubric: Rubric = {
    let result = RubricLoader.load(files: FuzzSupport.shippedRubricFiles)
    guard let rubric = result.rubric else { fatalError("the shipped rubric does not load: \(result.diagnostics)") }
    return rubric
}()

/// Fuzzes questionnaire validation and scoring: load the input against the shipped rubric (both readings, which
/// must agree); when it is valid, score it, group it as a cohort and build a briefing (also against itself as the
/// previous round).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = FuzzSupport.text(bytes)
    let result = QuestionnaireLoader.load(text: text, name: "fuzz.yaml", rubric: rubric)
    FuzzSupport.render(result.diagnostics, text: text, name: "fuzz.yaml")
    // `load` reads files that need no diagnostic from the parser's events; the full reading must agree exactly.
    let full = QuestionnaireLoader.loadThroughTree(bytes: Array(text.utf8), name: "fuzz.yaml", rubric: rubric)
    if full.questionnaire != result.questionnaire || full.diagnostics.count != result.diagnostics.count {
        fatalError("event and tree readings disagree: \(result.diagnostics.map(\.message)) vs \(full.diagnostics.map(\.message))")
    }
    guard let questionnaire = result.questionnaire else { return 0 }
    let engine = ScoringEngine(rubric: rubric)
    _ = engine.assess([questionnaire])
    _ = engine.assess([questionnaire, questionnaire])
    _ = Cohort.group([questionnaire])
    let builder = BriefingBuilder(rubric: rubric)
    _ = builder.build(current: [questionnaire], previous: nil)
    _ = builder.build(current: [questionnaire], previous: [questionnaire])
    return 0
}

@main enum Main {
    static func main() {
        // Load the shipped files before libFuzzer starts counting allocations: LeakSanitizer cannot see through
        // Swift's tagged enum payload pointers in a global, and would report the global as leaked.
        _ = rubric
        FuzzSupport.runDriver(fuzz)
    }
}
