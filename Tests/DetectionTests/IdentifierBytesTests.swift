import Testing
@testable import Detection
import TestSupport

/// The "never a handle" checks on an identifier's ASCII bytes (`NotContact.isOrdinaryWord(ascii:)`,
/// `isDimension(ascii:)`) against the same checks on its `String`: every lexicon word
/// whole, cased, cut, with separators and digits, dimension shapes, and random ASCII
/// runs, each read as a slice in the middle of a larger array (as identifiers are).
@Suite struct IdentifierBytesTests {
    static let lexicon = Harness.lexicon

    static func check(_ words: [String], sourceLocation: SourceLocation = #_sourceLocation) -> (ordinary: Int, dimensions: Int) {
        var ordinary = 0, dimensions = 0, differing = 0
        for word in words where word.utf8.allSatisfy({ $0 < 0x80 }) {
            let padded = Array("ab ".utf8) + Array(word.utf8) + Array(" 9x".utf8)
            let slice = padded[3..<(padded.count - 3)]
            let slowOrdinary = NotContact.isOrdinaryWord(word, lexicon: lexicon)
            let slowDimension = NotContact.isDimension(word)
            if NotContact.isOrdinaryWord(ascii: slice, lexicon: lexicon) != slowOrdinary
                || NotContact.isDimension(ascii: slice) != slowDimension {
                differing += 1
                if differing <= 10 { Issue.record("differs on \(word.debugDescription)", sourceLocation: sourceLocation) }
            }
            if slowOrdinary { ordinary += 1 }
            if slowDimension { dimensions += 1 }
        }
        #expect(differing == 0, "\(differing) of \(words.count) words differ", sourceLocation: sourceLocation)
        return (ordinary, dimensions)
    }

    @Test func sameAnswersOnLexiconWordsAndDimensions() {
        var words: [String] = []
        for e in Self.lexicon.words.entries {
            let w = e.word
            words += [w, w.uppercased(), w + "s", String(w.dropLast()), String(w.dropFirst()), w + "1", "1" + w,
                      w.replacingOccurrences(of: "'", with: ""), "\(w)-\(w)", "\(w).x", " \(w)", w.replacingOccurrences(of: " ", with: "-")]
        }
        for a in ["", "1", "16", "1200", "x", "a"] {
            for b in ["", "9", "628", "x", "b"] { words += ["\(a)x\(b)", "\(a)X\(b)", "\(a)xx\(b)", "\(a)x\(b)x"] }
        }
        let (ordinary, dimensions) = Self.check(words)
        #expect(ordinary > 1000)
        #expect(dimensions >= 5)
    }

    @Test func sameAnswersOnRandomRuns() {
        var random = SplitMix64(seed: 131)
        let alphabet = Array("aeiostnrlxy0129-. '_".utf8)
        let words = (0..<30_000).map { _ in
            String(decoding: (0..<random.int(1...9)).map { _ in random.pick(alphabet) }, as: UTF8.self)
        }
        let (ordinary, dimensions) = Self.check(words)
        #expect(ordinary > 100)
        #expect(dimensions >= 8)
    }
}
