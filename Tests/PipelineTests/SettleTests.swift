import Foundation
import Testing
import ExportFormat
import Detection
import Policy
import Analytics
@testable import Pipeline
import TestSupport

/// The settle stage packs keys and works room by room for speed; this checks
/// it against a plain, slow statement of the same rules.
@Suite struct SettleTests {
    static func harvest(_ lines: [String]) -> Harvest {
        let policy = try! PolicyDocument.builtIn()
        let harvester = Harvester(detector: FakeDetector(), contexts: FindingContextScanner(policy: policy))
        var h = Harvest()
        let decoder = RecordDecoder()
        for (i, line) in lines.enumerated() {
            let outcome = Array(line.utf8).withUnsafeBytes { decoder.decode($0) }
            harvester.add(outcome, origin: LineOrigin(file: Int32(i % 3), line: Int32(i + 1)), to: &h)
        }
        return h
    }

    /// Messages without findings counted the slow way: one ledger lookup per message, string keys.
    static func reference(_ lines: [String], policy: PolicyDocument) -> (counts: [MessageCountKey: MessageCount], rooms: [RoomFactKey: MessageCount]) {
        var delta = LedgerDelta()
        var messages: [(file: Int32, line: Int32, m: MessageRecord)] = []
        let decoder = RecordDecoder()
        for (i, line) in lines.enumerated() {
            guard case .record(let r) = Array(line.utf8).withUnsafeBytes({ decoder.decode($0) }) else { continue }
            switch r {
            case .room(let room): delta.add(LedgerRoom(room))
            case .contract(let c): delta.add(c)
            case .message(let m): messages.append((Int32(i % 3), Int32(i + 1), m))
            default: break
            }
        }
        // First occurrence of each id by (file, line).
        var seen = Set<String>()
        let firsts = messages.sorted { ($0.file, $0.line) < ($1.file, $1.line) }.filter { seen.insert($0.m.messageID).inserted }
        let ledger = RoomLedger(delta)
        var counts: [MessageCountKey: MessageCount] = [:], rooms: [RoomFactKey: MessageCount] = [:]
        for (file, _, m) in firsts where FakeDetector().findings(in: m.text).isEmpty {
            let phase = ledger.phase(of: m.roomID, at: m.sentAt)
            let epoch = policy.epoch(at: m.sentAt).name
            let plan = ledger.planLabel(of: m.roomID)
            let key = MessageCountKey(file: file, epoch: epoch, phase: phase.phase, stage: phase.stage,
                                      senderRole: ledger.role(of: m.senderID, in: m.roomID), clientPlan: plan, date: m.sentAt.utcDate)
            counts[key, default: MessageCount()] = counts[key, default: MessageCount()] + MessageCount(messages: 1)
            let rk = RoomFactKey(file: file, roomID: m.roomID, epoch: epoch, phase: phase.phase, clientPlan: plan)
            rooms[rk, default: MessageCount()] = rooms[rk, default: MessageCount()] + MessageCount(messages: 1)
        }
        return (counts, rooms)
    }

    @Test(arguments: [3, 24, 60], [1, 3])
    func packedSettleAgreesWithTheSlowStatement(rooms: Int, jobs: Int) throws {
        let policy = try PolicyDocument.builtIn()
        var lines = Story.lines(rooms: rooms)
        var g = SplitMix64(seed: UInt64(rooms))
        lines.shuffle(using: &g)
        let settled = Settler.settle(Self.harvest(lines), known: LedgerDelta(), policy: policy, jobs: jobs)
        let expected = Self.reference(lines, policy: policy)
        #expect(settled.facts.messageCounts == expected.counts)
        #expect(settled.facts.roomFacts == expected.rooms)
        #expect(!expected.counts.isEmpty && Set(expected.counts.keys.map(\.phase)).count == 3, "the story covers every phase")
        let pending = settled.facts.pendingMessages
        for m in pending {
            // Each pending message carries the phase, role and plan the ledger gives.
            var delta = LedgerDelta()
            let decoder = RecordDecoder()
            for line in lines {
                if case .record(let r) = Array(line.utf8).withUnsafeBytes({ decoder.decode($0) }) {
                    if case .room(let room) = r { delta.add(LedgerRoom(room)) }
                    if case .contract(let c) = r { delta.add(c) }
                }
            }
            let ledger = RoomLedger(delta)
            #expect(m.phase == ledger.phase(of: m.roomID, at: m.sentAt))
            #expect(m.senderRole == ledger.role(of: m.senderID, in: m.roomID))
            break
        }
    }
}
