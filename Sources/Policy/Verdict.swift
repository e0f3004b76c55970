import ExportFormat
import Detection

/// The verdict on one finding (policy.md, "Verdicts").
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case violation
    /// Would be a violation, but an exception applies (named in the judgement).
    case excused
    /// The phase or the epoch permits it.
    case allowed
    /// A `website` with no exception to use: recorded, never a violation.
    case info

    public static func < (a: Verdict, b: Verdict) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Everything a verdict depends on, resolved beforehand, so judging is a pure function.
public struct JudgeInput: Sendable, Hashable {
    public var kind: FindingKind
    public var platform: String?
    public var intent: Intent
    public var sentAt: Timestamp
    public var phase: RoomPhase
    public var senderRole: SenderRole
    /// The room's client plan (`basic` when the room record names none; nil when the room is not known).
    public var clientPlan: ClientPlan?
    /// The pair's first started contract (any room), if any.
    public var relationshipStart: Timestamp?
    /// For `unsolicited_contact`: did someone else in the room offer the channel before?
    public var channelOfferedByOther: Bool
    public var context: FindingContext

    public init(kind: FindingKind, platform: String?, intent: Intent, sentAt: Timestamp, phase: RoomPhase,
                senderRole: SenderRole, clientPlan: ClientPlan?, relationshipStart: Timestamp?,
                channelOfferedByOther: Bool, context: FindingContext) {
        self.kind = kind
        self.platform = platform
        self.intent = intent
        self.sentAt = sentAt
        self.phase = phase
        self.senderRole = senderRole
        self.clientPlan = clientPlan
        self.relationshipStart = relationshipStart
        self.channelOfferedByOther = channelOfferedByOther
        self.context = context
    }
}

/// A verdict that can explain itself: the epoch, the phase, the rule, the exception.
public struct Judgement: Sendable, Hashable {
    public var verdict: Verdict
    /// Set only when `verdict == .excused`.
    public var exception: String?
    public var epoch: String
    public var phase: RoomPhase
    /// The policy rule that decided (`contact.before_contract`, `payment.outside_platform`, …).
    public var rule: String
    /// One sentence for analysts.
    public var explanation: String

    public init(verdict: Verdict, exception: String?, epoch: String, phase: RoomPhase, rule: String, explanation: String) {
        self.verdict = verdict
        self.exception = exception
        self.epoch = epoch
        self.phase = phase
        self.rule = rule
        self.explanation = explanation
    }
}
