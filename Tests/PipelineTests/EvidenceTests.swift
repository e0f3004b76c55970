import Testing
import Foundation
import TestSupport
import ExportFormat
import Detection
import Generator
@testable import Policy
@testable import Pipeline

/// The byte-level evidence snippets and finding contexts against their plain
/// references (`Evidence.referenceMasked`, `FindingContextScanner.referenceContexts`):
/// identical output on the detector corpus, on a generated export and on
/// random adversarial texts.
@Suite struct EvidenceTests {
    static let scanner = FindingContextScanner(policy: try! PolicyDocument.builtIn())
    static let detector = try! Detector.builtIn()

    /// The differences between fast and reference on one text, described (empty when identical).
    /// Every text with each of its sets of findings to check: how many were checked, and the differences.
    static func differences(in texts: [String]) -> (checked: Int, problems: [String]) {
        var checked = 0, problems: [String] = []
        for text in texts {
            for fs in findingsToCheck(text) {
                problems += differences(text, fs)
                checked += 1
            }
        }
        return (checked, problems)
    }

    static func differences(_ text: String, _ findings: [Finding]) -> [String] {
        var out: [String] = []
        let fast = Evidence.masked(text, findings: findings), slow = Evidence.referenceMasked(text, findings: findings)
        if fast != slow { out.append("evidence of \(text.debugDescription): \(fast) ≠ \(slow)") }
        if scanner.contexts(for: findings, in: text, source: .text)
            != scanner.referenceContexts(for: findings, in: text, source: .text) {
            out.append("contexts of \(text.debugDescription)")
        }
        return out
    }

    /// The detector's findings, and the same spans as an email and as a link
    /// (so that every exception's cues are looked for).
    static func findingsToCheck(_ text: String) -> [[Finding]] {
        let found = detector.findings(in: text)
        guard !found.isEmpty else { return [] }
        let asEmail = found.map { Finding(kind: .email, start: $0.start, end: $0.end, rule: "test") }
        let asLink = found.map { Finding(kind: .website, start: $0.start, end: $0.end, rule: "test", normalized: $0.normalized) }
        return [found, asEmail, asLink]
    }

    @Test func masksEachFindingAndScrubsTheContext() {
        let text = "Hi, mail anna@example.com or call 555 0100, see www.Site.io or a@b; ok"
        let f = Finding(kind: .email, start: 9, end: 25, rule: "test")
        // The window ends 40 characters after the finding, inside "a@b;".
        #expect(Evidence.masked(text, findings: [f]) == ["Hi, mail [email] or call ### ####, see [link] or [masked]…"])
        let long = String(repeating: "word ", count: 20) + "anna@example.com" + String(repeating: " word", count: 20)
        let g = Finding(kind: .email, start: 100, end: 116, rule: "test")
        #expect(Evidence.masked(long, findings: [g]) == ["…word word word word word word word word [email] word word word word word word word word…"])
    }

    @Test func overlappingFindingsAreMaskedByTheFirst() {
        let text = "ab cd ef gh"
        let fs = [Finding(kind: .phone, start: 3, end: 5, rule: "t"), Finding(kind: .email, start: 0, end: 8, rule: "t")]
        #expect(Evidence.masked(text, findings: fs) == ["[email][phone][email] gh", "[email][phone][email] gh"])
        #expect(Self.differences(text, fs).isEmpty)
    }

