import Dispatch
import ExportFormat
import Detection
import Policy

/// The dimensions a message is counted under.
public struct MessageCountKey: Sendable, Hashable, Codable, Comparable {
    /// Index of the input file in the run's (or partial's) file list.
    public var file: Int32
    public var epoch: String
    public var phase: Phase
    public var stage: PreContractStage?
    public var senderRole: SenderRole
    public var clientPlan: String
    /// UTC date of `sent_at`.
    public var date: String

    public init(file: Int32, epoch: String, phase: Phase, stage: PreContractStage?, senderRole: SenderRole,
                clientPlan: String, date: String) {
        self.file = file
        self.epoch = epoch
        self.phase = phase
        self.stage = stage
        self.senderRole = senderRole
        self.clientPlan = clientPlan
        self.date = date
    }

    /// Field by field, without building arrays: the rows of a night are sorted with it.
    public static func < (a: Self, b: Self) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.epoch != b.epoch { return a.epoch < b.epoch }
        if a.phase != b.phase { return a.phase.rawValue < b.phase.rawValue }
        let sa = a.stage?.rawValue ?? "", sb = b.stage?.rawValue ?? ""
        if sa != sb { return sa < sb }
        if a.senderRole != b.senderRole { return a.senderRole.rawValue < b.senderRole.rawValue }
        if a.clientPlan != b.clientPlan { return a.clientPlan < b.clientPlan }
        return a.date < b.date
    }

    /// Message counts in key order (`<`). Each string field is replaced by its rank among
    /// the few distinct values it takes (epochs, plans, dates): the rows then sort as tuples of integers.
    /// Sorting the keys themselves compared and moved their strings at every step, about 19,000 instructions a
    /// row, in the writer's serial part.
    public static func inKeyOrder(_ counts: [MessageCountKey: MessageCount]) -> [(key: MessageCountKey, value: MessageCount)] {
        let rows = Array(counts)
        func ranks(_ values: some Sequence<String>) -> [String: Int32] {
            Dictionary(uniqueKeysWithValues: Set(values).sorted().enumerated().map { ($0.element, Int32($0.offset)) })
        }
        let epochs = ranks(rows.lazy.map(\.key.epoch)), plans = ranks(rows.lazy.map(\.key.clientPlan))
        let dates = ranks(rows.lazy.map(\.key.date))
        let phases = ranks(Phase.allCases.map(\.rawValue)), roles = ranks(SenderRole.allCases.map(\.rawValue))
        let stages = ranks(PreContractStage.allCases.map(\.rawValue) + [""])
        // Phase, stage and role have a handful of values each (fewer than 16): one number, in the same order.
        typealias Ranks = (file: Int32, epoch: Int32, phaseStageRole: Int32, plan: Int32, date: Int32)
        let keyed: [(ranks: Ranks, row: Int)] = rows.indices.map { i in
            let k = rows[i].key
            let phaseStageRole = (phases[k.phase.rawValue]! << 8) | (stages[k.stage?.rawValue ?? ""]! << 4) | roles[k.senderRole.rawValue]!
            return ((k.file, epochs[k.epoch]!, phaseStageRole, plans[k.clientPlan]!, dates[k.date]!), i)
        }
        return keyed.sorted { $0.ranks < $1.ranks }.map { rows[$0.row] }
    }
}

/// Messages, and those with at least one violation.
public struct MessageCount: Sendable, Hashable, Codable {
    public var messages: Int
    public var violatingMessages: Int

    public init(messages: Int = 0, violatingMessages: Int = 0) {
        self.messages = messages
        self.violatingMessages = violatingMessages
    }

    public static func + (a: Self, b: Self) -> Self {
        Self(messages: a.messages + b.messages, violatingMessages: a.violatingMessages + b.violatingMessages)
    }

    /// In place: `counts[key, default: MessageCount()] += c` hashes the key once, where `… = …[key, default: …] + c`
    /// hashes it to read and again to write (keys hold strings: the epoch, the plan, the date, a room id).
    public static func += (a: inout Self, b: Self) {
        a.messages += b.messages
        a.violatingMessages += b.violatingMessages
    }
}

/// A room's messages in one epoch and phase, for room-level rates.
public struct RoomFactKey: Sendable, Hashable, Codable, Comparable {
    public var file: Int32
    public var roomID: String
    public var epoch: String
    public var phase: Phase
    public var clientPlan: String

