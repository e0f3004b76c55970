import Foundation
import Testing
import TestSupport
@testable import Detection

/// The prefilter never hides a finding: every labeled positive of the corpus and of
/// the peer suites passes it, and on every text (positive or not, disguised or not)
/// the detector run without the prefilter finds nothing where the prefilter rejects.
@Suite struct PrefilterCorpusTests {
    static let detector = Harness.detector

    static func corpusTexts() throws -> [LabeledText] {
        try CorpusTests.corpus("tuning") + CorpusTests.corpus("heldout")
    }

    /// What the fast paths are held to: the corpus, the later held-out batches (they hold positives the detector
    /// does not find yet, so they are not in `corpusTexts`) and, with `peers`, the peer suites where present.
    /// `noting`: the test that says so when the peer suites are absent.
    static func labeledTexts(peers: Bool = true, noting test: String? = nil) throws -> [String] {
        var texts = try (corpusTexts() + CorpusTests.corpus("heldout-2") + CorpusTests.corpus("heldout-3")
                      + CorpusTests.corpus("heldout-4") + CorpusTests.corpus("heldout-5")
                      + CorpusTests.corpus("heldout-6") + CorpusTests.corpus("heldout-7")
                      + CorpusTests.corpus("heldout-8") + CorpusTests.corpus("heldout-9") + CorpusTests.corpus("heldout-10")
                      + CorpusTests.corpus("heldout-11")).map(\.text)
        guard peers else { return texts }
        if let peer = try peerTexts() {
            texts += peer.map(\.text)
        } else if let test {
            print("\(test): peer suites absent (OFFPLATFORM_PEER_SUITES): skipped them, corpus only")
        }
        return texts
    }

    /// Texts of the peer suites with what they expect (nil when the suites are absent).
    static func peerTexts() throws -> [(text: String, positive: Bool)]? {
        guard let dir = Paths.peerSuites else { return nil }
        var out: [(String, Bool)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".jsonl") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let t = object["text"] as? String, let expect = object["expect"] as? [Any] else { continue }
                out.append((t, !expect.isEmpty))
            }
        }
        return out
    }

    /// The same text in the disguises the normalizer undoes.
    static func disguised(_ text: String) -> [String] {
        let zeroWidth = text.unicodeScalars.map { String($0) }.joined(separator: "\u{200B}")
        let fullWidth = String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            (0x21...0x7E).contains(s.value) ? Unicode.Scalar(s.value + 0xFEE0)! : s
        }))
        let cyrillic = String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            switch s { case "a": "\u{0430}"; case "o": "\u{043E}"; case "e": "\u{0435}"; case "p": "\u{0440}"; default: s }
        }))
        let arabicDigits = String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            (0x30...0x39).contains(s.value) ? Unicode.Scalar(s.value - 0x30 + 0x0660)! : s
        }))
        return [zeroWidth, fullWidth, cyrillic, arabicDigits, text.uppercased()]
    }

    @Test func everyLabeledPositiveOfTheCorpusPasses() throws {
        for t in try Self.corpusTexts() where !t.kinds.isEmpty {
            let passed = Self.detector.mayContainFinding(t.text)
            #expect(passed, "prefilter hides: \(t.text)")
        }
    }

    @Test(.enabled(if: Paths.peerSuites != nil, "peer suites absent (../shared/peer-suites): skipped"))
    func everyPeerSuitePositivePasses() throws {
        let texts = try #require(try Self.peerTexts())
        #expect(texts.count > 1000)
        for t in texts where t.positive {
            let passed = Self.detector.mayContainFinding(t.text)
            #expect(passed, "prefilter hides: \(t.text)")
        }
    }

    /// Whatever the detector can find without the prefilter, the prefilter passes.
    @Test func neverHidesWhatTheRecognizersFind() throws {
        var texts = try Self.labeledTexts()
        texts += texts.flatMap(Self.disguised)
        var checked = 0
        for text in texts where !Self.detector.mayContainFinding(text) {
            let found = Self.detector.findings(in: text, explain: false, usePrefilter: false)
            #expect(found.isEmpty, "prefilter hides \(found.map(\.kind.rawValue)) in: \(text)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test func disguisedPositivesStillPass() throws {
        for t in try Self.corpusTexts() where !t.kinds.isEmpty {
            for d in Self.disguised(t.text) {
                let passed = Self.detector.mayContainFinding(d)
                #expect(passed, "prefilter hides the disguised: \(d)")
            }
        }
    }
}