    @Test func theCorpusGivesTheReferenceOutput() throws {
        let dir = Paths.packageRoot.appendingPathComponent("Tests/DetectionTests/Corpus")
        var texts: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".jsonl") {
            for line in try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
                let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                texts.append(o["text"] as! String)
            }
        }
        let (checked, problems) = Self.differences(in: texts)
        #expect(checked > 300, "the corpus has texts with findings")
        #expect(problems.isEmpty, "\(problems.count): \(problems.prefix(3))")
    }

    @Test func aGeneratedExportGivesTheReferenceOutput() throws {
        let dir = TemporaryDirectory("evidence-generated")
        try ExportGenerator.generate(GeneratorSettings(messages: 30_000, files: 1, gzip: false, seed: 5, jobs: 1), into: dir.path)
        let file = try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix(".jsonl") }!
        let data = try Data(contentsOf: dir.file(file))
        var texts: [String] = []
        let decoder = RecordDecoder()
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let outcome = line.withUnsafeBytes { decoder.decode($0) }
            guard case .record(.message(let m)) = outcome else { continue }
            texts.append(m.text)
            texts += m.attachments.compactMap(\.text)
        }
        let (checked, problems) = Self.differences(in: texts)
        #expect(checked > 1_000, "the export has texts with findings")
        #expect(problems.isEmpty, "\(problems.count): \(problems.prefix(3))")
    }

    static let pieces: [String] = [
        "anna", "ANNA", "@", "gmail", ".", "com", "://", "http", "www.", "WWW.", "wWw.", "ww", "w", ":", "/", "#",
        "github", "slack", "portfolio", "our", "website", "café", "cafe\u{301}", "İ", "\u{212A}", "Σ", "ß",
        "Ｇｍａｉｌ", "٣", "½", "Ⅻ", "一", "7", "555", "\u{301}", "@\u{301}", "\u{345}", "😀", "👩\u{200D}💻",
        "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{0D4E}", "\u{0600}", "\u{1}", "\u{7F}", "\u{85}", "\r\n", "…",
        " ", " ", " ", "  ", "\t", "\n", "\u{A0}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{1680}",
    ]

    @Test(arguments: [UInt64(11), 12, 13, 14])
    func randomTextsGiveTheReferenceOutput(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var problems: [String] = []
        for _ in 0..<3_000 {
            let text = (0..<rng.int(0...60)).map { _ in rng.pick(Self.pieces) }.joined()
            let n = text.unicodeScalars.count
            // At the edges, adjacent, overlapping, nested, empty.
            let findings: [Finding] = (0..<rng.int(1...5)).map { _ in
                let start = rng.int(0...3) == 0 ? rng.pick([0, n]) : rng.int(0...n)
                let end = rng.int(0...4) == 0 ? start : rng.int(0...2) == 0 ? n : rng.int(start...n)
                return Finding(kind: rng.pick(FindingKind.allCases), start: start, end: end, rule: "test",
                               normalized: rng.pick([nil, "https://www.behance.net/a", "acme.com"]))
            }
            problems += Self.differences(text, findings)
        }
        #expect(problems.isEmpty, "\(problems.count): \(problems.prefix(3))")
    }

    /// Non-ASCII words near marks and links: the fast version masks as the reference does.
    @Test func nonASCIIWordsNearMarksAndLinks() {
        for word in ["é@x", "@\u{301}", "a@\u{301}b", "wWw.é", "WWW.\u{301}x", "www\u{301}.é", "é://x", ":\u{301}//é",
                     "ｗｗｗ.é", "é", "éwww.", "Straße", "İ", "\u{212A}"] {
            let text = "see " + word + " now"
            #expect(Self.differences(text, [Finding(kind: .phone, start: 0, end: 1, rule: "t")]).isEmpty, "\(word)")
        }
    }

    @Test("a word holding an @ byte is masked, whatever marks are joined to it", arguments: ["a@\u{301}b", "@\u{301}", "x\u{301}@y", "é@\u{20DD}"])
    func anAtWithACombiningMarkIsMasked(word: String) {
        let text = "mail " + word + " today"
        let fast = Evidence.masked(text, findings: [Finding(kind: .phone, start: 0, end: 1, rule: "t")])
        let reference = Evidence.referenceMasked(text, findings: [Finding(kind: .phone, start: 0, end: 1, rule: "t")])
        #expect(fast == reference)
        #expect(fast[0].contains("[masked]") && !fast[0].contains("@"), "\(fast[0])")
    }

    @Test func asciiBytesAreClassedAsTheirScalars() {
        for c in UInt8(0)..<0x80 {
            #expect(Evidence.asciiClass(c) == Evidence.scalarClass(Unicode.Scalar(c)), "byte \(c)")
        }
    }

    /// A space joined to a prepended mark (U+0D4E) is not a space `Character`:
    /// the reference then writes a second space, and so must the fast version.
    @Test func aSpaceAfterAPrependedMark() {
        for text in ["\u{0D4E} x", "\u{0D4E}  x", "a\u{0D4E}\u{A0}\u{A0}b", "\u{0D4E}\n\n\n"] {
            let n = text.unicodeScalars.count
            #expect(Self.differences(text, [Finding(kind: .phone, start: n, end: n, rule: "t")]).isEmpty)
        }
    }
}
