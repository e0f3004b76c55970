import Foundation
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
    /// `jobs` threads share the sorting and the per-room work; the result does not depend on it.
    /// `ledgerComplete`, when given, takes the run's ledger updates as soon as they are complete (the channels
    /// offered included), so they can be stored while the rooms are settled; the facts then hold none.
    static func settle(_ harvest: consuming Harvest, known: LedgerDelta, policy: PolicyDocument, jobs: Int = 1,
                       ledgerComplete: ((consuming LedgerDelta) -> Void)? = nil) -> Settlement {
        var h = harvest
        let timings = StageTimings(log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })

        // 1. Duplicate message ids: keep the first by (file, line), whatever order workers finished in.
        var stubs = h.stubs.takeAll()
        sortByKeyThenOrigin(&stubs, jobs: jobs)
        var kept = 0, duplicates = 0
        for i in stubs.indices {
            if kept > 0, stubs[kept - 1].key == stubs[i].key {
                duplicates += 1
                h.detected.removeValue(forKey: LineOrigin(file: stubs[i].file, line: stubs[i].line).packed)
                continue
            }
            stubs[kept] = stubs[i]
            kept += 1
        }
        stubs.removeLast(stubs.count - kept)
        timings.mark("settle: duplicates")

        // 2. Channels offered by the messages' senders join the ledger, so unsolicited contact is judged in time order.
        // The stubs are looked through in ranges on `jobs` threads (the ledger keeps each offer's earliest time, so
        // the order they are added in changes nothing), and the offers found added on this one.
        let detectedFilter = OriginFilter(h.detected.keys)
        do {
            let parts = jobs > 1 ? jobs * 2 : 1
            let found = ParallelSlots<[OfferedChannel]>(count: parts, initial: [])
            let all = stubs, detected = h.detected, rooms = h.rooms, senders = h.senders
            Parallel.forEach(parts, jobs: jobs) { p in
                var offers: [OfferedChannel] = []
                for s in all[all.count * p / parts..<all.count * (p + 1) / parts] {
                    let origin = LineOrigin(file: s.file, line: s.line).packed
                    guard detectedFilter.mayContain(origin), let d = detected[origin] else { continue }
                    for f in d.findings where f.kind != .unsolicitedContact {
                        for channel in OfferChannels.of(kind: f.kind, platform: f.platform) {
                            offers.append(OfferedChannel(roomID: rooms[s.room], partyID: senders[s.sender], channel: channel,
                                                         at: Timestamp(nanosecondsSinceEpoch: s.sentAt)))
                        }
                    }
                }
                found[p] = offers
            }
            for p in 0..<parts {
                for o in found[p] { h.ledger.add(o) }
                found[p] = []
            }
        }
        var everything = known
        everything.update(with: h.ledger)
        timings.mark("settle: offered channels")

        // 3. Messages grouped by room, in place (a bucket permutation: no second array of the night's size). With
        // more than one job, the room ledger is built meanwhile on a thread of its own: neither needs the other.
        let start: [Int]
        let ledger: RoomLedger
        if jobs > 1 {
            let building = Background { [everything] in RoomLedger(everything) }
            _ = consume everything
            start = groupByRoom(&stubs, rooms: h.rooms.count, jobs: jobs)
            ledger = building.wait()
        } else {
            ledger = RoomLedger(everything)
            _ = consume everything
            timings.mark("settle: room ledger")
            start = groupByRoom(&stubs, rooms: h.rooms.count, jobs: jobs)
        }
        timings.mark(jobs > 1 ? "settle: grouping by room, room ledger beside" : "settle: grouping by room")
        // The run's ledger updates are complete (the channels offered included), and only the room ledger's rooms
        // still share them: handed on now, their rows can be made and stored while the rooms are settled.
        if let ledgerComplete {
            ledgerComplete(h.ledger)
            h.ledger = LedgerDelta()
        }

        // Rooms in ranges of about equal numbers of messages, settled on `jobs` threads, one fewer when the
        // ledger's updates are being stored meanwhile: the writer is what the run waits for from here on, so it
        // keeps a core of its own.
        let ranges = roomRanges(start: start, parts: jobs > 1 ? 4 * jobs : 1)
        let parts = ParallelSlots<RoomRangeFacts>(count: ranges.count, initial: RoomRangeFacts())
        do {
            let context = RoomSettling(harvest: h, stubs: stubs, detectedFilter: detectedFilter, ledger: ledger, policy: policy, start: start)
            let roomJobs = ledgerComplete != nil ? max(1, jobs - 1) : jobs
            Parallel.forEach(ranges.count, jobs: roomJobs) { i in parts[i] = context.settle(rooms: ranges[i]) }
        }
        // The stubs (32 bytes a message) are done with: let them go before the parts are gathered.
        let messageCount = stubs.count
        stubs = []
        h.detected = [:]
        HeapTuning.returnFreedMemory()
        timings.mark("settle: rooms")

        var counts: [UInt64: Int] = [:]
        var facts = SettledFacts()
        // Ranges hold disjoint rooms, so their room facts only line up. Judging adds at most one fact per
        // pending message: room is kept for them now, so that the array (a million facts) never regrows,
        // holding its old and new storage at once (the capacity not used is never touched, never resident).
        facts.roomFacts.reserveCapacity(parts.values.reduce(0) { $0 + $1.roomFacts.count + $1.pendingMessages.count })
        let epochNames = policy.epochs.map(\.name)
        for i in 0..<ranges.count {
            let part = parts[i]
            parts[i] = RoomRangeFacts()
            counts.merge(part.counts, uniquingKeysWith: +)
            for p in part.roomFacts { facts.roomFacts.append(p.unpacked(roomID: h.rooms[p.room], epochNames: epochNames)) }
            facts.pendingMessages += part.pendingMessages
        }
        // Sized once: grown key by key it was rehashed (every key's strings) fifteen times.
        facts.messageCounts.reserveCapacity(counts.count)
        for (key, n) in counts {
            let phase = phases[Int((key >> 34) & 0x3)]
            let day = Int64(key & 0xFFF_FFFF) - RoomSettling.dayOffset
            facts.messageCounts[MessageCountKey(
                file: Int32(truncatingIfNeeded: key >> 40), epoch: epochNames[Int((key >> 36) & 0xF)], phase: phase.phase, stage: phase.stage,
                senderRole: roles[Int((key >> 32) & 0x3)], clientPlan: planLabels[Int((key >> 28) & 0xF)],
                date: Timestamp(secondsSinceEpoch: day * 86_400).utcDate)] = MessageCount(messages: n)
        }

        timings.mark("settle: gathering")
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
        return Settlement(facts: facts, ledger: ledger, duplicateMessages: duplicates, messages: messageCount)
    }

    /// Sorts by message key, then file and line. Keys are well-spread hashes, so
    /// the bucketed sort's buckets are the key's top byte.
    static func sortByKeyThenOrigin(_ stubs: inout [MessageStub], jobs: Int) {
        let less: @Sendable (MessageStub, MessageStub) -> Bool = { a, b in
            if a.key != b.key { return a.key < b.key }
            if a.file != b.file { return a.file < b.file }
            return a.line < b.line
        }
        guard stubs.count > 4096 else {
            stubs.sort(by: less)
            return
        }
        bucketSort(&stubs, jobs: jobs, bucket: { Int($0.key >> 56) }, by: less)
    }

    /// Puts the stubs in room order in place and returns where each room's stubs start (`rooms + 1` entries).
    /// The buckets are the room index's top bits (256 write positions stay in cache, where one per room made
    /// every swap a cache miss). Within a room the stubs keep no particular order.
    static func groupByRoom(_ stubs: inout [MessageStub], rooms roomCount: Int, jobs: Int = 1) -> [Int] {
        let shift = max(0, Int.bitWidth - roomCount.leadingZeroBitCount - 8)
        bucketSort(&stubs, jobs: jobs, bucket: { Int($0.room) >> shift }, by: { $0.room < $1.room })
        var start = [Int](repeating: 0, count: roomCount + 1)
        for s in stubs { start[Int(s.room) + 1] += 1 }
        for r in 0..<roomCount { start[r + 1] += start[r] }
        return start
    }

    /// Sorts in place: one pass puts the stubs in 256 buckets (American flag sort), then the buckets are
    /// sorted by `less` on `jobs` threads. `bucket` (0…255) must agree with `less`: a lower bucket sorts first.
    @inline(__always)
    static func bucketSort(_ stubs: inout [MessageStub], jobs: Int, bucket: (MessageStub) -> Int,
                           by less: @escaping @Sendable (MessageStub, MessageStub) -> Bool) {
        stubs.withUnsafeMutableBufferPointer { buf in
            var start = [Int](repeating: 0, count: 257)
            for s in buf { start[bucket(s) + 1] += 1 }
            for b in 0..<256 { start[b + 1] += start[b] }
            var next = start
            for b in 0..<256 {
                while next[b] < start[b + 1] {
                    let target = bucket(buf[next[b]])
                    if target == b {
                        next[b] += 1
                    } else {
                        buf.swapAt(next[b], next[target])
                        next[target] += 1
                    }
                }
            }
            let shared = SharedBuffer(buf)
            let bounds = start
            Parallel.forEach(256, jobs: jobs) { b in
                var bucket = UnsafeMutableBufferPointer(rebasing: shared.buffer[bounds[b]..<bounds[b + 1]])
                bucket.sort(by: less)
            }
        }
    }

    /// Consecutive room ranges holding about equal numbers of messages.
    static func roomRanges(start: [Int], parts: Int) -> [Range<Int>] {
        let roomCount = start.count - 1
        guard parts > 1, roomCount > parts else { return [0..<roomCount] }
        let total = start[roomCount]
        var out: [Range<Int>] = []
        var lo = 0
        for p in 1...parts {
            let goal = p == parts ? total : total * p / parts
            var hi = lo
            while hi < roomCount && start[hi] < goal { hi += 1 }
            if p == parts { hi = roomCount }
            if hi > lo { out.append(lo..<hi) }
            lo = hi
        }
        return out
    }
}

