// The peer-suite loader and scorer (Tests/TestSupport/PeerSuites.swift) on
// small hand-written lines, so the conformance figures rest on a matching rule
// that is itself tested: exact spans, `value: null`, quote-wrapped URLs,
// exhaustive and non-exhaustive lines, weak negatives, unscored kinds.
import Foundation
import Testing
import TestSupport

@Suite("Peer-suite loader and scorer")
struct PhonePeerScorerTests {
    static func cases(_ jsonl: String) throws -> [PeerCase] {
        let dir = TemporaryDirectory("peer-suite")
        try dir.write("mini.jsonl", jsonl)
        return try PeerSuites.load("mini", from: dir.url)
    }

    static let lines = """
    {"text": "call 415-555-0132 now", "expect": [{"kind": "phone", "value": "415-555-0132", "digits": "4155550132", "span": [5, 17]}], "region": "US", "source": "t", "meta": {"kinds_checked": ["phone"], "exhaustive": true, "leniency_outcomes": {"VALID": true}, "expect_at": "VALID", "group": "g"}}
    {"text": "nothing here 2020", "expect": [], "region": null, "source": "t", "meta": {"kinds_checked": ["phone"], "exhaustive": true}}
    {"text": "first 1, second 2", "expect": [{"kind": "phone", "value": "1", "span": [6, 7]}], "region": null, "source": "t", "meta": {"kinds_checked": ["phone"], "exhaustive": false}}
    {"text": "\\"https://a.example/\\"", "expect": [{"kind": "url", "value": "\\"https://a.example/\\"", "span": [0, 20]}], "region": null, "source": "t", "meta": {"kinds_checked": ["url"], "exhaustive": true}}
    {"text": "500 elm street", "expect": [{"kind": "address", "value": null}], "region": null, "source": "t", "meta": {"kinds_checked": ["address"], "exhaustive": false}}
    {"text": "www.example.con", "expect": [], "region": null, "source": "t", "meta": {"kinds_checked": ["url"], "exhaustive": false, "weak_negative": true}}
    {"text": "card 4111111111111111", "expect": [{"kind": "payment", "value": "4111111111111111", "span": [5, 21], "subtype": "credit_card"}], "region": null, "source": "t", "meta": {"kinds_checked": ["phone", "payment"], "exhaustive": true}}
    """

    @Test("lines are parsed with their metadata")
    func parsing() throws {
        let c = try Self.cases(Self.lines)
        #expect(c.count == 7)
        #expect(c[0].line == 1 && c[0].suite == "mini")
        #expect(c[0].expect == [.init(kind: "phone", value: "415-555-0132", digits: "4155550132", span: 5..<17, subtype: nil)])
        #expect(c[0].region == "US" && c[0].exhaustive && c[0].leniencyOutcomes == ["VALID": true])
        #expect(c[0].expectAt == "VALID" && c[0].group == "g" && c[0].kindsChecked == ["phone"])
        #expect(c[1].region == nil && c[1].expect.isEmpty)
        #expect(c[4].expect.first?.value == nil && c[4].expect.first?.span == nil)
        #expect(c[5].weakNegative && !c[5].exhaustive)
        #expect(c[6].expect.first?.subtype == "credit_card")
    }

