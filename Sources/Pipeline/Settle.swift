import ExportFormat
import Detection
import Policy
import Analytics

/// Settling: once every input is read, each message gets its room's phase,
/// its sender's role and its client's plan, and is counted (messages without
/// findings) or kept for judging (messages with findings). Duplicate message
/// ids are counted once.
struct Settlement {
    var facts: SettledFacts
    /// Everything the ledger knew while settling (earlier nights and this run), ready for judging.
    var ledger: RoomLedger
    var duplicateMessages: Int
    var messages: Int
}

/// Settling runs over every message of the night once, so it works room by
/// room on the compact stubs with integer keys; strings appear only in what it
/// emits (one entry per group, not per message).
enum Settler {
    static let planLabels = ClientPlan.allCases.map(\.rawValue) + [PlanLabel.unknown]
    static let unknownPlan = UInt64(planLabels.count - 1)
    /// Phase with its stage, as a small number: inquiry, offer, active, post.
    static let phases: [RoomPhase] = [.inquiry, RoomPhase(.preContract, stage: .offer), RoomPhase(.activeContract), RoomPhase(.postContract)]

    static func phaseCode(_ p: RoomPhase) -> UInt64 {
        switch (p.phase, p.stage) {
        case (.preContract, .offer?): return 1
        case (.preContract, _): return 0
        case (.activeContract, _): return 2
        case (.postContract, _): return 3
        }
    }

    static let roles: [SenderRole] = [.client, .freelancer, .system, .unknown]

