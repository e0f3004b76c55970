import Testing
import Policy
import Analytics
import TestSupport

/// The field-by-field order of message count keys against the plain statement
/// it replaced (arrays of the fields' texts, compared lexicographically).
@Suite struct FactOrderTests {
    static func reference(_ a: MessageCountKey, _ b: MessageCountKey) -> Bool {
        if a.file != b.file { return a.file < b.file }
        return [a.epoch, a.phase.rawValue, a.stage?.rawValue ?? "", a.senderRole.rawValue, a.clientPlan, a.date]
            .lexicographicallyPrecedes([b.epoch, b.phase.rawValue, b.stage?.rawValue ?? "", b.senderRole.rawValue, b.clientPlan, b.date])
    }

    @Test func messageCountKeysOrderAsTheirFieldsRead() {
        var g = SplitMix64(seed: 11)
        let phases: [(Phase, PreContractStage?)] = [(.preContract, .inquiry), (.preContract, .offer), (.activeContract, nil), (.postContract, nil)]
        let roles: [SenderRole] = [.client, .freelancer, .system, .unknown]
        func key() -> MessageCountKey {
            let p = phases[Int(g.next() % 4)]
            return MessageCountKey(file: Int32(g.next() % 2), epoch: ["legacy", "pre_contract_on_platform", "a"][Int(g.next() % 3)],
                                   phase: p.0, stage: p.1, senderRole: roles[Int(g.next() % 4)],
                                   clientPlan: ["basic", "plus", "unknown"][Int(g.next() % 3)],
                                   date: ["2026-01-0\(g.next() % 3 + 1)"][0])
        }
        let keys = (0..<400).map { _ in key() }
        for a in keys.prefix(60) {
            for b in keys { #expect((a < b) == Self.reference(a, b)) }
        }
    }
}
