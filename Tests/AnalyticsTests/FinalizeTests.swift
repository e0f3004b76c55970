import Testing
import ExportFormat
import Detection
import Policy
import TestSupport
@testable import Analytics

/// `finalize` judges pending messages in slices on several threads: the result
/// must not depend on how many.
@Suite struct FinalizeTests {
    static let kinds: [FindingKind] = [.email, .phone, .messagingApp, .meetingLink, .paymentAccount, .offplatformRequest, .website]

    /// Pending messages over `rooms` rooms, some of them with a room record and contracts in the ledger.
    static func night(messages: Int, rooms: Int, seed: UInt64) throws -> (SettledFacts, RoomLedger, PolicyDocument) {
        var rng = SplitMix64(seed: seed)
        var delta = LedgerDelta()
        let day: Int64 = 1_780_000_000
        for r in 0..<rooms where r % 3 != 0 {
            delta.add(LedgerRoom(roomID: "room-\(r)", clientID: "c-\(r)", freelancerID: "f-\(r)",
                                 plan: r % 2 == 0 ? .plus : nil, createdAt: Timestamp(secondsSinceEpoch: day)))
            if r % 4 == 1 {
                delta.add(contractID: "k-\(r)", roomID: "room-\(r)", event: .started, at: Timestamp(secondsSinceEpoch: day + 40_000))
            }
        }
        let ledger = RoomLedger(delta)
        var facts = SettledFacts()
        // Facts of messages without findings, some sharing keys with the pending ones.
        for r in 0..<rooms where r % 2 == 0 {
            facts.roomFacts.append(RoomFact(key: RoomFactKey(file: 0, roomID: "room-\(r)", epoch: "e", phase: .preContract, clientPlan: "basic"),
                                            count: MessageCount(messages: 3)))
        }
        for i in 0..<messages {
            let r = Int(rng.next() % UInt64(rooms))
            let room = "room-\(r)"
            let sender = rng.next() % 2 == 0 ? "c-\(r)" : "f-\(r)"
            let at = Timestamp(secondsSinceEpoch: day + Int64(rng.next() % 86_400))
            let findings = (0..<(1 + Int(rng.next() % 3))).map { n in
                DetectedFinding(kind: kinds[Int(rng.next() % UInt64(kinds.count))], platform: n == 0 ? "whatsapp" : nil,
                                intent: rng.next() % 2 == 0 ? .share : .request, detectorRule: "test.rule", start: n * 10, end: n * 10 + 5,
                                context: FindingContext(), evidence: "… ▒▒▒ …")
            }
            facts.pendingMessages.append(PendingMessage(
                file: Int32(i % 2), messageID: "m-\(rng.next() % 1_000_000_000)-\(i)", roomID: room, senderID: sender, sentAt: at,
                epoch: "e", phase: ledger.phase(of: room, at: at), senderRole: ledger.role(of: sender, in: room),
                clientPlan: ledger.rooms[room].map { $0.plan ?? .basic },
                findings: findings, channelOfferedByOther: findings.map { _ in rng.next() % 5 == 0 }))
        }
        return (facts, ledger, try PolicyDocument.builtIn())
    }

    @Test("the same findings, in the same order, and the same counts on 1, 2 and 5 threads", arguments: [1, 2] as [UInt64])
    func sameWhateverTheThreads(seed: UInt64) throws {
        let (facts, ledger, policy) = try Self.night(messages: 9_000, rooms: 700, seed: seed)
        let one = facts.finalize(judge: Judge(policy: policy), ledger: ledger, jobs: 1)
        #expect(one.findings.count > 9_000)
        #expect(Set(one.findings.map(\.verdict)).count >= 3, "the night has several verdicts")
        for jobs in [2, 5] {
            let many = facts.finalize(judge: Judge(policy: policy), ledger: ledger, jobs: jobs)
            #expect(many.findings == one.findings)
            #expect(many.messageCounts == one.messageCounts)
            #expect(many.roomFacts == one.roomFacts)
        }
    }

    @Test("every message counts once, each room key once, findings in (file, message id) order")
    func countsAddUp() throws {
        let (facts, ledger, policy) = try Self.night(messages: 5_000, rooms: 400, seed: 7)
        let before = facts.roomFacts.reduce(0) { $0 + $1.count.messages }
        let out = facts.finalize(judge: Judge(policy: policy), ledger: ledger, jobs: 3)
        #expect(out.messageCounts.values.reduce(0) { $0 + $1.messages } == 5_000)
        #expect(out.roomFacts.reduce(0) { $0 + $1.count.messages } == before + 5_000)
        #expect(Set(out.roomFacts.map(\.key)).count == out.roomFacts.count)
        let violating = Set(out.findings.filter { $0.verdict == .violation }.map(\.messageID)).count
        #expect(violating > 0)
        #expect(out.messageCounts.values.reduce(0) { $0 + $1.violatingMessages } == violating)
        #expect(out.roomFacts.allSatisfy { $0.count.violatingMessages <= $0.count.messages })
        #expect(zip(out.findings, out.findings.dropFirst()).allSatisfy { ($0.file, $0.messageID) <= ($1.file, $1.messageID) })
    }
}
