import Testing
@testable import Detection
import TestSupport

/// The prefilter's fast paths (first letters looked up in tables, walks dropped at a
/// joiner when no split platform name can follow, ASCII folded eight bytes at a time)
/// against the slow truth: the whole detector run without the prefilter. On random
/// texts built from the pieces those paths decide on, and on split names after short
/// everyday words, whatever the detector finds the prefilter must have let through.
@Suite struct PrefilterDifferentialTests {
    static let detector = Harness.detector

    /// Everyday words (many start like a trigger or a number word), trigger words whole
    /// and split, numbers spelled and written, street words, address and link pieces,
    /// and disguises: zero-width, full-width, Cyrillic, emoji, Arabic-Indic digits.
    static let pieces = [
        "a", "I", "on", "to", "me", "we", "so", "in", "up", "of", "do", "no", "un", "the", "and", "project", "offer",
        "set", "second", "view", "place", "plan", "quality", "several", "found", "three", "through", "feedback",
        "skype", "s k y p e", "sky pe", "sk-ype", "what's app", "whats app", "w h a t s a p p", "tele gram", "tele-gram",
        "in sta", "insta", "telegram", "zoom", "signal", "line", "LINE", "id", "wechat", "we chat", "link edin",
        "email", "e mail", "gmail", "g mail", "dot", "at", "com", ".com", "@", "acme.de", "(dot)", "[at]",
        "five", "oh", "double", "one", "nine", "zero", "sept", "drei", "cinco", "555", "0199", "+44", "12",
        "2024-03-15", "$12,500", "#10234", "Street", "St.", "rue", "Calle", "Mayor", "Hauptstraße", "PO Box", "Box",
        "offline", "platform", "fee", "pay", "me", "directly", "live:", "anna_77", "call", "text", "number",
        "\u{200B}", "Ｓｋｙｐｅ", "ѕкуре", "🔹", "٥٥٥", "Jürgen", "—", "'", "’", "s",
    ]
    static let separators = [" ", " ", " ", "", "-", ".", ", ", "\n", "_", "*", ": "]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        var out: [String] = []
        for _ in 0..<count {
            var text = ""
            for k in 0..<Int(2 + random.next() % 9) {
                if k > 0 { text += random.pick(separators) }
                var piece = random.pick(pieces)
                if random.next() % 5 == 0 { piece = piece.uppercased() }
                text += piece
            }
            out.append(text)
        }
        return out
    }

    @Test func neverHidesWhatTheDetectorFindsInRandomTexts() {
        var rejected = 0, found = 0
        for text in Self.randomTexts(count: 4000, seed: 11) {
            let all = Self.detector.findings(in: text, explain: false, usePrefilter: false)
            if !all.isEmpty { found += 1 }
            guard !Self.detector.mayContainFinding(text) else { continue }
            rejected += 1
            #expect(all.isEmpty, "prefilter hides \(all.map(\.kind.rawValue)) in: \(text)")
        }
        // Both sides are exercised: texts turned away, and texts with findings.
        #expect(rejected > 200)
        #expect(found > 200)
    }

    /// A split platform name right after a short word that starts like another lexicon
    /// word: the walk of that word is dropped at the joiner, the name's own walk is not.
    static let splitAfterShortWords = [
        "I am on s k y p e", "a sky pe id", "on s-k-y-p-e", "we use what's app", "so tele gram then",
        "in sta is fine", "to s k y p e", "do w h a t s a p p", "me on sk ype", "no t e l e g r a m",
    ]

    @Test(arguments: splitAfterShortWords)
    func splitNameAfterShortWordPasses(_ text: String) {
        let passed = Self.detector.mayContainFinding(text)
        #expect(passed)
    }

    /// The eight-bytes-at-a-time fold: texts mostly ASCII with one non-ASCII character
    /// at every position class (before, inside and after the eight-byte blocks) decide
    /// as the detector does.
    @Test func mostlyASCIITextsWithOneNonASCIICharacter() {
        let bases = ["Add me on Skype: anna.k", "call 555 0199 12 now", "ANNA AT GMAIL DOT COM",
                     "Thanks, I'll send the revised logo tomorrow", "see you at 3pm on the platform"]
        var checked = 0
        for base in bases {
            let scalars = Array(base.unicodeScalars)
            for at in 0...scalars.count {
                for extra in ["é", "🔹", "\u{200B}", "Ｓ"] {
                    var s = String.UnicodeScalarView(scalars[..<at])
                    s.append(contentsOf: extra.unicodeScalars)
                    s.append(contentsOf: scalars[at...])
                    let text = String(s)
                    if !Self.detector.mayContainFinding(text) {
                        let found = Self.detector.findings(in: text, explain: false, usePrefilter: false)
                        #expect(found.isEmpty, "prefilter hides \(found.map(\.kind.rawValue)) in: \(text)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 400)
    }

    /// The eight-bytes-at-a-time letter run against a byte-by-byte one, as the scan's
    /// byte kinds read letters (ASCII letters; folded text also every byte from 0x80),
    /// from every start in random byte strings biased to letters and the bytes next to
    /// them ("@", "[", "`", "{", 0x7F, 0x80, 0xC3, 0xFF).
    @Test func letterRunsEndWhereTheByteByByteReadingEnds() {
        var random = SplitMix64(seed: 13)
        let bytes: [UInt8] = Array(0x41...0x5A) + Array(0x61...0x7A) + [0x40, 0x5B, 0x60, 0x7B, 0x7F, 0x80, 0xC3, 0xFF, 0x20, 0x30, 0x2E, 0x27]
        var checked = 0
        for _ in 0..<3_000 {
            let text = (0..<random.int(0...40)).map { _ in random.next() % 4 == 0 ? UInt8(truncatingIfNeeded: random.next()) : random.pick(bytes) }
            text.withUnsafeBufferPointer { p in
                for folded in [false, true] {
                    for start in 0...p.count {
                        var j = start
                        while j < p.count && (ASCII.isLetter(p[j]) && p[j] < 0x80 || (folded && p[j] >= 0x80)) { j += 1 }
                        #expect(Prefilter.letterRunEnd(p, from: start, folded: folded) == j, "\(text) from \(start), folded \(folded)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 50_000)
    }

    /// A word's lone walk stepped in a register against the general code that steps
    /// every walk through memory: the same decision on random texts, split names after
    /// short words, listed edge cases and every text of the corpus.
    @Test func loneWalkInARegisterDecidesAsTheGeneralWalks() throws {
        let inline = Prefilter(lexicon: Harness.lexicon, stepsLoneWalkInline: true)
        let general = Prefilter(lexicon: Harness.lexicon, stepsLoneWalkInline: false)
        var texts = Self.randomTexts(count: 6000, seed: 14) + Self.splitAfterShortWords
        texts += ["a", "I", "to me", "in sta", "in-sta", "i'm on it", "let's zoom", "what's app", "whats'app",
                  "x1 two three", "12ab cd", "on line 3", "via LINE", "tele gram", "one two three four five six seven",
                  "Jürgen straße 5", "ѕкуре", "Ｓｋｙｐｅ me", "live:anna", "line: @anna", "the LINE app", "5 main st",
                  "skypeskypeskypeskypeskype", "telegramm", "whatsappp", "gmailcom"]
        texts += try PrefilterCorpusTests.labeledTexts(peers: false)
        var passed = 0
        for text in texts {
            let a = inline.mayContainFinding(text), b = general.mayContainFinding(text)
            #expect(a == b, "inline \(a), general \(b): \(text)")
            if a { passed += 1 }
        }
        // Both decisions are exercised.
        #expect(passed > 500 && passed < texts.count - 500)
    }
}
