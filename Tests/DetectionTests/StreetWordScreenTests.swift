import Testing
@testable import Detection
import TestSupport

/// The screen's street test (`Prefilter.hasStreetWord(_:folded:)`: the street automaton
/// walked only for a word whose key is among the street words') against `isStreetWord`
/// on every word: the same answer, in ASCII and in folded reading, on every street and
/// PO-box word of the lexicon (cased, cut, grown, with accents), words ending like a
/// street name, random everyday texts and every corpus and peer-suite text.
@Suite struct StreetWordScreenTests {
    static let prefilter = Harness.detector.prefilter

    /// `isStreetWord` of every letter run, as the screen read words before its key test.
    static func reference(_ p: UnsafeBufferPointer<UInt8>, folded: Bool) -> Bool {
        let n = p.count
        var i = 0
        while i < n {
            guard ASCII.isLetter(p[i]) && p[i] < 0x80 || (folded && p[i] >= 0x80) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < n && (ASCII.isLetter(p[j]) && p[j] < 0x80 || (folded && p[j] >= 0x80)) { j += 1 }
            if prefilter.isStreetWord(p, i, j) { return true }
            i = j
        }
        return false
    }

    /// Checks every text in both readings; returns how many the reference calls streets.
    @discardableResult
    static func check(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var streets = 0
        var differing: [String] = []
        for text in texts {
            var bytes = text
            bytes.withUTF8 { p in
                var results: [(Bool, Bool)] = []
                if Prefilter.isASCII(p) { results.append((prefilter.hasStreetWord(p, folded: false), reference(p, folded: false))) }
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: p.count) { out in
                    let count = prefilter.foldText(p, into: out)
                    let folded = UnsafeBufferPointer(rebasing: out[0..<count])
                    results.append((prefilter.hasStreetWord(folded, folded: true), reference(folded, folded: true)))
                }
                if results.contains(where: { $0.0 != $0.1 }) { differing.append(text) }
                if results.contains(where: { $0.1 }) { streets += 1 }
            }
        }
        #expect(differing.isEmpty, "\(differing.count) of \(texts.count) texts differ: \(differing.prefix(10).map(\.debugDescription))",
                sourceLocation: sourceLocation)
        return streets
    }

    @Test func sameAnswerAroundEveryStreetWord() {
        let streetRoles: WordRoles = [.streetAfterName, .streetBeforeName, .poBoxWord]
        var words: Set<String> = []
        for entry in Harness.lexicon.words.entries where !entry.roles.isDisjoint(with: streetRoles) {
            let w = entry.word
            let scalars = Array(w.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            words.formUnion([w, w.uppercased(), w.capitalized, w + "s", "x" + w, w + w,
                             String(String.UnicodeScalarView(scalars.dropLast())),
                             String(String.UnicodeScalarView(scalars.dropFirst()))])
            for k in 1..<scalars.count {
                words.insert(String(String.UnicodeScalarView(scalars[..<k])) + "é" + String(String.UnicodeScalarView(scalars[k...])))
            }
        }
        var texts: [String] = []
        for w in words.sorted() {
            texts += [w, "12 \(w)", "on the \(w) today", "\(w).", "(\(w))", "go \(w)-side"]
        }
        let streets = Self.check(texts)
        #expect(texts.count > 1000)
        #expect(streets > 500)
    }

    @Test func sameAnswerOnNamesEndingLikeStreets() {
        var random = SplitMix64(seed: 81)
        let heads = ["Haupt", "Linden", "Kerk", "Bahnhof", "Via", "Main", "Oak", "Rue", "Gran", "Park", "Schiller", "Zee"]
        let tails = ["straße", "strasse", "str", "straat", "weg", "gasse", "allee", "plein", "laan", "gracht", "platz", "ring",
                     "dam", "kade", "vej", "gade", "väg", "gatan", "tie", "katu", "utca", "ulica", "ade", "ten", "cht", "ata"]
        var texts: [String] = []
        for h in heads {
            for t in tails { texts += ["\(h)\(t) 5", "\(h.uppercased())\(t.uppercased())", "in der \(h)\(t)"] }
        }
        for _ in 0..<2000 {
            var word = ""
            for _ in 0..<random.int(1...9) { word.append(random.pick(Array("abcdeghiklmnorstuvwyzäöüßé"))) }
            texts.append("Lives at \(word) \(random.int(1...300))")
        }
        Self.check(texts)
    }

    /// The screen's decision (street words after the first house number or number word
    /// noted in its word loop, those before it read again at the end) against the exact
    /// pass: street names and street words of every length from one to fourteen letters
    /// (the last three letters taken from the word's loaded bytes up to eight, from the
    /// text past that), before and after house numbers and number words, with everyday
    /// words between.
    @Test func screenDecidesAsTheExactPassAroundStreetNames() {
        let heads = ["", "A", "Zu", "Oak", "Kerk", "Linden", "Schiller", "Bahnhofsvor"]
        let tails = ["straße", "strasse", "straat", "weg", "gasse", "allee", "plein", "gracht", "platz", "ade", "ten", "cht",
                     "ata", "katu", "utca", "vej"]
        let words = ["St", "street", "Rd", "avenue", "Ave", "lane", "box", "PO", "Calle", "rue", "via", "way", "Blvd",
                     "stree", "streets", "boxes", "avenu"]
        var names: [String] = []
        for h in heads { for t in tails { names += [h + t, (h + t).uppercased()] } }
        names += words
        var texts: [String] = []
        var random = SplitMix64(seed: 84)
        for name in names {
            for number in ["12", "7", "221b", "one", "two", "three"] {
                let filler = random.pick(["", "the ", "near the old ", "ok so "])
                texts += ["\(number) \(filler)\(name)", "\(name) \(filler)\(number)", "\(filler)\(name), \(number)",
                          "see you at \(number) \(name)!", "\(name)"]
            }
        }
        PrefilterScreenDifferentialTests.check(texts)
        #expect(texts.count > 3000)
        Self.checkHint(texts)
    }

    /// The screen's answer does not hang on its hint (`digitsLikely`: street words noted
    /// from the first word, or from the first house number or number word with the words
    /// before it read again).
    static func checkHint(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let screen = PrefilterScreenDifferentialTests.screened
        var differing: [String] = []
        for text in texts where screen.screenSaysNothing(text, digitsLikely: true) != screen.screenSaysNothing(text, digitsLikely: false) {
            differing.append(text)
        }
        #expect(differing.isEmpty, "\(differing.count) of \(texts.count) texts differ by the hint: \(differing.prefix(10).map(\.debugDescription))",
                sourceLocation: sourceLocation)
    }

    @Test func sameAnswerWithEitherHint() throws {
        var texts = PrefilterScreenDifferentialTests.everydayTexts(count: 4000, seed: 85)
            + PrefilterDifferentialTests.randomTexts(count: 3000, seed: 86)
        texts += try PrefilterCorpusTests.labeledTexts()
        Self.checkHint(texts)
    }

    @Test func sameAnswerOnRandomAndCorpusTexts() throws {
        var texts = PrefilterScreenDifferentialTests.everydayTexts(count: 4000, seed: 82)
            + PrefilterDifferentialTests.randomTexts(count: 2000, seed: 83)
        texts += try PrefilterCorpusTests.labeledTexts(noting: "StreetWordScreenTests")
        let streets = Self.check(texts)
        #expect(streets > 100)
    }
}