/// Stubs shared by the threads sorting disjoint parts of them.
private struct SharedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<MessageStub>
    init(_ b: UnsafeMutableBufferPointer<MessageStub>) { buffer = b }
}

/// What settling one range of rooms yields; ranges are disjoint, so parts only add up.
struct RoomRangeFacts: Sendable {
    /// Messages without findings, keyed by file, epoch, phase, role, plan and day packed into one integer.
    var counts: [UInt64: Int] = [:]
    /// Room facts in 16 bytes each; they become `RoomFact`s (80 bytes) once the stubs are let go.
    var roomFacts: [PackedRoomFact] = []
    var pendingMessages: [PendingMessage] = []
}

/// A room's count under a key packed as file << 16 | epoch << 8 | phase << 4 | plan.
struct PackedRoomFact: Sendable {
    var room: Int32
    var messages: Int32
    var key: UInt64

    func unpacked(roomID: String, epochNames: [String]) -> RoomFact {
        RoomFact(key: RoomFactKey(file: Int32(truncatingIfNeeded: key >> 16), roomID: roomID, epoch: epochNames[Int((key >> 8) & 0xFF)],
                                  phase: RoomSettling.roomPhases[Int((key >> 4) & 0xF)], clientPlan: Settler.planLabels[Int(key & 0xF)]),
                 count: MessageCount(messages: Int(messages)))
    }
}

