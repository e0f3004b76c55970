import ExportFormat

/// Where a room stands at a moment, from its contract events.
public enum Phase: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// No contract started in the room yet.
    case preContract = "pre_contract"
    /// A contract started in the room and has not ended.
    case activeContract = "active_contract"
    /// Every contract of the room that started has ended.
    case postContract = "post_contract"

    public static func < (a: Phase, b: Phase) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The sub-stage of `pre_contract`.
public enum PreContractStage: String, Sendable, Hashable, CaseIterable, Codable {
    /// Before any offer was sent.
    case inquiry
    /// An offer was sent and no contract has started yet.
    case offer
}

/// A room's phase at one moment, with the pre-contract stage where it applies.
public struct RoomPhase: Sendable, Hashable, Codable {
    public var phase: Phase
    public var stage: PreContractStage?

    public init(_ phase: Phase, stage: PreContractStage? = nil) {
        self.phase = phase
        self.stage = phase == .preContract ? (stage ?? .inquiry) : nil
    }

    public static let inquiry = RoomPhase(.preContract, stage: .inquiry)

    /// `pre_contract/offer`, `active_contract`, …: how explanations name it.
    public var label: String {
        if let stage { return "\(phase.rawValue)/\(stage.rawValue)" }
        return phase.rawValue
    }
}

/// Who sent a message, as far as the room ledger knows.
public enum SenderRole: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case client
    case freelancer
    /// A sender that is neither of a known room's participants (the platform's own messages).
    case system
    /// The message's room is not known: no room record in this run or an earlier one.
    case unknown

    public static func < (a: SenderRole, b: SenderRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The client's plan as reports show it: the export's plans, or `unknown` when the room is not known.
public enum PlanLabel {
    public static let unknown = "unknown"
    public static func of(_ plan: ClientPlan?) -> String { (plan ?? .basic).rawValue }
}