    public init(file: Int32, roomID: String, epoch: String, phase: Phase, clientPlan: String) {
        self.file = file
        self.roomID = roomID
        self.epoch = epoch
        self.phase = phase
        self.clientPlan = clientPlan
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.file, a.roomID, a.epoch, a.phase.rawValue, a.clientPlan) < (b.file, b.roomID, b.epoch, b.phase.rawValue, b.clientPlan)
    }
}

/// A room's count under one key.
public struct RoomFact: Sendable, Hashable, Codable {
    public var key: RoomFactKey
    public var count: MessageCount

    public init(key: RoomFactKey, count: MessageCount) {
        self.key = key
        self.count = count
    }

    /// One fact per key, counts added up, in key order.
    public static func coalesced(_ facts: [RoomFact]) -> [RoomFact] {
        var byKey: [RoomFactKey: MessageCount] = [:]
        byKey.reserveCapacity(facts.count)
        for f in facts { byKey[f.key, default: MessageCount()] += f.count }
        return byKey.map { RoomFact(key: $0.key, count: $0.value) }.sorted { $0.key < $1.key }
    }
}

/// A finding with what was known when it was found; its verdict comes later.
public struct DetectedFinding: Sendable, Hashable, Codable {
    public var kind: FindingKind
    public var platform: String?
    public var intent: Intent
    /// The detector's rule (`email.written_out`, …).
    public var detectorRule: String
    /// Unicode-scalar offsets in the text it was found in (message text or an attachment's).
    public var start: Int
    public var end: Int
    public var context: FindingContext
    /// A masked snippet: no contact detail in clear.
    public var evidence: String

    public init(kind: FindingKind, platform: String?, intent: Intent, detectorRule: String, start: Int, end: Int,
                context: FindingContext, evidence: String) {
        self.kind = kind
        self.platform = platform
        self.intent = intent
        self.detectorRule = detectorRule
        self.start = start
        self.end = end
        self.context = context
        self.evidence = evidence
    }
}

/// A message with findings, settled (phase, role, plan known) but not yet judged.
public struct PendingMessage: Sendable, Hashable, Codable {
    public var file: Int32
    public var messageID: String
    public var roomID: String
    public var senderID: String
    public var sentAt: Timestamp
    public var epoch: String
    public var phase: RoomPhase
    public var senderRole: SenderRole
    /// nil: the room is not known.
    public var clientPlan: ClientPlan?
    public var findings: [DetectedFinding]
    /// Per finding: for unsolicited contact, whether the channel was offered before by someone else in the room.
    public var channelOfferedByOther: [Bool]

    public init(file: Int32, messageID: String, roomID: String, senderID: String, sentAt: Timestamp, epoch: String,
                phase: RoomPhase, senderRole: SenderRole, clientPlan: ClientPlan?, findings: [DetectedFinding],
                channelOfferedByOther: [Bool]) {
        self.file = file
        self.messageID = messageID
        self.roomID = roomID
        self.senderID = senderID
        self.sentAt = sentAt
        self.epoch = epoch
        self.phase = phase
        self.senderRole = senderRole
        self.clientPlan = clientPlan
        self.findings = findings
        self.channelOfferedByOther = channelOfferedByOther
    }

    public var planLabel: String { clientPlan?.rawValue ?? PlanLabel.unknown }
}

/// A finding with its verdict: a row of the `findings` table.
public struct JudgedFinding: Sendable, Hashable, Codable {
    public var file: Int32
    public var messageID: String
    public var roomID: String
    public var senderID: String
    public var senderRole: SenderRole
    public var clientPlan: String
    public var sentAt: Timestamp
    public var finding: DetectedFinding
    public var verdict: Verdict
    public var exception: String?
    public var epoch: String
    public var phase: RoomPhase
    public var policyRule: String
    public var explanation: String

    public init(message: PendingMessage, finding: DetectedFinding, judgement: Judgement) {
        file = message.file
        messageID = message.messageID
        roomID = message.roomID
        senderID = message.senderID
        senderRole = message.senderRole
        clientPlan = message.planLabel
        sentAt = message.sentAt
        self.finding = finding
        verdict = judgement.verdict
        exception = judgement.exception
        epoch = judgement.epoch
        phase = judgement.phase
        policyRule = judgement.rule
        explanation = judgement.explanation
    }
}

/// A platform call, with the room's phase when it started.
public struct CallFact: Sendable, Hashable, Codable {
    public var file: Int32
    public var callID: String
    public var roomID: String
    public var initiatorID: String
    public var initiatorRole: SenderRole
    public var status: CallStatus
    public var media: CallMedia?
    public var startedAt: Timestamp
    public var endedAt: Timestamp?
    public var epoch: String
    public var phase: RoomPhase