/// What every room range reads while it is settled (read-only, shared by the threads).
struct RoomSettling: Sendable {
    static let dayOffset: Int64 = 1 << 24
    static let roomPhases: [Phase] = [.preContract, .activeContract, .postContract]
    let harvest: Harvest
    /// In room order: room `r`'s messages are `stubs[start[r]..<start[r + 1]]`.
    let stubs: [MessageStub]
    /// Most messages have no findings: a bit per hashed origin answers "not detected" without a dictionary lookup.
    let detectedFilter: OriginFilter
    let ledger: RoomLedger
    let start: [Int]
    let epochStarts: [Int64]
    let epochNames: [String]

    init(harvest: Harvest, stubs: [MessageStub], detectedFilter: OriginFilter, ledger: RoomLedger, policy: PolicyDocument, start: [Int]) {
        self.harvest = harvest
        self.stubs = stubs
        self.detectedFilter = detectedFilter
        self.ledger = ledger
        self.start = start
        epochStarts = policy.epochs.dropFirst().map { $0.starts!.nanosecondsSinceEpoch }
        epochNames = policy.epochs.map(\.name)
    }

    func epochIndex(_ t: Int64) -> Int {
        var i = 0
        while i < epochStarts.count, epochStarts[i] <= t { i += 1 }
        return i
    }