    @Test("a malformed line names its file and line")
    func malformed() throws {
        #expect(throws: PeerSuiteError.self) { try Self.cases("{\"text\": \"a\"}\n") }
        #expect(throws: PeerSuiteError.self) {
            try Self.cases("{\"text\": \"ab\", \"expect\": [{\"kind\": \"phone\", \"span\": [0, 9]}], \"meta\": {}}\n")
        }
    }

    /// A detector that returns fixed detections per text.
    static func fixed(_ table: [String: [PeerDetection]]) -> (String) -> [PeerDetection] {
        { table[$0] ?? [] }
    }

    @Test("exact spans count; extra detections count only on exhaustive lines")
    func matching() throws {
        let c = try Self.cases(Self.lines)
        let detector = Self.fixed([
            "call 415-555-0132 now": [("phone", 5, 17), ("phone", 0, 4)],   // one hit, one false alarm
            "nothing here 2020": [("phone", 13, 17)],                        // false alarm on a negative
            "first 1, second 2": [("phone", 6, 7), ("phone", 16, 17)],        // extra ignored: not exhaustive
        ])
        let s = PeerScorer.score(c, kinds: ["phone"], detector: detector)
        #expect(s.overall == .init(truePositives: 2, falsePositives: 2, falseNegatives: 0))
        #expect(s.falseAlarms.map(\.line) == [1, 2])
        #expect(abs(s.overall.precision - 0.5) < 1e-9 && s.overall.recall == 1)
    }

    @Test("a wrong span is a miss and a false alarm")
    func wrongSpan() throws {
        let c = try Self.cases(Self.lines)
        let s = PeerScorer.score([c[0]], kinds: ["phone"], detector: Self.fixed(["call 415-555-0132 now": [("phone", 5, 16)]]))
        #expect(s.overall == .init(truePositives: 0, falsePositives: 1, falseNegatives: 1))
        #expect(s.misses.first?.detected == ["phone 5..<16"])
        #expect(s.overall.f1 == 0)
    }

    @Test("quote-wrapped URLs match with or without the quotes; value null matches any span")
    func leniencies() throws {
        let c = try Self.cases(Self.lines)
        let withQuotes = PeerScorer.score([c[3]], detector: Self.fixed([c[3].text: [("website", 0, 20)]]))
        let without = PeerScorer.score([c[3]], detector: Self.fixed([c[3].text: [("website", 1, 19)]]))
        let asProfile = PeerScorer.score([c[3]], detector: Self.fixed([c[3].text: [("social_profile", 1, 19)]]))
        #expect(withQuotes.overall.truePositives == 1)
        #expect(without.overall.truePositives == 1)
        #expect(asProfile.overall.truePositives == 1, "any link kind satisfies a suite url")
        let address = PeerScorer.score([c[4]], detector: Self.fixed([c[4].text: [("postal_address", 0, 3)]]))
        #expect(address.overall == .init(truePositives: 1, falsePositives: 0, falseNegatives: 0))
    }

    @Test("weak negatives count only a detection of the whole text")
    func weakNegatives() throws {
        let c = try Self.cases(Self.lines)
        let part = PeerScorer.score([c[5]], detector: Self.fixed([c[5].text: [("website", 0, 11)]]))
        let whole = PeerScorer.score([c[5]], detector: Self.fixed([c[5].text: [("website", 0, 15)]]))
        #expect(part.overall.falsePositives == 0)
        #expect(whole.overall.falsePositives == 1)
    }

    @Test("credit cards are not scored, but a card taken for a phone is a false alarm")
    func unscoredKinds() throws {
        let c = try Self.cases(Self.lines)
        let missedCard = PeerScorer.score([c[6]], detector: Self.fixed([:]))
        #expect(missedCard.overall == .init())
        let cardAsPhone = PeerScorer.score([c[6]], detector: Self.fixed([c[6].text: [("phone", 5, 21)]]))
        #expect(cardAsPhone.overall.falsePositives == 1)
        let cardAsPayment = PeerScorer.score([c[6]], detector: Self.fixed([c[6].text: [("payment_account", 5, 21)]]))
        #expect(cardAsPayment.overall == .init())
    }

    @Test("scoring is restricted to the kinds asked for and reported per kind")
    func perKind() throws {
        let c = try Self.cases(Self.lines)
        let phoneOnly = PeerScorer.score(c, kinds: ["phone"], detector: Self.fixed([:]))
        #expect(phoneOnly.byKind.keys.sorted() == ["phone"])
        #expect(phoneOnly.cases == 4)
        let all = PeerScorer.score(c, detector: Self.fixed([:]))
        #expect(Set(all.byKind.keys) == ["phone", "url", "address"])
        #expect(all.report("mini").contains("miss mini:1 phone 5..<17"))
        let bySuite = PeerScorer.scoreAll(["a": [c[0]], "b": [c[1]]], kinds: ["phone"], detector: Self.fixed([:]))
        #expect(bySuite["a"]?.overall == .init(truePositives: 0, falsePositives: 0, falseNegatives: 1))
        #expect(bySuite["b"]?.overall == .init())
    }
}
