import Foundation
import Testing
@testable import Detection
import TestSupport

/// The prefilter's folding of non-ASCII text (`foldText`), which takes ASCII bytes eight
/// at a time and, before a byte from 0x80, the ASCII bytes ahead of it in the same step,
/// against its slow reference one byte at a time (`foldTextByteByByte`): the same bytes
/// on texts with a non-ASCII character at every position around the eight-byte steps,
/// every ASCII byte next to one, characters of every UTF-8 length and fold class, random
/// mixes, and the corpus and peer suites.
@Suite struct FoldTextDifferentialTests {
    static let prefilter = Prefilter(lexicon: Harness.lexicon, stepsLoneWalkInline: true, usesScreen: true)

    /// Folds every text both ways; returns how many were compared.
    @discardableResult
    static func check(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var differing = 0
        for text in texts {
            var bytes = text
            bytes.withUTF8 { p in
                let fast = [UInt8](unsafeUninitializedCapacity: p.count) { out, count in
                    count = prefilter.foldText(p, into: out)
                }
                let slow = [UInt8](unsafeUninitializedCapacity: p.count) { out, count in
                    count = prefilter.foldTextByteByByte(p, into: out)
                }
                if fast != slow {
                    differing += 1
                    if differing <= 5 {
                        Issue.record(Comment(rawValue: "folded differently: \(text.debugDescription)"),
                                     sourceLocation: sourceLocation)
                    }
                }
            }
        }
        #expect(differing == 0, "\(differing) of \(texts.count) texts folded differently", sourceLocation: sourceLocation)
        return texts.count
    }

    /// One of each: two-byte letters (Latin-1, Latin Extended, Cyrillic, Greek), a
    /// combining mark, three-byte letters, punctuation, currency, a typographic apostrophe,
    /// zero-width and full-width characters, four-byte emoji and styled letters.
    static let others: [String] = ["é", "É", "ß", "ę", "а", "Д", "ѕ", "ο", "\u{0301}", "ま", "。", "€", "’", "\u{200B}",
                                   "\u{00AD}", "Ｓ", "５", "🙂", "𝐚", "¡", "×", "٣"]

    @Test func sameBytesWithACharacterAtEveryPositionAroundTheSteps() {
        var texts: [String] = []
        let filler = Array("Thanks, I'll SEND the Revised logo tomorrow at NINE; ok?".utf8)
        for length in 0...filler.count {
            let base = Array(filler.prefix(length))
            for at in 0...base.count {
                for other in Self.others {
                    texts.append(String(decoding: base[..<at] + Array(other.utf8) + base[at...], as: UTF8.self))
                }
            }
        }
        #expect(Self.check(texts) > 30_000)
    }

    /// Every ASCII byte right before and right after a non-ASCII character, at every
    /// offset of an eight-byte step.
    @Test func sameBytesWithEveryASCIIByteNextToACharacter() {
        var texts: [String] = []
        for b in 0..<128 {
            let c = String(UnicodeScalar(UInt8(b)))
            for lead in 0..<10 {
                let pad = String(repeating: "Ab", count: lead / 2) + (lead % 2 == 1 ? "Z" : "")
                for other in ["é", "а", "🙂", "ま"] {
                    texts += [pad + c + other + "xY", pad + other + c + "Qq", pad + c + c + other + c]
                }
            }
        }
        Self.check(texts)
    }

    @Test func sameBytesOnRandomMixes() {
        var random = SplitMix64(seed: 88)
        let ascii = ["a", "B", " ", "word", "WORD", "  ", ".", ",", "7", "@", "\n", "x-y", "it's"]
        let texts = (0..<20_000).map { _ -> String in
            var text = ""
            for _ in 0..<random.int(0...30) {
                text += random.next() % 3 == 0 ? random.pick(Self.others) : random.pick(ascii)
            }
            return text
        }
        Self.check(texts)
    }

    @Test func sameBytesOnTheCorpus() throws {
        Self.check(try PrefilterCorpusTests.labeledTexts())
    }
}
