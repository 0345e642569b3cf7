import Diagnostics
import FuzzSupport
import RubricModel
import Scoring

/// The shipped rubric's files, loaded once.
let shipped = FuzzSupport.shippedRubricFiles

/// Fuzzes rubric loading and checking: the input replaces one of the shipped rubric's files (chosen by its first
/// byte's low bits), the others stay as shipped, and the whole rubric is loaded from memory with `RubricLoader.load(files:)`.
/// Sample questionnaires generated from a rubric that loads are scored and briefed; when the first byte's high
/// bit is set it is also analysed as `assess rubric check` does (with fewer random samples: the analysis is slow).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let slot = Int(data[0] & 0x7F) % shipped.count
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let text = FuzzSupport.text(bytes)
    var files = shipped
    files[slot] = (files[slot].name, text)
    let result = RubricLoader.load(files: files)
    FuzzSupport.render(result.diagnostics, text: text, name: "rubric/" + files[slot].name)
    if let rubric = result.rubric {
        if data[0] & 0x80 != 0 {
            var analysis = RubricAnalysis(rubric: rubric)
            analysis.samples = 5
            _ = analysis.run()
        }
        let sampler = AnswerSampler(rubric: rubric)
        let builder = BriefingBuilder(rubric: rubric)
        _ = builder.build(current: [sampler.allBest()], previous: [sampler.allWorst()])
    }
    return 0
}

@main enum Main {
    static func main() {
        // Load the shipped files before libFuzzer starts counting allocations: LeakSanitizer cannot see through
        // Swift's tagged enum payload pointers in a global, and would report the global as leaked.
        _ = shipped
        FuzzSupport.runDriver(fuzz)
    }
}
