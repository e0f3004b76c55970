import Testing
import Policy
import TestSupport
@testable import Analytics

/// `MessageCountKey.inKeyOrder` sorts by ranks of the key's strings instead of the strings: it must give the
/// order of `<` exactly, on keys that share most fields and differ in one, with and without a stage.
@Suite struct MessageCountOrderTests {
    static func randomCounts(seed: UInt64, rows: Int) -> [MessageCountKey: MessageCount] {
        var rng = SplitMix64(seed: seed)
        // Values that sort differently by bytes and by length, a prefix of another, upper and lower case, non-ASCII.
        let epochs = ["unsolicited_contact", "contact_after_offer", "contact", "Contact", "contact_", "é", "e"]
        let plans = ["basic", "plus", "business", "Basic", "b", "enterprise-2", "enterprise-10", ""]
        let dates = (0..<40).map { d in "2020-\(d % 12 + 1 < 10 ? "0" : "")\(d % 12 + 1)-\(d % 28 + 1 < 10 ? "0" : "")\(d % 28 + 1)" }
        var out: [MessageCountKey: MessageCount] = [:]
        for _ in 0..<rows {
            let phase = Phase.allCases.randomElement(using: &rng)!
            let stage: PreContractStage? = phase == .preContract ? PreContractStage.allCases.randomElement(using: &rng) : nil
            let key = MessageCountKey(file: Int32(rng.next(in: 0...5)), epoch: epochs.randomElement(using: &rng)!, phase: phase,
                                      stage: stage, senderRole: SenderRole.allCases.randomElement(using: &rng)!,
                                      clientPlan: plans.randomElement(using: &rng)!, date: dates.randomElement(using: &rng)!)
            out[key] = MessageCount(messages: Int(rng.next(in: 1...9)))
        }
        return out
    }

    @Test("the order by ranks is the order of <", arguments: [(1, 0), (2, 1), (3, 2), (4, 50), (5, 3_000), (6, 20_000)] as [(UInt64, Int)])
    func sameAsComparison(seed: UInt64, rows: Int) {
        let counts = Self.randomCounts(seed: seed, rows: rows)
        let expected = counts.sorted { $0.key < $1.key }.map(\.key)
        let ranked = MessageCountKey.inKeyOrder(counts)
        #expect(ranked.map(\.key) == expected)
        #expect(ranked.map(\.value) == expected.map { counts[$0]! })
    }
}