    /// `known` is what the ledger knew before this run (the database, or a shipped snapshot).
    static func settle(_ harvest: consuming Harvest, known: LedgerDelta, policy: PolicyDocument) -> Settlement {
        var h = harvest

        // 1. Duplicate message ids: keep the first by (file, line), whatever order workers finished in.
        h.stubs.sort { a, b in
            if a.key != b.key { return a.key < b.key }
            if a.file != b.file { return a.file < b.file }
            return a.line < b.line
        }
        var kept = 0, duplicates = 0
        for i in h.stubs.indices {
            if kept > 0, h.stubs[kept - 1].key == h.stubs[i].key {
                duplicates += 1
                h.detected.removeValue(forKey: LineOrigin(file: h.stubs[i].file, line: h.stubs[i].line).packed)
                continue
            }
            h.stubs[kept] = h.stubs[i]
            kept += 1
        }
        h.stubs.removeLast(h.stubs.count - kept)

        // 2. Channels offered by the messages' senders join the ledger, so unsolicited contact is judged in time order.
        for s in h.stubs {
            guard let d = h.detected[LineOrigin(file: s.file, line: s.line).packed] else { continue }
            for f in d.findings where f.kind != .unsolicitedContact {
                for channel in OfferChannels.of(kind: f.kind, platform: f.platform) {
                    h.ledger.add(OfferedChannel(roomID: h.rooms[s.room], partyID: h.senders[s.sender], channel: channel,
                                                at: Timestamp(nanosecondsSinceEpoch: s.sentAt)))
                }
            }
        }
        var everything = known
        everything.update(with: h.ledger)
        let ledger = RoomLedger(everything)

        // 3. Messages grouped by room (a counting sort of their indices).
        let roomCount = h.rooms.count
        var start = [Int](repeating: 0, count: roomCount + 1)
        for s in h.stubs { start[Int(s.room) + 1] += 1 }
        for r in 0..<roomCount { start[r + 1] += start[r] }
        var order = [Int32](repeating: 0, count: h.stubs.count)
        var fill = start
        for (i, s) in h.stubs.enumerated() {
            order[fill[Int(s.room)]] = Int32(i)
            fill[Int(s.room)] += 1
        }

        let epochStarts = policy.epochs.dropFirst().map { $0.starts!.nanosecondsSinceEpoch }
        func epochIndex(_ t: Int64) -> Int {
            var i = 0
            while i < epochStarts.count, epochStarts[i] <= t { i += 1 }
            return i
        }
        let epochNames = policy.epochs.map(\.name)

        // Message counts keyed by file, epoch, phase, role, plan and day, packed into one integer.
        var counts: [UInt64: Int] = [:]
        var facts = SettledFacts()
        let dayOffset: Int64 = 1 << 24
        for room in 0..<roomCount {
            let roomID = h.rooms[Int32(room)]
            let record = ledger.rooms[roomID]
            let client = record.flatMap { h.senders.index(of: $0.clientID) }
            let freelancer = record.flatMap { h.senders.index(of: $0.freelancerID) }
            let plan = record.map { UInt64(planLabels.firstIndex(of: PlanLabel.of($0.plan))!) } ?? unknownPlan
            let timeline = ledger.timeline(of: roomID)
            // Room counts keyed by file, epoch, phase (without stage) and plan.
            var roomCounts: [UInt64: Int] = [:]
            for k in start[room]..<start[room + 1] {
                let s = h.stubs[Int(order[k])]
                let role: UInt64 = record == nil ? 3 : s.sender == client ? 0 : s.sender == freelancer ? 1 : 2
                let at = Timestamp(nanosecondsSinceEpoch: s.sentAt)
                let phase = timeline.phase(at: at)
                let e = epochIndex(s.sentAt)
                if let d = h.detected[LineOrigin(file: s.file, line: s.line).packed] {
                    let sender = h.senders[s.sender]
                    let offered = d.findings.map { f in
                        f.kind == .unsolicitedContact
                            && ledger.channelOffered(in: roomID, channel: f.platform, byOtherThan: sender, before: at)
                    }
                    facts.pendingMessages.append(PendingMessage(
                        file: s.file, messageID: d.messageID, roomID: roomID, senderID: sender, sentAt: at,
                        epoch: epochNames[e], phase: phase, senderRole: roles[Int(role)], clientPlan: record.map { $0.plan ?? .basic },
                        findings: d.findings, channelOfferedByOther: offered))
                    continue
                }
                let seconds = at.secondsSinceEpoch
                let day = (seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400) + dayOffset
                let code = phaseCode(phase)
                let key = UInt64(UInt32(bitPattern: s.file)) << 40 | UInt64(e) << 36 | code << 34 | role << 32 | plan << 28 | UInt64(day)
                counts[key, default: 0] += 1
                let roomKey = UInt64(UInt32(bitPattern: s.file)) << 16 | UInt64(e) << 8 | (code <= 1 ? 0 : code - 1) << 4 | plan
                roomCounts[roomKey, default: 0] += 1
            }
            for (key, n) in roomCounts {
                let code = (key >> 4) & 0xF
                facts.roomFacts[RoomFactKey(file: Int32(truncatingIfNeeded: key >> 16), roomID: roomID, epoch: epochNames[Int((key >> 8) & 0xFF)],
                                            phase: [Phase.preContract, .activeContract, .postContract][Int(code)],
                                            clientPlan: planLabels[Int(key & 0xF)])] = MessageCount(messages: n)
            }
        }
        for (key, n) in counts {
            let phase = phases[Int((key >> 34) & 0x3)]
            let day = Int64(key & 0xFFF_FFFF) - dayOffset
            facts.messageCounts[MessageCountKey(
                file: Int32(truncatingIfNeeded: key >> 40), epoch: epochNames[Int((key >> 36) & 0xF)], phase: phase.phase, stage: phase.stage,
                senderRole: roles[Int((key >> 32) & 0x3)], clientPlan: planLabels[Int((key >> 28) & 0xF)],
                date: Timestamp(secondsSinceEpoch: day * 86_400).utcDate)] = MessageCount(messages: n)
        }

        // 4. Calls, with the room's phase when they started, in the order of their lines.
        h.calls.sort { $0.origin.packed < $1.origin.packed }
        for (origin, c) in h.calls {
            facts.calls.append(CallFact(
                file: origin.file, callID: c.callID, roomID: c.roomID, initiatorID: c.initiatorID,
                initiatorRole: ledger.role(of: c.initiatorID, in: c.roomID), status: c.status, media: c.media,
                startedAt: c.startedAt, endedAt: c.endedAt, epoch: policy.epoch(at: c.startedAt).name,
                phase: ledger.phase(of: c.roomID, at: c.startedAt)))
        }
        facts.ledger = h.ledger
        return Settlement(facts: facts, ledger: ledger, duplicateMessages: duplicates, messages: h.stubs.count)
    }
}
