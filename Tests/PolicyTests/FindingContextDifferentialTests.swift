import Testing
import Foundation
import TestSupport
import Detection
@testable import Policy

/// The byte-level context scanner against `referenceContexts` (the whole-text
/// tokenizer it replaced): same contexts on random and adversarial texts.
@Suite struct FindingContextDifferentialTests {
    static let builtIn = FindingContextScanner(policy: try! PolicyDocument.builtIn())

    /// The built-in policy with non-ASCII phrases (precomposed; texts use other
    /// spellings), a phrase of a single letter, and windows of different widths.
    static let unusual: FindingContextScanner = {
        var yaml = try! PolicyDocument.builtIn().source
        yaml = yaml.replacingFirst("      - adobe xd\n", with: """
                  - adobe xd
                  - café crème
                  - 한국
                  - straße
                  - ᾳ
                  - x

            """)
        yaml = yaml.replacingFirst("    window_words: 12\n    hosts:", with: "    window_words: 3\n    hosts:")
        yaml = yaml.replacingFirst("    window_words: 12\n    cues: [company", with: "    window_words: 5\n    cues: [company")
        return FindingContextScanner(policy: try! PolicyDocument.parse(yaml, file: "unusual.yaml"))
    }()

    static let pieces: [String] = [
        "github", "GitHub", "GITHUB", "google", "Analytics", "slack", "teams", "Microsoft", "monday", ".com", "com",
        "rocket.chat", "past", "work", "my", "Portfolio", "our", "website", "project", "app", "store", "the", "site",
        "café", "cafe\u{301}", "crème", "CAFÉ", "한국", "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}", "STRASSE",
        "straße", "Straße", "\u{3B1}\u{345}", "\u{1FB3}", "\u{1FBC}", "x", "X", "\u{212A}", "İ", "ﬁ", "Σ", "ς",
        "Ｇｉｔｈｕｂ", "٣", "½", "Ⅻ", "7", "42", "a1b2", "\u{301}", "\u{345}", "😀", "👩\u{200D}💻", "\u{200B}",
        "\u{0D4E}", "\u{0600}", "@", "://", "www.", ".", ",", "-", "/", "'", "\"", "(", ")",
        " ", " ", " ", "  ", "\t", "\n", "\u{A0}", "\u{2028}", "\u{3000}", "\u{1}", "\u{7F}", "\u{85}",
    ]
    static let normalizedLinks: [String?] = [
        nil, "https://www.behance.net/anna", "acme-shop.com", "user@dribbble.com:8080/x", "https://anna.github.io",
        "HTTP://WWW.ARTSTATION.COM", "notbehance.net", "", "behance.net.evil.com", "://", "www.", "@", "a@b@behance.net",
        "https://x.com/?u=behance.net", "ftp://www.www.behance.net#x", "xn--bhance-jua.net", "bëhance.net", "ﬁ.behance.net",
        "https://\u{212A}aggle.com", "WWW.Github.IO:443", ".github.io", "github.io.", "wixsite.com/behance.net",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        (0..<rng.int(0...40)).map { _ in rng.pick(pieces) }.joined()
    }