    func settle(rooms: Range<Int>) -> RoomRangeFacts {
        let h = harvest
        var out = RoomRangeFacts()
        let dayOffset = Self.dayOffset
        for room in rooms {
            let roomID = h.rooms[Int32(room)]
            let record = ledger.rooms[roomID]
            let client = record.flatMap { h.senders.index(of: $0.clientID) }
            let freelancer = record.flatMap { h.senders.index(of: $0.freelancerID) }
            let plan = record.map { UInt64(Settler.planLabels.firstIndex(of: PlanLabel.of($0.plan))!) } ?? Settler.unknownPlan
            // Asked once a room: `record == nil` in the message loop copied the room's record (its strings
            // retained and released) for every message, a third of settling's instructions.
            let known = record != nil
            let clientPlan = record.map { $0.plan ?? .basic }
            let timeline = ledger.timeline(of: roomID)
            // Room counts keyed by file, epoch, phase (without stage) and plan: a room has a handful of keys.
            var roomCounts: [(key: UInt64, count: Int)] = []
            for k in start[room]..<start[room + 1] {
                let s = stubs[k]
                let role: UInt64 = !known ? 3 : s.sender == client ? 0 : s.sender == freelancer ? 1 : 2
                let at = Timestamp(nanosecondsSinceEpoch: s.sentAt)
                let phase = timeline.phase(at: at)
                let e = epochIndex(s.sentAt)
                let origin = LineOrigin(file: s.file, line: s.line).packed
                if detectedFilter.mayContain(origin), let d = h.detected[origin] {
                    let sender = h.senders[s.sender]
                    let offered = d.findings.map { f in
                        f.kind == .unsolicitedContact
                            && ledger.channelOffered(in: roomID, channel: f.platform, byOtherThan: sender, before: at)
                    }
                    out.pendingMessages.append(PendingMessage(
                        file: s.file, messageID: d.messageID, roomID: roomID, senderID: sender, sentAt: at,
                        epoch: epochNames[e], phase: phase, senderRole: Settler.roles[Int(role)], clientPlan: clientPlan,
                        findings: d.findings, channelOfferedByOther: offered))
                    continue
                }
                let seconds = at.secondsSinceEpoch
                let day = (seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400) + dayOffset
                let code = Settler.phaseCode(phase)
                let key = UInt64(UInt32(bitPattern: s.file)) << 40 | UInt64(e) << 36 | code << 34 | role << 32 | plan << 28 | UInt64(day)
                out.counts[key, default: 0] += 1
                let roomKey = UInt64(UInt32(bitPattern: s.file)) << 16 | UInt64(e) << 8 | (code <= 1 ? 0 : code - 1) << 4 | plan
                if let j = roomCounts.firstIndex(where: { $0.key == roomKey }) {
                    roomCounts[j].count += 1
                } else {
                    roomCounts.append((roomKey, 1))
                }
            }
            for (key, n) in roomCounts { out.roomFacts.append(PackedRoomFact(room: Int32(room), messages: Int32(n), key: key)) }
        }
        return out
    }
}

/// A set of line origins that may answer "maybe" for an origin not in it, never
/// "no" for one in it: one bit per hashed origin, about 16 bits per member.
struct OriginFilter: Sendable {
    private let bits: [UInt64]
    private let shift: UInt64

    init(_ origins: some Collection<UInt64>) {
        var size = 1 << 10
        while size < origins.count * 16 { size <<= 1 }
        shift = UInt64(64 - size.trailingZeroBitCount)
        var bits = [UInt64](repeating: 0, count: size / 64)
        for o in origins {
            let b = Self.bit(o, shift)
            bits[b >> 6] |= 1 << UInt64(b & 63)
        }
        self.bits = bits
    }

    @inline(__always)
    private static func bit(_ origin: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (origin &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    func mayContain(_ origin: UInt64) -> Bool {
        let b = Self.bit(origin, shift)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }
}
