import Diagnostics
import FuzzSupport
import YAML

/// Fuzzes the YAML layer: parse arbitrary bytes, walk the tree, run every typed reader on every node and render
/// the diagnostics with snippets. Nothing may crash, hang or trip the sanitizer; diagnostics are expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = YAMLParser.parse(bytes: bytes, name: "fuzz.yaml")
    FuzzSupport.render(result.diagnostics, text: FuzzSupport.text(bytes), name: "fuzz.yaml")
    if let root = result.root { FuzzSupport.walk(root) }
    return 0
}

@main enum Main {
    static func main() { FuzzSupport.runDriver(fuzz) }
}