    public init(file: Int32, callID: String, roomID: String, initiatorID: String, initiatorRole: SenderRole,
                status: CallStatus, media: CallMedia?, startedAt: Timestamp, endedAt: Timestamp?, epoch: String, phase: RoomPhase) {
        self.file = file
        self.callID = callID
        self.roomID = roomID
        self.initiatorID = initiatorID
        self.initiatorRole = initiatorRole
        self.status = status
        self.media = media
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.epoch = epoch
        self.phase = phase
    }

    /// The moment a move off the platform is measured from: the end of the call, or its start when no end was recorded.
    public var measuredFrom: Timestamp { endedAt ?? startedAt }
}

/// The finding kinds that count as a move off the platform after a call (policy.md).
public enum MoveKinds {
    public static let all: Set<FindingKind> = [.messagingApp, .meetingLink, .phone, .email, .offplatformRequest]
}

/// What a run contributes once rooms are settled: judged later by `finalize`.
public struct SettledFacts: Sendable, Codable {
    /// Messages without findings (they can never be violations).
    public var messageCounts: [MessageCountKey: MessageCount] = [:]
    /// Messages without findings, one fact per key (no key twice; after `merge`, once `coalesceRoomFacts()` has
    /// run). An array, not a dictionary: a night has about a million of them, and a dictionary of them cost
    /// ≈ 120 MB more at the peak of settling.
    public var roomFacts: [RoomFact] = []
    public var pendingMessages: [PendingMessage] = []
    public var calls: [CallFact] = []
    /// What this run tells the ledger (rooms, contract events, offered channels).
    public var ledger = LedgerDelta()

    public init() {}

    /// One fact per key again, counts added up.
    public mutating func coalesceRoomFacts() {
        roomFacts = RoomFact.coalesced(roomFacts)
    }

    /// Adds `other`. Room facts are only appended and may repeat a key until `coalesceRoomFacts()`: merging
    /// many parts, they are coalesced once at the end rather than once per part.
    public mutating func merge(_ other: SettledFacts) {
        messageCounts.merge(other.messageCounts, uniquingKeysWith: +)
        roomFacts += other.roomFacts
        pendingMessages += other.pendingMessages
        calls += other.calls
        ledger.merge(other.ledger)
    }
}

/// What a run writes once its findings are judged: counters and judged findings. (Its calls and ledger
/// updates are known before judging, in `SettledFacts`, and are written while it judges.)
public struct RunFacts: Sendable {
    public var messageCounts: [MessageCountKey: MessageCount] = [:]
    /// One fact per key.
    public var roomFacts: [RoomFact] = []
    public var findings: [JudgedFinding] = []

    public init() {}

    /// Findings by verdict, for the run summary.
    public var findingsByVerdict: [Verdict: Int] {
        var out: [Verdict: Int] = [:]
        for f in findings { out[f.verdict, default: 0] += 1 }
        return out
    }
}

extension SettledFacts {
    /// Judges every pending finding with the ledger that knows every room
    /// (existing relationships cross rooms and partitions), then counts each
    /// message with findings under its dimensions, violating or not.
    ///
    /// Consuming: the counters (a million room rows a night) move into the
    /// result instead of being copied when the first finding is counted.
    /// Messages are judged in slices on up to `jobs` threads; the findings come
    /// out in the same order (file, message id) whatever `jobs` is.
    public consuming func finalize(judge: Judge, ledger: RoomLedger, jobs: Int = 1) -> RunFacts {
        var out = RunFacts()
        swap(&out.messageCounts, &messageCounts)
        swap(&out.roomFacts, &roomFacts)
        var sorted: [PendingMessage] = []
        swap(&sorted, &pendingMessages)
        PendingMessage.sortByFileAndID(&sorted)
        var slices: [JudgedSlice] = []
        // Each slice writes its findings straight into its stretch of the one array: none is held twice.
        out.findings = JudgedSlice.judge(sorted, judge: judge, ledger: ledger, jobs: jobs, slices: &slices)
        // The pending messages (a few hundred thousand, each with its findings) are freed on a thread of their own:
        // the writer waits for what follows.
        let judged = Discarded(sorted)
        sorted = []
        DispatchQueue.global().async { judged.value = [] }
        // Messages with findings join their room's fact under the same key, or make a new one. Their keys are
        // grouped by room: a room's few keys are told apart by comparing them, so a room fact costs one look-up
        // of its room id instead of a hash of its whole key.
        var pendingByRoom: [String: [PendingRoomCount]] = [:]
        for slice in slices {
            out.messageCounts.merge(slice.messageCounts, uniquingKeysWith: +)
            for (k, v) in slice.roomCounts { pendingByRoom[k.roomID, default: []].add(v, under: k) }
        }
        if !pendingByRoom.isEmpty {
            for i in out.roomFacts.indices {
                if let extra = pendingByRoom[out.roomFacts[i].key.roomID]?.join(out.roomFacts[i].key) {
                    out.roomFacts[i].count = out.roomFacts[i].count + extra
                }
            }
            var left: [RoomFact] = []
            for list in pendingByRoom.values {
                for p in list where !p.joined { left.append(RoomFact(key: p.key, count: p.count)) }
            }
            left.sort { $0.key < $1.key }
            out.roomFacts.append(contentsOf: left)
        }
        return out
    }
}