/// `Prefilter.isASCII` (eight bytes a step, the last eight read overlapping) against a
/// test of every byte: texts of 0 to 40 bytes with one byte from 0x80 at every position,
/// and none.
@Suite struct ASCIITestTests {
    @Test func sameAnswerAsEveryByteAtEveryLengthAndPosition() {
        var checked = 0
        for length in 0...40 {
            for position in -1..<length {
                var bytes = [UInt8]((0..<length).map { UInt8(0x61 + $0 % 26) })
                if position >= 0 { bytes[position] = [0x80, 0xC3, 0xFF][position % 3] }
                let fast = bytes.withUnsafeBufferPointer { Prefilter.isASCII($0) }
                #expect(fast == bytes.allSatisfy { $0 < 0x80 }, "length \(length), non-ASCII at \(position)")
                checked += 1
            }
        }
        #expect(checked > 800)
    }

    /// `asciiAndDigits`: the same ASCII answer, and for ASCII text whether some byte is a
    /// digit, exactly, with one digit (each of "0" to "9") or one of the bytes around
    /// them ("/", ":", "@", "`") at every position of texts of 0 to 40 bytes.
    @Test func digitsFoundAtEveryLengthAndPosition() {
        var checked = 0
        for length in 0...40 {
            for position in -1..<length {
                for probe: UInt8 in [0x30, 0x35, 0x39, 0x2F, 0x3A, 0x40, 0x60, 0xC3] {
                    var bytes = [UInt8]((0..<length).map { UInt8(0x61 + $0 % 26) })
                    if position >= 0 { bytes[position] = probe }
                    let (ascii, digits) = bytes.withUnsafeBufferPointer { Prefilter.asciiAndDigits($0) }
                    #expect(ascii == bytes.allSatisfy { $0 < 0x80 })
                    if ascii { #expect(digits == bytes.contains { $0 &- 0x30 < 10 }, "length \(length), \(probe) at \(position)") }
                    checked += 1
                }
            }
        }
        #expect(checked > 6000)
    }
}
