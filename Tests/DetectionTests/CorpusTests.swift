import Foundation
import Testing
@testable import Detection

/// The labeled corpus (Corpus/*.jsonl) scored as `offplatform eval` scores it. Each
/// kind's F1 must stay at or above the value recorded in Corpus/thresholds.json:
/// when a change raises a score, raise its threshold in the same commit; a drop
/// fails. `heldout.jsonl` was written before tuning and is not tuned on; its scores
/// are recorded separately. `heldout-2.jsonl` is a second such batch, written before
/// the tuning on the generator's misses (unsolicited contact, requests, LINE, IBANs,
/// Spanish addresses, dimensions) and scored on its own; its request misses were looked
/// at for the objects skipped before a channel ("let's discuss the rest of the brief on
/// WhatsApp"). `heldout-3.jsonl` was written after that; its misses were then looked at
/// for requests of any verb, asks without a possessive and a handle after a colon.
/// `heldout-4.jsonl` to `heldout-11.jsonl` were written by engineers who had not seen the
/// rules (from the policy and the kinds' definitions only). Each was scored on first
/// reading, then tuned on only once a newer batch existed; the newest, `heldout-11`, has
/// not been looked at: its misses are unread, and its thresholds hold what the detector did
/// on it without tuning on it (docs/DETECTOR.md, "Corpus and thresholds").
@Suite struct CorpusTests {
    static func corpus(_ name: String) throws -> [LabeledText] {
        let url = try #require(Bundle.module.url(forResource: "Corpus/\(name)", withExtension: "jsonl"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try LabeledText.parse(line: Array($0.utf8)) }
    }

    static func thresholds() throws -> [String: [String: Double]] {
        let url = try #require(Bundle.module.url(forResource: "Corpus/thresholds", withExtension: "json"))
        return try JSONDecoder().decode([String: [String: Double]].self, from: Data(contentsOf: url))
    }

    static func score(_ texts: [LabeledText]) -> EvaluationScore {
        var s = EvaluationScore()
        for t in texts { s.add(expected: t.kinds, found: Harness.detector.findings(in: t.text).map(\.kind)) }
        return s
    }

    static func report(_ name: String, _ s: EvaluationScore) -> String {
        var lines = ["\(name): \(s.texts) texts"]
        for kind in s.kinds {
            let c = s.counts(kind)
            lines.append("  \(kind.rawValue): f1 \(c.f1.map { String(format: "%.3f", $0) } ?? "-") (tp \(c.truePositives), fp \(c.falsePositives), fn \(c.falseNegatives))")
        }
        lines.append("  any_contact: f1 \(s.anyContact.f1.map { String(format: "%.3f", $0) } ?? "-")")
        return lines.joined(separator: "\n")
    }

    @Test(arguments: ["tuning", "heldout", "heldout-2", "heldout-3", "heldout-4", "heldout-5", "heldout-6",
                            "heldout-7", "heldout-8", "heldout-9", "heldout-10", "heldout-11"])
    func scoresDoNotDrop(_ name: String) throws {
        let score = Self.score(try Self.corpus(name))
        print(Self.report(name, score))
        let floor = try #require(try Self.thresholds()[name])
        for (key, minimum) in floor {
            let f1: Double?
            if key == "any_contact" {
                f1 = score.anyContact.f1
            } else {
                let kind = try #require(FindingKind(rawValue: key), "unknown kind \(key) in thresholds.json")
                f1 = score.counts(kind).f1
            }
            #expect((f1 ?? 0) >= minimum - 1e-9, "\(name) \(key): F1 \(f1 ?? 0) fell below \(minimum)")
        }
    }

    @Test func everyKindButPhoneHasAThreshold() throws {
        let recorded = try Self.thresholds()
        for name in ["tuning", "heldout"] {
            let keys = Set(try #require(recorded[name]).keys)
            for kind in FindingKind.allCases where kind != .phone {
                #expect(keys.contains(kind.rawValue), "\(name) has no threshold for \(kind.rawValue)")
            }
        }
    }

    @Test func corpusIsWellFormed() throws {
        let tuning = try Self.corpus("tuning"), heldout = try Self.corpus("heldout")
        #expect(tuning.count >= 300)
        #expect(heldout.count >= 100)
        let texts = (tuning + heldout).map(\.text)
        #expect(Set(texts).count == texts.count, "a text appears twice")
        // Both halves hold negatives and every kind.
        for set in [tuning, heldout] {
            #expect(set.contains { $0.kinds.isEmpty })
            for kind in FindingKind.allCases { #expect(set.contains { $0.kinds.contains(kind) }, "no \(kind.rawValue)") }
        }
    }
}
