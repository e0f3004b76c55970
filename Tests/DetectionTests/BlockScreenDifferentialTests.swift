import Foundation
import Testing
@testable import Detection
import TestSupport

/// The screen's pass by blocks (words found from the letter bits of 64 bytes at a time)
/// against the byte-by-byte pass it runs in front of (`byBlocks: false`, the slow
/// reference): the same answer on every text, with the digit hint as computed and forced
/// either way. Texts are built to hit the blocks' edges: words and trigger bytes at
/// every offset around the 64-byte block ends, words crossing them, every byte value
/// next to a word's end, texts of 0 to 200 bytes, case, bytes from 0x80, joiners,
/// apostrophes, digits and number words (where the byte pass takes over).
@Suite struct BlockScreenDifferentialTests {
    static let prefilter = Prefilter(lexicon: Harness.lexicon, stepsLoneWalkInline: true, usesScreen: true)

    /// Checks every text; returns how many the screen turned away.
    @discardableResult
    static func check(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var turnedAway = 0
        var differing = 0
        for text in texts {
            for hint in [nil, true, false] as [Bool?] {
                let byBlocks = prefilter.screenSaysNothing(text, digitsLikely: hint, byBlocks: true)
                let byBytes = prefilter.screenSaysNothing(text, digitsLikely: hint, byBlocks: false)
                if byBlocks != byBytes {
                    differing += 1
                    if differing <= 5 {
                        let what = "by blocks \(byBlocks), by bytes \(byBytes), hint \(String(describing: hint)): "
                        Issue.record(Comment(rawValue: what + text.debugDescription), sourceLocation: sourceLocation)
                    }
                }
                if hint == nil && byBlocks { turnedAway += 1 }
            }
        }
        #expect(differing == 0, "\(differing) of \(texts.count * 3) answers differ", sourceLocation: sourceLocation)
        return turnedAway
    }

