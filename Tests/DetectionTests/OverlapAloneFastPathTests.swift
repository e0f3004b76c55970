import Testing
@testable import Detection
import TestSupport

/// A lone candidate's fast path through overlap resolution (`resolveAlone`) against
/// the general path: every candidate the recognizers make, on the corpus, the peer
/// suites when present, random texts of trigger pieces and texts built for the rules
/// a lone candidate meets (phones inside links, details inside links to the
/// marketplace, a messaging app named before a phone, empty and phrase candidates),
/// resolved alone both ways, must come out the same.
@Suite struct OverlapAloneFastPathTests {
    /// The text's index and every candidate of every recognizer, before resolution.
    static func candidates(_ text: String) -> (TextIndex, [Candidate]) {
        let normalized = Harness.normalizer.normalize(text)
        let index = TextIndex(normalized, lexicon: Harness.lexicon)
        var out: [Candidate] = []
        for r in Harness.detector.recognizerList {
            if let r = r as? any IndexedRecognizer { r.recognize(index, into: &out) } else { r.recognize(normalized, into: &out) }
        }
        return (index, out)
    }

    static let crafted = [
        "see https://example.com/call/4155550199 now", "https://offplatform.example/u/anna@gmail.com",
        "files.offplatform.example/4155550199", "WhatsApp: +44 20 7946 0958", "on telegram +1 415 555 0199 thanks",
        "my skype is anna.k, whatsapp 415-555-0199", "wa.me/14155550199", "call 415 555 0199", "email me",
        "offplatform.example/profile/415-555-0199 or 415 555 0199", "https://zoom.us/j/84512345678",
        "let's move to whatsapp: +44 7700 900123", "signal 07700 900123", "line: 0901234567",
        "https://example.com/contact/415-555-0199", "example.org/415.555.0199 ok", "http://acme.de/tel/+4930123456",
        "https://acme.de/415 555 0199", "offplatform.example/x/bob@yahoo.com", "see offplatform.example/t/anna.k@outlook.com",
        "https://files.offplatform.example/anna@outlook.com/file", "offplatform.example/u/+44-20-7946-0958",
    ]

    @Test func aLoneCandidateResolvesAsInTheGeneralPath() throws {
        var texts = try PrefilterCorpusTests.labeledTexts()
        texts += PrefilterDifferentialTests.randomTexts(count: 2000, seed: 61) + Self.crafted
        var compared = 0, dropped = 0, platformTaken = 0
        for text in texts {
            let (index, candidates) = Self.candidates(text)
            for c in candidates + [Candidate(kind: .phone, range: 0..<0, rule: "phone.empty", explanation: "")] {
                let fast = OverlapResolution.resolve([c], index: index)
                let slow = OverlapResolution.resolve([c], index: index, aloneFastPath: false)
                #expect(fast == slow, "\(c.rule) in \(text.debugDescription): \(fast.map(\.rule)) against \(slow.map(\.rule))")
                compared += 1
                if slow.isEmpty && !c.range.isEmpty { dropped += 1 }
                if let k = slow.first, k.platform != c.platform { platformTaken += 1 }
            }
        }
        // The rules a lone candidate meets are exercised: dropped inside links, platform taken.
        #expect(compared > 3000)
        #expect(dropped > 5)
        #expect(platformTaken > 5)
    }
}

/// `NotContact.isDimension` reads ASCII text as bytes; by characters it is the
/// reference: the same answer on random strings of digits, "x", letters, line breaks
/// and a few non-ASCII numbers and letters.
@Suite struct DimensionBytesTests {
    @Test func bytesAnswerAsCharactersDo() {
        var random = SplitMix64(seed: 71)
        let pieces = ["1", "2", "0", "9", "x", "x", "X", "a", "\r\n", "\n", " ", "-", "½", "٣", "Ⅻ", "é", "12", "1920"]
        var yes = 0
        var texts = ["", "x", "1x", "x1", "1x1", "12x34x5", "1920x1080", "16x9", "16×9", "1x½", "٣x٣", "1\r\nx2"]
        for _ in 0..<20000 { texts.append((0..<random.int(0...6)).map { _ in random.pick(pieces) }.joined()) }
        for text in texts {
            let fast = NotContact.isDimension(text), slow = NotContact.isDimensionByCharacters(text)
            #expect(fast == slow, "\(text.debugDescription): bytes \(fast), characters \(slow)")
            if slow { yes += 1 }
        }
        #expect(yes > 200)
    }
}

/// The normalizer's look before the digit-run rewrite (`mayHoldDigitRun`: digits and
/// non-ASCII bytes first, then only the number words needed) against the byte-by-byte
/// reading it replaced: the same answer on random texts of trigger pieces, everyday
/// texts, number words next to digits and non-ASCII characters, and the corpus, both on
/// the texts as written and normalized.
@Suite struct DigitRunLookTests {
    @Test func sameAnswerAsTheByteByByteReading() throws {
        let normalizer = Harness.normalizer
        var texts = PrefilterDifferentialTests.randomTexts(count: 4000, seed: 81)
            + PrefilterScreenDifferentialTests.everydayTexts(count: 4000, seed: 82)
        var random = SplitMix64(seed: 83)
        let pieces = ["five", "oh", "one", "double", "sept", "un", "fi", "ze", "zero", "nine", "5", "55", "0199", "é", "🔹",
                      "—", " ", "-", "a", "x", "offer", "fine", "nineteen", "Five", "ONE", "٥"]
        for _ in 0..<6000 { texts.append((0..<random.int(0...7)).map { _ in random.pick(pieces) }.joined()) }
        texts += try PrefilterCorpusTests.labeledTexts(peers: false)
        var yes = 0, no = 0
        for text in texts {
            for bytes in [Array(text.utf8), normalizer.normalize(text).bytes] {
                let fast = normalizer.mayHoldDigitRun(bytes), slow = normalizer.mayHoldDigitRunByteByByte(bytes)
                #expect(fast == slow, "\(text.debugDescription): \(fast) against \(slow)")
                if slow { yes += 1 } else { no += 1 }
            }
        }
        #expect(yes > 2000 && no > 2000)
    }
}
