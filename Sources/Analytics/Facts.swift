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
    public var roomFacts: [RoomFactKey: MessageCount] = [:]
    public var pendingMessages: [PendingMessage] = []
    public var calls: [CallFact] = []
    /// What this run tells the ledger (rooms, contract events, offered channels).
    public var ledger = LedgerDelta()

    public init() {}

    public mutating func merge(_ other: SettledFacts) {
        messageCounts.merge(other.messageCounts, uniquingKeysWith: +)
        roomFacts.merge(other.roomFacts, uniquingKeysWith: +)
        pendingMessages += other.pendingMessages
        calls += other.calls
        ledger.merge(other.ledger)
    }
}

/// Everything a run writes: counters, judged findings, calls, ledger updates.
public struct RunFacts: Sendable {
    public var messageCounts: [MessageCountKey: MessageCount] = [:]
    public var roomFacts: [RoomFactKey: MessageCount] = [:]
    public var findings: [JudgedFinding] = []
    public var calls: [CallFact] = []
    public var ledger = LedgerDelta()

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
    public consuming func finalize(judge: Judge, ledger: RoomLedger) -> RunFacts {
        var out = RunFacts()
        swap(&out.messageCounts, &messageCounts)
        swap(&out.roomFacts, &roomFacts)
        out.calls = calls
        out.ledger = self.ledger
        let sorted = pendingMessages.sorted { ($0.file, $0.messageID) < ($1.file, $1.messageID) }
        out.findings.reserveCapacity(sorted.reduce(0) { $0 + $1.findings.count })
        for m in sorted {
            let relationship = ledger.relationshipStart(inRoom: m.roomID)
            var violating = false
            for (i, f) in m.findings.enumerated() {
                let input = JudgeInput(kind: f.kind, platform: f.platform, intent: f.intent, sentAt: m.sentAt, phase: m.phase,
                                       senderRole: m.senderRole, clientPlan: m.clientPlan, relationshipStart: relationship,
                                       channelOfferedByOther: m.channelOfferedByOther[i], context: f.context)
                let j = judge.judge(input)
                if j.verdict == .violation { violating = true }
                out.findings.append(JudgedFinding(message: m, finding: f, judgement: j))
            }
            let count = MessageCount(messages: 1, violatingMessages: violating ? 1 : 0)
            let key = MessageCountKey(file: m.file, epoch: m.epoch, phase: m.phase.phase, stage: m.phase.stage,
                                      senderRole: m.senderRole, clientPlan: m.planLabel, date: m.sentAt.utcDate)
            out.messageCounts[key, default: MessageCount()] = out.messageCounts[key, default: MessageCount()] + count
            let roomKey = RoomFactKey(file: m.file, roomID: m.roomID, epoch: m.epoch, phase: m.phase.phase, clientPlan: m.planLabel)
            out.roomFacts[roomKey, default: MessageCount()] = out.roomFacts[roomKey, default: MessageCount()] + count
        }
        return out
    }
}

extension SettledFacts {
    /// The same facts with file indices translated by `map` (files not in `map` are dropped).
    public func remappingFiles(_ map: [Int32: Int32]) -> SettledFacts {
        var out = SettledFacts()
        for (k, v) in messageCounts {
            guard let f = map[k.file] else { continue }
            var key = k
            key.file = f
            out.messageCounts[key, default: MessageCount()] = out.messageCounts[key, default: MessageCount()] + v
        }
        for (k, v) in roomFacts {
            guard let f = map[k.file] else { continue }
            var key = k
            key.file = f
            out.roomFacts[key, default: MessageCount()] = out.roomFacts[key, default: MessageCount()] + v
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
