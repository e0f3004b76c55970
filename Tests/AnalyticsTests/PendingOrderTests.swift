import Testing
import ExportFormat
import Policy
import TestSupport
@testable import Analytics

/// Judging takes the pending messages in (file, message id) order, ids by their UTF-8 bytes; the sort runs on
/// eight-byte prefixes and moves the messages into place by cycles. It must equal a plain stable sort.
@Suite struct PendingOrderTests {
    static func message(file: Int32, id: String, tag: Int) -> PendingMessage {
        PendingMessage(file: file, messageID: id, roomID: "r\(tag)", senderID: "s", sentAt: Timestamp(secondsSinceEpoch: Int64(tag)),
                       epoch: "e", phase: RoomPhase(.activeContract), senderRole: .client, clientPlan: nil, findings: [],
                       channelOfferedByOther: [])
    }

    static func reference(_ messages: [PendingMessage]) -> [PendingMessage] {
        messages.enumerated().sorted { a, b in
            if a.element.file != b.element.file { return a.element.file < b.element.file }
            let x = Array(a.element.messageID.utf8), y = Array(b.element.messageID.utf8)
            return x == y ? a.offset < b.offset : x.lexicographicallyPrecedes(y)
        }.map(\.element)
    }

    @Test("the same order as a stable sort by file and id bytes", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func sameAsReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        // Ids sharing eight-byte prefixes, shorter than eight bytes, with NUL, non-ASCII (precomposed and
        // decomposed, which String calls equal and bytes do not), repeated ids, the empty id.
        let stems = ["m_", "m_00000000", "m_0000000", "msg-long-prefix-", "é", "e\u{301}", "\u{0}", "", "Z", "z", "m_ff"]
        let count = Int(rng.next(in: 0...3_000))
        var messages: [PendingMessage] = []
        for tag in 0..<count {
            var id = stems.randomElement(using: &rng)!
            for _ in 0..<rng.next(in: 0...4) { id += String(UInt8(rng.next(in: 0...15)), radix: 16) }
            messages.append(Self.message(file: Int32(rng.next(in: 0...3)), id: id, tag: tag))
        }
        let expected = Self.reference(messages)
        PendingMessage.sortByFileAndID(&messages)
        #expect(messages == expected)
    }

    @Test("none, one, and a reversed list")
    func edges() {
        var none: [PendingMessage] = []
        PendingMessage.sortByFileAndID(&none)
        #expect(none.isEmpty)
        var reversed = (0..<50).reversed().map { Self.message(file: 0, id: "m_\(1000 + $0)", tag: $0) }
        let expected = Self.reference(reversed)
        PendingMessage.sortByFileAndID(&reversed)
        #expect(reversed == expected)
        #expect(reversed.first?.messageID == "m_1000")
    }
}