extension SettledFacts {
    /// The same facts with file indices translated by `map` (files not in `map` are dropped). Room facts are
    /// translated, not coalesced: the merge they are made for coalesces once, at its end.
    public func remappingFiles(_ map: [Int32: Int32]) -> SettledFacts {
        var out = SettledFacts()
        for (k, v) in messageCounts {
            guard let f = map[k.file] else { continue }
            var key = k
            key.file = f
            out.messageCounts[key, default: MessageCount()] += v
        }
        out.roomFacts = roomFacts.compactMap { fact in
            guard let f = map[fact.key.file] else { return nil }
            var fact = fact
            fact.key.file = f
            return fact
        }
        out.pendingMessages = pendingMessages.compactMap { m in
            guard let f = map[m.file] else { return nil }
            var m = m
            m.file = f
            return m
        }
        out.calls = calls.compactMap { c in
            guard let f = map[c.file] else { return nil }
            var c = c
            c.file = f
            return c
        }
        out.ledger = ledger
        return out
    }
}

extension PendingMessage {
    /// Sorts by file, then message id by its UTF-8 bytes (then by position, for ids with the same bytes).
    /// The sort runs on (file, first eight bytes, position) and the messages are then moved into place:
    /// sorted themselves, by comparing their ids as `String`s, they cost judging's serial start ≈ 3,000
    /// instructions a message.
    static func sortByFileAndID(_ messages: inout [PendingMessage]) {
        precondition(messages.count <= Int(Int32.max), "more messages than 32-bit positions hold")
        var keys: [(file: Int32, prefix: UInt64, index: Int32)] = []
        keys.reserveCapacity(messages.count)
        for i in messages.indices {
            var id = messages[i].messageID
            let prefix = id.withUTF8 { b -> UInt64 in
                var p: UInt64 = 0
                for j in 0..<min(8, b.count) { p |= UInt64(b[j]) << (56 - 8 * j) }
                return p
            }
            keys.append((messages[i].file, prefix, Int32(i)))
        }
        keys.sort { a, b in
            if a.file != b.file { return a.file < b.file }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let x = messages[Int(a.index)].messageID.utf8, y = messages[Int(b.index)].messageID.utf8
            if !x.elementsEqual(y) { return x.lexicographicallyPrecedes(y) }
            return a.index < b.index
        }
        // Position k takes the message at keys[k].index: each cycle of that permutation is walked with swaps
        // (moves, no copies), so no second array of the night's pending messages is ever held.
        var placed = [Bool](repeating: false, count: messages.count)
        for start in messages.indices where !placed[start] {
            var k = start
            while true {
                placed[k] = true
                let from = Int(keys[k].index)
                if from == start { break }
                messages.swapAt(k, from)
                k = from
            }
        }
    }
}

/// What a room's messages with findings add under one key, and whether a room fact took it.
private struct PendingRoomCount {
    var key: RoomFactKey
    var count: MessageCount
    var joined = false
}

private extension Array where Element == PendingRoomCount {
    /// Adds `count` under `key` (a room's few keys, told apart by comparing them).
    mutating func add(_ count: MessageCount, under key: RoomFactKey) {
        if let j = firstIndex(where: { $0.key == key }) {
            self[j].count = self[j].count + count
        } else {
            append(PendingRoomCount(key: key, count: count))
        }
    }

    /// The count under `key` for the first room fact that asks for it; nil once taken, or when there is none.
    mutating func join(_ key: RoomFactKey) -> MessageCount? {
        guard let j = firstIndex(where: { !$0.joined && $0.key == key }) else { return nil }
        self[j].joined = true
        return self[j].count
    }
}

