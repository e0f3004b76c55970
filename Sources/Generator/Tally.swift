/// Counts a block of rooms adds to the truth summary; blocks add up.
/// Message counts sit in flat arrays indexed by small enums: this runs once per
/// message, so no hashing of strings here.
struct Tally: Sendable {
    static let messageCells = PolicyEpoch.allCases.count * RoomPhase.allCases.count * SenderRole.allCases.count * PlanLabel.allCases.count

    var messages = [Int](repeating: 0, count: messageCells)
    var violatingMessages = [Int](repeating: 0, count: messageCells)
    /// Keyed by `day * 3 + phase` (day since the epoch, UTC).
    var daily: [Int: (messages: Int, violating: Int)] = [:]
    /// `epoch|phase|role|plan|kind|source|verdict|exception` → findings.
    var findings: [String: Int] = [:]
    var scenarios: [String: Int] = [:]
    var negatives: [String: Int] = [:]
    var recordsByType: [String: Int] = [:]
    var callsByStatus: [String: Int] = [:]
    /// Rows failed_or_dropped, completed; columns calls, followed by a move.
    var callTable = [[0, 0], [0, 0]]
    var plantedMoves = [[0, 0], [0, 0]]
    var rooms = 0
    var roomsWithoutRecord = 0
    var messagesWithFindings = 0
    var messagesWithViolation = 0
    var labelLines = 0
    var attachments = 0

    static func cell(_ e: PolicyEpoch, _ p: RoomPhase, _ r: SenderRole, _ plan: PlanLabel) -> Int {
        ((e.rawValue * RoomPhase.allCases.count + p.rawValue) * SenderRole.allCases.count + r.rawValue) * PlanLabel.allCases.count + plan.rawValue
    }

    mutating func countMessage(_ s: MessageSituation, violating: Bool) {
        let c = Self.cell(s.epoch, s.phase, s.role, s.plan)
        messages[c] += 1
        let day = Int(RFC3339.floorDiv(s.sentAt.nanosecondsSinceEpoch, 86_400 * 1_000_000_000))
        var d = daily[day * 3 + s.phase.rawValue] ?? (0, 0)
        d.messages += 1
        if violating {
            violatingMessages[c] += 1
            d.violating += 1
        }
        daily[day * 3 + s.phase.rawValue] = d
    }

    mutating func add(_ o: Tally) {
        for i in 0..<Self.messageCells {
            messages[i] += o.messages[i]
            violatingMessages[i] += o.violatingMessages[i]
        }
        for (k, v) in o.daily {
            var d = daily[k] ?? (0, 0)
            d.messages += v.messages
            d.violating += v.violating
            daily[k] = d
        }
        findings.merge(o.findings, uniquingKeysWith: +)
        scenarios.merge(o.scenarios, uniquingKeysWith: +)
        negatives.merge(o.negatives, uniquingKeysWith: +)
        recordsByType.merge(o.recordsByType, uniquingKeysWith: +)
        callsByStatus.merge(o.callsByStatus, uniquingKeysWith: +)
        for i in 0..<2 { for j in 0..<2 { callTable[i][j] += o.callTable[i][j]; plantedMoves[i][j] += o.plantedMoves[i][j] } }
        rooms += o.rooms
        roomsWithoutRecord += o.roomsWithoutRecord
        messagesWithFindings += o.messagesWithFindings
        messagesWithViolation += o.messagesWithViolation
        labelLines += o.labelLines
        attachments += o.attachments
    }
}
