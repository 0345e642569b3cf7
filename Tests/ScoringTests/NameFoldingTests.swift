import Scoring
import Testing

@testable import Diagnostics

/// `Suggestion.fold` orders library names (`MatrixSort`) and matches misspelt ids. ASCII text and the Latin letters
/// it spells out take a byte-wise path; it must fold exactly as the scalar-wise one does.
@Suite("Folding names")
struct NameFoldingTests {
    @Test func bytesFoldAsScalarsDo() {
        var texts = [
            "", "-", "---", " ", "_", "Stadtbibliothek Auental", "STADTBIBLIOTHEK-AUENTAL", " lead and trail ",
            "--dashes--", "_under_score_", "Bibliothek am See 12", "MiXeD cAsE", "tab\there", "line\nbreak", "x",
            "-a-", "a--b", "Z@[`{", "\u{7F}\u{1}",
        ]
        texts.append(String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self))
        var generator = SeededGenerator(seed: 5)
        // Texts of what the byte-wise path takes (ASCII, the letters spelt out or stripped), and of anything: every
        // letter of U+00C0–U+00FF (some kept as they are), decomposed umlauts, other scripts.
        let taken = Array("aAzZ09 -_.,/()ÄäÖöÜüßáàâÁÀÂéèêëÉÈÊËíìîïÍÌÎÏóòôÓÒÔúùûÚÙÛ".unicodeScalars)
        let any = taken + (0xC0...0xFF).compactMap(Unicode.Scalar.init) + ["\u{308}", "\u{301}", "\u{1E9E}", "\u{100}", "€", "Ω"]
        for alphabet in [taken, any] {
            for _ in 0..<500 {
                let length = Int.random(in: 0...24, using: &generator)
                texts.append(String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! })))
            }
        }
        var byBytes = 0
        for text in texts {
            #expect(Suggestion.fold(text) == Suggestion.foldScalars(text), "\(text.debugDescription)")
            guard let folded = Suggestion.foldBytes(text) else { continue }
            byBytes += 1
            #expect(folded == Suggestion.foldScalars(text), "\(text.debugDescription)")
        }
        #expect(byBytes > 500)
    }

    /// Umlauts are spelt out and accents dropped; other text is left to the scalar-wise fold.
    @Test func latinLettersFold() {
        #expect(Suggestion.foldBytes("Bu\u{308}cherei") == nil)
        #expect(Suggestion.foldBytes("Ærø") == nil)
        #expect(Suggestion.foldBytes("Bücherei") == "buecherei")
        #expect(Suggestion.fold("Stadtbücherei Öhringen") == "stadtbuecherei-oehringen")
        #expect(Suggestion.fold(" Straße ") == "strasse")
        #expect(Suggestion.fold("Médiathèque") == "mediatheque")
    }
}