/// Pending messages handed to another thread to be freed there (the box goes with the last of its holders; the
/// messages with the thread that empties it).
private final class Discarded: @unchecked Sendable {
    var value: [PendingMessage]
    init(_ value: [PendingMessage]) { self.value = value }
}

/// What judging one slice of the pending messages gives besides its findings.
struct JudgedSlice: Sendable {
    var messageCounts: [MessageCountKey: MessageCount] = [:]
    var roomCounts: [RoomFactKey: MessageCount] = [:]
    /// The sentence of each decision met: a night's findings repeat a few hundred of them (one copy each).
    var explanations: [Decision: String] = [:]

    /// The findings of `messages`, in their order, judged in slices on up to `jobs` threads, each slice writing
    /// into its own stretch of the result; `slices` receives what else each slice counted.
    static func judge(_ messages: [PendingMessage], judge: Judge, ledger: RoomLedger, jobs: Int,
                      slices: inout [JudgedSlice]) -> [JudgedFinding] {
        let parts = jobs > 1 && messages.count > 4096 ? jobs * 4 : 1
        let bounds = (0...parts).map { messages.count * $0 / parts }
        var offsets = [0]
        for p in 0..<parts { offsets.append(offsets[p] + messages[bounds[p]..<bounds[p + 1]].reduce(0) { $0 + $1.findings.count }) }
        let starts = offsets
        let total = starts[parts]
        let counted = UnsafeMutableBufferPointer<JudgedSlice>.allocate(capacity: parts)
        counted.initialize(repeating: JudgedSlice())
        defer {
            _ = counted.deinitialize()
            counted.deallocate()
        }
        let findings = [JudgedFinding](unsafeUninitializedCapacity: total) { buffer, initialized in
            let shared = SliceSlots(counted, buffer)
            let work: @Sendable (Int) -> Void = { p in
                var slice = JudgedSlice()
                var next = starts[p]
                for m in messages[bounds[p]..<bounds[p + 1]] {
                    slice.add(m, judge: judge, ledger: ledger) { f in
                        (shared.findings.baseAddress! + next).initialize(to: f)
                        next += 1
                    }
                }
                precondition(next == starts[p + 1], "a slice wrote \(next - starts[p]) findings, not \(starts[p + 1] - starts[p])")
                shared.slots[p] = slice
            }
            if parts == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: work) }
            initialized = total
        }
        slices = Array(counted)
        return findings
    }

    mutating func add(_ m: PendingMessage, judge: Judge, ledger: RoomLedger, emit: (JudgedFinding) -> Void) {
        let relationship = ledger.relationshipStart(inRoom: m.roomID)
        var violating = false
        for (i, f) in m.findings.enumerated() {
            let input = JudgeInput(kind: f.kind, platform: f.platform, intent: f.intent, sentAt: m.sentAt, phase: m.phase,
                                   senderRole: m.senderRole, clientPlan: m.clientPlan, relationshipStart: relationship,
                                   channelOfferedByOther: m.channelOfferedByOther[i], context: f.context)
            let d = judge.decide(input)
            if d.verdict == .violation { violating = true }
            // One sentence per distinct decision, made and stored once (a night has a few hundred).
            let explanation: String
            if let shared = explanations[d] {
                explanation = shared
            } else {
                explanation = d.explanation
                explanations[d] = explanation
            }
            emit(JudgedFinding(message: m, finding: f, judgement: d.judgement(explanation: explanation)))
        }
        let count = MessageCount(messages: 1, violatingMessages: violating ? 1 : 0)
        let key = MessageCountKey(file: m.file, epoch: m.epoch, phase: m.phase.phase, stage: m.phase.stage,
                                  senderRole: m.senderRole, clientPlan: m.planLabel, date: m.sentAt.utcDate)
        messageCounts[key, default: MessageCount()] += count
        let roomKey = RoomFactKey(file: m.file, roomID: m.roomID, epoch: m.epoch, phase: m.phase.phase, clientPlan: m.planLabel)
        roomCounts[roomKey, default: MessageCount()] += count
    }
}

/// Slots the threads judging disjoint slices write into, each its own.
private struct SliceSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<JudgedSlice>
    let findings: UnsafeMutableBufferPointer<JudgedFinding>
    init(_ s: UnsafeMutableBufferPointer<JudgedSlice>, _ f: UnsafeMutableBufferPointer<JudgedFinding>) {
        slots = s
        findings = f
    }
}
