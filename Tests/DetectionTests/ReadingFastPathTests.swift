import Testing
@testable import Detection
import TestSupport

/// The reading's fast paths against slow truths: the tokenizer reads a word's end, kind
/// and key in one pass (checked against `WordKey.of` and a count of the token's bytes),
/// and `ByteOccupancy` keeps its first 256 bytes inline (checked against a set of
/// positions), on random texts and ranges from a seeded generator.
@Suite struct ReadingFastPathTests {
    /// Words, digits, apostrophes (straight and typographic), letters of other scripts,
    /// glued letters and digits, symbols.
    static let pieces = [
        "a", "I", "on", "email", "Skype", "what's", "don't", "it’s", "rock'n'roll", "l'été", "'quoted'", "x'",
        "555", "0199", "1200x628", "221b", "a1b2c3", "Jürgen", "straße", "東京", "Ѕкуре", "наш", "٥٥٥", "😀", "🔹",
        "@", "#", ".", "-", "_", ":", "/", "\u{00A0}", "\u{3000}", "\u{200B}", "ﬁ", "Ⓦ", "𝐬𝐤𝐲𝐩𝐞", "e\u{0301}",
    ]
    static let separators = ["", " ", "  ", "\n", "\t", ", ", "'", "’"]

    static func randomText(_ random: inout SplitMix64) -> String {
        var text = ""
        for k in 0..<random.int(1...12) {
            if k > 0 { text += random.pick(separators) }
            text += random.pick(pieces)
        }
        return text
    }

    /// The slow reading the tokenizer did before: a word's end, then its kind from a
    /// count of its bytes, then its key.
    static func slowWordEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        while j < p.count {
            let b = p[j]
            if b < 0x80 {
                if ASCII.isAlnum(b) { j += 1; continue }
                if b == 0x27, j + 1 < p.count, ASCII.isLetter(p[j + 1]) { j += 1; continue }
                break
            }
            if UTF8Scalar.isLetter(p, at: j) { j += UTF8Scalar.decode(p, at: j).length; continue }
            break
        }
        return j
    }

    /// Checks every token of `text` against the slow reading; returns how many tokens
    /// were checked.
    @discardableResult
    static func checkAgainstSlowReading(_ text: String) -> Int {
        let normalized = Normalizer(lexicon: Harness.lexicon).normalize(text)
        let index = TextIndex(normalized, lexicon: Harness.lexicon)
        var checked = 0
        normalized.bytes.withUnsafeBufferPointer { p in
            for token in index.tokens where token.kind != .newline {
                let word = String(decoding: UnsafeBufferPointer(rebasing: p[token.range]), as: UTF8.self)
                #expect(token.key == WordKey.of(p, token.range), "key of \(word) in \(text)")
                checked += 1
                guard token.kind != .punct && token.entry < 0 else { continue }
                #expect(token.end == slowWordEnd(p, from: token.start), "end of \(word) in \(text)")
                var digits = 0, others = 0
                for j in token.range { if ASCII.isDigit(p[j]) { digits += 1 } else { others += 1 } }
                let kind: TextIndex.Token.Kind = others == 0 ? .number : (digits == 0 ? .word : .mixed)
                #expect(token.kind == kind, "kind of \(word) in \(text)")
            }
        }
        return checked
    }

    @Test func randomTextsReadAsTheSlowReadingReadThem() {
        var random = SplitMix64(seed: 61)
        var checked = 0
        for _ in 0..<5_000 { checked += Self.checkAgainstSlowReading(Self.randomText(&random)) }
        #expect(checked > 10_000)
    }

    /// Apostrophes before ASCII and other letters, letters glued to digits, scripts and
    /// symbols glued to words, a typographic apostrophe (no letter: it ends a word).
    @Test(arguments: ["rock'n'roll now", "x' y", "it’s", "1200x628 px", "jürgen😀straße", "l'été", "ab'", "'ab",
                      "٥٥٥٥ 12ab34", "東京tokyo", "e\u{0301}te", "naïve café", "a\u{00A0}b", "x'1", "z''y"])
    func listedTextsReadAsTheSlowReadingReadThem(text: String) {
        #expect(Self.checkAgainstSlowReading(text) > 0)
    }

    @Test func byteOccupancyMatchesASetOfPositions() {
        var random = SplitMix64(seed: 62)
        for count in [0, 1, 63, 64, 255, 256, 257, 300, 511, 512, 1_000, 5_000] {
            var occupancy = ByteOccupancy(count: count)
            var taken = Set<Int>()
            for _ in 0..<200 where count > 0 {
                let a = random.int(0...(count - 1))
                let b = random.int(a...min(count, a + 40))
                let range = a..<b
                let expected = range.contains { taken.contains($0) }
                #expect(occupancy.overlaps(range) == expected, "count \(count), range \(range)")
                if random.next() % 3 == 0 {
                    occupancy.insert(range)
                    taken.formUnion(range)
                }
            }
        }
    }
}
