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
    var duplicateMessages: Int
    var messages: Int
}

enum Settler {
    static let planLabels = ClientPlan.allCases.map(\.rawValue) + [PlanLabel.unknown]

    /// `known` is what the ledger knew before this run (the database, or a shipped snapshot).
    static func settle(_ harvest: Harvest, known: LedgerDelta, policy: PolicyDocument) -> Settlement {
        var h = harvest

        // 1. Duplicate message ids: keep the first by (file, line), whatever order workers finished in.
        h.stubs.sort { ($0.key, $0.file, $0.line) < ($1.key, $1.file, $1.line) }
        var kept: [MessageStub] = []
        kept.reserveCapacity(h.stubs.count)
        var duplicates = 0
        for s in h.stubs {
            if let last = kept.last, last.key == s.key {
                duplicates += 1
                h.detected.removeValue(forKey: LineOrigin(file: s.file, line: s.line).packed)
                continue
            }
            kept.append(s)
        }
        h.stubs = []

        // 2. Channels offered by the messages' senders join the ledger, so unsolicited contact is judged in time order.
        for s in kept {
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

        // 3. Per room: the record, and its participants as sender indices.
        let roomInfo: [(room: LedgerRoom?, client: Int32?, freelancer: Int32?, plan: Int8)] = h.rooms.strings.map { id in
            let r = ledger.rooms[id]
            let plan = r.map { Int8(planLabels.firstIndex(of: PlanLabel.of($0.plan))!) } ?? Int8(planLabels.count - 1)
            return (r, r.flatMap { h.senders.index(of: $0.clientID) }, r.flatMap { h.senders.index(of: $0.freelancerID) }, plan)
        }
        let epochs = policy.epochs
        func epochIndex(_ t: Int64) -> Int {
            var i = 0
            while i + 1 < epochs.count, let s = epochs[i + 1].starts, s.nanosecondsSinceEpoch <= t { i += 1 }
            return i
        }

        struct CountKey: Hashable { var file: Int32; var epoch: Int; var phase: RoomPhase; var role: SenderRole; var plan: Int8; var day: Int64 }
        struct RoomKey: Hashable { var file: Int32; var room: Int32; var epoch: Int; var phase: Phase; var plan: Int8 }
        var counts: [CountKey: Int] = [:]
        var roomCounts: [RoomKey: Int] = [:]
        var facts = SettledFacts()

        for s in kept {
            let info = roomInfo[Int(s.room)]
            let roomID = h.rooms[s.room]
            let role: SenderRole = info.room == nil ? .unknown
                : s.sender == info.client ? .client : s.sender == info.freelancer ? .freelancer : .system
            let at = Timestamp(nanosecondsSinceEpoch: s.sentAt)
            let phase = ledger.phase(of: roomID, at: at)
            let e = epochIndex(s.sentAt)
            if let d = h.detected[LineOrigin(file: s.file, line: s.line).packed] {
                let sender = h.senders[s.sender]
                let offered = d.findings.map { f in
                    f.kind == .unsolicitedContact
                        && ledger.channelOffered(in: roomID, channel: f.platform, byOtherThan: sender, before: at)
                }
                facts.pendingMessages.append(PendingMessage(
                    file: s.file, messageID: d.messageID, roomID: roomID, senderID: sender, sentAt: at,
                    epoch: epochs[e].name, phase: phase, senderRole: role, clientPlan: info.room.map { $0.plan ?? .basic },
                    findings: d.findings, channelOfferedByOther: offered))
            } else {
                let day = Timestamp(nanosecondsSinceEpoch: s.sentAt).secondsSinceEpoch
                counts[CountKey(file: s.file, epoch: e, phase: phase, role: role, plan: info.plan,
                                day: day >= 0 ? day / 86_400 : (day - 86_399) / 86_400), default: 0] += 1
                roomCounts[RoomKey(file: s.file, room: s.room, epoch: e, phase: phase.phase, plan: info.plan), default: 0] += 1
            }
        }
        for (k, n) in counts {
            let date = Timestamp(secondsSinceEpoch: k.day * 86_400).utcDate
            facts.messageCounts[MessageCountKey(file: k.file, epoch: epochs[k.epoch].name, phase: k.phase.phase, stage: k.phase.stage,
                                                senderRole: k.role, clientPlan: planLabels[Int(k.plan)], date: date)] = MessageCount(messages: n)
        }
        for (k, n) in roomCounts {
            facts.roomFacts[RoomFactKey(file: k.file, roomID: h.rooms[k.room], epoch: epochs[k.epoch].name, phase: k.phase,
                                        clientPlan: planLabels[Int(k.plan)])] = MessageCount(messages: n)
        }

        // 4. Calls, with the room's phase when they started.
        for (origin, c) in h.calls {
            facts.calls.append(CallFact(
                file: origin.file, callID: c.callID, roomID: c.roomID, initiatorID: c.initiatorID,
                initiatorRole: ledger.role(of: c.initiatorID, in: c.roomID), status: c.status, media: c.media,
                startedAt: c.startedAt, endedAt: c.endedAt, epoch: policy.epoch(at: c.startedAt).name,
                phase: ledger.phase(of: c.roomID, at: c.startedAt)))
        }
        facts.calls.sort { ($0.file, $0.callID, $0.startedAt) < ($1.file, $1.callID, $1.startedAt) }
        facts.ledger = h.ledger
        return Settlement(facts: facts, duplicateMessages: duplicates, messages: kept.count)
    }
}