    /// Words the screen watches (short everyday words, number words, pieces of split names,
    /// triggers) and plain ones, long runs near the long-token length.
    static let words = [
        "a", "I", "you", "in", "on", "what", "me", "so", "re", "s", "t", "ll", "the", "and", "project", "design",
        "tomorrow", "experience", "thanks", "one", "two", "five", "oh", "double", "zero", "sk", "ype", "skype", "whats",
        "app", "what's", "tele", "gram", "insta", "call", "email", "gmail", "live", "street", "st", "rd", "Straße",
        "main", "box", "dot", "at", "com", "WHATSAPP", "Skype", "abcdefgh", "abcdefghi", "qwertyuiopasdfghjklzxcv",
        "qwertyuiopasdfghjklzxcvbnm", "café", "naïve", "Привет", "ѕkype", "ｓｋｙｐｅ",
    ]
    static let plainWords = ["we", "do", "it", "the", "logo", "draft", "thanks", "please", "review", "colours", "font",
                             "brand", "later", "today", "schedule", "a", "in", "you"]
    static let separators = [
        " ", " ", " ", " ", ", ", ". ", ".", "'", "’", "! ", "? ", "\n", "-", "_", "*", " 3 ", "12", " 12345 ", "$5",
        ": ", "(", ")", "...", " — ", "  ", "@", "\u{200B}", "\u{200D}", "🙂", "é", "/", ";", "+", "#", "\t", "",
    ]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var text = ""
            let pieces = random.int(0...40)
            for k in 0..<pieces {
                // Mostly single spaces, as in messages (runs of words the pass reads whole).
                if k > 0 { text += random.next() % 4 == 0 ? random.pick(separators) : " " }
                var word = random.next() % 2 == 0 ? random.pick(words) : random.pick(plainWords)
                switch random.next() % 10 {
                case 0: word = word.uppercased()
                case 1: word = word.capitalized
                default: break
                }
                text += word
            }
            return text
        }
    }

    @Test func sameAnswerOnRandomTexts() {
        let texts = Self.randomTexts(count: 20_000, seed: 81)
        let turnedAway = Self.check(texts)
        // Many of them are turned away (else the pass by blocks would hardly be tested).
        #expect(turnedAway > 3000)
        // And many are longer than two blocks.
        #expect(texts.filter { $0.utf8.count > 128 }.count > 2000)
    }

    /// A plain filler (letters and single spaces, so that words of every length end
    /// everywhere) cut at every length from 0 to 200 bytes, with a piece put at every
    /// offset near the block ends (0–12, 52–76, 116–140) and at the text's end.
    @Test func sameAnswerWithPiecesAtEveryOffsetAroundBlockEnds() {
        let filler = Array(String(repeating: "the quick brown fox jumps over a lazy dog in an hour ", count: 5).utf8)
        let pieces = ["skype", " skype", "sk ype", "sk-ype", "whats app", "what's app", "@", "a.b", ".)", "5", "12345",
                      " one two three four five", "one", "'s", "’s", "é", "Ab", "ZZZZZZZZZZ", "live:x",
                      String(repeating: "k", count: 24), String(repeating: "k", count: 25), "naïve", "\u{200D}", "st 12"]
        var texts: [String] = []
        let offsets = Array(0...12) + Array(52...76) + Array(116...140)
        for length in stride(from: 0, through: 200, by: 1) {
            let base = Array(filler.prefix(length))
            texts.append(String(decoding: base, as: UTF8.self))
            for piece in pieces {
                texts.append(String(decoding: base + Array(piece.utf8), as: UTF8.self))
            }
        }
        for at in offsets {
            let base = Array(filler.prefix(160))
            for piece in pieces {
                texts.append(String(decoding: base[..<at] + Array(piece.utf8) + base[at...], as: UTF8.self))
                texts.append(String(decoding: Array(repeating: UInt8(ascii: " "), count: at) + Array(piece.utf8),
                                    as: UTF8.self))
            }
        }
        let turnedAway = Self.check(texts)
        #expect(turnedAway > 1000)
    }

    /// Every character from U+0000 to U+00FF (and a few beyond) right after a watched or
    /// plain word that ends just before, at and after a block end, followed by a word.
    @Test func sameAnswerWithEveryByteValueAfterAWord() {
        var texts: [String] = []
        let extras: [Unicode.Scalar] = ["\u{2019}", "\u{200B}", "\u{200D}", "\u{0301}", "\u{FF0E}", "\u{1F642}", "\u{0455}"]
        let characters = (0..<256).compactMap { Unicode.Scalar(UInt32($0)) } + extras
        for word in ["you", "sk", "skype", "whats", "one", "tomorrow", "designers"] {
            for lead in [0, 55, 58, 60, 61, 62, 63, 64, 65, 120, 125, 127] {
                let pad = String(repeating: "x ", count: lead / 2) + (lead % 2 == 1 ? " " : "")
                for c in characters {
                    for after in ["ype", " app", "", " x"] {
                        texts.append(pad + word + String(Character(c)) + after)
                    }
                }
            }
        }
        Self.check(texts)
    }

    /// Long runs of letters, apostrophes and the bytes the pass looks at, around the
    /// long-token length, within a block and across its end.
    @Test func sameAnswerOnRunsAroundTheLongTokenLength() {
        var texts: [String] = []
        for length in 18...70 {
            for lead in [0, 30, 40, 50, 60, 63, 64] {
                let pad = String(repeating: " ", count: lead)
                let run = String(repeating: "k", count: length)
                let half = String(repeating: "k", count: length / 2)
                texts += [pad + run, pad + run + " ok", pad + half + "'" + half, pad + "'" + half + "'" + half,
                          pad + half + "?" + half, pad + half + "é" + half, pad + "12" + half, pad + half + ":" + half,
                          pad + half + "'s", pad + "I'" + run]
            }
        }
        Self.check(texts)
    }

    /// Every labeled text of the corpus and, when present, the peer suites.
    @Test func sameAnswerOnTheCorpus() throws {
        var texts = try (PrefilterCorpusTests.corpusTexts() + CorpusTests.corpus("heldout-2")).map(\.text)
        if let peer = try PrefilterCorpusTests.peerTexts() { texts += peer.map(\.text) }
        Self.check(texts)
    }
}
