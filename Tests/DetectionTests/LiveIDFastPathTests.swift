import Testing
@testable import Detection
import TestSupport

/// Skype's "live:" identifiers found from the colons (`memchr`) against every position
/// tested: the same handles on random texts of "live:" pieces, colons, letters, digits
/// and identifier bytes near one another and near the text's ends, and on the corpus.
@Suite struct LiveIDFastPathTests {
    static func describe(_ h: PlatformHandle) -> String { "\(h.range) \(h.platform) \(h.rule)" }

    @discardableResult
    static func check(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let finder = { (text: String) in PlatformHandleFinder(index: TextIndex(Harness.normalizer.normalize(text), lexicon: Harness.lexicon)) }
        return expectSameOnEveryText(texts, "live ids", sourceLocation: sourceLocation,
                                     fast: { finder($0).liveIDs().map(describe) },
                                     slow: { finder($0).liveIDs(byteByByte: true).map(describe) })
    }

    static let pieces = ["live:", "live:", "Live:", "olive:", "live", ":", "::", "l", "ive:", "a", "b7", "_", ".", "-",
                         " ", " ", "x", "12", "live:a", "live::", "é", "@", "skype", "\n", "live:.", "live:ab.-"]

    @Test func sameIDsOnRandomTexts() {
        var random = SplitMix64(seed: 113)
        var texts: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<random.int(1...8) { text += random.pick(Self.pieces) }
            texts.append(text)
        }
        let found = Self.check(texts)
        #expect(found > 2_000)
    }

    @Test func sameIDsOnTheCorpus() throws {
        let texts = try PrefilterCorpusTests.labeledTexts(peers: false)
        Self.check(texts + texts.map { "live:ab " + $0 + " live:cd" })
    }
}