    /// Findings anywhere in the text: at its edges, adjacent, overlapping, empty.
    static func randomFindings(in text: String, _ rng: inout SplitMix64) -> [Finding] {
        let n = text.unicodeScalars.count
        return (0..<rng.int(1...4)).map { _ in
            let start = rng.int(0...n)
            let end = rng.int(0...3) == 0 ? start : rng.int(start...n)
            let kind = rng.pick([FindingKind.email, .website, .offplatformRequest, .phone])
            let platform: String? = kind == .offplatformRequest ? rng.pick(["email", "phone", nil]) : nil
            return Finding(kind: kind, start: start, end: end, platform: platform, rule: "test",
                           normalized: kind == .website ? rng.pick(normalizedLinks) : nil)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomTextsGiveTheReferenceContexts(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var mismatches: [String] = []
        var nonEmpty = 0
        for _ in 0..<2_500 {
            let text = Self.randomText(&rng)
            let findings = Self.randomFindings(in: text, &rng)
            for scanner in [Self.builtIn, Self.unusual] {
                let fast = scanner.contexts(for: findings, in: text, source: .text)
                let slow = scanner.referenceContexts(for: findings, in: text, source: .text)
                if fast != slow { mismatches.append("\(text.debugDescription) \(findings.map { ($0.kind, $0.start, $0.end) })") }
                nonEmpty += slow.filter { $0 != FindingContext(source: .text) }.count
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(3))")
        #expect(nonEmpty > 500, "the random texts name cues near findings often enough to test something")
    }

    /// Each case: a text, the finding's span (`⟦…⟧` marks it and is removed), its kind, and the expected cue.
    static let cases: [(String, FindingKind, String?, String?)] = [
        ("add me to GitHub ⟦anna@example.com⟧", .email, nil, "github"),
        ("GitHub⟦anna@example.com⟧", .email, nil, nil),                   // the word runs into the finding
        ("⟦anna@example.com⟧github", .email, nil, nil),
        ("⟦anna@example.com⟧ github", .email, nil, "github"),
        ("Ｇｉｔｈｕｂ: ⟦anna@example.com⟧", .email, nil, nil),            // fullwidth letters are other words
        ("my CAFE\u{301} CRÈME ⟦anna@example.com⟧", .email, "unusual", nil),
        ("café crème ⟦anna@example.com⟧", .email, "unusual", "café crème"),
        ("cafe\u{301} crème ⟦anna@example.com⟧", .email, "unusual", nil),  // U+0301 is no letter: "cafe" then "crème"
        ("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8} ⟦anna@example.com⟧", .email, "unusual", "한국"),
        ("STRASSE ⟦anna@example.com⟧", .email, "unusual", nil),
        ("Straße ⟦anna@example.com⟧", .email, "unusual", "straße"),
        ("\u{3B1}\u{345} ⟦anna@example.com⟧", .email, "unusual", "ᾳ"),
        ("\u{212A} ⟦a@b.co⟧", .email, nil, nil),
        ("X ⟦a@b.co⟧", .email, "unusual", "x"),
        ("monday.com ⟦a@b.co⟧", .email, nil, "monday com"),   // a phrase reads as its words
    ]

    @Test func edgeCasesGiveTheReferenceAndTheExpectedCue() {
        for (marked, kind, policy, expected) in Self.cases {
            let scanner = policy == nil ? Self.builtIn : Self.unusual
            let scalars = Array(marked.unicodeScalars)
            let open = scalars.firstIndex(of: "⟦")!, close = scalars.firstIndex(of: "⟧")!
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[..<open])
            text.append(contentsOf: scalars[(open + 1)..<close])
            text.append(contentsOf: scalars[(close + 1)...])
            let f = Finding(kind: kind, start: open, end: close - 1, rule: "test")
            let fast = scanner.contexts(for: [f], in: String(text), source: .text)
            #expect(fast == scanner.referenceContexts(for: [f], in: String(text), source: .text), "\(marked)")
            #expect(fast[0].projectSystem == expected, "\(marked)")
        }
    }

    @Test func asciiBytesAreClassedAsTheirScalars() {
        for c in UInt8(0)..<0x80 {
            let s = Unicode.Scalar(c)
            #expect(FindingContextScanner.isWord(c) == FindingContextScanner.isWord(s), "byte \(c)")
            #expect(String(Character(Unicode.Scalar(PhraseLexicon.lower(c)))) == s.properties.lowercaseMapping, "byte \(c)")
        }
    }

    @Test func portfolioHostsFromBytesAreTheReferenceHosts() {
        for link in Self.normalizedLinks {
            let reference = FindingContextScanner.host(of: link).flatMap { host in
                Self.builtIn.portfolioHosts.first { host == $0 || host.hasSuffix("." + $0) }
            }
            #expect(Self.builtIn.portfolioHost(of: link) == reference, "\(String(describing: link))")
        }
    }

    @Test func noFindingsNoContexts() {
        #expect(Self.builtIn.contexts(for: [], in: "GitHub", source: .text).isEmpty)
        #expect(Self.builtIn.contexts(for: [Finding(kind: .email, start: 0, end: 0, rule: "t")], in: "", source: .text)
            == [FindingContext(source: .text)])
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { fatalError("\(target) not in the policy") }
        return replacingCharacters(in: r, with: replacement)
    }
}
